import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Archive search benchmark: the same synthetic Ukrainian pages ({@link ArchiveTextGen}) indexed by
 * Lucene with the application's analyzer and field layout, and by PostgreSQL full-text search with the
 * {@code simple} configuration; indexing rate, latency of a query mix ({@link ArchiveQueries}) and
 * whether inflected queries find their pages.
 *
 * <pre>java ArchiveBench pages=100000 dir=/tmp/x [seed=20261124] [queries=2000] [warmup=200]
 *      [threads=2] [limit=300] [engines=lucene,pg]</pre>
 */
public final class ArchiveBench {

    static final int TOP = 20;
    static final String COMMUNITY = Long.toString(ArchiveTextGen.QUERIED_COMMUNITY);

    /** One search as the application would make it; returns the total number of hits. */
    interface Search extends AutoCloseable {
        long search(String query) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    interface SearchFactory {
        Search open() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(0, eq), a.substring(eq + 1));
        }
        int pages = Integer.parseInt(opt.getOrDefault("pages", "100000"));
        Path dir = Path.of(opt.getOrDefault("dir", "/tmp/viche-archive-bench"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "20261124"));
        int queries = Integer.parseInt(opt.getOrDefault("queries", "2000"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "200"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        long limitNanos = Long.parseLong(opt.getOrDefault("limit", "300")) * 1_000_000_000L;
        Set<String> engines = Set.of(opt.getOrDefault("engines", "lucene,pg").split(","));

        say("# Archive search benchmark: %,d pages (seed %d, %d indexing/search threads, heap max %d MiB)", pages, seed,
                threads, Runtime.getRuntime().maxMemory() >> 20);
        ArchiveTextGen gen = ArchiveTextGen.load(seed);
        say(gen.describe());
        Analyzer analyzer = new UkrainianMorfologikAnalyzer();
        List<ArchiveQueries.Query> warm = ArchiveQueries.mix(gen, analyzer, seed + 1, warmup);
        List<ArchiveQueries.Query> mix = ArchiveQueries.mix(gen, analyzer, seed + 2, queries);
        generationRate(gen);
        say("query mix: %,d measured queries (+%,d warm-up), e.g. %s", mix.size(), warm.size(),
                mix.subList(0, Math.min(8, mix.size())).stream().map(ArchiveQueries.Query::text).toList());

        Map<String, long[]> lucRecall = null, pgRecall = null;
        Map<String, String> lucParsed = new HashMap<>(), pgParsed = new HashMap<>();
        Files.createDirectories(dir);
        if (engines.contains("lucene")) {
            Path index = dir.resolve("lucene");
            lucRecall = lucene(gen, analyzer, index, pages, threads, warm, mix, limitNanos, lucParsed);
        }
        if (engines.contains("pg")) {
            pgRecall = postgres(gen, dir.resolve("pg"), pages, threads, warm, mix, limitNanos, pgParsed);
        }
        say("");
        say("## Recall: do inflected queries find the pages written otherwise? (%d target pages per case, queried community, open)",
                ArchiveTextGen.RECALL_COPIES);
        say("| case | query | text in the target pages | Lucene (Ukrainian analyzer) | PostgreSQL (simple) |");
        say("|---|---|---|---|---|");
        for (int i = 0; i < ArchiveTextGen.RECALL.size(); i++) {
            ArchiveTextGen.Recall c = ArchiveTextGen.RECALL.get(i);
            String key = c.label();
            if (ArchiveTextGen.recallTargets(i)[ArchiveTextGen.RECALL_COPIES - 1] >= pages) {
                say("| %s | «%s» | «%s» | target pages not generated (fewer pages) | |", c.label(), c.query(), c.planted());
                continue;
            }
            say("| %s | «%s» | «%s» | %s | %s |", c.label(), c.query(), c.planted(), cell(lucRecall, key), cell(pgRecall, key));
        }
        say("");
        say("Parsed queries (Lucene / PostgreSQL):");
        for (ArchiveTextGen.Recall c : ArchiveTextGen.RECALL) {
            say("  «%s»: %s  /  %s", c.query(), lucParsed.getOrDefault(c.label(), "-"), pgParsed.getOrDefault(c.label(), "-"));
        }
    }

    private static String cell(Map<String, long[]> recall, String key) {
        if (recall == null) return "not run";
        long[] r = recall.get(key);
        return (r[0] == ArchiveTextGen.RECALL_COPIES ? "**found**" : r[0] == 0 ? "missed" : "partly") + " " + r[0] + "/"
                + ArchiveTextGen.RECALL_COPIES + " (" + String.format("%,d", r[1]) + " hits)";
    }

    static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
        System.out.flush();
    }

