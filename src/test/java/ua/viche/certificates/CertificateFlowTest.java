package ua.viche.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.AccountService;
import ua.viche.platform.Mailer;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;

/**
 * Certificates end to end through pages and API: ordering with bad input, the archivist's work,
 * the PDF (text and QR code read back), verification, who may see what, numbers under parallel orders.
 */
@IntegrationTest
class CertificateFlowTest {

    private static final String BASE = "/kropyvnytskyi/archive/certificates";
    private static final String ARCHIVIST = "archivist@kropyvnytskyi.demo";
    private static final String TEXT = "Бондар Іван працював у КП «Міськсвітло» на посаді електромонтера з 1990 по 1996 рік.\n"
            + "Підстава: фонд Р-14, опис 1-л, справа 35, аркуші 12–19.";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired AccountService accountService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailer mailer;
    @Autowired RateLimiter limiter;
    @Autowired ThreadClock clock;
    @Autowired MessageSource messages;

    @BeforeEach
    void setUp() {
        limiter.reset();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private static String resident(int n) {
        return DemoResidents.email("kropyvnytskyi", n);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from certificate_order", Long.class);
    }

    private static MockHttpServletRequestBuilder serviceOrder(String email) {
        return post(BASE).with(csrf()).param("output", "CERTIFICATE").param("topic", "SERVICE")
                .param("organisation", "КП «Міськсвітло» Кропивницької міської ради").param("position", "електромонтер")
                .param("yearFrom", "1990").param("yearTo", "1996").param("delivery", "DOWNLOAD").param("email", email);
    }

    private String order(String resident) throws Exception {
        return mvc.perform(serviceOrder(resident).with(as(resident)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "certificate.ordered"))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static long id(String location) {
        return Long.parseLong(location.replaceAll(".*/(\\d+)$", "$1"));
    }

    private void act(long id, String action, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(BASE + "/work/" + id + "/" + action).with(csrf()).with(as(ARCHIVIST));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(redirectedUrl(BASE + "/" + id));
    }

    private String number(long id) {
        return jdbc.queryForObject("select number from certificate_order where id = ?", String.class, id);
    }

    private String column(long id, String column) {
        return jdbc.queryForObject("select " + column + " from certificate_order where id = ?", String.class, id);
    }

    private long audits(long id, String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where object_type = 'certificate_order' and object_id = ? and action = ?",
                Long.class, String.valueOf(id), action);
    }

    /** The text of the QR code on the PDF's last page. */
    private static String qr(PDDocument doc) throws Exception {
        BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 150);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(),
                page.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** Orders, takes into work and issues a certificate; returns the order's id. */
    private long issued(String resident) throws Exception {
        long id = id(order(resident));
        act(id, "take");
        act(id, "issue", "text", TEXT);
        return id;
    }

    @Test
    void orderWorkIssueDownloadAndVerify() throws Exception {
        String resident = resident(361);
        String location = order(resident);
        assertThat(location).matches(BASE + "/\\d+");
        long id = id(location);
        String number = number(id);
        assertThat(number).matches("АД-\\d{4}-\\d{6}");
        assertThat(mailer.latest(resident, 1).get(0).subject()).isEqualTo("Замовлення архівної довідки " + number + " зареєстровано");
        mvc.perform(get(location).with(as(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Отримано")))
                .andExpect(content().string(containsString("КП «Міськсвітло»")))
                .andExpect(content().string(not(containsString("take-button"))));
        mvc.perform(get(BASE).with(as(resident))).andExpect(content().string(containsString(number)));
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/certificates").with(as(resident))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.number == '" + number + "')].status").value("received"));
        // the account page lists the order among the person's activity
        mvc.perform(get("/account").with(as(resident))).andExpect(content().string(containsString(number)));

        // the archivist's queue, and the order's page with the draft prefilled from the facts
        mvc.perform(get(BASE + "/work").with(as(ARCHIVIST))).andExpect(status().isOk()).andExpect(content().string(containsString(number)));
        act(id, "take");
        assertThat(mailer.latest(resident, 1).get(0).subject()).isEqualTo("Замовлення " + number + " взято в роботу");
        mvc.perform(get(location).with(as(ARCHIVIST))).andExpect(status().isOk())
                .andExpect(content().string(containsString("працював(-ла) у КП «Міськсвітло» Кропивницької міської ради на посаді «електромонтер» з 1990 по 1996 рік")));
        // the certificate cannot be downloaded before it is issued
        mvc.perform(get(location + "/certificate.pdf").with(as(resident))).andExpect(status().isNotFound());

        act(id, "issue", "text", TEXT);
        assertThat(column(id, "status")).isEqualTo("READY");
        assertThat(mailer.latest(resident, 1).get(0).subject()).isEqualTo("Архівна довідка " + number + " готова");
        assertThat(audits(id, "certificate.taken")).isEqualTo(1);
        assertThat(audits(id, "certificate.issued")).isEqualTo(1);

        byte[] pdf = mvc.perform(get(location + "/certificate.pdf").with(as(resident))).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
        // stored once: the same bytes every time, with the SHA-256 kept at issue
        assertThat(mvc.perform(get(location + "/certificate.pdf").with(as(ARCHIVIST))).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(pdf);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(column(id, "pdf_sha256"));

        String code = column(id, "verify_code");
        String readable = code.replaceAll("(.{4})(?!$)", "$1-");
        String verifyUrl = "http://localhost:" + port + BASE + "/verify/" + readable;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\n\\r]+", " ");
            assertThat(text).contains(jdbc.queryForObject("select name_uk from community where slug = 'kropyvnytskyi'", String.class))
                    .contains("АРХІВНА ДОВІДКА").contains("№ " + number)
                    .contains("Видано: " + jdbc.queryForObject("select applicant_name from certificate_order where id = ?", String.class, id))
                    .contains("працював у КП «Міськсвітло» на посаді електромонтера")
                    .contains("Підстава: фонд Р-14, опис 1-л, справа 35, аркуші 12–19.")
                    .contains("Код перевірки: " + readable);
            assertThat(qr(doc)).isEqualTo(verifyUrl);
        }

        // anyone verifies: valid, with the initials only
        String name = jdbc.queryForObject("select applicant_name from certificate_order where id = ?", String.class, id);
        mvc.perform(get(BASE + "/verify/" + readable)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Довідка дійсна"))).andExpect(content().string(containsString(number)))
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(get(BASE + "/verify").param("code", code.toLowerCase())).andExpect(redirectedUrl(BASE + "/verify/" + readable));
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/certificates/verify/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("valid")).andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.topic").value("service"));

        // revoked with a reason: verification says so
        mvc.perform(post(BASE + "/work/" + id + "/revoke").with(csrf()).with(as(ARCHIVIST)).param("reason", " "))
                .andExpect(flash().attribute("error", "certificate.error.reason"));
        act(id, "revoke", "reason", "У довідці помилково зазначено посаду.");
        assertThat(audits(id, "certificate.revoked")).isEqualTo(1);
        mvc.perform(get(BASE + "/verify/" + readable)).andExpect(content().string(containsString("Довідку відкликано")))
                .andExpect(content().string(containsString("У довідці помилково зазначено посаду.")));
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/certificates/verify/" + readable))
                .andExpect(jsonPath("$.state").value("revoked")).andExpect(jsonPath("$.revokedReason").value("У довідці помилково зазначено посаду."));
        mvc.perform(get(BASE + "/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Довідку з таким кодом не знайдено")));
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/certificates/verify/not-a-code")).andExpect(jsonPath("$.state").value("unknown"));
        mvc.perform(get(BASE + "/verify/" + readable).param("lang", "en"))
                .andExpect(content().string(containsString("The certificate has been revoked")));
    }

