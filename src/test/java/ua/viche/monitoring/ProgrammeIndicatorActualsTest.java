package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;

/**
 * The actual values of indicators without a formula (Kropyvnytskyi's 1.4 is yes/no): the coordinator
 * records them year by year, audited, and they show on the page, in JSON and in the report; a value
 * of the wrong kind, a year outside the programme, an indicator with a formula and anyone but the
 * coordinator are refused with nothing changed.
 */
@IntegrationTest
class ProgrammeIndicatorActualsTest {

    private static final String COORDINATOR = "official@kropyvnytskyi.demo";
    private static final String RESIDENT = DemoResidents.email("kropyvnytskyi", 472);

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    private long indicator(String code) {
        return jdbc.queryForObject("select i.id from monitoring_indicator i join monitoring_programme p on p.id = i.programme_id "
                + "join community c on c.id = p.community_id where c.slug = 'kropyvnytskyi' and i.code = ?", Long.class, code);
    }

    private List<String> actuals(long indicator) {
        return jdbc.queryForList("select year || '=' || value from monitoring_indicator_actual where indicator_id = ? order by year",
                String.class, indicator);
    }

    @Test
    void theCoordinatorRecordsAYesNoIndicatorOthersAndBadValuesAreRefused() throws Exception {
        long i14 = indicator("1.4");
        mvc.perform(get("/kropyvnytskyi/programme/indicators/1.4").with(TestAccounts.as(accounts, COORDINATOR)))
                .andExpect(content().string(containsString("Записати фактичні значення")));
        mvc.perform(get("/kropyvnytskyi/programme/indicators/1.4").with(TestAccounts.as(accounts, RESIDENT)))
                .andExpect(content().string(not(containsString("Записати фактичні значення"))));

        mvc.perform(post("/kropyvnytskyi/programme/manage/indicators/1.4").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                        .param("indicator", String.valueOf(i14)).param("actual-2025", "Так").param("actual-2026", "no")
                        .param("actual-2027", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "monitoring.indicator.recorded"));
        assertThat(actuals(i14)).containsExactly("2025=так", "2026=ні");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'monitoring.indicator.recorded' and object_id = ?",
                Long.class, String.valueOf(i14))).isPositive();
        mvc.perform(get("/kropyvnytskyi/programme/indicators/1.4")).andExpect(content().string(containsString("Фактично")));
        mvc.perform(get("/api/v1/kropyvnytskyi/programme/indicators"))
                .andExpect(jsonPath("$[?(@.code == '1.4')].actual.2025").value(true))
                .andExpect(jsonPath("$[?(@.code == '1.4')].actual.2026").value(false));

        // a value that is not yes or no: refused, named, nothing changed (not even the good year beside it)
        mvc.perform(post("/kropyvnytskyi/programme/manage/indicators/1.4").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                        .param("indicator", String.valueOf(i14)).param("actual-2025", "ні").param("actual-2026", "можливо"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "monitoring.error.actualYesNo"));
        // a year outside the programme
        mvc.perform(post("/kropyvnytskyi/programme/manage/indicators/1.4").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                        .param("indicator", String.valueOf(i14)).param("actual-2031", "так"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "monitoring.error.yearOutside"));
        // a resident is not the coordinator
        mvc.perform(post("/kropyvnytskyi/programme/manage/indicators/1.4").with(csrf()).with(TestAccounts.as(accounts, RESIDENT))
                        .param("indicator", String.valueOf(i14)).param("actual-2025", "ні"))
                .andExpect(status().isForbidden());
        assertThat(actuals(i14)).containsExactly("2025=так", "2026=ні");

        // an indicator with a formula takes its actual values from the figures
        long i11 = indicator("1.1");
        mvc.perform(post("/kropyvnytskyi/programme/manage/indicators/1.1").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                        .param("indicator", String.valueOf(i11)).param("actual-2025", "90"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "monitoring.error.actualByFormula"));
        assertThat(actuals(i11)).isEmpty();

        // a blank value removes what was recorded
        mvc.perform(post("/kropyvnytskyi/programme/manage/indicators/1.4").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                        .param("indicator", String.valueOf(i14)).param("actual-2026", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(actuals(i14)).containsExactly("2025=так");
    }
}
