package ua.viche.archive.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.query.SearchResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.ArchiveIndex;
import ua.viche.archive.domain.Page;
import ua.viche.platform.CurrentCommunity;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SharedIndex;

/**
 * Full-text search over the current community's holdings: page text and file descriptions, with
 * Ukrainian morphology, phrases in quotes, highlighted snippets, facets and sorting. Access is a
 * filter of the query itself: for the public, documents of a file closed today are not matched at
 * all, so they count in no total and no facet, and no snippet of theirs is ever made.
 */
@Service
public class ArchiveSearch {

    public static final int MAX_QUERY = 200;
    public static final int PAGE_SIZE = 20;
    /** Pages of results one may ask for (20 × 500 = 10 000 hits). */
    public static final int MAX_PAGE = 500;
    static final int SNIPPET = 200;
    /** Longer texts are shown unmarked: the highlighter reads only so far into a text. */
    static final int MAX_MARKED = 50_000;

    private static final AggregationKey<Map<Long, Long>> FONDS = AggregationKey.of("fonds");
    private static final AggregationKey<Map<Integer, Long>> DECADES = AggregationKey.of("decades");
    private static final AggregationKey<Map<String, Long>> LANGUAGES = AggregationKey.of("languages");
    private static final AggregationKey<Map<Long, Long>> TERMS = AggregationKey.of("terms");

    private final SharedIndex index;

    ArchiveSearch(SharedIndex index) {
        this.index = index;
    }

    public enum Sort { RELEVANCE, DATE }

    /** What is asked: the words and the chosen filters (null / empty when not chosen). */
    public record Query(String words, @Nullable Long fond, @Nullable Integer decade, @Nullable String language,
                        List<Long> terms, Sort sort, int page) {

        public Query {
            terms = List.copyOf(terms);
        }

        public static Query of(String words) {
            return new Query(words, null, null, null, List.of(), Sort.RELEVANCE, 0);
        }

        public boolean filtered() {
            return fond != null || decade != null || language != null || !terms.isEmpty();
        }
    }

    /**
     * A file (by its description) or a page (by its text) found, with an HTML-safe snippet; made from
     * what the index stores, without loading either.
     */
    public record Hit(long fileId, @Nullable Long pageId, @Nullable Integer pageNumber, String cipher, String title,
                      @Nullable LocalDate dateFrom, @Nullable LocalDate dateTo, String language, String snippet,
                      boolean restricted, float score) {}

    /** The hits of one page of results, the total, and the facets' counts (value → hits). */
    public record Result(List<Hit> hits, long total, Map<Long, Long> fonds, Map<Integer, Long> decades,
                         Map<String, Long> languages, Map<Long, Long> terms) {}

