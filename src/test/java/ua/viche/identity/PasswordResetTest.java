package ua.viche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Mailer;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.VicheSettings;

/**
 * Password reset and sign-in: links come from the configured base URL, never from the request's
 * host; the confirm page opens; a reset ends the account's sessions; known and unknown addresses
 * answer alike; sign-in is throttled per account as well as per address.
 */
@IntegrationTest
class PasswordResetTest {

    private static final String PASSWORD = "довгий пароль 2026";

    @Autowired MockMvc mvc;
    @Autowired Mailer mailer;
    @Autowired AccountRepository accounts;
    @Autowired RateLimiter limiter;
    @Autowired VicheSettings settings;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void resetLimits() {
        limiter.reset();
    }

    @Test
    void resetLinksUseTheConfiguredBaseUrlWhateverTheRequestSaysItsHostIs() throws Exception {
        String email = register();
        mvc.perform(post("/account/reset").with(csrf()).header("Host", "evil.example").param("email", email))
                .andExpect(redirectedUrl("/account/reset"));
        assertLinkToConfiguredHost(email);
        mvc.perform(post("/account/reset").with(csrf()).header("X-Forwarded-Host", "evil.example").param("email", email))
                .andExpect(redirectedUrl("/account/reset"));
        assertLinkToConfiguredHost(email);
        // even from a trusted proxy, which may set the host the application sees, links do not follow it
        mvc.perform(post("/account/reset").with(csrf()).with(r -> { r.setRemoteAddr("192.0.2.10"); return r; })
                        .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").param("email", email))
                .andExpect(status().is3xxRedirection());
        assertLinkToConfiguredHost(email);
        assertThat(settings.baseUrl()).startsWith("http://localhost:").doesNotContain("evil");
    }

    @Test
    void theConfirmPageOpensAndTheResetEndsEverySessionOfTheAccount() throws Exception {
        String email = register();
        long accountId = accounts.findByEmail(email).orElseThrow().getId();
        WebSession elsewhere = new WebSession(mvc);
        elsewhere.perform(post("/account/signin").with(csrf()).param("email", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/account"));
        elsewhere.perform(get("/account")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select principal_name from spring_session where session_id = ?", String.class,
                elsewhere.sessionId())).isEqualTo("account:" + accountId);

        mvc.perform(post("/account/reset").with(csrf()).param("email", email)).andExpect(redirectedUrl("/account/reset"));
        String link = latestBody(email);
        String token = link.substring(link.indexOf("token=") + 6).split("\\s")[0];
        mvc.perform(get("/account/reset/confirm").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"token\"")));
        mvc.perform(post("/account/reset/confirm").with(csrf()).param("token", token)
                        .param("password", "новий пароль 2027").param("passwordRepeat", "новий пароль 2027"))
                .andExpect(content().string(containsString("Пароль змінено")));

        elsewhere.perform(get("/account")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                "account:" + accountId)).isZero();
        mvc.perform(get("/account/reset/confirm").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Посилання недійсне")));
    }

    @Test
    void aPasswordChangeKeepsThisSessionAndEndsEveryOther() throws Exception {
        String email = register();
        WebSession here = new WebSession(mvc);
        WebSession elsewhere = new WebSession(mvc);
        for (WebSession browser : new WebSession[] {here, elsewhere}) {
            browser.perform(post("/account/signin").with(csrf()).param("email", email).param("password", PASSWORD))
                    .andExpect(redirectedUrl("/account"));
        }
        here.perform(get("/account")).andExpect(status().isOk())
                .andExpect(content().string(containsString("autocomplete=\"current-password\"")));
        here.perform(post("/account/password").with(csrf()).param("currentPassword", "not my password")
                        .param("password", "новий пароль 2027").param("passwordRepeat", "новий пароль 2027"))
                .andExpect(redirectedUrl("/account#change-password"));
        here.perform(get("/account")).andExpect(content().string(containsString("Поточний пароль неправильний")));
        // the e-mail form's errors come back the same way
        here.perform(post("/account/email").with(csrf()).param("email", "not-an-address"))
                .andExpect(redirectedUrl("/account#change-email"));
        here.perform(get("/account")).andExpect(status().isOk()).andExpect(content().string(containsString("name@example.com")));
        elsewhere.perform(get("/account")).andExpect(status().isOk());

        here.perform(post("/account/password").with(csrf()).param("currentPassword", PASSWORD)
                        .param("password", "новий пароль 2027").param("passwordRepeat", "новий пароль 2027"))
                .andExpect(redirectedUrl("/account"));
        here.perform(get("/account")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Інші сеанси цього облікового запису завершено")));
        elsewhere.perform(get("/account")).andExpect(status().is3xxRedirection());
        new WebSession(mvc).perform(post("/account/signin").with(csrf()).param("email", email).param("password", "новий пароль 2027"))
                .andExpect(redirectedUrl("/account"));
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerAndTheSameWork() throws Exception {
        String known = register();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        for (String email : new String[] {known, unknown}) {
            mvc.perform(post("/account/reset").with(csrf()).param("email", email))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/account/reset"))
                    .andExpect(flash().attribute("resetSent", true));
            assertThat(mailer.latest(email, 5)).as("a mail is written for %s", email).isNotEmpty();
        }
        assertThat(latestBody(unknown)).doesNotContain("token=").contains(settings.baseUrl() + "/account/register");
        assertThat(accounts.findByEmail(unknown)).isEmpty();
    }

    @Test
    void signInIsThrottledPerAccountFromWhateverAddress() throws Exception {
        String email = register();
        for (int i = 0; i < RateLimiter.SIGN_IN_ACCOUNT.actions(); i++) {
            mvc.perform(signIn(email, "wrong password", "198.51.100." + (i + 1))).andExpect(redirectedUrl("/account/signin?error"));
        }
        mvc.perform(signIn(email, PASSWORD, "198.51.100.200")).andExpect(status().isTooManyRequests());
        mvc.perform(signIn("someone-else@example.org", "wrong password", "198.51.100.201"))
                .andExpect(redirectedUrl("/account/signin?error"));
    }

    private MockHttpServletRequestBuilder signIn(String email, String password, String from) {
        return post("/account/signin").with(csrf()).with(r -> { r.setRemoteAddr(from); return r; })
                .param("email", email).param("password", password);
    }

    private void assertLinkToConfiguredHost(String email) {
        String body = latestBody(email);
        assertThat(body).contains(settings.baseUrl() + "/account/reset/confirm?token=").doesNotContain("evil.example");
    }

    private String latestBody(String email) {
        return mailer.latest(email, 1).get(0).body();
    }

    private String register() throws Exception {
        String email = "reset-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/account/register").with(csrf()).param("name", "Ірина Коваль").param("email", email)
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD).param("consent", "true"))
                .andExpect(redirectedUrl("/account/register/sent"));
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.getEmail()).isEqualTo(email);
        limiter.reset();
        return email;
    }
}
