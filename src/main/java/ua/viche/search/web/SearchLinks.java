package ua.viche.search.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.search.SearchStatus;
import ua.viche.search.SiteSearch;

/** Addresses of the search page with one facet chosen or dropped, the others kept. */
public record SearchLinks(String slug, String q, @Nullable String kind, @Nullable SearchStatus status, @Nullable Integer year) {

    static SearchLinks of(String slug, SiteSearch.Query query) {
        return new SearchLinks(slug, query.text(), query.kind(), query.status(), query.year());
    }

    public String kind(@Nullable String value) {
        return href(value, status, year);
    }

    public String status(@Nullable SearchStatus value) {
        return href(kind, value, year);
    }

    public String year(@Nullable Integer value) {
        return href(kind, status, value);
    }

    /** The query alone, without facets: for the suggestion. */
    public String query(String text) {
        return new SearchLinks(slug, text, null, null, null).current();
    }

    /** This page's address without the page number (for the pager). */
    public String current() {
        return href(kind, status, year);
    }

    /**
     * The values go in as URI variables, which are encoded strictly: a {@code +} that stayed as it is
     * would come back as a space, and a brace would make the server refuse the request.
     */
    private String href(@Nullable String k, @Nullable SearchStatus s, @Nullable Integer y) {
        Map<String, Object> values = new LinkedHashMap<>();
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/{slug}/search").queryParam("q", "{q}");
        values.put("slug", slug);
        values.put("q", q);
        if (k != null) {
            b.queryParam("kind", "{kind}");
            values.put("kind", k);
        }
        if (s != null) {
            b.queryParam("status", "{status}");
            values.put("status", s.name().toLowerCase(Locale.ROOT));
        }
        if (y != null) {
            b.queryParam("year", "{year}");
            values.put("year", y);
        }
        return b.encode().buildAndExpand(values).toUriString();
    }
}
