package ua.viche.platform.mail;

import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoAccounts;
import ua.viche.identity.domain.AccountRepository;

/**
 * {@code /actuator/health} shows what serving depends on: the database is part of readiness, mail
 * is a component of its own that does not bring the application down; everyone sees the components,
 * only a platform administrator their details.
 */
@IntegrationTest
class HealthEndpointTest {

    @Autowired MockMvc mvc;
    @Autowired MailHealth mail;
    @Autowired AccountRepository accounts;

    @Test
    void componentsAndGroups() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.mail.status").value("UP"))
                .andExpect(jsonPath("$.components.files.status").value("UP"))
                .andExpect(jsonPath("$.components.db", not(hasKey("details"))));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components", hasKey("db")))
                .andExpect(jsonPath("$.components", not(hasKey("mail"))))
                .andExpect(jsonPath("$.components", not(hasKey("files"))));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components", not(hasKey("db"))));
        mvc.perform(get("/actuator/health").with(TestAccounts.as(accounts, DemoAccounts.PLATFORM_ADMIN)))
                .andExpect(jsonPath("$.components.db.details.database").value("PostgreSQL"));
        mvc.perform(get("/actuator/health").with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                .andExpect(jsonPath("$.components.db", not(hasKey("details"))));
    }

    @Test
    void anUnreachableSmtpServerShowsAsDegradedMailWhileTheApplicationStaysUpAndReady() throws Exception {
        mail.unreachable(Instant.parse("2026-03-01T10:00:00Z"), "Connection refused"); // as the dispatcher marks it
        try {
            mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components.mail.status").value("DEGRADED"))
                    .andExpect(jsonPath("$.components.mail", not(hasKey("details"))));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        } finally {
            mail.reached();
        }
    }
}