    @Test
    void extensionWithAReasonUpTo45DaysRefusalAndPickUp() throws Exception {
        String resident = resident(362);
        long id = id(mvc.perform(post(BASE).with(csrf()).with(as(resident)).param("output", "EXTRACT").param("topic", "LAND")
                        .param("land", "м. Кропивницький, вул. Садова, 14").param("decisionNumber", "214")
                        .param("decisionDate", "25.06.1998").param("delivery", "PICKUP").param("email", resident))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
        LocalDate registered = LocalDate.parse(column(id, "registered_on"));
        assertThat(column(id, "decision_date")).isEqualTo("1998-06-25");
        mvc.perform(post(BASE + "/work/" + id + "/extend").with(csrf()).with(as(ARCHIVIST))
                        .param("dueOn", registered.plusDays(60).toString()).param("reason", "Документи на реставрації"))
                .andExpect(flash().attribute("error", "certificate.error.extensionCap"));
        mvc.perform(post(BASE + "/work/" + id + "/extend").with(csrf()).with(as(ARCHIVIST))
                        .param("dueOn", registered.plusDays(40).toString()).param("reason", ""))
                .andExpect(flash().attribute("error", "certificate.error.reason"));
        act(id, "extend", "dueOn", registered.plusDays(40).toString(), "reason", "Документи за 1998 рік на реставрації");
        assertThat(column(id, "due_on")).isEqualTo(registered.plusDays(40).toString());
        Mailer.Message extended = mailer.latest(resident, 1).get(0);
        assertThat(extended.subject()).startsWith("Строк розгляду замовлення");
        assertThat(extended.body()).contains("Документи за 1998 рік на реставрації");
        assertThat(audits(id, "certificate.extended")).isEqualTo(1);

        act(id, "take");
        act(id, "issue", "text", "Рішенням № 214 від 25.06.1998 виділено земельну ділянку площею 0,10 га.");
        mvc.perform(get(BASE + "/" + id).with(as(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("pickup-note")))
                .andExpect(content().string(not(containsString("download-certificate"))));
        assertThat(mailer.latest(resident, 1).get(0).subject()).isEqualTo("Архівна довідка " + number(id) + " готова до отримання");

        long refused = id(order(resident(363)));
        mvc.perform(post(BASE + "/work/" + refused + "/refuse").with(csrf()).with(as(ARCHIVIST)).param("reason", ""))
                .andExpect(flash().attribute("error", "certificate.error.reason"));
        act(refused, "refuse", "reason", "Документи КП «Міськсвітло» за ці роки до архіву не надходили.");
        assertThat(column(refused, "status")).isEqualTo("REFUSED");
        assertThat(mailer.latest(resident(363), 1).get(0).body()).contains("до архіву не надходили");
        mvc.perform(post(BASE + "/work/" + refused + "/issue").with(csrf()).with(as(ARCHIVIST)).param("text", TEXT))
                .andExpect(flash().attribute("error", "certificate.error.notInWork"));
        assertThat(column(refused, "verify_code")).isNull();
    }

    @Test
    void badInputIsRefusedClearlyAndNothingIsSaved() throws Exception {
        String resident = resident(364);
        long before = count();
        // the topic's facts missing: each field named
        mvc.perform(post(BASE).with(csrf()).with(as(resident)).param("output", "CERTIFICATE").param("topic", "SERVICE")
                        .param("yearFrom", "1999").param("yearTo", "1990").param("delivery", "DOWNLOAD").param("email", resident))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "organisation", "certificate.error.organisation"))
                .andExpect(model().attributeHasFieldErrorCode("form", "position", "certificate.error.position"))
                .andExpect(model().attributeHasFieldErrorCode("form", "yearTo", "certificate.error.yearOrder"))
                .andExpect(content().string(containsString("Вкажіть організацію чи підприємство")))
                .andExpect(content().string(containsString("href=\"#organisation\"")));
        // a topic that does not exist
        mvc.perform(post(BASE).with(csrf()).with(as(resident)).param("output", "CERTIFICATE").param("topic", "HOROSCOPE")
                        .param("organisation", "КП «Міськсвітло»").param("position", "електромонтер").param("yearFrom", "1990")
                        .param("yearTo", "1996").param("delivery", "DOWNLOAD").param("email", resident))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "topic"))
                .andExpect(content().string(containsString("Оберіть тему зі списку")));
        mvc.perform(post(BASE).with(csrf()).with(as(resident)).param("output", "COPY").param("topic", "DECISION")
                        .param("decisionNumber", "17/3").param("decisionDate", "вчора").param("delivery", "DOWNLOAD")
                        .param("email", "не адреса"))
                .andExpect(model().attributeHasFieldErrorCode("form", "decisionDate", "certificate.error.decisionDate"))
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "certificate.error.email"));
        // an account below the community's assurance level (verified identity): refused with the reason
        String email = "person-" + UUID.randomUUID() + "@example.org";
        accountService.register(email, "довгий пароль 2026", "Тестова Особа", Locale.forLanguageTag("uk"), "http://localhost");
        mvc.perform(serviceOrder(email).with(as(email))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Для цієї дії потрібно підтвердити особу через ID.GOV.UA.")));
        mvc.perform(get(BASE + "/new").with(as(email))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Для цієї дії потрібно підтвердити особу через ID.GOV.UA.")));
        // in English too
        mvc.perform(post(BASE).with(csrf()).with(as(resident)).param("lang", "en").param("output", "CERTIFICATE")
                        .param("topic", "LAND").param("delivery", "PICKUP").param("email", resident))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Order an archive certificate")))
                .andExpect(content().string(containsString("Give the land plot’s address or cadastral number")));
        // not signed in: asked to sign in
        mvc.perform(serviceOrder(resident)).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void othersSeeNothingAndCodesDoNotCrossCommunities() throws Exception {
        long id = issued(resident(365));
        String location = BASE + "/" + id;
        String code = column(id, "verify_code");
        // another resident, the public, another community's archivist: 404
        mvc.perform(get(location).with(as(resident(366)))).andExpect(status().isNotFound());
        mvc.perform(get(location + "/certificate.pdf").with(as(resident(366)))).andExpect(status().isNotFound());
        mvc.perform(get(location + "/certificate.pdf")).andExpect(status().isNotFound());
        mvc.perform(get(location).with(as("archivist@dmytrivka.demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/archive/certificates/" + id).with(as("archivist@dmytrivka.demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/archive/certificates/" + id + "/certificate.pdf").with(as(resident(365))))
                .andExpect(status().isNotFound());
        // only archivists act; another community's archivist cannot reach the order
        mvc.perform(post(BASE + "/work/" + id + "/revoke").with(csrf()).with(as(resident(365))).param("reason", "Не моя"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/dmytrivka/archive/certificates/work/" + id + "/revoke").with(csrf()).with(as("archivist@dmytrivka.demo"))
                .param("reason", "Чужа")).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/work").with(as(resident(365)))).andExpect(status().isForbidden());
        assertThat(column(id, "revoked_at")).isNull();
        // the code is unknown in another community
        mvc.perform(get("/dmytrivka/archive/certificates/verify/" + code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Довідку з таким кодом не знайдено")));
        mvc.perform(get("/api/v1/dmytrivka/archive/certificates/verify/" + code)).andExpect(jsonPath("$.state").value("unknown"));
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/certificates/verify/" + code)).andExpect(jsonPath("$.state").value("valid"));
        // the other person's list does not show it
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/certificates").with(as(resident(366))))
                .andExpect(content().string(not(containsString(number(id)))));
    }

    @Test
    void demoOrdersAreInEveryStateAndTheirCertificatesVerify() throws Exception {
        for (String slug : List.of("kropyvnytskyi", "dmytrivka", "sievierodonetsk")) {
            long community = jdbc.queryForObject("select id from community where slug = ?", Long.class, slug);
            assertThat(jdbc.queryForList("select distinct status from certificate_order where community_id = ?", String.class, community))
                    .contains("RECEIVED", "IN_WORK", "READY", "REFUSED");
            assertThat(jdbc.queryForObject("select count(*) from certificate_order where community_id = ? and revoked_at is not null"
                    + " and applicant_email like 'resident-%'", Long.class, community)).isPositive();
            assertThat(jdbc.queryForObject("select count(*) from certificate_order where community_id = ? and extended_reason is not null"
                    + " and applicant_email like 'resident-%'", Long.class, community)).isPositive();
            assertThat(jdbc.queryForObject("select count(*) from certificate_order where community_id = ? and status in ('RECEIVED', 'IN_WORK')"
                    + " and due_on < current_date", Long.class, community)).isPositive();
        }
        // a demo certificate, made at start-up outside any request, still carries an absolute verify URL
        Map<String, Object> demo = jdbc.queryForMap("select o.id, o.verify_code from certificate_order o join community c on c.id = o.community_id"
                + " where c.slug = 'kropyvnytskyi' and o.status = 'READY' and o.revoked_at is null and o.delivery = 'DOWNLOAD'"
                + " and o.applicant_email like 'resident-%' order by o.id limit 1");
        String readable = ((String) demo.get("verify_code")).replaceAll("(.{4})(?!$)", "$1-");
        byte[] pdf = mvc.perform(get(BASE + "/" + demo.get("id") + "/certificate.pdf").with(as(ARCHIVIST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(qr(doc)).isEqualTo("http://localhost:" + port + BASE + "/verify/" + readable);
        }
        mvc.perform(get(BASE + "/verify/" + readable)).andExpect(content().string(containsString("Довідка дійсна")));
    }

    @Test
    void numbersStayUniqueAndGaplessUnderParallelOrders() throws Exception {
        int n = 10;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String resident = resident(370 + i);
            tasks.add(() -> order(resident));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) {
            ids.add(id(f.get()));
        }
        pool.shutdown();
        TreeSet<Integer> numbers = new TreeSet<>();
        for (long id : ids) {
            String number = number(id);
            numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
        }
        assertThat(numbers).hasSize(n);
        assertThat(numbers.last() - numbers.first()).isEqualTo(n - 1);
        // and no gap before them: the community's counter stands at the last one taken
        long community = jdbc.queryForObject("select id from community where slug = 'kropyvnytskyi'", Long.class);
        int year = Integer.parseInt(number(ids.get(0)).split("-")[1]);
        assertThat(jdbc.queryForObject("select last_number from certificate_number where community_id = ? and year = ?",
                Integer.class, community, year)).isEqualTo(numbers.last());
        assertThat(jdbc.queryForObject("select count(*) from certificate_order where community_id = ? and number like ?",
                Integer.class, community, "%-" + year + "-%")).isEqualTo(numbers.last());
    }

    @Test
    void aRefusedExtensionComesBackWithTheDateAndTheReasonInItsOwnForm() throws Exception {
        String location = order(resident(372));
        long id = id(location);
        String beyond = LocalDate.parse(column(id, "registered_on")).plusDays(60).toString();
        WebSession archivist = new WebSession(mvc); // the flash lives in the person's session
        archivist.perform(post(BASE + "/work/" + id + "/extend").with(csrf()).with(as(ARCHIVIST))
                        .param("dueOn", beyond).param("reason", "Справи фонду Р-12 на реставрації"))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("error", "certificate.error.extensionCap"));
        String page = archivist.perform(get(location).with(as(ARCHIVIST))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"extend-due\" name=\"dueOn\" value=\"" + beyond + "\"")
                .contains("id=\"extend-reason\" name=\"reason\" rows=\"2\" maxlength=\"2000\">Справи фонду Р-12 на реставрації</textarea>")
                .as("the refusal form also has a field named reason: it stays empty")
                .contains("aria-describedby=\"refuse-hint\"></textarea>");
        assertThat(column(id, "due_on")).isNotEqualTo(beyond);
    }

    @Test
    void unfilledPlacesAndAnEarlyIssueDateAreRefusedAndARevokedCertificateIsShownRevoked() throws Exception {
        String resident = resident(371);
        String location = order(resident);
        long id = id(location);
        act(id, "take");
        // the draft as prefilled still has its places in square brackets: refused, nothing issued, the text kept
        String draft = "Бондар Іван працював у КП «Міськсвітло» з 1990 по 1996 рік.\nПідстава: [фонд, опис, справа, аркуші].";
        WebSession archivist = new WebSession(mvc); // the flash lives in the session, kept in PostgreSQL
        archivist.perform(post(BASE + "/work/" + id + "/issue").with(csrf()).with(as(ARCHIVIST)).param("text", draft))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("error", "certificate.error.blanksUnfilled"))
                .andExpect(flash().attribute(Refusal.TYPED, hasEntry("text", draft)));
        archivist.perform(get(location).with(as(ARCHIVIST)))
                .andExpect(content().string(containsString("Бондар Іван працював у КП «Міськсвітло» з 1990 по 1996 рік.")));
        assertThat(column(id, "status")).isEqualTo("IN_WORK");
        assertThat(column(id, "pdf_key")).isNull();
        assertThat(messages.getMessage("certificate.error.blanksUnfilled", null, Locale.ENGLISH))
                .contains("still has places in square brackets");
        assertThat(messages.getMessage("certificate.error.blanksUnfilled", null, Locale.forLanguageTag("uk")))
                .contains("незаповнені місця в квадратних дужках");
        // dated before the order was received: refused
        Instant received = jdbc.queryForObject("select received_at from certificate_order where id = ?",
                Timestamp.class, id).toInstant();
        clock.runAt(received.minus(Duration.ofDays(1)), () -> {
            try {
                mvc.perform(post(BASE + "/work/" + id + "/issue").with(csrf()).with(as(ARCHIVIST)).param("text", TEXT))
                        .andExpect(flash().attribute("error", "certificate.error.issuedBeforeRequest"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(column(id, "status")).isEqualTo("IN_WORK");
        assertThat(column(id, "issued_at")).isNull();

        act(id, "issue", "text", TEXT);
        act(id, "revoke", "reason", "У довідці помилково зазначено посаду.");
        String number = number(id);
        // revoked, not ready: on the applicant's list and page, the archivists' list, the account page and the API
        mvc.perform(get(BASE).with(as(resident))).andExpect(content().string(containsString("Відкликано")))
                .andExpect(content().string(not(containsString(">Готово<"))));
        mvc.perform(get(location).with(as(resident))).andExpect(content().string(containsString("Відкликано")))
                .andExpect(content().string(not(containsString(">Готово<"))));
        mvc.perform(get(BASE + "/work").param("tab", "ready").with(as(ARCHIVIST)))
                .andExpect(content().string(containsString(number))).andExpect(content().string(containsString("Відкликано")));
        mvc.perform(get("/account").with(as(resident))).andExpect(content().string(containsString("Відкликано")));
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/certificates").with(as(resident)))
                .andExpect(jsonPath("$[?(@.number == '" + number + "')].status").value("revoked"));
    }
}
