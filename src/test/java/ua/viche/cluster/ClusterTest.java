package ua.viche.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import ua.viche.S3TestServer;

/**
 * Two application nodes behind nginx on one external PostgreSQL behave as one system: what one node
 * confirmed the other counts, a setting changed on one is in effect on the other, rate limits hold
 * across both, and a node killed in the middle of a rush of signings loses no confirmed signature
 * while the other keeps serving. Needs the jar of the package phase and Debian's nginx (both are there
 * in {@code ./mvnw verify} on a machine prepared by {@code .ci/run}); skipped with the reason otherwise.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final Path WORK = Path.of("target", "cluster");
    private static final Pattern COUNT = Pattern.compile("\"signatureCount\":(\\d+)");
    private static final Pattern THRESHOLD = Pattern.compile("\"threshold\":(\\d+)");

    private static Cluster cluster;
    private static Cluster.Node a;
    private static Cluster.Node b;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Cluster.NGINX), "nginx is not installed (Debian package nginx)");
        Assumptions.assumeTrue(Cluster.jar().isPresent(), "no application jar in target/ (made by the package phase)");
        Assumptions.assumeTrue(S3TestServer.available(), S3TestServer.WHERE);
        FileSystemUtils.deleteRecursively(WORK);
        cluster = new Cluster(WORK.toAbsolutePath());
        a = cluster.start("a");
        b = cluster.start("b");
        cluster.startBalancer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSettingChangedOnOneNodeIsInEffectOnTheOtherAtOnce() throws Exception {
        HttpBrowser admin = new HttpBrowser(a.url());
        admin.signInWithPassword("admin@kropyvnytskyi.demo");
        admin.get("/kropyvnytskyi/admin/settings");
        HttpResponse<String> saved = admin.post("/kropyvnytskyi/admin/settings", Map.of("petitions.threshold", "1000000"));
        assertThat(saved.statusCode()).isEqualTo(302);

        // a petition published on B right after takes the threshold just saved on A
        String petition = publishedPetition(b.url(), 9001);
        String json = new HttpBrowser(b.url()).get("/api/v1/kropyvnytskyi/petitions/" + idOf(petition)).body();
        assertThat(number(THRESHOLD, json)).isEqualTo(1_000_000);
    }

    @Test
    @Order(2)
    void aPetitionSignedThroughOneNodeIsCountedOnTheOther() throws Exception {
        String petition = publishedPetition(cluster.balancer(), 9002);
        HttpBrowser signer = new HttpBrowser(a.url());
        signer.signInAsPerson(9003, "Підписант");
        signer.get(petition);
        assertThat(HttpBrowser.location(signer.post(petition + "/sign", Map.of()))).contains("#sign");
        assertThat(eventually(() -> count(b.url(), petition), 1)).isEqualTo(1);
        if (cluster.search != null) {
            // and B's search finds the petition published through the balancer
            assertThat(found(b, "Кластер петиція 9002", "/petitions/" + idOf(petition), Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    @Order(3)
    void aRateLimitHoldsAcrossBothNodes() throws Exception {
        // one client address (as the proxy reports it) tries to sign in 24 times, half through each node, all at once
        String email = "nobody-" + System.nanoTime() + "@example.org";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Cluster.Node node = i % 2 == 0 ? a : b;
            answers.add(pool.submit(() -> {
                HttpBrowser guess = new HttpBrowser(node.url());
                guess.get("/account/signin");
                return guess.post("/account/signin", Map.of("email", email, "password", "wrong-password"),
                        Map.of("X-Forwarded-For", "203.0.113.24")).statusCode();
            }));
        }
        int admitted = 0;
        int limited = 0;
        for (Future<Integer> f : answers) {
            int status = f.get();
            admitted += status == 429 ? 0 : 1;
            limited += status == 429 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(admitted).as("sign-in attempts admitted by both nodes together").isLessThanOrEqualTo(10);
        assertThat(limited).isGreaterThanOrEqualTo(14);
    }

    @Test
    @Order(4)
    void aNodeKilledDuringARushLosesNoConfirmedSignatureAndTheOtherKeepsServing() throws Exception {
        String petition = publishedPetition(cluster.balancer(), 9004);
        long id = idOf(petition);
        int people = 200;
        List<HttpBrowser> signers = signedIn(people, petition);

        AtomicBoolean rushing = new AtomicBoolean(true);
        AtomicInteger bFailures = new AtomicInteger();
        Thread watch = new Thread(() -> {
            while (rushing.get()) {
                if (Cluster.status(b.url() + "/actuator/health/readiness") != 200) {
                    bFailures.incrementAndGet();
                }
                sleep(50);
            }
        });
        watch.start();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger confirmed = new AtomicInteger();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> rush = new ArrayList<>();
        for (HttpBrowser signer : signers) {
            rush.add(pool.submit(() -> {
                try {
                    HttpResponse<String> r = signer.post(petition + "/sign", Map.of());
                    String where = r.headers().firstValue("location").orElse("").replaceFirst("^https?://[^/]+", "");
                    answers.merge(r.statusCode() + " " + where.replaceAll("\\d+", "N"), 1, Integer::sum);
                    if ((r.statusCode() == 302 || r.statusCode() == 303) && where.contains("#sign")) {
                        confirmed.incrementAndGet();
                    }
                } catch (Exception e) {
                    answers.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    // a request in flight on the killed node: not confirmed, may or may not be counted
                }
                answered.incrementAndGet();
                return null;
            }));
        }
        while (answered.get() < people / 5) {
            sleep(5);
        }
        a.kill();
        try {
            for (Future<?> f : rush) {
                f.get();
            }
        } finally {
            pool.shutdown();
            rushing.set(false);
            watch.join();
            a.start(); // A comes back on the same data, for what follows even if this test fails
        }

        int stored = (int) number("select count(*) from petition_signature where petition_id = " + id);
        assertThat(confirmed.get()).as("signings confirmed; answers: %s", answers).isGreaterThan(people / 5);
        assertThat(stored).as("every confirmed signing is counted, none twice").isBetween(confirmed.get(), people);
        assertThat(bFailures.get()).as("node B's readiness checks that failed during the rush").isZero();
        assertThat(eventually(() -> count(b.url(), petition), stored)).isEqualTo(stored);

        // A, back on the same data, shows the same count, and both find the petition
        assertThat(eventually(() -> count(a.url(), petition), stored)).isEqualTo(stored);
        if (cluster.search != null) {
            assertThat(found(a, "Кластер петиція 9004", "/petitions/" + idOf(petition), Duration.ofSeconds(2))).isTrue();
            assertThat(found(b, "Кластер петиція 9004", "/petitions/" + idOf(petition), Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    @Order(5)
    void aScanUploadedOnOneNodeIsServedByTheOther() throws Exception {
        long file = number("""
                select f.id from archive_file f join community c on c.id = f.community_id
                 where c.slug = 'kropyvnytskyi' and not f.personal_data and f.access_override is null order by f.id limit 1""");
        String word = "Kvantoryx" + System.nanoTime();
        HttpBrowser archivist = new HttpBrowser(a.url());
        archivist.signInWithPassword("archivist@kropyvnytskyi.demo");
        archivist.get("/kropyvnytskyi/archive/manage/files/" + file);
        HttpResponse<String> uploaded = archivist.upload("/kropyvnytskyi/archive/manage/files/" + file + "/scans", Map.of(),
                "scans", "leaf.pdf", "application/pdf", pdfWith("Protocol of the session " + word));
        assertThat(HttpBrowser.location(uploaded)).contains("#pages");
        long page = number("select max(id) from archive_page where file_id = " + file);

        if (cluster.search != null) {
            assertThat(found(b, "/kropyvnytskyi/archive/search", word, "/archive/files/" + file,
                    Duration.ofSeconds(2))).as("the scan's text found on B").isTrue();
        }
        HttpResponse<byte[]> image = new HttpBrowser(b.url()).bytes("/kropyvnytskyi/archive/pages/" + page + "/image");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("content-type").orElse("")).startsWith("image/");
        assertThat(image.body().length).isGreaterThan(1000);
    }

    @Test
    @Order(6)
    void anUpdateMadeWhileTheSearchServerIsDownReachesItWhenItIsBack() throws Exception {
        Assumptions.assumeTrue(cluster.search != null, "no OpenSearch on this machine (VICHE_TEST_OPENSEARCH_URL)");
        cluster.search.stop();
        String petition = publishedPetition(cluster.balancer(), 9005);
        cluster.search.start();
        assertThat(found(b, "Кластер петиція 9005", "/petitions/" + idOf(petition), Duration.ofSeconds(60))).isTrue();
        assertThat(found(a, "Кластер петиція 9005", "/petitions/" + idOf(petition), Duration.ofSeconds(2))).isTrue();
    }

    // --- helpers ---

    /** Whether the node's site search finds a result linking to the path within the time. */
    private static boolean found(Cluster.Node node, String query, String path, Duration within) {
        return found(node, "/api/v1/kropyvnytskyi/search", query, path, within);
    }

    /** Whether the node's search (the site's or the archive's) finds a result linking to the path within the time. */
    private static boolean found(Cluster.Node node, String search, String query, String path, Duration within) {
        long until = System.nanoTime() + within.toNanos();
        do {
            try {
                String json = new HttpBrowser(node.url()).get(search + "?q="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&t=" + System.nanoTime()).body();
                if (Pattern.compile(Pattern.quote(path) + "\\D").matcher(json).find()) {
                    return true;
                }
            } catch (Exception e) {
                // asked again
            }
            sleep(100);
        } while (System.nanoTime() < until);
        return false;
    }

    private static byte[] pdfWith(String text) throws Exception {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage leaf = new PDPage(PDRectangle.A4);
            pdf.addPage(leaf);
            try (PDPageContentStream content = new PDPageContentStream(pdf, leaf)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static long number(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.database.jdbcUrl(), cluster.database.user(), "");
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A petition by a new author (a typed person), published by the moderator; its path. */
    private static String publishedPetition(String base, int author) throws Exception {
        HttpBrowser writer = new HttpBrowser(base);
        writer.signInAsPerson(author, "Автор");
        writer.get("/kropyvnytskyi/petitions/new");
        String petition = HttpBrowser.location(writer.post("/kropyvnytskyi/petitions", Map.of(
                "title", "Кластер: петиція " + author + " " + System.nanoTime(),
                "text", "Петиція для перевірки кластера: кожен підтверджений підпис має бути враховано рівно один раз.",
                "action", "submit"))).replaceFirst("^https?://[^/]+", "");
        HttpBrowser moderator = new HttpBrowser(base);
        moderator.signInWithPassword("moderator@kropyvnytskyi.demo");
        moderator.get(petition);
        assertThat(moderator.post(petition + "/publish", Map.of()).statusCode()).isEqualTo(302);
        return petition;
    }

    private static List<HttpBrowser> signedIn(int people, String page) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpBrowser>> ready = new ArrayList<>();
        for (int i = 1; i <= people; i++) {
            int n = 10_000 + i;
            ready.add(pool.submit(() -> {
                HttpBrowser c = new HttpBrowser(cluster.balancer());
                c.signInAsPerson(n, "Підписант");
                c.get(page);
                return c;
            }));
        }
        List<HttpBrowser> signers = new ArrayList<>();
        for (Future<HttpBrowser> f : ready) {
            signers.add(f.get());
        }
        pool.shutdown();
        return signers;
    }

    private static int count(String node, String petition) {
        try {
            return number(COUNT, new HttpBrowser(node).get("/api/v1/kropyvnytskyi/petitions/" + idOf(petition)).body());
        } catch (Exception e) {
            return -1;
        }
    }

    /** Asks again for up to 3 seconds (public answers are cached for a second) until the value is the expected one. */
    private static int eventually(Supplier<Integer> value, int expected) {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int v = value.get();
        while (v != expected && System.nanoTime() < until) {
            sleep(100);
            v = value.get();
        }
        return v;
    }

    private static long idOf(String petitionPath) {
        return Long.parseLong(petitionPath.replaceAll(".*/(\\d+)(-[^/]*)?$", "$1"));
    }

    private static int number(Pattern p, String json) {
        Matcher m = p.matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
