package ua.viche.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * The embedded PostgreSQL of the shared test context is stopped while requests keep coming, then
 * started again: readiness goes DOWN, every request is refused quickly with the platform's 503 (page
 * or problem document), nothing confirmed is lost and nothing refused is half done, and the
 * application serves again on its own. The database is started again whatever happens, so the test
 * classes that run after this one find it as before.
 */
@IntegrationTest
class DatabaseOutageTest {

    private static final Duration READINESS_LIMIT = Duration.ofSeconds(5);
    private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(2);
    private static final String TEXT = "Пропоную облаштувати велосипедні стоянки біля кожної школи громади, "
            + "бо зараз діти залишають велосипеди просто на тротуарах.";

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired PetitionDrafting drafting;
    @Autowired PetitionModeration moderation;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anOutageIsRefusedQuicklyAndOvercomeWithoutARestartAndWithoutLosingConfirmedActions() throws Exception {
        EmbeddedDatabase database = dataSource.unwrap(EmbeddedDataSource.class).database();
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        Petition petition = publishedPetition(k);
        long id = petition.getId();
        String path = CurrentCommunity.callAs(k, () -> PetitionService.url(petition)); // its own address, with its slug
        List<RequestPostProcessor> before = residents(421, 425);
        List<RequestPostProcessor> during = residents(426, 430);
        List<RequestPostProcessor> after = residents(431, 435);

        for (RequestPostProcessor r : before) {
            assertThat(sign(path, r).getRedirectedUrl()).isEqualTo(path + "?done=signed#sign");
        }
        assertThat(get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
        SignedIn moderator = signIn("moderator@kropyvnytskyi.demo");
        assertThat(moderator.get("/account").statusCode()).isEqualTo(200);

        AtomicBoolean loading = new AtomicBoolean(true);
        List<Timed> load = Collections.synchronizedList(new ArrayList<>());
        ExecutorService visitors = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (String visited : List.of("/kropyvnytskyi/petitions", path, "/api/v1/kropyvnytskyi/petitions", "/kropyvnytskyi")) {
            running.add(visitors.submit(() -> {
                while (loading.get()) {
                    load.add(timed(() -> get(visited, visited.startsWith("/api/") ? "application/json" : "text/html")));
                }
                return null;
            }));
        }
        try {
            Thread.sleep(300);
            database.stop();
            long stoppedAt = System.nanoTime();

            // readiness says the database is gone within 5 s; liveness is about the process and stays UP
            HttpResponse<String> readiness = get("/actuator/health/readiness", "application/json");
            while (readiness.statusCode() == 200 && System.nanoTime() - stoppedAt < READINESS_LIMIT.toNanos()) {
                Thread.sleep(100);
                readiness = get("/actuator/health/readiness", "application/json");
            }
            assertThat(readiness.statusCode()).as("readiness within %s of the stop", READINESS_LIMIT).isEqualTo(503);
            assertThat(readiness.body()).contains("\"db\"").contains("DOWN").doesNotContain("mail");
            assertThat(get("/actuator/health/liveness", "application/json").statusCode()).isEqualTo(200);

            // pages: the platform's own 503 page in the user's language, with Retry-After
            Timed list = timed(() -> get("/kropyvnytskyi/petitions", "text/html"));
            assertThat(list.response.statusCode()).isEqualTo(503);
            assertThat(list.response.headers().firstValue("Retry-After")).contains("10");
            assertThat(list.response.body()).contains("Сервіс тимчасово недоступний").contains("Код помилки: 503")
                    .contains("<main id=\"main\"");
            assertThat(list.took).isLessThan(REFUSAL_LIMIT);
            Timed english = timed(() -> get("/kropyvnytskyi/petitions?lang=en", "text/html"));
            assertThat(english.response.statusCode()).isEqualTo(503);
            assertThat(english.response.body()).contains("The service is temporarily unavailable");
            // a signed-in person, whose session lives in the database, gets the same page (through the container)
            Timed signedIn = timed(() -> moderator.get("/account"));
            assertThat(signedIn.response.statusCode()).isEqualTo(503);
            assertThat(signedIn.response.body()).contains("Сервіс тимчасово недоступний").contains("<main id=\"main\"");
            assertThat(signedIn.took).isLessThan(REFUSAL_LIMIT);
            // Open311 in its own error format
            HttpResponse<String> open311 = get("/open311/v2/kropyvnytskyi/requests.json", "application/json");
            assertThat(open311.statusCode()).isEqualTo(503);
            assertThat(open311.headers().firstValue("Retry-After")).contains("10");
            // the API: an RFC 9457 problem document
            Timed api = timed(() -> get("/api/v1/kropyvnytskyi/petitions/" + id, "application/json"));
            assertThat(api.response.statusCode()).isEqualTo(503);
            assertThat(api.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.response.body()).contains("\"status\":503");
            assertThat(api.took).isLessThan(REFUSAL_LIMIT);

            // actions are refused, each quickly, and leave nothing behind
            for (RequestPostProcessor r : during) {
                long start = System.nanoTime();
                MockHttpServletResponse refused = sign(path, r);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REFUSAL_LIMIT);
                assertThat(refused.getStatus()).isEqualTo(503);
                assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
                assertThat(refused.getContentAsString()).contains("Сервіс тимчасово недоступний");
            }
            String title = "Стоянки під час збою " + UUID.randomUUID().toString().substring(0, 8);
            MockHttpServletResponse created = mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(before.get(0))
                    .param("title", title).param("text", TEXT).param("action", "submit")).andReturn().getResponse();
            assertThat(created.getStatus()).isEqualTo(503);

            database.restart();
            long restartedAt = System.nanoTime();
            HttpResponse<String> ready = get("/actuator/health/readiness", "application/json");
            while (ready.statusCode() != 200 && System.nanoTime() - restartedAt < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(100);
                ready = get("/actuator/health/readiness", "application/json");
            }
            assertThat(ready.statusCode()).as("ready again without a restart of the application").isEqualTo(200);
            loading.set(false);
            for (Future<?> f : running) {
                f.get();
            }

            // under load, every answer was a page served or the platform's 503, none slow, none a bare error
            assertThat(load).isNotEmpty();
            for (Timed t : load) {
                assertThat(t.response.statusCode()).as("status under load").isIn(200, 503);
                if (t.response.statusCode() == 503) {
                    assertThat(t.took).as("refusal under load").isLessThan(REFUSAL_LIMIT);
                    assertThat(t.response.body()).contains("503").doesNotContainIgnoringCase("tomcat");
                }
            }
            assertThat(load).as("refusals while the database was away").anyMatch(t -> t.response.statusCode() == 503);

            // nothing refused was half done; it succeeds now, as does everything new
            assertThat(jdbc.queryForObject("select count(*) from petition where title = ?", Integer.class, title)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from petition_signature where petition_id = ?", Integer.class, id))
                    .as("only the signatures confirmed before the outage").isEqualTo(before.size());
            for (RequestPostProcessor r : during) {
                assertThat(sign(path, r).getRedirectedUrl()).as("refused signer signs now").endsWith("?done=signed#sign");
            }
            for (RequestPostProcessor r : after) {
                assertThat(sign(path, r).getRedirectedUrl()).endsWith("?done=signed#sign");
            }
            for (RequestPostProcessor r : before) {
                assertThat(sign(path, r).getRedirectedUrl()).as("kept across the outage").endsWith("?done=alreadySigned#sign");
            }
            assertThat(jdbc.queryForObject("select count(*) from petition_signature where petition_id = ?", Integer.class, id))
                    .isEqualTo(before.size() + during.size() + after.size());
            assertThat(get(path, "text/html").statusCode()).isEqualTo(200);
            assertThat(moderator.get("/account").statusCode()).as("the session outlived the outage").isEqualTo(200);
        } finally {
            loading.set(false);
            visitors.shutdownNow();
            if (!database.running()) {
                database.restart();
            }
            awaitDatabase();
        }
    }