    private static void generationRate(ArchiveTextGen gen) {
        int n = 20_000;
        long chars = 0, t0 = System.nanoTime();
        for (int i = 0; i < n; i++) chars += gen.page(1_000_000_000L + i).text().length();
        double s = (System.nanoTime() - t0) / 1e9;
        say("text generation alone (one thread): %,.0f pages/s; mean page %,d characters", n / s, chars / n);
    }

    // ------------------------------------------------------------------------------------------ Lucene

    private static final FieldType TEXT = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setStored(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private static Document document(ArchiveTextGen.Page p) {
        Document d = new Document();
        d.add(new StringField("id", Long.toString(p.id()), Field.Store.YES));
        d.add(new StringField("community", Long.toString(p.community()), Field.Store.NO));
        d.add(new StringField("fond", p.fond(), Field.Store.NO));
        d.add(new SortedSetDocValuesField("fond", new BytesRef(p.fond())));
        d.add(new StringField("decade", p.decade(), Field.Store.NO));
        d.add(new SortedSetDocValuesField("decade", new BytesRef(p.decade())));
        d.add(new StringField("language", p.language(), Field.Store.NO));
        d.add(new StringField("closed", Boolean.toString(p.closed()), Field.Store.NO));
        d.add(new Field("text", p.text(), TEXT));
        return d;
    }

    private static Map<String, long[]> lucene(ArchiveTextGen gen, Analyzer analyzer, Path index, int pages, int threads,
            List<ArchiveQueries.Query> warm, List<ArchiveQueries.Query> mix, long limitNanos, Map<String, String> parsed)
            throws Exception {
        say("");
        say("## Lucene %s, UkrainianMorfologikAnalyzer, FSDirectory %s", org.apache.lucene.util.Version.LATEST, index);
        deleteTree(index);
        try (FSDirectory directory = FSDirectory.open(index)) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(256);
            long t0 = System.nanoTime();
            long commitStart;
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                AtomicLong next = new AtomicLong();
                parallel(threads, () -> {
                    long from;
                    while ((from = next.getAndAdd(1000)) < pages) {
                        for (long id = from; id < Math.min(pages, from + 1000); id++) writer.addDocument(document(gen.page(id)));
                    }
                    return null;
                });
                commitStart = System.nanoTime();
                writer.commit();
            }
            long t1 = System.nanoTime();
            double s = (t1 - t0) / 1e9;
            say("indexing: %,d pages in %.1f s (commit %.1f s, incl. waiting for merges on close) = **%,.0f pages/s**; index %s in %d files",
                    pages, s, (t1 - commitStart) / 1e9, pages / s, mib(size(index)), fileCount(index));

            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                say("segments: %d; documents: %,d", reader.leaves().size(), reader.numDocs());
                long s0 = System.nanoTime();
                StringDocValuesReaderState fonds = new StringDocValuesReaderState(reader, "fond");
                StringDocValuesReaderState decades = new StringDocValuesReaderState(reader, "decade");
                say("facet state (once per opened reader): %d ms", (System.nanoTime() - s0) / 1_000_000);
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true)).build();
                SearchFactory factory = () -> {
                    SimpleQueryParser parser = new SimpleQueryParser(analyzer, "text");
                    parser.setDefaultOperator(Occur.MUST);
                    return q -> {
                        Query query = appQuery(parser.parse(q));
                        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, TOP,
                                new FacetsCollectorManager());
                        TopDocs top = result.topDocs();
                        FacetsCollector fc = result.facetsCollector();
                        long total = 0;
                        for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) total += m.totalHits;
                        new StringValueFacetCounts(fonds, fc).getTopChildren(10, "fond");
                        new StringValueFacetCounts(decades, fc).getTopChildren(10, "decade");
                        var stored = searcher.storedFields();
                        for (ScoreDoc sd : top.scoreDocs) stored.document(sd.doc, Set.of("id")).get("id");
                        highlighter.highlight("text", query, top, 2);
                        return total;
                    };
                };
                measure("Lucene", factory, warm, mix, threads, limitNanos);

                Map<String, long[]> recall = new LinkedHashMap<>();
                SimpleQueryParser parser = new SimpleQueryParser(analyzer, "text");
                parser.setDefaultOperator(Occur.MUST);
                for (int i = 0; i < ArchiveTextGen.RECALL.size(); i++) {
                    ArchiveTextGen.Recall c = ArchiveTextGen.RECALL.get(i);
                    Query q = parser.parse(c.query());
                    parsed.put(c.label(), q.toString("text"));
                    List<BytesRef> ids = Arrays.stream(ArchiveTextGen.recallTargets(i)).mapToObj(id -> new BytesRef(Long.toString(id))).toList();
                    long found = searcher.count(new BooleanQuery.Builder().add(q, Occur.MUST).add(new TermInSetQuery("id", ids), Occur.FILTER).build());
                    long all = searcher.count(appQuery(q));
                    recall.put(c.label(), new long[] {found, all});
                }
                return recall;
            }
        } finally {
            if (!"1".equals(System.getenv("BENCH_KEEP"))) deleteTree(index);
        }
    }

    /** The text query restricted as the application restricts it: one community, no closed files. */
    private static Query appQuery(Query text) {
        return new BooleanQuery.Builder().add(text, Occur.MUST)
                .add(new TermQuery(new Term("community", COMMUNITY)), Occur.FILTER)
                .add(new TermQuery(new Term("closed", "false")), Occur.FILTER).build();
    }

    // -------------------------------------------------------------------------------------- PostgreSQL

    private static final String FACETS = "SELECT fond, decade, count(*) FROM pages"
            + " WHERE community_id = ? AND NOT closed AND tsv @@ websearch_to_tsquery('simple', ?)"
            + " GROUP BY GROUPING SETS ((fond), (decade), ())";
    private static final String TOP_SQL = "SELECT id, ts_headline('simple', body, q,"
            + " 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=20, MinWords=8') FROM ("
            + " SELECT id, body, q FROM pages, websearch_to_tsquery('simple', ?) q"
            + " WHERE community_id = ? AND NOT closed AND tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT " + TOP + ") t";

    private static Map<String, long[]> postgres(ArchiveTextGen gen, Path data, int pages, int threads,
            List<ArchiveQueries.Query> warm, List<ArchiveQueries.Query> mix, long limitNanos, Map<String, String> parsed)
            throws Exception {
        say("");
        deleteTree(data);
        Files.createDirectories(data);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "1GB").setServerConfig("max_wal_size", "8GB")
                .setServerConfig("maintenance_work_mem", "1GB").setServerConfig("work_mem", "64MB")
                .setServerConfig("timezone", "UTC").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE archive_bench ENCODING 'UTF8' TEMPLATE template0");
            }
            var ds = pg.getDatabase("postgres", "archive_bench");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT version(), datcollate, datctype, current_setting('shared_buffers'),"
                        + " current_setting('jit') FROM pg_database WHERE datname = current_database()")) {
                    r.next();
                    say("## PostgreSQL full-text search, configuration 'simple': %s; collate %s, ctype %s; shared_buffers %s, jit %s",
                            r.getString(1).replaceAll(" on .*", ""), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
                }
                s.execute("CREATE TABLE pages (id bigint PRIMARY KEY, community_id bigint NOT NULL, fond text NOT NULL,"
                        + " decade int NOT NULL, language text NOT NULL, closed boolean NOT NULL, body text NOT NULL,"
                        + " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)");
            }
            long t0 = System.nanoTime();
            parallel(threads, new java.util.concurrent.Callable<Void>() {
                final AtomicInteger slot = new AtomicInteger();

                @Override
                public Void call() throws Exception {
                    int me = slot.getAndIncrement();
                    try (Connection c = ds.getConnection()) {
                        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn("COPY pages (id, community_id, fond, decade, language, closed, body) FROM STDIN");
                        StringBuilder b = new StringBuilder(1 << 20);
                        for (long id = me; id < pages; id += threads) {
                            ArchiveTextGen.Page p = gen.page(id);
                            b.append(p.id()).append('\t').append(p.community()).append('\t').append(p.fond()).append('\t')
                                    .append(p.decade()).append('\t').append(p.language()).append('\t').append(p.closed() ? 't' : 'f')
                                    .append('\t');
                            copyEscape(b, p.text());
                            b.append('\n');
                            if (b.length() > 1 << 20) {
                                byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                                copy.writeToCopy(bytes, 0, bytes.length);
                                b.setLength(0);
                            }
                        }
                        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        copy.endCopy();
                    }
                    return null;
                }
            });
            long t1 = System.nanoTime();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE INDEX pages_tsv ON pages USING gin (tsv)");
                long t2 = System.nanoTime();
                s.execute("ANALYZE pages");
                s.execute("CHECKPOINT");
                long t3 = System.nanoTime();
                say("loading: COPY of %,d pages (to_tsvector in a stored generated column, %d connections) %.1f s = %,.0f pages/s;"
                                + " GIN index %.1f s; ANALYZE + CHECKPOINT %.1f s; **%,.0f pages/s** overall",
                        pages, threads, (t1 - t0) / 1e9, pages / ((t1 - t0) / 1e9), (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                        pages / ((t3 - t0) / 1e9));
                try (ResultSet r = s.executeQuery("SELECT pg_total_relation_size('pages'), pg_relation_size('pages_tsv'),"
                        + " pg_database_size(current_database())")) {
                    r.next();
                    say("size: table with TOAST and indexes %s (GIN index %s); database %s", mib(r.getLong(1)), mib(r.getLong(2)),
                            mib(r.getLong(3)));
                }
            }
            SearchFactory factory = () -> {
                Connection c = ds.getConnection();
                PreparedStatement facets = c.prepareStatement(FACETS);
                PreparedStatement top = c.prepareStatement(TOP_SQL);
                return new Search() {
                    @Override
                    public long search(String q) throws Exception {
                        long total = 0;
                        facets.setLong(1, ArchiveTextGen.QUERIED_COMMUNITY);
                        facets.setString(2, q);
                        try (ResultSet r = facets.executeQuery()) {
                            while (r.next()) {
                                if (r.getString(1) == null && r.getObject(2) == null) total = r.getLong(3);
                            }
                        }
                        top.setString(1, q);
                        top.setLong(2, ArchiveTextGen.QUERIED_COMMUNITY);
                        try (ResultSet r = top.executeQuery()) {
                            while (r.next()) r.getString(2);
                        }
                        return total;
                    }

                    @Override
                    public void close() throws Exception {
                        c.close();
                    }
                };
            };
            measure("PostgreSQL", factory, warm, mix, threads, limitNanos);

            Map<String, long[]> recall = new LinkedHashMap<>();
            try (Connection c = ds.getConnection();
                    PreparedStatement found = c.prepareStatement("SELECT count(*) FROM pages WHERE id = ANY(?) AND tsv @@ websearch_to_tsquery('simple', ?)");
                    PreparedStatement all = c.prepareStatement("SELECT count(*), websearch_to_tsquery('simple', ?)::text FROM pages"
                            + " WHERE community_id = ? AND NOT closed AND tsv @@ websearch_to_tsquery('simple', ?)")) {
                for (int i = 0; i < ArchiveTextGen.RECALL.size(); i++) {
                    ArchiveTextGen.Recall rc = ArchiveTextGen.RECALL.get(i);
                    Array ids = c.createArrayOf("bigint", Arrays.stream(ArchiveTextGen.recallTargets(i)).boxed().toArray());
                    found.setArray(1, ids);
                    found.setString(2, rc.query());
                    all.setString(1, rc.query());
                    all.setLong(2, ArchiveTextGen.QUERIED_COMMUNITY);
                    all.setString(3, rc.query());
                    long f, a;
                    try (ResultSet r = found.executeQuery()) {
                        r.next();
                        f = r.getLong(1);
                    }
                    try (ResultSet r = all.executeQuery()) {
                        r.next();
                        a = r.getLong(1);
                        parsed.put(rc.label(), r.getString(2));
                    }
                    recall.put(rc.label(), new long[] {f, a});
                }
            }
            return recall;
        } finally {
            if (!"1".equals(System.getenv("BENCH_KEEP"))) deleteTree(data);
        }
    }

    private static void copyEscape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(ch);
            }
        }
    }

    // -------------------------------------------------------------------------------------- measuring

    private static void measure(String engine, SearchFactory factory, List<ArchiveQueries.Query> warm,
            List<ArchiveQueries.Query> mix, int threads, long limitNanos) throws Exception {
        run(engine + " warm-up", factory, warm, threads, limitNanos / 2, false);
        run(engine + ", 1 thread", factory, mix, 1, limitNanos, true);
        if (threads > 1) run(engine + ", " + threads + " threads", factory, mix, threads, limitNanos, false);
    }

    private static void run(String label, SearchFactory factory, List<ArchiveQueries.Query> queries, int threads,
            long limitNanos, boolean byCategory) throws Exception {
        long[] latency = new long[queries.size()];
        long[] totals = new long[queries.size()];
        Arrays.fill(latency, -1);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        long deadline = t0 + limitNanos;
        parallel(threads, () -> {
            try (Search search = factory.open()) {
                int i;
                while ((i = next.getAndIncrement()) < queries.size() && System.nanoTime() < deadline) {
                    long s = System.nanoTime();
                    totals[i] = search.search(queries.get(i).text());
                    latency[i] = System.nanoTime() - s;
                }
            }
            return null;
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        long[] done = Arrays.stream(latency).filter(l -> l >= 0).toArray();
        String stopped = done.length < queries.size() ? String.format(" (time limit reached after %,d of %,d)", done.length, queries.size()) : "";
        say("%s: %,d queries in %.1f s = %,.1f queries/s%s; %s", label, done.length, wall, done.length / wall, stopped, percentiles(done));
        if (byCategory) {
            Map<String, List<Integer>> cats = new LinkedHashMap<>();
            for (int i = 0; i < queries.size(); i++) if (latency[i] >= 0) cats.computeIfAbsent(queries.get(i).category(), k -> new ArrayList<>()).add(i);
            for (var e : cats.entrySet()) {
                long[] l = e.getValue().stream().mapToLong(i -> latency[i]).toArray();
                long[] t = e.getValue().stream().mapToLong(i -> totals[i]).sorted().toArray();
                say("    %-22s %4d queries; %s; hits median %,d, max %,d", e.getKey(), l.length, percentiles(l), t[t.length / 2], t[t.length - 1]);
            }
            int slowest = -1;
            for (int i = 0; i < queries.size(); i++) if (latency[i] >= 0 && (slowest < 0 || latency[i] > latency[slowest])) slowest = i;
            if (slowest >= 0) say("    slowest: «%s» %.1f ms, %,d hits", queries.get(slowest).text(), latency[slowest] / 1e6, totals[slowest]);
        }
    }

    private static String percentiles(long[] nanos) {
        if (nanos.length == 0) return "no queries";
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(s, 0.50), at(s, 0.95), at(s, 0.99), s[s.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void parallel(int threads, java.util.concurrent.Callable<Void> task) throws Exception {
        List<Thread> list = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    task.call();
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            list.add(th);
            th.start();
        }
        for (Thread th : list) th.join();
        if (!errors.isEmpty()) throw new IllegalStateException(errors.get(0));
    }

    // ------------------------------------------------------------------------------------------ files

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static long fileCount(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static String mib(long bytes) {
        return String.format("%,d MiB", (bytes + (1 << 19)) >> 20);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
