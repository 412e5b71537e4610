package ua.viche.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.VicheSettings;

/** sitemap.xml (platform pages, each community and what its modules list) and robots.txt. */
@RestController
class SitemapController {

    private final Communities communities;
    private final List<ModuleDescriptor> modules;
    private final VicheSettings settings;

    SitemapController(Communities communities, List<ModuleDescriptor> modules, VicheSettings settings) {
        this.communities = communities;
        this.modules = modules;
        this.settings = settings;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    String sitemap(HttpServletRequest request) {
        String base = base();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, base + "/");
        url(xml, base + "/accessibility");
        for (Community c : communities.all()) {
            url(xml, base + "/" + c.slug());
            CurrentCommunity.runAs(c, () -> modules.stream().filter(m -> m.enabledIn(c))
                    .flatMap(m -> m.sitemapPaths(c).stream())
                    .forEach(p -> url(xml, base + "/" + c.slug() + "/" + p)));
        }
        return xml.append("</urlset>\n").toString();
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return "User-agent: *\nDisallow: /account/\nDisallow: /admin/\nDisallow: /*/admin/\nDisallow: /demo/\n"
                + "Sitemap: " + base() + "/sitemap.xml\n";
    }

    private String base() {
        return settings.baseUrl();
    }

    private static void url(StringBuilder xml, String loc) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(loc)).append("</loc></url>\n");
    }
}
