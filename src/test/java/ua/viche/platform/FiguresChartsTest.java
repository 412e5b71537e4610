package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;

/** Every figures page shows at least one chart, and every chart draws exactly its table's numbers, in both languages. */
@IntegrationTest
class FiguresChartsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyFiguresPageHasAChartThatDrawsItsTable() throws Exception {
        long finishedCycle = jdbc.queryForObject("""
                select min(b.id) from budget_cycle b join community c on c.id = b.community_id
                 where c.slug = 'kropyvnytskyi' and b.results_published_at is not null""", Long.class);
        List<String> pages = List.of("/kropyvnytskyi/petitions/figures", "/kropyvnytskyi/appeals/figures",
                "/kropyvnytskyi/problems/figures", "/kropyvnytskyi/cnap/figures", "/kropyvnytskyi/archive/figures",
                "/kropyvnytskyi/budget/cycles/" + finishedCycle + "/results");
        for (String page : pages) {
            for (String lang : new String[] {"uk", "en"}) {
                String html = mvc.perform(get(page).param("lang", lang)).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(ChartTables.assertChartsMatchTables(html)).as("charts drawn on %s in %s", page, lang).isPositive();
            }
        }
    }

    @Test
    void archiveDigitisationFiguresCountTheHoldingsInPageJsonAndCsv() throws Exception {
        long files = jdbc.queryForObject("""
                select count(*) from archive_file a join community c on c.id = a.community_id where c.slug = 'kropyvnytskyi'""",
                Long.class);
        long pages = jdbc.queryForObject("""
                select count(*) from archive_page p join community c on c.id = p.community_id where c.slug = 'kropyvnytskyi'""",
                Long.class);
        long fonds = jdbc.queryForObject("""
                select count(*) from archive_fond f join community c on c.id = f.community_id where c.slug = 'kropyvnytskyi'""",
                Long.class);
        assertThat(pages).as("the demo archive has scanned pages").isPositive();
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/archive/figures")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"files\":" + files).contains("\"pages\":" + pages);
        String csv = mvc.perform(get("/kropyvnytskyi/archive/figures.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.strip().lines()).hasSize((int) fonds + 1);
    }
}
