package ua.viche.platform;

import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown written by users, rendered to HTML and cleaned: raw HTML in the source is escaped, and
 * the result keeps only text structure (paragraphs, lists, emphasis, headings, quotes, links).
 * In templates: {@code th:utext="${@richText.html(text)}"}.
 */
@Component("richText")
public class RichText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "ul", "ol", "li", "em", "strong", "blockquote", "code", "pre", "h3", "h4", "a", "hr")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    /** Rendered texts by their source: public pages show the same few texts over and over. */
    private static final int CACHED = 2_000;
    private final ConcurrentHashMap<String, String> rendered = new ConcurrentHashMap<>();

    public String html(String markdown) {
        String cached = rendered.get(markdown);
        if (cached != null) {
            return cached;
        }
        String html = render(markdown);
        if (rendered.size() >= CACHED) {
            rendered.clear();
        }
        rendered.put(markdown, html);
        return html;
    }

    private static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        // headings of user text sit below the page's own h1/h2
        html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>");
        return POLICY.sanitize(html);
    }
}
