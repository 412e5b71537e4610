package ua.viche.petitions;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionExpiry;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.petitions.domain.PetitionSigning;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Mailer;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;

/** Petitions end to end through pages and API, with concurrency, isolation and bad input. */
@IntegrationTest
@RecordApplicationEvents
class PetitionFlowTest {

    private static final String TEXT = "Пропоную встановити лавки та смітники вздовж набережної річки Інгул, "
            + "бо зараз відпочивальникам ніде сісти, а сміття лишається на траві.";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired PetitionService petitions;
    @Autowired PetitionDrafting drafting;
    @Autowired PetitionModeration moderation;
    @Autowired PetitionSigning signing;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailer mailer;
    @Autowired ThreadClock clock;
    @Autowired RateLimiter limiter;
    @Autowired ApplicationEvents events;

    Community k;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    @Test
    void draftModerateSignWithdrawAnswer() throws Exception {
        String title = "Лавки на набережній " + UUID.randomUUID().toString().substring(0, 8);
        String location = mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(as("olena.kovalenko@example.org"))
                        .param("title", title).param("text", TEXT).param("action", "submit"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "petition.submitted"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/kropyvnytskyi/petitions/\\d+-lavky-na-naberezhnii-.*");
        mvc.perform(get(location)).andExpect(status().isNotFound());
        mvc.perform(get(location).with(as("olena.kovalenko@example.org")))
                .andExpect(content().string(containsString("На модерації")));
        mvc.perform(get("/kropyvnytskyi/petitions/moderation").with(as("moderator@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString(title)));
        mvc.perform(post(location + "/publish").with(csrf()).with(as("andrii.shevchuk@example.org")))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/publish").with(csrf()).with(as("moderator@kropyvnytskyi.demo")))
                .andExpect(status().is3xxRedirection());
        assertThat(mailer.latest("olena.kovalenko@example.org", 1).get(0).subject()).isEqualTo("Вашу петицію оприлюднено");

        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Збирає підписи")))
                .andExpect(content().string(containsString("0 підписів")))
                .andExpect(content().string(containsString("Коваленко Олена Петрівна")));
        mvc.perform(post(location + "/sign").with(csrf()).with(as("andrii.shevchuk@example.org")).param("notify", "true"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl(location + "?done=signed#sign"));
        mvc.perform(get(location + "?done=signed").with(as("andrii.shevchuk@example.org")))
                .andExpect(content().string(containsString("Ваш підпис враховано")));
        mvc.perform(post(location + "/sign").with(csrf()).with(as("andrii.shevchuk@example.org")))
                .andExpect(redirectedUrl(location + "?done=alreadySigned#sign"));
        // the outcome in the address is said only while it is true of the viewer
        mvc.perform(get(location + "?done=signed").with(as(DemoResidents.email("kropyvnytskyi", 7))))
                .andExpect(content().string(not(containsString("Ваш підпис враховано"))));
        mvc.perform(post(location + "/sign").with(csrf()).with(as(DemoResidents.email("kropyvnytskyi", 7))))
                .andExpect(redirectedUrl(location + "?done=signed#sign"));
        mvc.perform(get(location)).andExpect(content().string(containsString("2 підписи")))
                .andExpect(content().string(containsString("Шевчук Андрій Іванович")));
        mvc.perform(post(location + "/withdraw").with(csrf()).with(as(DemoResidents.email("kropyvnytskyi", 7))))
                .andExpect(redirectedUrl(location + "?done=withdrawn#sign"));
        mvc.perform(get(location + "?done=withdrawn").with(as(DemoResidents.email("kropyvnytskyi", 7))))
                .andExpect(content().string(containsString("Ваш підпис відкликано")));
        mvc.perform(post(location + "/withdraw").with(csrf()).with(as(DemoResidents.email("kropyvnytskyi", 7))))
                .andExpect(redirectedUrl(location + "?done=notSigned#sign"));
        long id = Long.parseLong(location.replaceAll(".*/(\\d+)-.*", "$1"));
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions/" + id))
                .andExpect(jsonPath("$.petition.signatureCount").value(1))
                .andExpect(jsonPath("$.petition.status").value("collecting"))
                .andExpect(jsonPath("$.authorName").value("Коваленко Олена Петрівна"));
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions/" + id + "/signatures"))
                .andExpect(jsonPath("$.items[0].name").value("Шевчук Андрій Іванович"))
                .andExpect(jsonPath("$.items[0].signedAt").exists())
                .andExpect(jsonPath("$.total").value(1));

        // reach the threshold: the community needs 450; sign as demo residents until it moves
        CurrentCommunity.runAs(k, () -> {
            for (int i = 1; i <= 449; i++) {
                String email = DemoResidents.email("kropyvnytskyi", i);
                identity.callAs(email, () -> signing.sign(id, false));
            }
        });
        mvc.perform(get(location)).andExpect(content().string(containsString("На розгляді")))
                .andExpect(content().string(containsString("450 підписів")));
        mvc.perform(post(location + "/answer").with(csrf()).with(as("official@kropyvnytskyi.demo"))
                        .param("outcome", "SUPPORTED").param("text", "").param("documentUrl", "ftp://x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"error-summary\"")));
        mvc.perform(post(location + "/answer").with(csrf()).with(as("official@kropyvnytskyi.demo"))
                        .param("outcome", "SUPPORTED").param("text", "Рада підтримує: лавки встановлять навесні.")
                        .param("documentUrl", "https://example.gov.ua/rishennia/1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location)).andExpect(content().string(containsString("Рада підтримує")));
        assertThat(mailer.latest("andrii.shevchuk@example.org", 5)).anyMatch(m -> m.subject().equals("Рада відповіла на петицію"));
        mvc.perform(get("/kropyvnytskyi/admin/audit").with(as("admin@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString("petition.published")))
                .andExpect(content().string(containsString("petition.answered")));
    }

    @Test
    void theDataExportListsTheSignatureAndTheReportOfAPetitionHiddenSince() throws Exception {
        String title = "Петиція, яку згодом приховають " + UUID.randomUUID().toString().substring(0, 8);
        long id = CurrentCommunity.callAs(k, () -> {
            Petition p = identity.callAs("olena.kovalenko@example.org", () -> drafting.draft(title, TEXT, List.of(), true));
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(p.getId()));
            return p.getId();
        });
        String signer = DemoResidents.email("kropyvnytskyi", 23);
        CurrentCommunity.runAs(k, () -> identity.callAs(signer, () -> {
            signing.sign(id, false);
            petitions.report(id, "Ця петиція повторює іншу, вже оприлюднену.");
            return null;
        }));
        CurrentCommunity.runAs(k, () -> identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.hide(id, "Перевірка")));

        // the signature and the report are still held about the person, so their export lists them
        mvc.perform(get("/account/export.json").with(as(signer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activity[?(@.kind == 'signature')].title", Matchers.hasItem("I signed the petition \"" + title + "\"")))
                .andExpect(jsonPath("$.activity[?(@.kind == 'petition-report')].title",
                        Matchers.hasItem("I reported the petition \"" + title + "\" to the moderators")))
                .andExpect(jsonPath("$.activity[?(@.kind == 'petition-report')].url",
                        Matchers.hasItem(Matchers.startsWith("/kropyvnytskyi/petitions/" + id + "-"))));
    }

    @Test
    void twoHundredPeopleSigningAtOnceAreAllCountedAndOnePersonOnce() throws Exception {
        long id = publishedPetition("Паралельні підписи");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                String email = DemoResidents.email("kropyvnytskyi", i);
                attempts.add(() -> CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> signing.sign(id, false))));
            }
            for (int i = 0; i < 20; i++) {
                attempts.add(() -> CurrentCommunity.callAs(k, () -> identity.callAs(DemoResidents.email("kropyvnytskyi", 300),
                        () -> signing.sign(id, false))));
            }
            int added = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                added += f.get() ? 1 : 0;
            }
            assertThat(added).isEqualTo(201);
        } finally {
            pool.shutdown();
        }
        Integer rows = jdbc.queryForObject("select count(*) from petition_signature where petition_id = ?", Integer.class, id);
        assertThat(rows).isEqualTo(201);
        assertThat(CurrentCommunity.callAs(k, () -> petitions.visible(id).getSignatureCount()))
                .as("exact count, folded or not").isEqualTo(201);
        signing.foldAll();
        Integer counter = jdbc.queryForObject("select signature_count from petition where id = ?", Integer.class, id);
        Integer pending = jdbc.queryForObject("select count(*) from petition_signature_delta where petition_id = ?", Integer.class, id);
        assertThat(counter).isEqualTo(201);
        assertThat(pending).isZero();
    }

    @Test
    void peopleRacingPastTheThresholdMoveThePetitionOnceAndAreAllCounted() throws Exception {
        long id = publishedPetition("Поріг наввипередки");
        jdbc.update("update petition set threshold = 30 where id = ?", id);
        int mailsBefore = thresholdMails();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        int added = 0;
        int refused = 0;
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 401; i <= 460; i++) {
                String email = DemoResidents.email("kropyvnytskyi", i);
                attempts.add(() -> CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> signing.sign(id, false))));
            }
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                try {
                    added += f.get() ? 1 : 0;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(Refusal.class).hasMessage("petition.error.notCollecting");
                    refused++;
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(added + refused).isEqualTo(60);
        assertThat(added).isBetween(30, 60);
        Petition p = CurrentCommunity.callAs(k, () -> petitions.visible(id));
        assertThat(p.getStatus()).isEqualTo(Petition.Status.CONSIDERATION);
        assertThat(p.getSignatureCount()).isEqualTo(added);
        Integer rows = jdbc.queryForObject("select count(*) from petition_signature where petition_id = ?", Integer.class, id);
        assertThat(rows).isEqualTo(added);
        assertThat(thresholdMails() - mailsBefore).as("the author is told once").isEqualTo(1);
    }

