package ua.viche.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.MapSession;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.demo.DemoAccounts;

/** Sessions in PostgreSQL: a request that changes nothing writes nothing; a minute-old access moves on. */
@IntegrationTest
class SessionStoreTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void accessMovesOnlyInStepsOfTheResolution() {
        MapSession stored = new MapSession();
        Instant t0 = Instant.parse("2026-12-03T10:00:00Z");
        stored.setLastAccessedTime(t0);
        SessionStore.LazyAccess.Stored session = new SessionStore.LazyAccess.Stored(stored, Duration.ofMinutes(1));

        session.setLastAccessedTime(t0.plusSeconds(59));
        assertThat(session.getLastAccessedTime()).isEqualTo(t0);
        session.setLastAccessedTime(t0.plusSeconds(60));
        assertThat(session.getLastAccessedTime()).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void requestsThatChangeNothingWriteNothingAndStaleAccessIsStored() throws Exception {
        WebSession browser = new WebSession(mvc);
        browser.perform(get("/account/signin")).andExpect(status().isOk());
        String email = "moderator@kropyvnytskyi.demo";
        browser.perform(post("/account/signin").with(csrf()).param("email", email).param("password", DemoAccounts.PASSWORD))
                .andExpect(redirectedUrl("/account"));
        browser.perform(get("/account")).andExpect(status().isOk());
        long stored = lastAccess(browser);

        Thread.sleep(20);
        browser.perform(get("/account")).andExpect(status().isOk());
        browser.perform(get("/kropyvnytskyi/petitions")).andExpect(status().isOk());
        assertThat(lastAccess(browser)).as("pages that change nothing leave the stored session alone").isEqualTo(stored);

        // the stored access is two minutes old: the next request stores a new one, and the session lives on
        jdbc.update("update spring_session set last_access_time = last_access_time - 120000 where session_id = ?", browser.sessionId());
        long before = System.currentTimeMillis();
        browser.perform(get("/account")).andExpect(status().isOk());
        assertThat(lastAccess(browser)).isGreaterThanOrEqualTo(before);
    }

    private long lastAccess(WebSession browser) {
        List<Long> times = jdbc.queryForList("select last_access_time from spring_session where session_id = ?", Long.class, browser.sessionId());
        assertThat(times).hasSize(1);
        return times.get(0);
    }
}
