package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.consultations.domain.Consultation;
import ua.viche.consultations.domain.ConsultationDiscussion;
import ua.viche.consultations.domain.ConsultationPublishing;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.consultations.domain.DraftSections;
import ua.viche.consultations.domain.Section;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Mailer;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;

/** Consultations end to end through pages and API: rules, amendments, decisions, the report, concurrency, isolation, bad input. */
@IntegrationTest
class ConsultationFlowTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";
    private static final String OLENA = "olena.kovalenko@example.org";
    private static final String ANDRII = "andrii.shevchuk@example.org";
    private static final String DRAFT = """
            Проєкт рішення міської ради.

            ## Загальні положення

            Правила благоустрою поширюються на всю територію громади.

            ## Прибирання

            Власники територій прибирають їх щодня до восьмої години ранку.
            """;

    @Autowired MockMvc mvc;
    @Autowired Mailer mailer;
    @Autowired AccountRepository accounts;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationPublishing publishing;
    @Autowired ConsultationDiscussion discussion;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired ThreadClock clock;
    @Autowired RateLimiter limiter;
    @Autowired List<PersonalData> personalData;

    Community k;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private long consultations() {
        return jdbc.queryForObject("select count(*) from consultation", Long.class);
    }

    @Test
    void publishProposeSupportDecideAndReport() throws Exception {
        String title = "Правила благоустрою " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(Dates.KYIV);
        long before = consultations();
        // shorter than fifteen calendar days: refused, nothing saved
        mvc.perform(multipart("/kropyvnytskyi/consultations/new").with(csrf()).with(as(OFFICIAL))
                        .param("title", title).param("text", DRAFT)
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(13).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "consultation.error.periodTooShort"));
        // a resident may not publish
        mvc.perform(multipart("/kropyvnytskyi/consultations/new").with(csrf()).with(as(OLENA))
                        .param("title", title).param("text", DRAFT)
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(14).toString()))
                .andExpect(status().isForbidden());
        assertThat(consultations()).isEqualTo(before);

        String location = mvc.perform(multipart("/kropyvnytskyi/consultations/new").with(csrf()).with(as(OFFICIAL))
                        .param("title", title).param("summary", "Новий порядок прибирання.").param("text", DRAFT)
                        .param("residencyRequired", "true")
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(14).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "consultation.publishedMessage"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/kropyvnytskyi/consultations/\\d+-pravyla-blahoustroiu-.*");
        long id = Long.parseLong(location.replaceAll(".*/(\\d+)-.*", "$1"));
        List<Section> sections = CurrentCommunity.callAs(k, () -> consultations.sections(id, 1));
        assertThat(sections).extracting(Section::heading).containsExactly("", "Загальні положення", "Прибирання");
        long cleaning = sections.get(2).id();

        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Прибирання")))
                .andExpect(content().string(containsString("Триває")));
        // a visitor is sent to sign in
        mvc.perform(post(location + "/comments").with(csrf()).param("sectionId", String.valueOf(cleaning)).param("text", "Так"))
                .andExpect(status().is3xxRedirection());

        // an amendment shown as a word-level difference
        mvc.perform(post(location + "/proposals").with(csrf()).with(as(OLENA)).param("sectionId", String.valueOf(cleaning))
                        .param("proposedText", "Власники територій прибирають їх щодня до сьомої години ранку.")
                        .param("text", "Люди йдуть на роботу раніше."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "consultation.proposed"));
        mvc.perform(post(location + "/proposals").with(csrf()).with(as(OLENA)).param("sectionId", String.valueOf(cleaning))
                        .param("proposedText", "  Власники територій прибирають їх щодня до восьмої години ранку. ").param("text", ""))
                .andExpect(flash().attribute("error", "consultation.error.proposalUnchanged"));
        long proposal = jdbc.queryForObject("select id from consultation_comment where consultation_id = ? and kind = 'PROPOSAL'",
                Long.class, id);
        mvc.perform(get(location)).andExpect(content().string(containsString("<span>восьмої</span>")))
                .andExpect(content().string(containsString("<del>")))
                .andExpect(content().string(containsString("<span>сьомої</span>")))
                .andExpect(content().string(containsString("Люди йдуть на роботу раніше.")));

        // supports: once per person, changed in place; not of one's own
        String resident = DemoResidents.email("kropyvnytskyi", 11);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(location + "/proposals/" + proposal + "/support").with(csrf()).with(as(ANDRII)).param("stance", "1"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(location + "/proposals/" + proposal + "/support").with(csrf()).with(as(resident)).param("stance", "-1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/proposals/" + proposal + "/support").with(csrf()).with(as(OLENA)).param("stance", "1"))
                .andExpect(flash().attribute("error", "consultation.error.ownProposal"));
        mvc.perform(get(location)).andExpect(content().string(containsString("Підтримали: 1, заперечили: 1")));

        // replies one level deep
        mvc.perform(post(location + "/replies").with(csrf()).with(as(ANDRII)).param("parentId", String.valueOf(proposal))
                .param("text", "Згоден, о восьмій уже пізно.")).andExpect(flash().attribute("message", "consultation.replied"));
        long reply = jdbc.queryForObject("select id from consultation_comment where parent_id = ?", Long.class, proposal);
        mvc.perform(post(location + "/replies").with(csrf()).with(as(OLENA)).param("parentId", String.valueOf(reply))
                .param("text", "Дякую")).andExpect(flash().attribute("error", "consultation.error.replyToReply"));

        // an abuse report and hiding by a moderator, audited
        mvc.perform(post(location + "/comments").with(csrf()).with(as(resident)).param("sectionId", String.valueOf(cleaning))
                .param("text", "Образливий коментар 12345")).andExpect(status().is3xxRedirection());
        long rude = jdbc.queryForObject("select id from consultation_comment where consultation_id = ? and text like 'Образливий%'",
                Long.class, id);
        mvc.perform(post(location + "/contributions/" + rude + "/report").with(csrf()).with(as(ANDRII)).param("reason", "Образи"))
                .andExpect(flash().attribute("message", "consultation.reported"));
        mvc.perform(get("/kropyvnytskyi/consultations/moderation").with(as("moderator@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString("Образливий коментар 12345")));
        mvc.perform(post(location + "/contributions/" + rude + "/hide").with(csrf()).with(as(OLENA)).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/contributions/" + rude + "/hide").with(csrf()).with(as("moderator@kropyvnytskyi.demo"))
                .param("reason", "Образи")).andExpect(flash().attribute("message", "consultation.hiddenMessage"));
        mvc.perform(get(location)).andExpect(content().string(not(containsString("Образливий коментар 12345"))))
                .andExpect(content().string(containsString("Приховано модератором.")));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'consultation.commentHidden' and object_id = ?",
                Long.class, String.valueOf(rude))).isEqualTo(1);

        // the decision needs a reason; the report waits for the end and for every decision
        mvc.perform(post(location + "/proposals/" + proposal + "/decision").with(csrf()).with(as(OFFICIAL))
                .param("decision", "PARTLY").param("reason", " ")).andExpect(flash().attribute("error", "consultation.error.decisionReasonRequired"));
        mvc.perform(post(location + "/proposals/" + proposal + "/decision").with(csrf()).with(as(OLENA))
                .param("decision", "TAKEN").param("reason", "Так")).andExpect(status().isForbidden());
        mvc.perform(post(location + "/report").with(csrf()).with(as(OFFICIAL)).param("reportText", "Підсумки"))
                .andExpect(flash().attribute("error", "consultation.error.stillOpen"));

        // the resident who supported and commented reads the site in English: the report's mail comes in English
        String residentLocale = jdbc.queryForObject("select locale from account where email = ?", String.class, resident);
        jdbc.update("update account set locale = 'en' where email = ?", resident);
        mvc.perform(get(location + "/report.pdf")).andExpect(status().isNotFound());
        Instant afterEnd = Dates.endOfDay(today.plusDays(14)).plusNanos(1000);
        try {
            clock.runAt(afterEnd, () -> {
                try {
                    mvc.perform(post(location + "/comments").with(csrf()).with(as(ANDRII)).param("sectionId", String.valueOf(cleaning))
                            .param("text", "Запізно")).andExpect(flash().attribute("error", "consultation.error.closed"));
                    mvc.perform(post(location + "/report").with(csrf()).with(as(OFFICIAL)).param("reportText", "Підсумки"))
                            .andExpect(flash().attribute("error", "consultation.error.undecided"));
                    mvc.perform(get("/kropyvnytskyi/consultations?list=awaiting")).andExpect(content().string(containsString(title)));
                    mvc.perform(post(location + "/proposals/" + proposal + "/decision").with(csrf()).with(as(OFFICIAL))
                            .param("decision", "PARTLY").param("reason", "Сьома година — для центральних вулиць."))
                            .andExpect(flash().attribute("message", "consultation.decidedMessage"));
                    mvc.perform(post(location + "/report").with(csrf()).with(as(OFFICIAL))
                                    .param("reportText", "Обговорення відбулося; одну пропозицію враховано частково."))
                            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "consultation.reportPublished"));
                    mvc.perform(get(location + "/report")).andExpect(status().isOk())
                            .andExpect(content().string(containsString("Враховано частково")))
                            .andExpect(content().string(containsString("Сьома година — для центральних вулиць.")))
                            .andExpect(content().string(containsString("id=\"figure-people\">3<")))
                            .andExpect(content().string(containsString("Власники територій прибирають їх щодня до восьмої години ранку.")));
                    mvc.perform(get(location + "/report.csv")).andExpect(content().string(containsString("PARTLY")));
                    mvc.perform(get("/kropyvnytskyi/consultations?list=reported")).andExpect(content().string(containsString(title)));
                    mvc.perform(post(location + "/proposals/" + proposal + "/decision").with(csrf()).with(as(OFFICIAL))
                            .param("decision", "TAKEN").param("reason", "Передумали")).andExpect(flash().attribute("error", "consultation.error.reported"));
                    mvc.perform(get("/api/v1/kropyvnytskyi/consultations/" + id))
                            .andExpect(jsonPath("$.consultation.status").value("reported"))
                            .andExpect(jsonPath("$.consultation.proposalCount").value(1))
                            .andExpect(jsonPath("$.sections[2].proposals[0].decision").value("partly"))
                            .andExpect(jsonPath("$.sections[2].proposals[0].supports").value(1));

                    // the report as a PDF: parsed back, it holds the proposal, its decision and reason, and the final text
                    byte[] pdf = mvc.perform(get(location + "/report.pdf")).andExpect(status().isOk())
                            .andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
                    try (PDDocument doc = Loader.loadPDF(pdf)) {
                        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                        assertThat(text).contains("Звіт про результати консультації").contains(title)
                                .contains("Власники територій прибирають їх щодня до сьомої години ранку.")
                                .contains("Люди йдуть на роботу раніше.")
                                .contains("Рішення: Враховано частково. Сьома година — для центральних вулиць.")
                                .contains("Обговорення відбулося; одну пропозицію враховано частково.")
                                .contains("Учасників: 3").contains("Прибирання").doesNotContain("Образливий");
                    }
                    mvc.perform(get(location + "/report")).andExpect(content().string(containsString("report.pdf")));
                    mvc.perform(get(location.replace("/kropyvnytskyi/", "/dmytrivka/") + "/report.pdf")).andExpect(status().isNotFound());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            jdbc.update("update account set locale = ? where email = ?", residentLocale, resident);
        }
        // everyone who took part is written to, each in their language; the moderator's hiding changes nothing in that
        assertThat(mailer.latest(OLENA, 5)).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Оприлюднено звіт про консультацію");
            assertThat(m.body()).contains(title).contains(location + "/report");
        });
        assertThat(mailer.latest(ANDRII, 5)).anySatisfy(m -> assertThat(m.subject()).isEqualTo("Оприлюднено звіт про консультацію"));
        assertThat(mailer.latest(resident, 5)).anySatisfy(m -> {
            assertThat(m.subject()).isEqualTo("The report of a consultation is published");
            assertThat(m.body()).contains("You took part in the consultation “" + title + "”");
        });
        assertThat(mailer.latest(OFFICIAL, 5)).noneMatch(m -> m.body().contains(title));
        mvc.perform(get("/kropyvnytskyi/consultations/proposals.csv")).andExpect(content().string(containsString(title)));

        // the person's export holds their amendment and the supporter's their stance
        PersonalData privacy = personalData.stream().filter(d -> d.getClass().getSimpleName().equals("ConsultationPrivacy"))
                .findFirst().orElseThrow();
        Identity.PersonRef olena = identity.callAs(OLENA, () -> identity.currentPerson().orElseThrow());
        assertThat(privacy.export(olena, Locale.forLanguageTag("uk"))).anySatisfy(item -> {
            assertThat(item.kind()).isEqualTo("consultation.proposal");
            assertThat(item.title()).contains(title).contains("сьомої");
        });
        Identity.PersonRef andrii = identity.callAs(ANDRII, () -> identity.currentPerson().orElseThrow());
        assertThat(privacy.export(andrii, Locale.ENGLISH)).extracting(PersonalData.Item::title)
                .contains("Supported a proposal in the consultation \"" + title + "\"");
    }

    @Test
    void aNewVersionIsShownAgainstThePreviousOne() throws Exception {
        long id = published("Версії проєкту");
        String location = CurrentCommunity.callAs(k, () -> consultations.visible(id).url("kropyvnytskyi"));
        mvc.perform(post(location + "/version").with(csrf()).with(as(OFFICIAL)).param("text", DRAFT))
                .andExpect(flash().attribute("error", "consultation.error.versionUnchanged"));
        mvc.perform(post(location + "/version").with(csrf()).with(as(OFFICIAL))
                        .param("text", DRAFT.replace("восьмої", "сьомої")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location + "/versions/2")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>восьмої</span>")))
                .andExpect(content().string(containsString("<span>сьомої</span>")));
        mvc.perform(get(location)).andExpect(content().string(containsString("сьомої години")));
        mvc.perform(get(location + "/versions/3")).andExpect(status().isNotFound());
    }

    @Test
    void aWordDocumentBecomesSectionsAndAnythingElseIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Вступ до проєкту.");
            XWPFParagraph h = doc.createParagraph();
            h.setStyle("Heading1");
            h.createRun().setText("Стаття 1. Мета");
            doc.createParagraph().createRun().setText("Метою є чистота.");
            XWPFParagraph h2 = doc.createParagraph();
            h2.setStyle("Heading1");
            h2.createRun().setText("Стаття 2. Строки");
            doc.createParagraph().createRun().setText("Набирає чинності з 1 січня.");
            doc.write(out);
        }
        List<DraftSections.Part> parts = DraftSections.fromDocx(out.toByteArray());
        assertThat(parts).extracting(DraftSections.Part::heading).containsExactly("", "Стаття 1. Мета", "Стаття 2. Строки");
        assertThat(parts.get(2).body()).isEqualTo("Набирає чинності з 1 січня.");

        LocalDate today = LocalDate.now(Dates.KYIV);
        String location = mvc.perform(multipart("/kropyvnytskyi/consultations/new")
                        .file(new MockMultipartFile("docx", "proekt.docx", "application/octet-stream", out.toByteArray()))
                        .with(csrf()).with(as(OFFICIAL)).param("title", "Проєкт з документа")
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location)).andExpect(content().string(containsString("Стаття 2. Строки")));

        long before = consultations();
        // named .docx, but a PDF by content; and a zip that is no Word document
        mvc.perform(multipart("/kropyvnytskyi/consultations/new")
                        .file(new MockMultipartFile("docx", "proekt.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                "%PDF-1.4 not a word document".getBytes()))
                        .with(csrf()).with(as(OFFICIAL)).param("title", "Не документ")
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(20).toString()))
                .andExpect(flash().attribute("error", "consultation.error.notDocx"));
        mvc.perform(multipart("/kropyvnytskyi/consultations/new")
                        .file(new MockMultipartFile("docx", "proekt.docx", "application/zip", new byte[] {'P', 'K', 3, 4, 0, 0, 0}))
                        .with(csrf()).with(as(OFFICIAL)).param("title", "Не документ")
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(20).toString()))
                .andExpect(flash().attribute("error", "consultation.error.notDocx"));
        mvc.perform(multipart("/kropyvnytskyi/consultations/new").with(csrf()).with(as(OFFICIAL)).param("title", "Порожній")
                        .param("text", "   ").param("firstDay", today.toString()).param("lastDay", today.plusDays(20).toString()))
                .andExpect(flash().attribute("error", "consultation.error.textRequired"));
        assertThat(consultations()).isEqualTo(before);
    }

    @Test
    void supportsAreCountedExactlyUnderParallelClicks() throws Exception {
        long id = published("Паралельна підтримка");
        long section = CurrentCommunity.callAs(k, () -> consultations.sections(id, 1).get(1).id());
        long proposal = CurrentCommunity.callAs(k, () -> identity.callAs(OLENA,
                () -> discussion.propose(id, section, "Правила поширюються на місто і села громади.", "Села теж")));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Object>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                attempts.add(() -> CurrentCommunity.callAs(k, () -> identity.callAs(ANDRII, () -> discussion.support(proposal, 1))));
            }
            for (int i = 100; i < 130; i++) {
                String email = DemoResidents.email("kropyvnytskyi", i);
                attempts.add(() -> CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> discussion.support(proposal, 1))));
            }
            for (Future<Object> f : pool.invokeAll(attempts)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from consultation_support where proposal_id = ? and stance = 1", Long.class,
                proposal)).isEqualTo(31);
    }

    @Test
    void communitiesAreIsolatedAndClosedPeriodsRefuse() throws Exception {
        long id = published("Ізоляція громад");
        mvc.perform(get("/dmytrivka/consultations/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/consultations/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/consultations/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.consultation.status").value("open"));
        mvc.perform(get("/api/v1/kropyvnytskyi/consultations")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].proposalCount").value(0));
        long section = CurrentCommunity.callAs(k, () -> consultations.sections(id, 1).get(0).id());
        Community d = communities.bySlug("dmytrivka").orElseThrow();
        assertThatThrownBy(() -> CurrentCommunity.callAs(d, () -> identity.callAs("mariia.bondarenko@example.org",
                () -> discussion.comment(id, section, "Чужа громада")))).hasMessageContaining("notFound");
        // a period that already ended cannot be published
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> identity.callAs(OFFICIAL, () -> publishing.publish(
                new ConsultationPublishing.Draft("Минуле", "", null, LocalDate.now(Dates.KYIV).minusDays(30), LocalDate.now(Dates.KYIV).minusDays(1),
                        false, 0, DraftSections.fromMarkdown(DRAFT), List.of())))))
                .isInstanceOf(Refusal.class).hasMessage("consultation.error.periodOver");
        // before its first day it is announced, and taking part is refused
        long later = CurrentCommunity.callAs(k, () -> identity.callAs(OFFICIAL, () -> publishing.publish(
                new ConsultationPublishing.Draft("Майбутнє", "", null, LocalDate.now(Dates.KYIV).plusDays(3), LocalDate.now(Dates.KYIV).plusDays(30),
                        false, 0, DraftSections.fromMarkdown(DRAFT), List.of()))).getId());
        long laterSection = CurrentCommunity.callAs(k, () -> consultations.sections(later, 1).get(0).id());
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> identity.callAs(ANDRII,
                () -> discussion.comment(later, laterSection, "Зарано")))).isInstanceOf(Refusal.class)
                .hasMessage("consultation.error.notOpenYet");
        assertThat(CurrentCommunity.callAs(k, () -> consultations.visible(later).phase(Instant.now())))
                .isEqualTo(Consultation.Phase.ANNOUNCED);
        assertThat(Duration.between(CurrentCommunity.callAs(k, () -> consultations.visible(later).getClosesAt()),
                CurrentCommunity.callAs(k, () -> consultations.visible(later).getReportDueAt())).toDays()).isEqualTo(14);
    }

    private long published(String title) {
        return CurrentCommunity.callAs(k, () -> identity.callAs(OFFICIAL, () -> publishing.publish(
                new ConsultationPublishing.Draft(title + " " + UUID.randomUUID().toString().substring(0, 6), "", null, LocalDate.now(Dates.KYIV),
                        LocalDate.now(Dates.KYIV).plusDays(20), true, 0, DraftSections.fromMarkdown(DRAFT), List.of()))).getId());
    }
}
