package ua.viche.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.PersonRepository;
import ua.viche.identity.domain.RoleService;
import ua.viche.platform.Communities;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Sessions;
import ua.viche.platform.VicheSettings;

/** A start with the demo off leaves no demo account administering the platform, nor signed in. */
@IntegrationTest
class DemoAccountsOffTest {

    @Autowired MockMvc mvc;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;
    @Autowired PersonRepository persons;
    @Autowired RoleService roles;
    @Autowired PasswordEncoder passwords;
    @Autowired TransactionTemplate tx;
    @Autowired Sessions sessions;
    @Autowired RateLimiter limiter;
    @Autowired Environment environment;

    @Test
    void theDemoPlatformAdministratorLosesTheRoleAndItsSessions() throws Exception {
        limiter.reset();
        WebSession admin = new WebSession(mvc);
        admin.perform(post("/account/signin").with(csrf()).param("email", DemoAccounts.PLATFORM_ADMIN)
                .param("password", DemoAccounts.PASSWORD)).andExpect(redirectedUrl("/account"));
        admin.perform(get("/admin/communities")).andExpect(status().isOk());
        VicheSettings off = new VicheSettings("target/unused", "", "false", "", true, environment);
        try {
            new DemoAccounts(off, communities, accounts, persons, roles, passwords, tx, sessions).run(null);
            assertThat(accounts.findByEmail(DemoAccounts.PLATFORM_ADMIN).orElseThrow().isPlatformAdmin()).isFalse();
            admin.perform(get("/admin/communities")).andExpect(status().is3xxRedirection());
        } finally {
            tx.executeWithoutResult(s -> accounts.findByEmail(DemoAccounts.PLATFORM_ADMIN).orElseThrow().makePlatformAdmin());
        }
    }
}
