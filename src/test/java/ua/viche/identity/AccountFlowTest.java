package ua.viche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Mailer;
import ua.viche.platform.RateLimiter;

/** Local accounts: register, confirm, sign in, reset, change e-mail; bad input changes nothing. */
@IntegrationTest
class AccountFlowTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/\\S+)");

    @Autowired MockMvc mvc;
    @Autowired Mailer mailer;
    @Autowired AccountRepository accounts;
    @Autowired RateLimiter limiter;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void resetLimits() {
        limiter.reset();
    }

    @Test
    void registerConfirmSignInResetAndChangeEmail() throws Exception {
        String email = "resident-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/account/register").with(csrf()).param("name", "Оксана Мельник").param("email", email)
                        .param("password", "довгий пароль 2026").param("passwordRepeat", "довгий пароль 2026")
                        .param("consent", "true"))
                .andExpect(redirectedUrl("/account/register/sent"));
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.assurance()).isEqualTo(AssuranceLevel.NONE);
        assertThat(account.getPasswordHash()).doesNotContain("довгий").startsWith("{bcrypt}");

        String confirm = linkIn(email, "/account/confirm");
        mvc.perform(get(confirm)).andExpect(content().string(containsString("Адресу підтверджено")));
        assertThat(accounts.findByEmail(email).orElseThrow().assurance()).isEqualTo(AssuranceLevel.EMAIL_CONFIRMED);
        mvc.perform(get(confirm)).andExpect(content().string(containsString("Посилання недійсне")));

        WebSession browser = new WebSession(mvc);
        browser.perform(post("/account/signin").with(csrf()).param("email", email.toUpperCase()).param("password", "wrong password"))
                .andExpect(redirectedUrl("/account/signin?error"));
        browser.perform(get("/account")).andExpect(status().is3xxRedirection());
        browser.perform(post("/account/signin").with(csrf()).param("email", email.toUpperCase()).param("password", "довгий пароль 2026"))
                .andExpect(redirectedUrl("http://localhost/account?continue"));
        browser.perform(get("/account")).andExpect(status().isOk()).andExpect(content().string(containsString("Оксана Мельник")))
                .andExpect(content().string(containsString("підтверджена електронна пошта")));

        mvc.perform(post("/account/reset").with(csrf()).param("email", email)).andExpect(redirectedUrl("/account/reset"));
        String reset = linkIn(email, "/account/reset/confirm");
        String token = reset.substring(reset.indexOf("token=") + 6);
        mvc.perform(post("/account/reset/confirm").with(csrf()).param("token", token).param("password", "short")
                        .param("passwordRepeat", "short"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("від 10 до 128 символів")));
        mvc.perform(post("/account/reset/confirm").with(csrf()).param("token", token).param("password", "новий пароль 2027")
                        .param("passwordRepeat", "новий пароль 2027"))
                .andExpect(content().string(containsString("Пароль змінено")));
        WebSession later = new WebSession(mvc);
        later.perform(post("/account/signin").with(csrf()).param("email", email).param("password", "довгий пароль 2026"))
                .andExpect(redirectedUrl("/account/signin?error"));
        later.perform(post("/account/signin").with(csrf()).param("email", email).param("password", "новий пароль 2027"))
                .andExpect(redirectedUrl("/account"));
        later.perform(get("/account")).andExpect(status().isOk());
        later.perform(post("/account/signout").with(csrf())).andExpect(redirectedUrl("/?signedOut"));
        later.perform(get("/account")).andExpect(status().is3xxRedirection());

        String newEmail = "moved-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/account/email").with(csrf()).with(TestAccounts.as(accounts, email)).param("email", newEmail))
                .andExpect(redirectedUrl("/account"));
        assertThat(mailer.latest(email, 1).get(0).body()).contains(newEmail);
        mvc.perform(get(linkIn(newEmail, "/account/email/confirm"))).andExpect(content().string(containsString("Адресу змінено")));
        assertThat(accounts.findByEmail(newEmail)).isPresent();
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void refusedAccountFormsComeBackWithWhatWasTypedButNeverAPassword() throws Exception {
        String owner = "appeals@kropyvnytskyi.demo";
        WebSession browser = new WebSession(mvc); // the flash lives in the person's session
        browser.perform(post("/account/email").with(csrf()).with(TestAccounts.as(accounts, owner)).param("email", "admin@kropyvnytskyi.demo"))
                .andExpect(redirectedUrl("/account#change-email"));
        browser.perform(post("/account/password").with(csrf()).with(TestAccounts.as(accounts, owner))
                        .param("currentPassword", "не той пароль").param("password", "новий пароль 2031").param("passwordRepeat", "новий пароль 2031"))
                .andExpect(redirectedUrl("/account#change-password"));
        String page = browser.perform(get("/account").with(TestAccounts.as(accounts, owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"email\" name=\"email\" value=\"admin@kropyvnytskyi.demo\"")
                .contains("id=\"currentPassword\" name=\"currentPassword\" value=\"\"")
                .contains("id=\"password\" name=\"password\" value=\"\"")
                .doesNotContain("не той пароль").doesNotContain("новий пароль 2031");
        assertThat(accounts.findByEmail(owner)).isPresent();

        // a grant refused on its form keeps the role and the department chosen
        long department = jdbcDepartment();
        mvc.perform(post("/kropyvnytskyi/admin/roles").with(csrf()).with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo"))
                        .param("email", "nobody-" + UUID.randomUUID() + "@example.org").param("role", "OFFICIAL")
                        .param("departmentId", String.valueOf(department)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"OFFICIAL\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"" + department + "\" selected=\"selected\">")));
    }

    private long jdbcDepartment() {
        return jdbc.queryForObject("select d.id from department d join community c on c.id = d.community_id"
                + " where c.slug = 'kropyvnytskyi' order by d.id limit 1", Long.class);
    }

    @Test
    void badRegistrationShowsErrorsKeepsValuesAndCreatesNothing() throws Exception {
        String email = "bad-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/account/register").with(csrf()).param("name", "Петро").param("email", email)
                        .param("password", "короткий").param("passwordRepeat", "інший"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#password\"")))
                .andExpect(content().string(containsString("Паролі не збігаються")))
                .andExpect(content().string(containsString("Без згоди на обробку")))
                .andExpect(content().string(containsString("value=\"" + email + "\"")))
                .andExpect(content().string(containsString("value=\"Петро\"")));
        mvc.perform(post("/account/register").with(csrf()).param("name", "").param("email", "not-an-address")
                        .param("password", "достатньо довгий").param("passwordRepeat", "достатньо довгий").param("consent", "true"))
                .andExpect(content().string(containsString("name@example.com")));
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(mailer.latest(email, 5)).isEmpty();
    }

    @Test
    void takenAddressIsNotRevealedButTheOwnerIsTold() throws Exception {
        String email = "admin@kropyvnytskyi.demo";
        long before = accounts.count();
        mvc.perform(post("/account/register").with(csrf()).param("name", "Хтось").param("email", email)
                        .param("password", "довгий пароль 2026").param("passwordRepeat", "довгий пароль 2026").param("consent", "true"))
                .andExpect(redirectedUrl("/account/register/sent"));
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(mailer.latest(email, 1).get(0).subject()).isEqualTo("Спроба реєстрації з вашою адресою");
    }

    @Test
    void simultaneousRegistrationsWithOneAddressMakeOneAccount() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicInteger client = new AtomicInteger();
            Callable<Integer> attempt = () -> mvc.perform(post("/account/register").with(csrf())
                    .with(r -> { r.setRemoteAddr("198.51.100." + client.incrementAndGet()); return r; }).param("name", "Гонка")
                    .param("email", email).param("password", "довгий пароль 2026").param("passwordRepeat", "довгий пароль 2026")
                    .param("consent", "true")).andReturn().getResponse().getStatus();
            List<Future<Integer>> results = pool.invokeAll(Collections.nCopies(8, attempt));
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(accounts.findAll().stream().filter(a -> email.equals(a.getEmail())).count()).isEqualTo(1);
    }

    @Test
    void signInIsRateLimited() throws Exception {
        for (int i = 0; i < RateLimiter.SIGN_IN.actions(); i++) {
            mvc.perform(post("/account/signin").with(csrf()).with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })
                    .param("email", "nobody@example.org").param("password", "wrong")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/account/signin").with(csrf()).with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })
                        .param("email", "nobody@example.org").param("password", "wrong"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void accountPagesNeedSignIn() throws Exception {
        mvc.perform(get("/account")).andExpect(redirectedUrl("/account/signin"));
        mvc.perform(get("/account/export.json")).andExpect(status().is3xxRedirection());
    }

    private String linkIn(String recipient, String path) {
        for (Mailer.Message m : mailer.latest(recipient, 10)) {
            Matcher matcher = LINK.matcher(m.body());
            while (matcher.find()) {
                if (matcher.group(1).startsWith(path + "?")) {
                    return matcher.group(1);
                }
            }
        }
        throw new AssertionError("no link to " + path + " in mail to " + recipient);
    }
}