    private int thresholdMails() {
        return (int) mailer.latest("olena.kovalenko@example.org", 1000).stream()
                .filter(m -> m.subject().equals("Петиція набрала потрібну кількість підписів")).count();
    }

    @Test
    void aPetitionOfOneCommunityIsInvisibleFromAnother() throws Exception {
        long id = publishedPetition("Тільки для Кропивницького");
        mvc.perform(get("/kropyvnytskyi/petitions/" + id)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/dmytrivka/petitions/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/petitions/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/petitions/" + id + "/signatures")).andExpect(status().isNotFound());
        mvc.perform(post("/dmytrivka/petitions/" + id + "/sign").with(csrf()).with(as("mariia.bondarenko@example.org")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/petitions").param("q", "Тільки для Кропивницького"))
                .andExpect(content().string(not(containsString("/petitions/" + id + "-"))));
        mvc.perform(get("/dmytrivka/search").param("q", "Кропивницького"))
                .andExpect(content().string(not(containsString("/petitions/" + id + "-"))));
        mvc.perform(get("/api/v1/dmytrivka/petitions").param("q", "Кропивницького"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/dmytrivka/petitions/export.json"))
                .andExpect(content().string(not(containsString("Тільки для Кропивницького"))));
        mvc.perform(get("/kropyvnytskyi/petitions").param("q", "тільки для кропивницького"))
                .andExpect(content().string(containsString("/petitions/" + id + "-")));
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from petition", Long.class);
        mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(as("olena.kovalenko@example.org"))
                        .param("title", "").param("text", "коротко").param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Це поле обов’язкове")))
                .andExpect(content().string(containsString("від 50 до 20 000 символів")));
        mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(as("olena.kovalenko@example.org"))
                        .param("title", "Д".repeat(201)).param("text", TEXT))
                .andExpect(content().string(containsString("не довшою за 200 символів")));
        // an account without a verified identity may not draft where the level is VERIFIED
        mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(as("operator@kropyvnytskyi.demo"))
                        .param("title", "Без підтвердження").param("text", TEXT))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("потрібно підтвердити особу через ID.GOV.UA")));
        assertThat(jdbc.queryForObject("select count(*) from petition", Long.class)).isEqualTo(before);

        long open = publishedPetition("Підпис без рівня");
        mvc.perform(post("/kropyvnytskyi/petitions/" + open + "/sign").with(csrf()).with(as("operator@kropyvnytskyi.demo")))
                .andExpect(flash().attribute("error", "eligibility.verify"));
        mvc.perform(post("/kropyvnytskyi/petitions/" + open + "/sign").with(csrf()))
                .andExpect(status().is3xxRedirection());
        long expired = jdbc.queryForObject("select id from petition where community_id = ? and status = 'EXPIRED' limit 1",
                Long.class, k.id());
        int count = jdbc.queryForObject("select signature_count from petition where id = ?", Integer.class, expired);
        mvc.perform(post("/kropyvnytskyi/petitions/" + expired + "/sign").with(csrf()).with(as("nadiia.tkachenko@example.org")))
                .andExpect(flash().attribute("error", "petition.error.notCollecting"));
        assertThat(jdbc.queryForObject("select signature_count from petition where id = ?", Integer.class, expired)).isEqualTo(count);
        assertThat(jdbc.queryForObject("select count(*) from petition_signature where petition_id = ?", Integer.class, open)).isZero();

        mvc.perform(get("/kropyvnytskyi/petitions/999999999")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Такої петиції немає")));
        mvc.perform(get("/kropyvnytskyi/petitions/12abc")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions/99999999999999999999")).andExpect(status().isBadRequest());
        mvc.perform(post("/kropyvnytskyi/petitions/999999999/publish").with(csrf()).with(as("moderator@kropyvnytskyi.demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions").param("page", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void attachmentsAreCheckedByContentAndServedWithThePetition() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        byte[] script = "<html><script>alert(1)</script></html>".getBytes();
        long before = jdbc.queryForObject("select count(*) from petition", Long.class);
        mvc.perform(MockMvcRequestBuilders.multipart("/kropyvnytskyi/petitions")
                        .file(new MockMultipartFile("files", "scan.pdf", "application/pdf", script))
                        .param("title", "Петиція з підробленим файлом").param("text", TEXT)
                        .with(csrf()).with(as("olena.kovalenko@example.org")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("не є документом PDF чи зображенням")))
                .andExpect(content().string(containsString("value=\"Петиція з підробленим файлом\"")));
        assertThat(jdbc.queryForObject("select count(*) from petition", Long.class)).isEqualTo(before);

        String location = mvc.perform(MockMvcRequestBuilders.multipart("/kropyvnytskyi/petitions")
                        .file(new MockMultipartFile("files", "рішення.pdf", "text/plain", pdf))
                        .file(new MockMultipartFile("files", "фото.png", "image/png", png))
                        .param("title", "Петиція з додатками").param("text", TEXT).param("action", "draft")
                        .with(csrf()).with(as("olena.kovalenko@example.org")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).with(as("olena.kovalenko@example.org")))
                .andExpect(content().string(containsString("рішення.pdf")))
                .andReturn().getResponse().getContentAsString();
        String link = page.replaceAll("(?s).*href=\"(/kropyvnytskyi/petitions/[^\"]+/attachments/\\d+)\"[^>]*>рішення.pdf.*", "$1");
        mvc.perform(get(link).with(as("olena.kovalenko@example.org")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf));
        mvc.perform(get(link)).andExpect(status().isNotFound());
    }

    @Test
    void aPetitionBelowTheThresholdAtTheEndIsForwardedAsAnAppeal() {
        Instant threeMonthsAgo = Instant.now().minus(Duration.ofDays(91));
        long id = clock.callAt(threeMonthsAgo, () -> publishedPetition("Стара петиція"));
        CurrentCommunity.runAs(k, () -> {
            assertThat(signing.dueForExpiry()).contains(id);
            signing.dueForExpiry().forEach(signing::expireIfDue);
            assertThat(petitions.visible(id).getStatus()).isEqualTo(Petition.Status.EXPIRED);
        });
        assertThat(events.stream(PetitionForwardedAsAppeal.class).filter(e -> e.petitionId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.communityId()).isEqualTo(k.id());
                    assertThat(e.title()).startsWith("Стара петиція");
                    assertThat(e.authorName()).isEqualTo("Коваленко Олена Петрівна");
                });
    }

    /** Between the end of its period and the expiry job, a petition neither offers nor takes a signature. */
    @Test
    void aPetitionPastItsEndOffersNoSignatureBeforeTheJobClosesIt() throws Exception {
        long id = clock.callAt(Instant.now().minus(Duration.ofDays(91)), () -> publishedPetition("Петиція, строк якої минув"));
        String page = CurrentCommunity.callAs(k, () -> "/kropyvnytskyi/petitions/" + petitions.visible(id).slug());
        assertThat(CurrentCommunity.callAs(k, () -> petitions.visible(id).getStatus())).isEqualTo(Petition.Status.COLLECTING);
        mvc.perform(get(page).with(as("andrii.shevchuk@example.org")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(containsString("/sign\""))))
                .andExpect(content().string(Matchers.not(containsString("Збір підписів до"))));
    }

    /** The states in the statute's words: too few signatures is not a council's «not supported». */
    @Test
    void statesAreNamedAsTheStatuteNamesThem() throws Exception {
        mvc.perform(get("/kropyvnytskyi/petitions").param("list", "archived").param("lang", "uk"))
                .andExpect(content().string(containsString("Недостатньо підписів")))
                .andExpect(content().string(Matchers.not(containsString("Не підтримано"))));
        mvc.perform(get("/kropyvnytskyi/petitions").param("list", "archived").param("lang", "en"))
                .andExpect(content().string(containsString("Not enough signatures")))
                .andExpect(content().string(Matchers.not(containsString("Not supported"))));
        mvc.perform(get("/kropyvnytskyi/petitions").param("list", "answered").param("lang", "uk"))
                .andExpect(content().string(containsString("Розглянуто")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*(Частково підтримано радою|Підтримано радою|Не підтримано радою).*")));
        mvc.perform(get("/kropyvnytskyi/petitions").param("list", "consideration").param("lang", "uk"))
                .andExpect(content().string(containsString("На розгляді")));
    }

    @Test
    void theExpiryJobClosesPetitionsOfEveryCommunityInTheirOwnCommunity(
            @Autowired PetitionExpiry expiry) {
        Instant longAgo = Instant.now().minus(Duration.ofDays(120));
        long inK = clock.callAt(longAgo, () -> publishedPetition("Давня петиція Кропивницького"));
        Community d = communities.bySlug("dmytrivka").orElseThrow();
        long inD = clock.callAt(longAgo, () -> CurrentCommunity.callAs(d, () -> {
            Petition p = identity.callAs("mariia.bondarenko@example.org", () -> drafting.draft("Давня петиція Дмитрівки", TEXT));
            identity.callAs("mariia.bondarenko@example.org", () -> drafting.submit(p.getId()));
            identity.callAs("moderator@dmytrivka.demo", () -> moderation.publish(p.getId()));
            return p.getId();
        }));
        expiry.run();
        assertThat(jdbc.queryForObject("select status from petition where id = ?", String.class, inK)).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select status from petition where id = ?", String.class, inD)).isEqualTo("EXPIRED");
        assertThat(events.stream(PetitionForwardedAsAppeal.class).filter(e -> e.petitionId() == inD)).singleElement()
                .satisfies(e -> {
                    assertThat(e.communityId()).isEqualTo(d.id());
                    assertThat(e.url()).startsWith("/dmytrivka/petitions/" + inD);
                });
        assertThat(events.stream(PetitionForwardedAsAppeal.class).filter(e -> e.petitionId() == inK)).singleElement()
                .satisfies(e -> assertThat(e.url()).startsWith("/kropyvnytskyi/petitions/" + inK));
    }

    @Test
    void listsApiExportsAndFigures() throws Exception {
        mvc.perform(get("/kropyvnytskyi/petitions")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Облаштувати відкритий Wi-Fi у парку «Ковалівський»")));
        mvc.perform(get("/kropyvnytskyi/petitions").param("list", "answered"))
                .andExpect(content().string(containsString("Встановити «розумні» зупинки")));
        mvc.perform(get("/kropyvnytskyi/petitions").param("list", "consideration"))
                .andExpect(content().string(containsString("Строк відповіді минув")));
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions").param("list", "archived"))
                .andExpect(jsonPath("$.items[0].status").value("expired"))
                .andExpect(jsonPath("$.items[0].url").exists())
                .andExpect(jsonPath("$.items[0].threshold").value(450));
        long ticket = jdbc.queryForObject("select id from petition where community_id = ? and title like 'Запровадити електронний квиток%'",
                Long.class, k.id());
        mvc.perform(get("/kropyvnytskyi/petitions/" + ticket + "/signatures").param("page", "1"))
                .andExpect(content().string(containsString("Сторінка 2 з 5")))
                .andExpect(content().string(containsString("signatures?page=0")))
                .andExpect(content().string(containsString("signatures?page=2")))
                .andExpect(content().string(containsString("<ol start=\"101\">")));
        long id = publishedPetition("=HYPERLINK(\"http://evil\")");
        mvc.perform(get("/kropyvnytskyi/petitions/export.csv"))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("\"'=HYPERLINK(\"\"http://evil\"\")")))
                .andExpect(content().string(containsString("Встановити «розумні» зупинки")));
        mvc.perform(get("/kropyvnytskyi/petitions/figures"))
                .andExpect(content().string(containsString("Унікальних підписантів")))
                .andExpect(content().string(containsString("236")));
        mvc.perform(get("/account").with(as("olena.kovalenko@example.org")))
                .andExpect(content().string(containsString("Моя петиція «Запровадити електронний квиток")));
        mvc.perform(get("/kropyvnytskyi")).andExpect(content().string(containsString("Облаштувати відкритий Wi-Fi")));
        assertThat(id).isPositive();
    }

    @Test
    void creatingAndSubmittingIsOneTransactionSoAFailedSubmissionLeavesNoDraft() throws Exception {
        String title = "Відмова подання " + UUID.randomUUID().toString().substring(0, 8);
        // the database refuses this petition's move to moderation, as a failure between the two steps would
        jdbc.execute("create function test_refuse_submission() returns trigger language plpgsql as"
                + " $$ begin raise exception 'submission refused for the test'; end $$");
        jdbc.execute("create trigger test_refuse_submission before insert or update on petition for each row"
                + " when (new.status = 'MODERATION' and new.title like 'Відмова подання%') execute function test_refuse_submission()");
        try {
            mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(as("olena.kovalenko@example.org"))
                            .param("title", title).param("text", TEXT).param("action", "submit"))
                    .andExpect(status().isInternalServerError());
        } finally {
            jdbc.execute("drop trigger test_refuse_submission on petition");
            jdbc.execute("drop function test_refuse_submission()");
        }
        assertThat(jdbc.queryForObject("select count(*) from petition where title = ?", Integer.class, title))
                .as("neither a petition in moderation nor a draft left behind").isZero();
    }

    /**
     * A refused form comes back with what the person typed: the draft and answer forms in the same
     * response, a reason typed on a petition's page after the redirect back to it.
     */
    @Test
    void aRefusedFormComesBackWithWhatWasTyped() throws Exception {
        // the draft was submitted from another tab meanwhile: submitting the edited text is refused, the text stays
        String olena = "olena.kovalenko@example.org";
        long draft = CurrentCommunity.callAs(k, () -> identity.callAs(olena, () -> {
            Petition p = drafting.draft("Чернетка у двох вкладках " + UUID.randomUUID(), TEXT);
            drafting.submit(p.getId());
            return p.getId();
        }));
        String title = "Змінена назва " + UUID.randomUUID().toString().substring(0, 8);
        String text = TEXT + " Додано: лавки з навісом від дощу.";
        mvc.perform(post("/kropyvnytskyi/petitions/" + draft + "/edit").with(csrf()).with(as(olena))
                        .param("title", title).param("text", text).param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Змінювати можна лише чернетку.")))
                .andExpect(content().string(containsString("value=\"" + title + "\"")))
                .andExpect(content().string(containsString("сміття лишається на траві. Додано: лавки з навісом від дощу.</textarea>")));
        assertThat(jdbc.queryForObject("select title from petition where id = ?", String.class, draft))
                .startsWith("Чернетка у двох вкладках");

        // an answer to a petition that is not under consideration: refused, the answer stays on its form
        long open = publishedPetition("Відповідь зарано");
        String location = CurrentCommunity.callAs(k, () -> PetitionService.url(petitions.visible(open)));
        String answer = "Рада підтримує, хоча петиція ще збирає підписи.";
        mvc.perform(post(location + "/answer").with(csrf()).with(as("official@kropyvnytskyi.demo"))
                        .param("outcome", "SUPPORTED").param("text", answer).param("documentUrl", "https://example.gov.ua/rishennia/2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Відповідь можна дати лише на петицію, що на розгляді.")))
                .andExpect(content().string(containsString(">" + answer + "</textarea>")))
                .andExpect(content().string(containsString("value=\"https://example.gov.ua/rishennia/2\"")));

        // a report too long to keep: back on the petition's page, the reason in the report form again, once
        String reason = "Петиція повторює іншу петицію. ".repeat(40).strip();
        WebSession andrii = new WebSession(mvc); // the flash lives in the session, kept in PostgreSQL
        andrii.perform(post(location + "/report").with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("form", "report").param("reason", reason))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("error", "petition.error.reportReason"))
                .andExpect(flash().attribute(Refusal.TYPED, hasEntry("reason", reason)));
        andrii.perform(get(location).with(as("andrii.shevchuk@example.org")))
                .andExpect(content().string(containsString("Опишіть порушення (до 1000 символів).")))
                .andExpect(content().string(containsString("maxlength=\"1000\">" + reason + "</textarea>")));
        andrii.perform(get(location).with(as("andrii.shevchuk@example.org")))
                .andExpect(content().string(not(containsString(reason))));
        assertThat(jdbc.queryForObject("select count(*) from petition_report where petition_id = ?", Integer.class, open)).isZero();
    }

    private long publishedPetition(String title) {
        return CurrentCommunity.callAs(k, () -> {
            Petition p = identity.callAs("olena.kovalenko@example.org", () -> drafting.draft(title + " " + UUID.randomUUID(), TEXT));
            identity.callAs("olena.kovalenko@example.org", () -> drafting.submit(p.getId()));
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(p.getId()));
            return p.getId();
        });
    }
}
