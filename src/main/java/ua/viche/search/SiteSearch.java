package ua.viche.search;

import static ua.viche.search.SearchDocumentBinder.DATE;
import static ua.viche.search.SearchDocumentBinder.KIND;
import static ua.viche.search.SearchDocumentBinder.OPEN;
import static ua.viche.search.SearchDocumentBinder.PATH;
import static ua.viche.search.SearchDocumentBinder.PUBLIC_FROM;
import static ua.viche.search.SearchDocumentBinder.STATUS;
import static ua.viche.search.SearchDocumentBinder.SUMMARY;
import static ua.viche.search.SearchDocumentBinder.TEXT;
import static ua.viche.search.SearchDocumentBinder.TITLE;
import static ua.viche.search.SearchDocumentBinder.TITLE_EN;
import static ua.viche.search.SearchDocumentBinder.WORDS;
import static ua.viche.search.SearchDocumentBinder.YEAR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import ua.viche.platform.Community;

/**
 * The community's search over every module (decision 0041): one query over the indexes of all
 * {@link SearchDocument} entities, public items only, best first, with facets by kind, status and
 * year. Hits are made from what the index stores; the database is not read.
 */
@Service
public class SiteSearch {

    public static final int MAX_QUERY = 200;
    public static final int PAGE_SIZE = 20;
    /** Pages of results one may ask for. */
    public static final int MAX_PAGE = 50;
    static final int SNIPPET = 200;
    /** Pairs of neighbouring words that earn a proximity bonus (a longer query's later pairs do not). */
    static final int MAX_PAIRS = 8;
    /** The weight of the query's words as a phrase in the very forms typed (decision 0041). */
    static final float EXACT = 2f;
    /** The words the Ukrainian analyzer drops. */
    private static final CharArraySet STOP_WORDS = UkrainianMorfologikAnalyzer.getDefaultStopwords();

    private static final AggregationKey<Map<String, Long>> KINDS = AggregationKey.of("kinds");
    private static final AggregationKey<Map<String, Long>> STATUSES = AggregationKey.of("statuses");
    private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");

    private final SharedIndex index;
    private final List<String> kinds;

    SiteSearch(SharedIndex index, List<SearchProvider> providers) {
        this.index = index;
        this.kinds = providers.stream().flatMap(p -> p.kinds().stream()).distinct().toList();
    }

    /** Every kind of item the modules index, in the modules' order. */
    public List<String> kinds() {
        return kinds;
    }

    /** What is asked: the words and the chosen facets (null when not chosen), the page from 0. */
    public record Query(String text, @Nullable String kind, @Nullable SearchStatus status, @Nullable Integer year, int page) {

        public static Query of(String text) {
            return new Query(text, null, null, null, 0);
        }

        public boolean filtered() {
            return kind != null || status != null || year != null;
        }
    }

    /** One item found: its kind, title, an HTML-safe snippet with the words marked, its address. */
    public record Hit(String kind, String title, String snippet, String url, SearchStatus status, @Nullable LocalDate date,
                      float score) {}

