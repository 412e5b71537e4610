package ua.viche.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.platform.ChartTables;
import ua.viche.platform.Dates;

@IntegrationTest
class ProblemFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void figuresCountTheYearsReportsAndEachChartDrawsItsTable() throws Exception {
        int year = LocalDate.now(Dates.KYIV).getYear();
        long reports = jdbc.queryForObject("""
                select count(*) from problem_report r join community c on c.id = r.community_id
                 where c.slug = 'kropyvnytskyi' and extract(year from r.created_at at time zone 'Europe/Kyiv') = ?""",
                Long.class, year);
        assertThat(reports).as("the demo has reports this year").isPositive();

        for (String lang : new String[] {"uk", "en"}) {
            String html = mvc.perform(get("/kropyvnytskyi/problems/figures").param("lang", lang))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(lang.equals("uk") ? "Повідомлення за категоріями" : "Reports by category")))
                    .andReturn().getResponse().getContentAsString();
            assertThat(ChartTables.assertChartsMatchTables(html)).isEqualTo(2);
        }
        mvc.perform(get("/api/v1/kropyvnytskyi/problems/figures"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(year))
                .andExpect(jsonPath("$.total").value(reports))
                .andExpect(jsonPath("$.byMonth.length()").value(12));
        mvc.perform(get("/kropyvnytskyi/problems/figures.csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("year,breakdown,value,reports,open,resolved,closed")));
        mvc.perform(get("/kropyvnytskyi/problems/figures").param("year", "1812"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("у " + year + " році")));
    }
}
