package ua.viche.search.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.search.SearchStatus;
import ua.viche.search.SiteSearch;

/**
 * The community's search page and its JSON twin. What is searched is not logged, and the page
 * asks nothing of who is signed in: the results are the same for everyone (public items only).
 */
@Controller
class SearchController {

    private final SiteSearch search;
    private final Clock clock;

    SearchController(SiteSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @GetMapping("/{community}/search")
    String page(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                @RequestParam(name = "kind", required = false) @Nullable String kind,
                @RequestParam(name = "status", required = false) @Nullable String status,
                @RequestParam(name = "year", required = false) @Nullable String year,
                @RequestParam(name = "page", defaultValue = "0") String page, Locale locale, Model model) {
        SiteSearch.Query query = query(q, kind, status, year, page);
        SiteSearch.Result result = search.search(CurrentCommunity.require(), query, today(), locale);
        model.addAttribute("q", q);
        model.addAttribute("query", query);
        model.addAttribute("tooLong", q.length() > SiteSearch.MAX_QUERY);
        model.addAttribute("kinds", search.kinds());
        model.addAttribute("hasProviders", !search.kinds().isEmpty());
        model.addAttribute("result", result);
        model.addAttribute("pages", new PageImpl<>(result.hits(), PageRequest.of(query.page(), SiteSearch.PAGE_SIZE),
                Math.min(result.total(), (long) SiteSearch.MAX_PAGE * SiteSearch.PAGE_SIZE)));
        model.addAttribute("links", SearchLinks.of(slug, query));
        return "search/search";
    }

    @GetMapping("/api/v1/{community}/search")
    @ResponseBody
    SearchResponse api(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                       @RequestParam(name = "kind", required = false) @Nullable String kind,
                       @RequestParam(name = "status", required = false) @Nullable String status,
                       @RequestParam(name = "year", required = false) @Nullable String year,
                       @RequestParam(name = "page", defaultValue = "0") String page, Locale locale) {
        SiteSearch.Query query = query(q, kind, status, year, page);
        SiteSearch.Result r = search.search(CurrentCommunity.require(), query, today(), locale);
        Map<String, Long> statuses = new LinkedHashMap<>();
        r.statuses().forEach((s, n) -> statuses.put(s.name().toLowerCase(Locale.ROOT), n));
        return new SearchResponse(q, r.total(), query.page(), r.pages(),
                r.hits().stream().map(h -> new Item(h.kind(), h.title(), h.snippet(), h.url(),
                        h.status().name().toLowerCase(Locale.ROOT), h.date())).toList(),
                new Facets(r.kinds(), statuses, r.years()), r.suggestion());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    /** The query from the request's parameters; a value that is not one of the facet's is ignored. */
    private SiteSearch.Query query(String q, @Nullable String kind, @Nullable String status, @Nullable String year, String page) {
        SearchStatus s = null;
        if (status != null) {
            for (SearchStatus candidate : SearchStatus.values()) {
                if (candidate.name().equalsIgnoreCase(status)) {
                    s = candidate;
                }
            }
        }
        return new SiteSearch.Query(q, kind != null && search.kinds().contains(kind) ? kind : null, s,
                number(year, 1000, 9999), pageNumber(page));
    }

    private static int pageNumber(String page) {
        Integer n = number(page, 0, SiteSearch.MAX_PAGE - 1);
        return n == null ? 0 : n;
    }

    private static @Nullable Integer number(@Nullable String text, int min, int max) {
        if (text == null || !text.matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(text);
        return n >= min && n <= max ? n : null;
    }

    record SearchResponse(String query, long total, int page, int pages, List<Item> items, Facets facets,
                          @Nullable String suggestion) {}

    record Item(String kind, String title, String snippet, String url, String status, @Nullable LocalDate date) {}

    record Facets(Map<String, Long> kind, Map<String, Long> status, Map<Integer, Long> year) {}
}