    /**
     * One page of hits, the number of all hits, the facets' counts over the whole query (value →
     * hits, before the chosen facets narrow it), and a corrected query when nothing was found.
     */
    public record Result(List<Hit> hits, long total, Map<String, Long> kinds, Map<SearchStatus, Long> statuses,
                         Map<Integer, Long> years, @Nullable String suggestion) {

        static Result empty() {
            return new Result(List.of(), 0, Map.of(), Map.of(), Map.of(), null);
        }

        public int pages() {
            return (int) Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    public Result search(Community community, Query q, LocalDate today, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        String stripped = q.text().strip();
        String text = stripped.length() > MAX_QUERY ? stripped.substring(0, MAX_QUERY) : stripped;
        QueryText parsed = QueryText.parse(text);
        if (parsed.isEmpty() || kinds.isEmpty() || simpleQuery(parsed, false).isEmpty()) {
            return Result.empty();
        }
        String kind = q.kind() != null && kinds.contains(q.kind()) ? q.kind() : null;
        int page = Math.max(0, Math.min(q.page(), MAX_PAGE - 1));
        return index.search(session -> {
            // typos are tolerated only when the words as written find nothing: a fuzzy term walks
            // the whole dictionary, which is most of a search's time (bench/README, «Site search»)
            Result result = run(session, community, parsed, q, kind, page, today, english, false);
            if (result.total() == 0 && typos(parsed)) {
                result = run(session, community, parsed, q, kind, page, today, english, true);
            }
            return result.total() > 0 ? result
                    : new Result(result.hits(), 0, result.kinds(), result.statuses(), result.years(),
                            suggest(session, community.id(), parsed, text, today));
        });
    }

    private Result run(SearchSession session, Community community, QueryText parsed, Query q, @Nullable String kind, int page,
                       LocalDate today, boolean english, boolean typos) {
        SearchResult<List<?>> result = session.search(SearchDocument.class)
                .select(f -> f.composite(f.field(KIND, String.class), f.field(TITLE, String.class),
                        f.field(TITLE_EN, String.class), f.highlight(TEXT), f.field(SUMMARY, String.class), f.field(PATH, String.class),
                        f.field(STATUS, String.class), f.field(DATE, LocalDate.class), f.score()))
                .where((f, root) -> {
                    root.add(ranked(f, community.id(), parsed, today, typos));
                    if (kind != null) {
                        root.add(f.match().field(KIND).matching(kind));
                    }
                    if (q.status() != null) {
                        root.add(f.match().field(STATUS).matching(q.status().name()));
                    }
                    if (q.year() != null) {
                        root.add(f.match().field(YEAR).matching(q.year()));
                    }
                })
                .aggregation(KINDS, f -> f.terms().field(KIND, String.class).maxTermCount(50))
                .aggregation(STATUSES, f -> f.terms().field(STATUS, String.class).maxTermCount(10))
                .aggregation(YEARS, f -> f.terms().field(YEAR, Integer.class).maxTermCount(30))
                .highlighter(f -> f.fastVector().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .fragmentSize(SNIPPET).numberOfFragments(1))
                .fetch(page * PAGE_SIZE, PAGE_SIZE);
        List<Hit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            hits.add(hit(community, row, english));
        }
        SearchResult<?> facets = result;
        if (kind != null || q.status() != null || q.year() != null) {
            facets = session.search(SearchDocument.class)
                    .where(f -> ranked(f, community.id(), parsed, today, typos))
                    .aggregation(KINDS, f -> f.terms().field(KIND, String.class).maxTermCount(50))
                    .aggregation(STATUSES, f -> f.terms().field(STATUS, String.class).maxTermCount(10))
                    .aggregation(YEARS, f -> f.terms().field(YEAR, Integer.class).maxTermCount(30))
                    .fetch(0);
        }
        return new Result(hits, result.total().hitCount(), byCount(facets.aggregation(KINDS)),
                statuses(facets.aggregation(STATUSES)), years(facets.aggregation(YEARS)), null);
    }

    /**
     * The query (decision 0041): every word (in any of its readings, or, with {@code typos}, within
     * one or two typos when it has five letters or more) and every quoted phrase must occur in the title or the text;
     * excluded words must not; the item must be public today. Scoring: BM25 with the title three
     * times the text, plus the words as a phrase (and again in the very forms typed), plus each pair of neighbouring words as a phrase and
     * within four positions, plus a little for items open to take part in and for items of the last year.
     */
    static PredicateFinalStep ranked(SearchPredicateFactory f, long community, QueryText q, LocalDate today, boolean typos) {
        var bool = f.bool()
                .must(f.simpleQueryString().field(TITLE).boost(3f).field(TEXT)
                        .matching(simpleQuery(q, typos)).defaultOperator(BooleanOperator.AND))
                .filter(SharedIndex.community(f, community))
                .filter(f.range().field(PUBLIC_FROM).atMost(today));
        List<String> words = q.words().stream().map(Variants::reading).toList();
        if (words.size() > 1) {
            // the query's words as a phrase, then each pair of neighbours next to each other or close
            bool.should(f.phrase().field(TITLE).boost(2f).field(TEXT).matching(String.join(" ", words)).boost(2f));
            // the same words in the same forms, as written (the whole and each pair): the exact phrase
            // before its inflected forms
            if (words.size() > 2) {
                bool.should(f.phrase().field(WORDS).matching(String.join(" ", words)).boost(EXACT));
            }
            for (int i = 0; i + 1 < words.size() && i < MAX_PAIRS; i++) {
                String pair = words.get(i) + " " + words.get(i + 1);
                bool.should(f.phrase().field(TITLE).boost(2f).field(TEXT).matching(pair));
                bool.should(f.phrase().field(WORDS).matching(pair).boost(EXACT));
                bool.should(f.phrase().field(TEXT).matching(pair).slop(4).boost(0.5f));
            }
        }
        for (String phrase : q.phrases()) {
            if (phrase.indexOf(' ') > 0) {
                bool.should(f.phrase().field(WORDS).matching(phrase.toLowerCase(Locale.ROOT)).boost(EXACT));
            }
        }
        bool.should(f.match().field(OPEN).matching(true).constantScore().boost(0.3f));
        bool.should(f.range().field(DATE).atLeast(today.minusYears(1)).constantScore().boost(0.3f));
        return bool;
    }

    /** The query in the simple query syntax, each word with its readings and, with {@code typos}, its typo-tolerant forms. */
    static String simpleQuery(QueryText q, boolean typos) {
        StringBuilder out = new StringBuilder();
        for (String word : q.words()) {
            if (STOP_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                continue; // the analyzer drops it: as a required clause it would match nothing
            }
            List<String> parts = new ArrayList<>();
            for (String v : Variants.of(word)) {
                parts.add(escape(v));
                int letters = (int) v.codePoints().filter(Character::isLetter).count();
                if (typos && letters >= 5 && v.indexOf('-') < 0) {
                    parts.add(escape(v) + "~" + (letters >= 8 ? 2 : 1));
                }
            }
            out.append(" (").append(String.join(" | ", parts)).append(')');
        }
        for (String phrase : q.phrases()) {
            if (List.of(phrase.split(" ")).stream().allMatch(w -> STOP_WORDS.contains(w.toLowerCase(Locale.ROOT)))) {
                continue; // a phrase of stop words alone is analysed to nothing
            }
            Set<String> readings = new LinkedHashSet<>();
            readings.add(phrase.toLowerCase(Locale.ROOT));
            readings.add(String.join(" ", List.of(phrase.split(" ")).stream().map(Variants::reading).toList()));
            out.append(" (").append(String.join(" | ", readings.stream().map(p -> "\"" + escape(p) + "\"").toList())).append(')');
        }
        for (String word : q.excluded()) {
            for (String v : Variants.of(word)) {
                out.append(" -").append(escape(v));
            }
        }
        return out.toString().strip();
    }

    /** Whether some word would be read differently with typos allowed (five letters or more, not a stop word). */
    static boolean typos(QueryText q) {
        return q.words().stream().anyMatch(w -> w.codePoints().filter(Character::isLetter).count() >= 5
                && !STOP_WORDS.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("+|-\"*()~\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static Hit hit(Community community, List<?> row, boolean english) {
        String kind = (String) row.get(0);
        String title = english && row.get(2) instanceof String en ? en : (String) row.get(1);
        String snippet = row.get(3) instanceof List<?> fragments && !fragments.isEmpty() && !((String) fragments.get(0)).isBlank()
                ? (String) fragments.get(0) : HtmlUtils.htmlEscape(String.valueOf(row.get(4)), "UTF-8");
        String url = "/" + community.slug() + "/" + row.get(5);
        SearchStatus status = SearchStatus.valueOf((String) row.get(6));
        LocalDate date = (LocalDate) row.get(7);
        float score = row.get(8) instanceof Float s ? s : 0f;
        return new Hit(kind, title, snippet, url, status, date, score);
    }

    /**
     * «Did you mean»: the query with each word replaced by the nearest word (at most two edits) of
     * the titles and summaries that a looser query finds; null when no word changes.
     */
    private @Nullable String suggest(SearchSession session, long community, QueryText q, String text, LocalDate today) {
        List<String> words = new ArrayList<>(q.words());
        q.phrases().forEach(p -> words.addAll(List.of(p.split(" "))));
        if (words.isEmpty()) {
            return null;
        }
        String loose = String.join(" | ", words.stream().flatMap(w -> Variants.of(w).stream())
                .map(w -> escape(w) + (w.length() >= 4 ? "~2" : "")).toList());
        List<List<?>> near = session.search(SearchDocument.class)
                .select(f -> f.composite(f.field(TITLE, String.class), f.field(SUMMARY, String.class)))
                .where(f -> f.bool()
                        .must(f.simpleQueryString().field(TITLE).field(TEXT).matching(loose).defaultOperator(BooleanOperator.OR))
                        .filter(SharedIndex.community(f, community))
                        .filter(f.range().field(PUBLIC_FROM).atMost(today)))
                .fetchHits(10);
        Set<String> vocabulary = new LinkedHashSet<>();
        for (List<?> row : near) {
            for (Object field : row) {
                QueryText.parse(String.valueOf(field)).words().forEach(w -> vocabulary.add(w.toLowerCase(Locale.ROOT)));
            }
        }
        String suggestion = text;
        boolean changed = false;
        for (String word : words) {
            String best = null;
            int bestDistance = 3;
            for (String reading : Variants.of(word)) {
                for (String candidate : vocabulary) {
                    int d = Variants.distance(reading, candidate, bestDistance);
                    if (d < bestDistance || d == bestDistance && best == null) {
                        best = candidate;
                        bestDistance = d;
                    }
                }
            }
            int allowed = word.length() >= 5 ? 2 : 1;
            if (best != null && bestDistance <= allowed && !best.equalsIgnoreCase(word)) {
                suggestion = suggestion.replace(word, best);
                changed = true;
            }
        }
        return changed ? suggestion : null;
    }

    private static Map<String, Long> byCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Map<SearchStatus, Long> statuses(Map<String, Long> counts) {
        Map<SearchStatus, Long> out = new LinkedHashMap<>();
        for (SearchStatus s : SearchStatus.values()) {
            Long n = counts.get(s.name());
            if (n != null) {
                out.put(s, n);
            }
        }
        return out;
    }

    private static Map<Integer, Long> years(Map<Integer, Long> counts) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByKey(Comparator.reverseOrder()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
