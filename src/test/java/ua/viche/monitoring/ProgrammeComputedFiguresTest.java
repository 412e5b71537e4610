package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.monitoring.domain.FigureReporting;
import ua.viche.monitoring.domain.Programme;
import ua.viche.monitoring.domain.ProgrammeImport;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Numbers;
import ua.viche.platform.Refusal;

/**
 * Figures the platform holds are computed, not typed: the demo programme's 1.11 (people who signed
 * petitions) equals what the petitions' figures page shows for each year, 1.12 (online voters) comes
 * from the participatory budget, 2.5 and 2.6 (CNAP offices with the e-queue, all offices) as the queue's
 * figures page counts them and 1.15 (datasets published) as the open-data portal lists them; none
 * can be entered by hand nor is asked of a department; a
 * programme naming a figure no module publishes is refused.
 */
@IntegrationTest
class ProgrammeComputedFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired Communities communities;
    @Autowired ProgrammeService programmes;
    @Autowired FigureReporting reporting;
    @Autowired ProgrammeImport imports;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Numbers numbers;

    @Test
    void petitionSignersAndOnlineVotersAreComputedFromTheirModules() throws Exception {
        AtomicReference<Map<Integer, FigureReporting.Actual>> signers = new AtomicReference<>();
        AtomicReference<Map<Integer, FigureReporting.Actual>> voters = new AtomicReference<>();
        AtomicReference<Integer> year = new AtomicReference<>();
        CurrentCommunity.runAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> {
            Programme p = programmes.current().orElseThrow();
            Map<String, Map<Integer, FigureReporting.Actual>> actuals = reporting.actuals(p.getId());
            signers.set(actuals.get("1.11"));
            voters.set(actuals.get("1.12"));
            year.set(reporting.today().getYear());
        });
        assertThat(signers.get()).containsKeys(2025, year.get());
        for (var e : signers.get().entrySet()) {
            String page = mvc.perform(get("/kropyvnytskyi/petitions/figures").param("year", String.valueOf(e.getKey())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as("the petitions' figures page of %s", e.getKey())
                    .contains(">" + numbers.integer(e.getValue().value().longValueExact()) + "<");
        }
        assertThat(signers.get().get(year.get()).value()).isPositive();
        assertThat(voters.get().values().stream().map(FigureReporting.Actual::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the demo's online voters").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from monitoring_entry e join monitoring_figure f on f.id = e.figure_id "
                + "where f.computed is not null", Long.class)).as("no typed values of a computed figure").isZero();

        // the indicator built on 1.11 says so; the coordinator's figure page shows the values, with no entry form
        mvc.perform(get("/kropyvnytskyi/programme/indicators/1.7")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Показники 1.11 платформа обчислює")));
        mvc.perform(get("/kropyvnytskyi/programme/manage/figures/1.11").with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Обчислює платформа")))
                .andExpect(content().string(containsString("Люди, які підписали хоча б одну петицію за рік")))
                // the period of each value and the time of the computation
                .andExpect(content().string(containsString("1 січня — 31 грудня 2025")))
                .andExpect(content().string(containsString("1 січня " + year.get() + " — ")))
                .andExpect(content().string(containsString("(рік триває)")))
                .andExpect(content().string(containsString("Обчислено ")));
        mvc.perform(get("/kropyvnytskyi/programme/manage").with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"figure-1.11\""))))
                .andExpect(content().string(containsString("id=\"figure-1.10\"")));
    }

    @Test
    void cnapOfficesWithTheEQueueAndPublishedDatasetsAreComputedAsTheirModulesCountThem() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        int year = CurrentCommunity.callAs(k, () -> reporting.today().getYear());
        Map<String, Map<Integer, FigureReporting.Actual>> actuals = CurrentCommunity.callAs(k,
                () -> reporting.actuals(programmes.current().orElseThrow().getId()));
        BigDecimal withQueue = actuals.get("2.5").get(year).value();
        BigDecimal offices = actuals.get("2.6").get(year).value();
        assertThat(offices).isPositive();
        mvc.perform(get("/kropyvnytskyi/cnap/figures")).andExpect(status().isOk())
                .andExpect(content().string(containsString("(" + withQueue.toPlainString() + " / " + offices.toPlainString() + ")")));
        List<String> published = JsonPath.read(mvc.perform(get("/kropyvnytskyi/api/3/action/package_list")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.result");
        assertThat(actuals.get("1.15").get(year).value()).isEqualByComparingTo(BigDecimal.valueOf(published.size())).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from monitoring_entry e join monitoring_figure f on f.id = e.figure_id "
                + "where f.community_id = ? and f.code in ('1.15', '2.5', '2.6')", Long.class, k.id())).isZero();
        // indicator 2.4 = 2.5 / 2.6 · 100 follows them this year, and its page says where they come from
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/programme/indicators")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        BigDecimal share = new BigDecimal(JsonPath.<List<Object>>read(json, "$[?(@.code == '2.4')].actual." + year).get(0).toString());
        assertThat(share.setScale(10, RoundingMode.HALF_UP)).isEqualByComparingTo(
                withQueue.multiply(BigDecimal.valueOf(100)).divide(offices, 10, RoundingMode.HALF_UP));
        mvc.perform(get("/kropyvnytskyi/programme/indicators/2.4")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Показники 2.5, 2.6 платформа обчислює")));
    }

    @Test
    void aComputedFigureIsNotEnteredByHandAndAnUnknownOneIsRefused() throws Exception {
        long figure = jdbc.queryForObject("select f.id from monitoring_figure f join community c on c.id = f.community_id "
                + "where c.slug = 'kropyvnytskyi' and f.code = '1.11'", Long.class);
        mvc.perform(post("/kropyvnytskyi/programme/manage/entries").with(csrf())
                        .with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo")).param("figure", String.valueOf(figure))
                        .param("year", "2025").param("quarter", "4").param("value", "1000"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "monitoring.error.computedFigure"));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_entry where figure_id = ?", Long.class, figure)).isZero();

        long before = jdbc.queryForObject("select count(*) from monitoring_programme", Long.class);
        ProgrammeImport.Tables tables = new ProgrammeImport.Tables(
                List.of(Map.of("number", "1", "name", "Пріоритет")),
                List.of(Map.of("code", "1.1", "name", "Підписанти", "baseline", "10", "2025", "11", "computed", "petitions.unique-signers"),
                        Map.of("code", "1.2", "name", "Відвідувачі", "baseline", "10", "2025", "11", "computed", "site.visitors")),
                List.of(Map.of("priority", "1", "code", "1.1", "name", "Підписанти", "unit", "осіб", "baseline", "1", "2025", "2")));
        CurrentCommunity.runAs(communities.bySlug("dmytrivka").orElseThrow(), () ->
                assertThatThrownBy(() -> imports.load(new ProgrammeImport.Header("Стратегія", "", 2025, 2027, "", ""), tables))
                        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.faults()).extracting(Refusal.Fault::key)
                                .containsExactly("monitoring.error.computed")));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_programme", Long.class)).isEqualTo(before);
    }
}
