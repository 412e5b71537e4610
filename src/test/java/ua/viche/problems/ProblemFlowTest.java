package ua.viche.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.platform.Mailer;
import ua.viche.platform.RateLimiter;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemStatus;

/** Problem reports through the pages and the JSON API: reporting, duplicates, bad input, concurrency, officials, isolation. */
@IntegrationTest
class ProblemFlowTest {

    /** The smallest valid PNG (1×1 pixel). */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired ProblemService problems;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailer mailer;
    @Autowired RateLimiter limiter;

    Community k;
    long lighting;
    long potholes;
    /** A point in Kropyvnytskyi unique to each test run, far from the demo reports. */
    double lat;
    double lon;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
        lighting = CurrentCommunity.callAs(k, () -> problems.category("lighting").orElseThrow().getId());
        potholes = CurrentCommunity.callAs(k, () -> problems.category("potholes").orElseThrow().getId());
        lat = 48.455 + Math.random() * 0.02;
        lon = 32.155 + Math.random() * 0.02;
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from problem_report where community_id = ?", Long.class, k.id());
    }

    /** The report form filled in; pairs of name and value replace fields (an empty value sends the field empty). */
    private MockMultipartHttpServletRequestBuilder form(String key, String... overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("idempotencyKey", key);
        p.put("categoryId", String.valueOf(lighting));
        p.put("latitude", String.valueOf(lat));
        p.put("longitude", String.valueOf(lon));
        p.put("address", "вул. Тестова, 5");
        p.put("description", "Ліхтар не світить уже тиждень.");
        p.put("name", "Леся Тестова");
        p.put("email", "lesia.test@example.org");
        p.put("confirmDuplicates", "true"); // reports of earlier runs may be near; the duplicate check has its own test
        for (int i = 0; i < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder b = multipart("/kropyvnytskyi/problems");
        p.forEach(b::param);
        b.with(csrf());
        return b;
    }

    private static long idOf(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anonymousVisitorReportsWithPhotoAndTheSameFormTwiceIsOneReport() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(get("/kropyvnytskyi/problems/new")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"idempotencyKey\"")))
                .andExpect(content().string(containsString("id=\"latitude\"")));
        String location = mvc.perform(form(key).file(new MockMultipartFile("photos", "lamp.png", "image/png", PNG)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "problem.submitted"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/kropyvnytskyi/problems/\\d+");
        long id = idOf(location);
        mvc.perform(form(key)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", location))
                .andExpect(flash().attribute("message", "problem.alreadySubmitted"));

        String page = mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ліхтар не світить уже тиждень.")))
                .andExpect(content().string(containsString("Леся Тестова")))
                .andExpect(content().string(containsString("Нове")))
                .andExpect(content().string(not(containsString("lesia.test@example.org"))))
                .andReturn().getResponse().getContentAsString();
        String photo = page.replaceAll("(?s).*src=\"(/kropyvnytskyi/problems/\\d+/photos/\\d+)\".*", "$1");
        // the picture as sent, encoded again without its metadata
        byte[] served = mvc.perform(get(photo)).andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(PNG));
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(shown.getWidth()).isEqualTo(sent.getWidth());
        assertThat(shown.getRGB(0, 0)).isEqualTo(sent.getRGB(0, 0));
        assertThat(mailer.latest("lesia.test@example.org", 1).get(0).subject()).isEqualTo("Повідомлення № " + id + " прийнято");

        mvc.perform(get("/api/v1/kropyvnytskyi/problems/" + id))
                .andExpect(jsonPath("$.report.status").value("NEW"))
                .andExpect(jsonPath("$.report.categoryCode").value("lighting"))
                .andExpect(jsonPath("$.report.reporterName").value("Леся Тестова"))
                .andExpect(jsonPath("$.photos[0]").value(photo))
                .andExpect(content().string(not(containsString("lesia.test@example.org"))));
        mvc.perform(get("/api/v1/kropyvnytskyi/problems").param("category", "lighting").param("status", "open").param("size", "200"))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.items[*].categoryCode", everyItem(is("lighting"))))
                .andExpect(jsonPath("$.items[*].open", everyItem(is(true))));
        mvc.perform(get("/kropyvnytskyi/problems").param("category", "lighting"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(location)));
        mvc.perform(get("/kropyvnytskyi")).andExpect(content().string(containsString("href=\"" + location + "\"")));
    }

    /** The demo's reports came in before now: the home page's "newest" are then the newest indeed. */
    @Test
    void demoReportsAreNotFromTheFuture() {
        assertThat(jdbc.queryForObject("select count(*) from problem_report where created_at > now()", Long.class)).isZero();
    }

    @Test
    void hiddenNameAndSignedInPrefill() throws Exception {
        mvc.perform(get("/kropyvnytskyi/problems/new").with(as("olena.kovalenko@example.org")))
                .andExpect(content().string(containsString("value=\"Коваленко Олена Петрівна\"")))
                .andExpect(content().string(containsString("value=\"olena.kovalenko@example.org\"")));
        String location = mvc.perform(form(UUID.randomUUID().toString(), "hideName", "true"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location)).andExpect(content().string(not(containsString("Леся Тестова"))))
                .andExpect(content().string(containsString("Анонімно")));
    }

    @Test
    void nearbyOpenReportOfTheSameCategoryIsOfferedFirst() throws Exception {
        String first = mvc.perform(form(UUID.randomUUID().toString())).andReturn().getResponse().getRedirectedUrl();
        long before = count();
        String key = UUID.randomUUID().toString();
        mvc.perform(form(key, "latitude", String.valueOf(lat + 0.0005), "confirmDuplicates", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Схоже, про це вже повідомили")))
                .andExpect(content().string(containsString("href=\"" + first + "\"")))
                .andExpect(content().string(containsString("name=\"confirmDuplicates\" value=\"true\"")))
                .andExpect(content().string(containsString("Усе одно надіслати")));
        assertThat(count()).isEqualTo(before);
        // another category at the same point is no duplicate; the confirmed one is sent
        mvc.perform(form(UUID.randomUUID().toString(), "categoryId", String.valueOf(potholes)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(key, "latitude", String.valueOf(lat + 0.0005), "confirmDuplicates", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "problem.submitted"));
        assertThat(count()).isEqualTo(before + 2);
    }

    @Test
    void badInputGivesClearErrorsAndSavesNothing() throws Exception {
        long before = count();
        MockMultipartHttpServletRequestBuilder empty = multipart("/kropyvnytskyi/problems");
        empty.param("idempotencyKey", UUID.randomUUID().toString()).with(csrf());
        mvc.perform(empty).andExpect(status().isOk())
                .andExpect(content().string(containsString("Виберіть категорію")))
                .andExpect(content().string(containsString("Опишіть проблему")))
                .andExpect(content().string(containsString("href=\"#categoryId\"")));
        mvc.perform(form(UUID.randomUUID().toString(), "latitude", "", "longitude", "", "address", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Вкажіть адресу або координати місця")));
        mvc.perform(multipart("/kropyvnytskyi/problems").param("idempotencyKey", UUID.randomUUID().toString())
                        .param("categoryId", String.valueOf(lighting)).param("latitude", "50.4501").param("longitude", "30.5234")
                        .param("description", "Яма").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("поза межами громади")));
        mvc.perform(form(UUID.randomUUID().toString(), "latitude", "48,5x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Широта — число від -90 до 90")));
        mvc.perform(form(UUID.randomUUID().toString(), "email", "not-an-address"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name@example.com")));

        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        mvc.perform(form(UUID.randomUUID().toString()).file(new MockMultipartFile("photos", "big.png", "image/png", big)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Кожне фото має бути не більше 5 МБ")));
        mvc.perform(form(UUID.randomUUID().toString()).file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg",
                        "<html><script>alert(1)</script></html>".getBytes())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Фото має бути у форматі JPEG або PNG")));
        MockMultipartHttpServletRequestBuilder six = form(UUID.randomUUID().toString());
        for (int i = 0; i < 6; i++) {
            six.file(new MockMultipartFile("photos", "p" + i + ".png", "image/png", PNG));
        }
        mvc.perform(six).andExpect(status().isOk())
                .andExpect(content().string(containsString("Можна додати не більше 5 фото")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'problems' and community_id = ?",
                Long.class, k.id()))
                .isEqualTo(jdbc.queryForObject("select count(*) from attachment p join problem_report r on r.id = p.owner_id"
                        + " where p.owner_module = 'problems' and p.community_id = ?", Long.class, k.id()));
    }

    @Test
    void concurrentSubmissionsWithOneKeyMakeExactlyOneReport() throws Exception {
        String key = "race-" + UUID.randomUUID();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProblemService.Submitted>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> CurrentCommunity.callAs(k, () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return problems.submit(new ProblemService.Submission(lighting, lat, lon, null, "Не світить ліхтар, перевірка гонки",
                        null, null, null, false, null, List.of(new FileStore.Upload("a.png", PNG)), key, "web"));
            })));
        }
        start.countDown();
        Set<Long> ids = new HashSet<>();
        int created = 0;
        for (Future<ProblemService.Submitted> f : results) {
            ProblemService.Submitted s = f.get();
            ids.add(s.report().getId());
            created += s.created() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
        long id = ids.iterator().next();
        assertThat(jdbc.queryForObject("select count(*) from problem_report where idempotency_key = ?", Long.class, key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from problem_update where report_id = ?", Long.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'problems' and owner_id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aRefusedStatusChangeComesBackWithTheChosenStateTheNumberAndTheComment() throws Exception {
        String location = mvc.perform(form(UUID.randomUUID().toString())).andReturn().getResponse().getRedirectedUrl();
        WebSession official = new WebSession(mvc); // the flash lives in the person's session
        official.perform(post(location + "/status").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("status", "DUPLICATE").param("duplicateOf", "999999999").param("comment", "Те саме, що й попереднє."))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("error", "problem.error.duplicateOf"));
        String page = official.perform(get(location).with(as("appeals@kropyvnytskyi.demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<option value=\"DUPLICATE\" selected=\"selected\">")
                .doesNotContain("<option value=\"NEW\" selected=\"selected\">")
                .contains("name=\"duplicateOf\" value=\"999999999\"")
                .contains("maxlength=\"4000\">Те саме, що й попереднє.</textarea>");
        assertThat(jdbc.queryForObject("select status from problem_report where id = ?", String.class, idOf(location)))
                .isEqualTo("NEW");
    }

    @Test
    void officialsMoveReportsPubliclySubscribersAreToldAndEveryActionIsAudited() throws Exception {
        String location = mvc.perform(form(UUID.randomUUID().toString())).andReturn().getResponse().getRedirectedUrl();
        long id = idOf(location);
        String follower = "follower-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        mvc.perform(post(location + "/subscribe").with(csrf()).param("email", follower))
                .andExpect(flash().attribute("message", "problem.subscribeSent"));
        Mailer.Message confirm = mailer.latest(follower, 1).get(0);
        String link = confirm.body().replaceAll("(?s).*?(https?://\\S+/subscribe/confirm\\?token=\\S+).*", "$1");
        mvc.perform(get(link.replaceAll("^https?://[^/]+", ""))).andExpect(flash().attribute("message", "problem.subscribed"));
        mvc.perform(post(location + "/subscribe").with(csrf()).with(as("andrii.shevchuk@example.org")))
                .andExpect(flash().attribute("message", "problem.subscribed"));

        mvc.perform(post(location + "/status").with(csrf()).param("status", "ACKNOWLEDGED"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", containsString("/account/signin")));
        mvc.perform(post(location + "/status").with(csrf()).with(as("olena.kovalenko@example.org")).param("status", "ACKNOWLEDGED"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/kropyvnytskyi/problems/work").with(as("olena.kovalenko@example.org"))).andExpect(status().isForbidden());
        mvc.perform(get("/kropyvnytskyi/problems/work").with(as("official@kropyvnytskyi.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"" + location + "\"")));
        long housing = CurrentCommunity.callAs(k, () -> communities.departments().stream()
                .filter(d -> d.nameUk().equals("Управління житлово-комунального господарства")).findFirst().orElseThrow().id());
        long education = CurrentCommunity.callAs(k, () -> communities.departments().stream()
                .filter(d -> d.nameUk().equals("Управління освіти")).findFirst().orElseThrow().id());
        mvc.perform(get("/kropyvnytskyi/problems/work").param("department", String.valueOf(housing))
                        .with(as("official@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString("href=\"" + location + "\"")));
        mvc.perform(get("/kropyvnytskyi/problems/work").param("department", String.valueOf(education))
                        .with(as("official@kropyvnytskyi.demo")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("href=\"" + location + "\""))));

        // an official of another department (IT) may not act on a housing report
        mvc.perform(post(location + "/status").with(csrf()).with(as("official@kropyvnytskyi.demo"))
                        .param("status", "IN_PROGRESS").param("comment", "Не мій відділ."))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/status").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("status", "IN_PROGRESS").param("comment", "Бригада виїде завтра зранку."))
                .andExpect(flash().attribute("message", "problem.updated"));
        mvc.perform(get(location)).andExpect(content().string(containsString("Виконується")))
                .andExpect(content().string(containsString("Бригада виїде завтра зранку.")));
        assertThat(mailer.latest(follower, 1).get(0).body()).contains("Бригада виїде завтра зранку.").contains(location);
        assertThat(mailer.latest("andrii.shevchuk@example.org", 1).get(0).subject()).isEqualTo("Повідомлення № " + id + ": виконується");
        assertThat(mailer.latest("lesia.test@example.org", 1).get(0).subject()).isEqualTo("Повідомлення № " + id + ": виконується");

        // the follower leaves through the link in the e-mail and hears nothing more
        Mailer.Message update = mailer.latest(follower, 1).get(0);
        String leave = update.body().replaceAll("(?s).*?(https?://\\S+/unsubscribe\\?token=\\S+).*", "$1");
        mvc.perform(get(leave.replaceAll("^https?://[^/]+", ""))).andExpect(flash().attribute("message", "problem.unsubscribed"));

        mvc.perform(post(location + "/status").with(csrf()).with(as("appeals@kropyvnytskyi.demo")).param("status", "NEW"))
                .andExpect(flash().attribute("error", "problem.error.transition"));
        mvc.perform(post(location + "/status").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("status", "RESOLVED").param("comment", "Лампу замінено."))
                .andExpect(flash().attribute("message", "problem.updated"));
        assertThat(mailer.latest(follower, 1).get(0).id()).isEqualTo(update.id());
        assertThat(mailer.latest("lesia.test@example.org", 1).get(0).subject()).isEqualTo("Повідомлення № " + id + ": вирішено");
        mvc.perform(get("/open311/v2/kropyvnytskyi/requests/" + id + ".json"))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].status_notes").value("Лампу замінено."));
        List<String> actions = jdbc.queryForList("select action from audit_entry where community_id = ? and object_type = 'problem'"
                + " and object_id = ? order by id", String.class, k.id(), String.valueOf(id));
        assertThat(actions).containsExactly("problem.status", "problem.status");
    }

    @Test
    void oneCommunitysReportIsInvisibleThroughAnother() throws Exception {
        String location = mvc.perform(form(UUID.randomUUID().toString())).andReturn().getResponse().getRedirectedUrl();
        long id = idOf(location);
        mvc.perform(get("/dmytrivka/problems/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/problems/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/problems").param("size", "200"))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(get("/dmytrivka/problems/export.csv")).andExpect(content().string(not(containsString(location))));
        mvc.perform(get("/dmytrivka/problems/export.geojson")).andExpect(content().string(not(containsString(location))));
        mvc.perform(get("/dmytrivka/problems").param("status", "all")).andExpect(content().string(not(containsString(location))));
        mvc.perform(post("/dmytrivka/problems/" + id + "/status").with(csrf()).with(as("official@dmytrivka.demo"))
                .param("status", "RESOLVED").param("comment", "x")).andExpect(status().isNotFound());
        CurrentCommunity.runAs(k, () -> assertThat(problems.report(id).getStatus()).isEqualTo(ProblemStatus.NEW));
    }

    @Test
    void openDataIsFormulaSafeCsvAndGeoJson() throws Exception {
        String location = mvc.perform(form(UUID.randomUUID().toString(), "description", "=HYPERLINK(\"http://evil\")"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get("/kropyvnytskyi/problems/export.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("id,category_code,category,status,latitude,longitude")))
                .andExpect(content().string(containsString("\"'=HYPERLINK(\"\"http://evil\"\")\"")))
                .andExpect(content().string(containsString(location)))
                .andExpect(content().string(not(containsString("lesia.test@example.org"))));
        mvc.perform(get("/kropyvnytskyi/problems/export.geojson")).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Point"))
                .andExpect(jsonPath("$.features[*].properties.url", hasItem(location)));
    }

    @Test
    void communityAdminManagesCategoriesAndKeysWithAudit() throws Exception {
        mvc.perform(get("/kropyvnytskyi/admin/problems").with(as("official@kropyvnytskyi.demo"))).andExpect(status().isForbidden());
        String code = "graffiti-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/kropyvnytskyi/admin/problems/categories").with(csrf()).with(as("admin@kropyvnytskyi.demo"))
                        .param("code", code).param("nameUk", "Графіті").param("nameEn", "Graffiti").param("active", "true"))
                .andExpect(flash().attribute("message", "problem.admin.categorySaved"));
        mvc.perform(post("/kropyvnytskyi/admin/problems/categories").with(csrf()).with(as("admin@kropyvnytskyi.demo"))
                        .param("code", "Bad Code!").param("nameUk", "x").param("nameEn", "x"))
                .andExpect(flash().attribute("error", "problem.error.code"));
        mvc.perform(get("/open311/v2/kropyvnytskyi/services.json")).andExpect(jsonPath("$[*].service_code", hasItem(code)));
        mvc.perform(get("/open311/v2/dmytrivka/services.json")).andExpect(jsonPath("$[*].service_code", not(hasItem(code))));
        String key = (String) mvc.perform(post("/kropyvnytskyi/admin/problems/keys").with(csrf()).with(as("admin@kropyvnytskyi.demo"))
                        .param("name", "Мобільний застосунок"))
                .andReturn().getFlashMap().get("issuedKey");
        assertThat(key).hasSizeGreaterThan(20);
        assertThat(jdbc.queryForObject("select count(*) from open311_client where key_hash = ?", Long.class, key)).isZero();
        mvc.perform(get("/kropyvnytskyi/admin/problems").with(as("admin@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString("Мобільний застосунок")))
                .andExpect(content().string(not(containsString(key))));
        // (other tests audit actions "as of" later moments, so look the entries up rather than take the newest page)
        List<String> actions = jdbc.queryForList("select action from audit_entry where community_id = ? and details = ?",
                String.class, k.id(), code);
        assertThat(actions).contains("problem.category.created");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where community_id = ? and action = 'open311.key.issued'",
                Long.class, k.id())).isPositive();
        CurrentCommunity.runAs(k, () -> {
            ProblemReport r = problems.submit(new ProblemService.Submission(problems.category(code).orElseThrow().getId(), lat, lon,
                    null, "Графіті на фасаді школи", null, null, null, false, null, List.of(), UUID.randomUUID().toString(),
                    "web")).report();
            assertThat(r.getStatus()).isEqualTo(ProblemStatus.NEW);
        });
    }
}
