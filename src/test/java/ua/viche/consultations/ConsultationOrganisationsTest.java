package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.Edrpou;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Csv;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.ThreadClock;

/**
 * People who registered a civic organisation the community verified write on its behalf; the
 * report (page, PDF, CSV, API) names the organisations that took part with their counts. Writing on
 * behalf of an organisation one does not act for, or of one not verified, is refused and saves nothing.
 */
@IntegrationTest
class ConsultationOrganisationsTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";
    private static final String MODERATOR = "moderator@kropyvnytskyi.demo";
    private static final String DRAFT = """
            Проєкт рішення про правила розміщення літніх майданчиків.

            ## Загальні положення

            Літні майданчики розміщують з першого квітня до тридцять першого жовтня.
            """;

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired ThreadClock clock;
    @Autowired RateLimiter limiter;

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

    /** Registers an organisation as the person and, when asked, has the moderator verify it; returns its id. */
    private long organisation(String person, String name, boolean verify) throws Exception {
        String code = Edrpou.complete(String.format("%07d", 5_100_000 + (int) (Math.abs(System.nanoTime()) % 3_000_000)));
        String location = mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(as(person))
                        .param("name", name).param("edrpou", code).param("legalForm", "PUBLIC_ORGANISATION").param("fields", "URBAN"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        if (verify) {
            mvc.perform(post("/kropyvnytskyi/organisations/" + id + "/verify").with(csrf()).with(as(MODERATOR)))
                    .andExpect(status().is3xxRedirection());
        }
        return id;
    }

    private long contributions(long consultation) {
        return jdbc.queryForObject("select count(*) from consultation_comment where consultation_id = ?", Long.class, consultation);
    }

    @Test
    void theReportNamesTheOrganisationsThatTookPartWithTheirCounts() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String alpha = "ГО «Майданчики для людей " + tag + "»";
        String beta = "ГО «Тиха вулиця " + tag + "»";
        String pending = "ГО «Ще не перевірена " + tag + "»";
        String ira = resident(461);
        String petro = resident(462);
        String oksana = resident(463);
        long alphaId = organisation(ira, alpha, true);
        long betaId = organisation(petro, beta, true);
        long pendingId = organisation(oksana, pending, false);

        LocalDate today = LocalDate.now(Dates.KYIV);
        String title = "Літні майданчики " + tag;
        String location = mvc.perform(multipart("/kropyvnytskyi/consultations/new").with(csrf()).with(as(OFFICIAL))
                        .param("title", title).param("text", DRAFT)
                        .param("firstDay", today.toString()).param("lastDay", today.plusDays(14).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll(".*/(\\d+)-.*", "$1"));
        long section = jdbc.queryForObject("select id from consultation_section where consultation_id = ? and heading = 'Загальні положення'",
                Long.class, id);

        // the page offers each person the verified organisations they act for, and only those
        mvc.perform(get(location).with(as(ira))).andExpect(status().isOk())
                .andExpect(content().string(containsString(alpha))).andExpect(content().string(not(containsString(beta))));
        mvc.perform(get(location).with(as(oksana))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"organisationId\""))));

        // someone else's organisation, or one not verified: refused, nothing saved
        long before = contributions(id);
        mvc.perform(post(location + "/comments").with(csrf()).with(as(ira)).param("sectionId", String.valueOf(section))
                .param("text", "Від чужої").param("organisationId", String.valueOf(betaId)))
                .andExpect(flash().attribute("error", "consultation.error.organisation"));
        mvc.perform(post(location + "/comments").with(csrf()).with(as(oksana)).param("sectionId", String.valueOf(section))
                .param("text", "Від неперевіреної").param("organisationId", String.valueOf(pendingId)))
                .andExpect(flash().attribute("error", "consultation.error.organisation"));
        assertThat(contributions(id)).isEqualTo(before);

        // Ira writes twice and proposes on behalf of her organisation; Petro replies on behalf of his and comments as himself
        for (String text : List.of("Майданчики заважають пішоходам.", "Потрібна ширина тротуару щонайменше два метри.")) {
            mvc.perform(post(location + "/comments").with(csrf()).with(as(ira)).param("sectionId", String.valueOf(section))
                    .param("text", text).param("organisationId", String.valueOf(alphaId)))
                    .andExpect(flash().attribute("message", "consultation.commented"));
        }
        mvc.perform(post(location + "/proposals").with(csrf()).with(as(ira)).param("sectionId", String.valueOf(section))
                .param("proposedText", "Літні майданчики розміщують з п’ятнадцятого квітня до п’ятнадцятого жовтня.")
                .param("text", "Холодні місяці без майданчиків.").param("organisationId", String.valueOf(alphaId)))
                .andExpect(flash().attribute("message", "consultation.proposed"));
        long proposal = jdbc.queryForObject("select id from consultation_comment where consultation_id = ? and kind = 'PROPOSAL'", Long.class, id);
        mvc.perform(post(location + "/replies").with(csrf()).with(as(petro)).param("parentId", String.valueOf(proposal))
                .param("text", "Підтримуємо.").param("organisationId", String.valueOf(betaId)))
                .andExpect(flash().attribute("message", "consultation.replied"));
        mvc.perform(post(location + "/comments").with(csrf()).with(as(petro)).param("sectionId", String.valueOf(section))
                .param("text", "Особисто від мене.").param("organisationId", ""))
                .andExpect(flash().attribute("message", "consultation.commented"));
        mvc.perform(get(location)).andExpect(content().string(containsString("від імені: " + alpha)));

        Instant afterEnd = Dates.endOfDay(today.plusDays(14)).plusNanos(1000);
        clock.runAt(afterEnd, () -> {
            try {
                mvc.perform(post(location + "/proposals/" + proposal + "/decision").with(csrf()).with(as(OFFICIAL))
                        .param("decision", "TAKEN").param("reason", "Строки змінено.")).andExpect(status().is3xxRedirection());
                mvc.perform(post(location + "/report").with(csrf()).with(as(OFFICIAL)).param("reportText", "Підсумки обговорення."))
                        .andExpect(flash().attribute("message", "consultation.reportPublished"));

                String page = mvc.perform(get(location + "/report")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                String table = page.substring(page.indexOf("id=\"report-organisations\""), page.indexOf("</table>", page.indexOf("id=\"report-organisations\"")));
                assertThat(table.replaceAll("\\s+", "")).contains((alpha + "</th><td>1</td><td>2</td><td>1</td><td>0</td>").replaceAll("\\s+", ""))
                        .contains((beta + "</th><td>1</td><td>0</td><td>0</td><td>1</td>").replaceAll("\\s+", "")).doesNotContain("Ще не перевірена");
                assertThat(table.indexOf(alpha)).isLessThan(table.indexOf(beta));

                String csv = mvc.perform(get(location + "/report-organisations.csv")).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(Csv.read(csv).stream().filter(r -> r.size() > 1).toList()).containsExactly(
                        List.of("organisation_id", "organisation", "people", "comments", "proposals", "replies"),
                        List.of(String.valueOf(alphaId), alpha, "1", "2", "1", "0"), List.of(String.valueOf(betaId), beta, "1", "0", "0", "1"));
                assertThat(mvc.perform(get(location + "/report.csv")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .contains(alpha);

                byte[] pdf = mvc.perform(get(location + "/report.pdf")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                    assertThat(text).contains("Організації, що взяли участь")
                            .contains(alpha + " — Учасників: 1; Коментарів: 2; Пропозицій нової редакції: 1; Відповідей: 0")
                            .contains(beta + " — Учасників: 1; Коментарів: 0; Пропозицій нової редакції: 0; Відповідей: 1");
                }
                mvc.perform(get("/api/v1/kropyvnytskyi/consultations/" + id))
                        .andExpect(jsonPath("$.organisations.length()").value(2))
                        .andExpect(jsonPath("$.organisations[0].name").value(alpha))
                        .andExpect(jsonPath("$.organisations[0].comments").value(2))
                        .andExpect(jsonPath("$.organisations[0].proposals").value(1))
                        .andExpect(jsonPath("$.organisations[1].name").value(beta))
                        .andExpect(jsonPath("$.organisations[1].replies").value(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