    private Petition publishedPetition(Community k) {
        return CurrentCommunity.callAs(k, () -> {
            Petition p = identity.callAs("olena.kovalenko@example.org", () -> drafting.draft(
                    "Велостоянки біля шкіл " + UUID.randomUUID(), TEXT, List.of(), true));
            return identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(p.getId()));
        });
    }

    /** Signed-in residents, looked up while the database is there. */
    private List<RequestPostProcessor> residents(int from, int to) {
        List<RequestPostProcessor> list = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            list.add(TestAccounts.as(accounts, DemoResidents.email("kropyvnytskyi", i)));
        }
        return list;
    }

    private MockHttpServletResponse sign(String path, RequestPostProcessor signer) throws Exception {
        return mvc.perform(post(path + "/sign").with(csrf()).with(signer)).andReturn().getResponse();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the real sign-in form; the session cookie is kept by the client. */
    private SignedIn signIn(String email) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        SignedIn person = new SignedIn(client, "http://localhost:" + port);
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(person.get("/account/signin").body());
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DemoAccounts.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(person.base + "/account/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
        return person;
    }

    private record SignedIn(HttpClient client, String base) {
        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private Timed timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.run();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Waits until the pool serves again, so that the tests after this one find the database there. */
    private void awaitDatabase() throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
            try {
                jdbc.queryForObject("select 1", Integer.class);
                return;
            } catch (RuntimeException e) {
                Thread.sleep(200);
            }
        }
    }

    private record Timed(HttpResponse<String> response, Duration took) {}

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> run() throws Exception;
    }
}
