package ua.viche.archive.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.platform.Refusal;
import ua.viche.archive.reading.PublicArchive;
import ua.viche.archive.reading.SearchRequest;

/** JSON twin of the reading pages: the tree of fonds and the search, under the same access rules. */
@RestController
@RequestMapping("/api/v1/{community}/archive")
class ArchiveReadingApi {

    private final PublicArchive archive;

    ArchiveReadingApi(PublicArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/fonds")
    List<Fond> fonds(@PathVariable("community") String slug) {
        return archive.tree().stream().map(t -> new Fond(t.fond().id(), t.fond().cipher(), t.fond().title(),
                t.fond().years(), t.fond().creator(), "/" + slug + "/archive/fonds/" + t.fond().id(),
                t.inventories().stream().map(i -> new Inventory(i.id(), i.cipher(), i.title(), i.years(), i.openFiles(),
                        i.restrictedFiles(), "/" + slug + "/archive/inventories/" + i.id())).toList())).toList();
    }

    @GetMapping("/search")
    SearchResponse search(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                          @RequestParam(name = "fond", required = false) @Nullable String fond,
                          @RequestParam(name = "decade", required = false) @Nullable String decade,
                          @RequestParam(name = "language", required = false) @Nullable String language,
                          @RequestParam(name = "term", required = false) @Nullable List<String> terms,
                          @RequestParam(name = "sort", required = false) @Nullable String sort,
                          @RequestParam(name = "page", required = false) @Nullable String page) {
        SearchRequest request = SearchRequest.parse("/" + slug + "/archive/search", q, fond, decade, language, terms, sort, page);
        if (request.words().isEmpty()) {
            throw Refusal.badInput("archive.search.error.empty");
        }
        PublicArchive.Results r = archive.search(request.query(), slug);
        return new SearchResponse(request.words(), r.total(), r.page(), r.totalPages(),
                r.hits().stream().map(h -> new Item(h.cipher(), h.title(), h.snippet(), h.url(), h.dateFrom(), h.dateTo(),
                        h.restricted())).toList(),
                new Facets(facets(r.fonds()), facets(r.decades()), facets(r.languages()), facets(r.terms())));
    }

    private static List<Facet> facets(List<PublicArchive.FacetValue> values) {
        return values.stream().map(v -> new Facet(v.value(), v.count())).toList();
    }

    record Fond(long id, String cipher, String title, String years, String creator, String url, List<Inventory> inventories) {}

    record Inventory(long id, String cipher, String title, String years, int openFiles, int restrictedFiles, String url) {}

    record SearchResponse(String query, long total, int page, int totalPages, List<Item> items, Facets facets) {}

    record Item(String cipher, String title, String snippet, String url, @Nullable LocalDate dateFrom,
                @Nullable LocalDate dateTo, boolean restricted) {}

    record Facets(List<Facet> fond, List<Facet> decade, List<Facet> language, List<Facet> term) {}

    record Facet(String value, long count) {}
}