    /**
     * Searches; {@code seesClosed} (an archivist) includes files closed today, their hits marked
     * restricted. Must run in a transaction, as the hits are entities the caller reads further.
     */
    @Transactional(readOnly = true)
    public Result search(Query q, boolean seesClosed, LocalDate today) {
        long community = CurrentCommunity.require().id();
        SearchResult<List<?>> result = index.search(session -> session.search(List.of(Page.class, ArchiveFile.class))
                .select(f -> f.composite(f.id(Long.class), f.field(ArchiveIndex.HIT_FILE, Long.class),
                        f.field(ArchiveIndex.HIT_PAGE, Integer.class), f.field(ArchiveIndex.HIT_CIPHER, String.class),
                        f.field(ArchiveIndex.HIT_TITLE, String.class), f.field(ArchiveIndex.DATE_FROM, LocalDate.class),
                        f.field(ArchiveIndex.DATE_TO, LocalDate.class), f.field(ArchiveIndex.LANGUAGE, String.class),
                        f.field(ArchiveIndex.OPEN_FROM, LocalDate.class), f.highlight(SearchDocumentBinder.TEXT),
                        f.highlight(ArchiveIndex.TITLE), f.field(SearchDocumentBinder.SUMMARY, String.class), f.score()))
                .where((f, root) -> {
                    root.add(f.simpleQueryString()
                            .field(SearchDocumentBinder.TEXT)
                            .field(ArchiveIndex.TITLE).boost(2f)
                            .field(ArchiveIndex.TERMS).boost(2f)
                            .field(ArchiveIndex.CIPHER)
                            .matching(q.words()).defaultOperator(BooleanOperator.AND));
                    root.add(SharedIndex.community(f, community));
                    if (!seesClosed) {
                        root.add(f.range().field(ArchiveIndex.OPEN_FROM).atMost(today));
                    }
                    if (q.fond() != null) {
                        root.add(f.match().field(ArchiveIndex.FOND).matching(q.fond()));
                    }
                    if (q.decade() != null) {
                        root.add(f.match().field(ArchiveIndex.DECADE).matching(q.decade()));
                    }
                    if (q.language() != null) {
                        root.add(f.match().field(ArchiveIndex.LANGUAGE).matching(q.language()));
                    }
                    for (Long term : q.terms()) {
                        root.add(f.match().field(ArchiveIndex.TERM).matching(term));
                    }
                })
                .sort(f -> q.sort() == Sort.DATE
                        ? f.field(ArchiveIndex.DATE).asc().missing().last().then().score()
                        : f.score())
                .aggregation(FONDS, f -> f.terms().field(ArchiveIndex.FOND, Long.class).maxTermCount(50))
                .aggregation(DECADES, f -> f.terms().field(ArchiveIndex.DECADE, Integer.class).orderByTermAscending().maxTermCount(50))
                .aggregation(LANGUAGES, f -> f.terms().field(ArchiveIndex.LANGUAGE, String.class).maxTermCount(20))
                .aggregation(TERMS, f -> f.terms().field(ArchiveIndex.TERM, Long.class).maxTermCount(30))
                .highlighter(f -> f.fastVector().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .fragmentSize(SNIPPET).numberOfFragments(1))
                .fetch(q.page() * PAGE_SIZE, PAGE_SIZE));
        List<Hit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            hits.add(hit(row, today));
        }
        return new Result(hits, result.total().hitCount(), sorted(result.aggregation(FONDS)),
                new LinkedHashMap<>(result.aggregation(DECADES)), sorted(result.aggregation(LANGUAGES)),
                sorted(result.aggregation(TERMS)));
    }

    /**
     * The page's whole text, HTML-escaped, with the words of the query marked; the plain escaped
     * text when the query is empty or does not match.
     */
    @Transactional(readOnly = true)
    public String marked(Page page, String words) {
        String text = page.getText();
        if (words.isBlank() || text.isEmpty() || words.length() > MAX_QUERY || text.length() > MAX_MARKED) {
            return escape(text);
        }
        long community = CurrentCommunity.require().id();
        List<List<String>> found = index.search(session -> session.search(Page.class)
                .select(f -> f.highlight(SearchDocumentBinder.TEXT))
                .where(f -> f.bool()
                        .must(f.simpleQueryString().field(SearchDocumentBinder.TEXT).matching(words).defaultOperator(BooleanOperator.OR))
                        .filter(SharedIndex.community(f, community))
                        .filter(f.id().matching(page.getId())))
                .highlighter(f -> f.plain().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .fragmentSize(text.length() + 1).numberOfFragments(1).noMatchSize(text.length() + 1))
                .fetchHits(1));
        String marked = found.isEmpty() ? null : first(found.get(0));
        return marked != null ? marked : escape(text);
    }

    private static Hit hit(List<?> row, LocalDate today) {
        long id = (Long) row.get(0);
        long file = (Long) row.get(1);
        Integer page = (Integer) row.get(2);
        String title = (String) row.get(4);
        LocalDate openFrom = (LocalDate) row.get(8);
        String snippet = page != null
                ? Objects.requireNonNullElse(first(row.get(9)), escape(String.valueOf(row.get(11))))
                : Objects.requireNonNullElse(first(row.get(10)), escape(title));
        return new Hit(file, page != null ? id : null, page, (String) row.get(3), title, (LocalDate) row.get(5),
                (LocalDate) row.get(6), (String) row.get(7), snippet, openFrom != null && openFrom.isAfter(today),
                row.get(12) instanceof Float score ? score : 0f);
    }

    private static <K> Map<K, Long> sorted(Map<K, Long> counts) {
        Map<K, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<K, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static @Nullable String first(Object fragments) {
        return fragments instanceof List<?> list && !list.isEmpty() ? (String) list.get(0) : null;
    }

    static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

}
