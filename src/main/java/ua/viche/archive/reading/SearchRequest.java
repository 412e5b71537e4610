package ua.viche.archive.reading;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.search.ArchiveSearch;

/**
 * The archive search's request parameters as typed in the address bar, checked: the words (at most
 * {@value ArchiveSearch#MAX_QUERY} characters), one fond, decade and language, any number of index
 * terms, the order and the page. Knows how to write itself back as links that add or remove a
 * filter, so that facets are plain links and work without JavaScript.
 */
public final class SearchRequest {

    private static final int MAX_TERMS = 10;

    private final String path;
    private final ArchiveSearch.Query query;

    private SearchRequest(String path, ArchiveSearch.Query query) {
        this.path = path;
        this.query = query;
    }

    /** Parses the parameters; an {@link Refusal} names what is wrong. */
    public static SearchRequest parse(String path, String q, @Nullable String fond, @Nullable String decade,
                                      @Nullable String language, @Nullable List<String> terms, @Nullable String sort,
                                      @Nullable String page) {
        String words = q.strip();
        if (words.length() > ArchiveSearch.MAX_QUERY) {
            throw Refusal.badInput("archive.search.error.tooLong");
        }
        Long fondId = blank(fond) ? null : id(fond);
        Integer dec = null;
        if (!blank(decade)) {
            if (!decade.strip().matches("\\d{4}") || Integer.parseInt(decade.strip()) % 10 != 0) {
                throw Refusal.badInput("archive.search.error.filter");
            }
            dec = Integer.parseInt(decade.strip());
        }
        String lang = blank(language) ? null : language.strip();
        if (lang != null && !Holdings.LANGUAGES.contains(lang)) {
            throw Refusal.badInput("archive.search.error.filter");
        }
        LinkedHashSet<Long> termIds = new LinkedHashSet<>();
        if (terms != null) {
            for (String t : terms) {
                if (!blank(t)) {
                    termIds.add(id(t));
                }
            }
        }
        if (termIds.size() > MAX_TERMS) {
            throw Refusal.badInput("archive.search.error.filter");
        }
        ArchiveSearch.Sort order;
        if (blank(sort) || "relevance".equals(sort)) {
            order = ArchiveSearch.Sort.RELEVANCE;
        } else if ("date".equals(sort)) {
            order = ArchiveSearch.Sort.DATE;
        } else {
            throw Refusal.badInput("archive.search.error.sort");
        }
        int pageNumber = 0;
        if (!blank(page)) {
            if (!page.strip().matches("\\d{1,6}") || Integer.parseInt(page.strip()) > ArchiveSearch.MAX_PAGE) {
                throw Refusal.badInput("archive.search.error.page");
            }
            pageNumber = Integer.parseInt(page.strip());
        }
        return new SearchRequest(path, new ArchiveSearch.Query(words, fondId, dec, lang, new ArrayList<>(termIds), order, pageNumber));
    }

    public ArchiveSearch.Query query() {
        return query;
    }

    public String words() {
        return query.words();
    }

    public String sort() {
        return query.sort().name().toLowerCase(Locale.ROOT);
    }

    public boolean hasFond(String id) {
        return query.fond() != null && query.fond().toString().equals(id);
    }

    public boolean hasDecade(String d) {
        return query.decade() != null && query.decade().toString().equals(d);
    }

    public boolean hasLanguage(String l) {
        return l.equals(query.language());
    }

    public boolean hasTerm(String id) {
        return query.terms().stream().anyMatch(t -> t.toString().equals(id));
    }

    /** This search on its first page with a filter set (fond, decade, language) or a term added. */
    public String with(String name, String value) {
        return link(name, value, null, false, query.sort(), -1);
    }

    /** This search on its first page without the filter (or without that term). */
    public String without(String name, String value) {
        return link(null, null, name + "=" + value, false, query.sort(), -1);
    }

    /** The same words, without any filter. */
    public String unfiltered() {
        return link(null, null, null, true, query.sort(), -1);
    }

    /** The link for the pager (which adds {@code page=}). */
    public String pagerHref() {
        return link(null, null, null, false, query.sort(), -1);
    }

    private String link(@Nullable String addName, @Nullable String addValue, @Nullable String drop, boolean noFilters,
                        ArchiveSearch.Sort order, int page) {
        List<String> params = new ArrayList<>();
        params.add("q=" + enc(query.words()));
        if (!noFilters) {
            add(params, "fond", query.fond() == null ? null : query.fond().toString(), addName, addValue, drop);
            add(params, "decade", query.decade() == null ? null : query.decade().toString(), addName, addValue, drop);
            add(params, "language", query.language(), addName, addValue, drop);
            for (Long t : query.terms()) {
                if (!("term=" + t).equals(drop)) {
                    params.add("term=" + t);
                }
            }
            if ("term".equals(addName) && !hasTerm(addValue)) {
                params.add("term=" + enc(addValue));
            }
        }
        if (order == ArchiveSearch.Sort.DATE) {
            params.add("sort=date");
        }
        if (page > 0) {
            params.add("page=" + page);
        }
        return path + "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, @Nullable String current, @Nullable String addName,
                            @Nullable String addValue, @Nullable String drop) {
        String value = name.equals(addName) ? addValue : current;
        if (value != null && !(name + "=" + value).equals(drop)) {
            params.add(name + "=" + enc(value));
        }
    }

    private static long id(String s) {
        String v = s.strip();
        if (!v.matches("\\d{1,18}")) {
            throw Refusal.badInput("archive.search.error.filter");
        }
        return Long.parseLong(v);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
