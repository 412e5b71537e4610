package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.consultations.domain.ConsultationDiscussion;
import ua.viche.consultations.domain.ConsultationPublishing;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.consultations.domain.DraftSections;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollService;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;

/**
 * Consultations: the list search with Ukrainian morphology and the site search (polls too), who may take part,
 * an oversized Word document, the overdue report flagged, and the demo's consultations in every community.
 */
@IntegrationTest
class ConsultationRulesTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";
    private static final Random RANDOM = new Random();
    private static final String DRAFT = """
            ## Загальні положення

            Власники домашніх тварин вигулюють їх на повідку.

            ## Відповідальність

            За порушення правил власника попереджають.
            """;

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationPublishing publishing;
    @Autowired ConsultationDiscussion discussion;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired ThreadClock clock;
    @Autowired RateLimiter limiter;
    @Autowired PollService polls;

    Community k;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private long publish(String title, LocalDate first, LocalDate last, boolean residency, int minimumAge) {
        return CurrentCommunity.callAs(k, () -> identity.callAs(OFFICIAL, () -> publishing.publish(new ConsultationPublishing.Draft(
                title, "Порядок утримання тварин у громаді.", null, first, last, residency, minimumAge, DraftSections.fromMarkdown(DRAFT),
                List.of()))).getId());
    }

    /** A word no dictionary has, so that a search for it finds only what this test wrote. */
    private static String marker() {
        String letters = "бвгджзклмнпрстфхцчшщ";
        StringBuilder b = new StringBuilder("ж");
        for (int i = 0; i < 8; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }

    @Test
    void theListSearchFindsAConsultationByAnyFormOfItsWords() throws Exception {
        String m = marker();
        String title = "Правила утримання домашніх тварин " + m;
        LocalDate today = LocalDate.now(Dates.KYIV);
        long id = publish(title, today, today.plusDays(20), false, 0);
        String url = CurrentCommunity.callAs(k, () -> consultations.visible(id).url("kropyvnytskyi"));

        // «тваринами» and «власникам» are other forms of the draft's «тварин» and «власника»
        mvc.perform(get("/kropyvnytskyi/consultations").param("q", "тваринами " + m)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Результати пошуку «тваринами " + m + "»")))
                .andExpect(content().string(containsString(url)));
        mvc.perform(get("/kropyvnytskyi/consultations").param("q", "власникам " + m)).andExpect(status().isOk())
                .andExpect(content().string(containsString(url)));
        mvc.perform(get("/kropyvnytskyi/consultations").param("q", "кораблями " + m)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(url))))
                .andExpect(content().string(containsString("За цим запитом консультацій не знайдено.")));
        mvc.perform(get("/api/v1/kropyvnytskyi/consultations").param("q", "тваринами " + m))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].url").value(url))
                .andExpect(jsonPath("$.items[0].status").value("open"));
        // the site search finds it too, as a consultation; another community finds nothing
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", "тварин " + m))
                .andExpect(jsonPath("$.facets.kind.consultation").value(1))
                .andExpect(jsonPath("$.items[*].url", hasItem(url)));
        mvc.perform(get("/api/v1/dmytrivka/consultations").param("q", "тваринами " + m)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/dmytrivka/consultations").param("q", "тваринами " + m))
                .andExpect(content().string(not(containsString(title))))
                .andExpect(content().string(containsString("За цим запитом консультацій не знайдено.")));
    }

    @Test
    void pollsAreFoundInTheSiteSearchByTheirQuestions() throws Exception {
        String m = marker();
        LocalDate today = LocalDate.now(Dates.KYIV);
        long id = CurrentCommunity.callAs(k, () -> identity.callAs(OFFICIAL, () -> polls.create("Опитування про сквери " + m, "", today,
                today.plusDays(10), false, false, 0, List.of(new PollService.QuestionDraft(Poll.Kind.SINGLE,
                        "Чи потрібні нові лавки у скверах?", true, 0, 0, "", "", false, List.of("Так", "Ні"))))));
        // «лавками» is another form of the question's «лавки»
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", "лавками " + m))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.facets.kind.poll").value(1))
                .andExpect(jsonPath("$.items[0].url").value("/kropyvnytskyi/polls/" + id))
                .andExpect(jsonPath("$.items[0].status").value("open"));
        mvc.perform(get("/kropyvnytskyi/search").param("q", "лавками " + m)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/kropyvnytskyi/polls/" + id)));
        mvc.perform(get("/api/v1/dmytrivka/search").param("q", "лавками " + m)).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void onlyThoseTheConsultationAdmitsMayTakePart() {
        LocalDate today = LocalDate.now(Dates.KYIV);
        long id = publish("Лише мешканці від 100 років " + marker(), today, today.plusDays(20), true, 100);
        long section = CurrentCommunity.callAs(k, () -> consultations.sections(id, 1).get(0).id());
        long before = jdbc.queryForObject("select count(*) from consultation_comment where consultation_id = ?", Long.class, id);
        // a verified person who lives in Dmytrivka is not a resident of Kropyvnytskyi
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> identity.callAs("mariia.bondarenko@example.org",
                () -> discussion.comment(id, section, "Я з Дмитрівки"))))
                .isInstanceOf(Refusal.class).hasMessage(Participation.Reason.NOT_RESIDENT.key());
        // a resident younger than the consultation's minimum age
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> identity.callAs("andrii.shevchuk@example.org",
                () -> discussion.comment(id, section, "Мені менше ста"))))
                .isInstanceOf(Refusal.class).hasMessage(Participation.Reason.TOO_YOUNG.key());
        assertThat(jdbc.queryForObject("select count(*) from consultation_comment where consultation_id = ?", Long.class, id))
                .isEqualTo(before);
        // without the age rule the same resident takes part
        long open = publish("Лише мешканці " + marker(), today, today.plusDays(20), true, 0);
        long openSection = CurrentCommunity.callAs(k, () -> consultations.sections(open, 1).get(0).id());
        assertThat(CurrentCommunity.callAs(k, () -> identity.callAs("andrii.shevchuk@example.org",
                () -> discussion.comment(open, openSection, "Підтримую")))).isPositive();
    }

    @Test
    void aWordDocumentTooLargeIsRefusedAndNothingIsSaved() throws Exception {
        byte[] large = new byte[(int) DraftSections.MAX_DOCX_BYTES + 1];
        large[0] = 'P';
        large[1] = 'K';
        assertThatThrownBy(() -> DraftSections.fromDocx(large)).isInstanceOf(Refusal.class)
                .hasMessage("consultation.error.docxTooLarge");
        long before = jdbc.queryForObject("select count(*) from consultation", Long.class);
        LocalDate today = LocalDate.now(Dates.KYIV);
        mvc.perform(multipart("/kropyvnytskyi/consultations/new")
                        .file(new MockMultipartFile("docx", "proekt.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", large))
                        .with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("title", "Завеликий документ")
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "consultation.error.docxTooLarge"));
        assertThat(jdbc.queryForObject("select count(*) from consultation", Long.class)).isEqualTo(before);
    }

    @Test
    void theDraftsFilesArePdfOrImagesByTheirContent() throws Exception {
        LocalDate today = LocalDate.now(Dates.KYIV);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        long before = jdbc.queryForObject("select count(*) from consultation", Long.class);
        // named .pdf and declared a PDF, but text by its content: refused, nothing saved
        mvc.perform(multipart("/kropyvnytskyi/consultations/new")
                        .file(new MockMultipartFile("files", "dodatok.pdf", "application/pdf", "Це не PDF, а текст.".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("title", "З додатком").param("text", DRAFT)
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "consultation.error.fileType"));
        assertThat(jdbc.queryForObject("select count(*) from consultation", Long.class)).isEqualTo(before);

        String location = mvc.perform(multipart("/kropyvnytskyi/consultations/new")
                        .file(new MockMultipartFile("files", "dodatok.pdf", "application/octet-stream", pdf))
                        .with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("title", "З додатком " + marker()).param("text", DRAFT)
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "consultation.publishedMessage"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll(".*/(\\d+)-.*", "$1"));
        long attachment = jdbc.queryForObject("select id from attachment where owner_module = 'consultations'"
                + " and owner_kind = 'consultation' and owner_id = ?", Long.class, id);
        mvc.perform(get(location)).andExpect(content().string(containsString("dodatok.pdf")))
                .andExpect(content().string(containsString(location + "/attachments/" + attachment)));
        mvc.perform(get(location + "/attachments/" + attachment)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/pdf"));
        mvc.perform(get(location.replace("/kropyvnytskyi/", "/dmytrivka/") + "/attachments/" + attachment))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReportNotPublishedWithinItsDaysIsFlaggedOverdue() throws Exception {
        // opened 40 days ago for 15 days: the report was due 14 days after the end, 11 days ago
        Instant past = Instant.now().minus(Duration.ofDays(40));
        LocalDate first = Dates.day(past);
        String title = "Прострочений звіт " + marker();
        long id = clock.callAt(past, () -> publish(title, first, first.plusDays(14), false, 0));
        String url = CurrentCommunity.callAs(k, () -> consultations.visible(id).url("kropyvnytskyi"));
        mvc.perform(get("/api/v1/kropyvnytskyi/consultations/" + id))
                .andExpect(jsonPath("$.consultation.status").value("awaiting_report"))
                .andExpect(jsonPath("$.reportOverdue").value(true));
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(content().string(containsString("Звіт прострочено")));
        mvc.perform(get(url + "/report")).andExpect(status().isOk()).andExpect(content().string(containsString("Звіт прострочено")));
        // one that ended yesterday is awaiting its report, not overdue
        Instant recent = Instant.now().minus(Duration.ofDays(16));
        long fresh = clock.callAt(recent, () -> publish("Свіжа консультація " + marker(), Dates.day(recent), Dates.day(recent).plusDays(14),
                false, 0));
        mvc.perform(get("/api/v1/kropyvnytskyi/consultations/" + fresh))
                .andExpect(jsonPath("$.consultation.status").value("awaiting_report"))
                .andExpect(jsonPath("$.reportOverdue").value(false));
    }

    @Test
    void everyDemoCommunityHasAnOpenConsultationAndOneWithItsReport() throws Exception {
        for (String community : List.of("kropyvnytskyi", "dmytrivka", "sievierodonetsk")) {
            mvc.perform(get("/api/v1/" + community + "/consultations").param("list", "open"))
                    .andExpect(jsonPath("$.total", greaterThan(0)))
                    .andExpect(jsonPath("$.items[*].status", hasItem("open")));
            String reported = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/" + community + "/consultations")
                            .param("list", "reported")).andExpect(jsonPath("$.total", greaterThan(0)))
                    .andExpect(jsonPath("$.items[0].status").value("reported")).andReturn().getResponse().getContentAsString(),
                    "$.items[0].url");
            mvc.perform(get(reported + "/report")).andExpect(status().isOk());
            mvc.perform(get(reported + "/report.pdf")).andExpect(status().isOk());
            mvc.perform(get(reported + "/report.csv")).andExpect(status().isOk());
        }
        // Kropyvnytskyi also has one closed and awaiting its overdue report
        mvc.perform(get("/api/v1/kropyvnytskyi/consultations").param("list", "awaiting"))
                .andExpect(jsonPath("$.total", greaterThan(0)));
    }
}
