package ua.viche.monitoring;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;

/**
 * The programme in the site search: an indicator found by the words of its name (in other forms)
 * links to its page; a task is found with its state as the search's status (the demo writes the
 * states with SQL and indexes them anew), follows a new state once the coordinator records it, and
 * another community finds none of it.
 */
@IntegrationTest
class ProgrammeSearchTest {

    private static final String SEARCH = "/api/v1/kropyvnytskyi/search";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void indicatorsAndTasksAreFoundInTheirCommunityOnly() throws Exception {
        mvc.perform(get(SEARCH).param("q", "електронного квитка громадському транспорті").param("kind", "programme_indicator"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("programme_indicator"))
                .andExpect(jsonPath("$.items[0].title").value("2.14 Запроваджено електронний квиток у громадському транспорті"))
                .andExpect(jsonPath("$.items[0].url").value("/kropyvnytskyi/programme/indicators/2.14"))
                .andExpect(jsonPath("$.items[0].status").value("reference"));
        mvc.perform(get(SEARCH).param("q", "оптимізація двох сайтів").param("kind", "programme_task"))
                .andExpect(jsonPath("$.items[0].kind").value("programme_task"))
                .andExpect(jsonPath("$.items[0].url").value("/kropyvnytskyi/programme/tasks/4.5"))
                .andExpect(jsonPath("$.items[0].status").value("in_work"));
        mvc.perform(get("/api/v1/dmytrivka/search").param("q", "оптимізація двох сайтів").param("kind", "programme_task"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/dmytrivka/search").param("q", "електронний квиток").param("kind", "programme_indicator"))
                .andExpect(jsonPath("$.total").value(0));

        long task = jdbc.queryForObject("select t.id from monitoring_task t join community c on c.id = t.community_id "
                + "where c.slug = 'kropyvnytskyi' and t.code = '4.5'", Long.class);
        try {
            mvc.perform(record(task, "SUSPENDED")).andExpect(flash().attribute("message", "monitoring.task.recorded"));
            mvc.perform(get(SEARCH).param("q", "оптимізація двох сайтів").param("kind", "programme_task"))
                    .andExpect(jsonPath("$.items[0].url").value("/kropyvnytskyi/programme/tasks/4.5"))
                    .andExpect(jsonPath("$.items[0].status").value("closed"));
        } finally {
            mvc.perform(record(task, "UNDER_WAY"));
        }
    }

    private RequestBuilder record(long task, String state) {
        return post("/kropyvnytskyi/programme/manage/tasks/4.5").with(csrf())
                .with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo")).param("task", String.valueOf(task))
                .param("status", state).param("progress", "Виконується за планом.");
    }
}
