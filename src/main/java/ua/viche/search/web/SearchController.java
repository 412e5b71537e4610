package ua.viche.search.web;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.platform.CurrentCommunity;
import ua.viche.search.SiteSearch;

/** The community's search page and its JSON twin. */
@Controller
class SearchController {

    private final SiteSearch search;

    SearchController(SiteSearch search) {
        this.search = search;
    }

    @GetMapping("/{community}/search")
    String page(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                Locale locale, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("tooLong", q.length() > SiteSearch.MAX_QUERY);
        model.addAttribute("hasProviders", search.hasProviders());
        model.addAttribute("results", search.search(CurrentCommunity.require(), q, locale, 50));
        return "search/search";
    }

    @GetMapping("/api/v1/{community}/search")
    @ResponseBody
    SearchResponse api(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                       Locale locale) {
        List<SiteSearch.Result> results = search.search(CurrentCommunity.require(), q, locale, 50);
        return new SearchResponse(q, results.size(), results.stream()
                .map(r -> new Item(r.hit().title(), r.hit().snippet(), r.hit().url())).toList());
    }

    record SearchResponse(String query, int total, List<Item> items) {}

    record Item(String title, String snippet, String url) {}
}
