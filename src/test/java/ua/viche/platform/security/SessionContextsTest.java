package ua.viche.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.demo.DemoAccounts;
import ua.viche.platform.SignedInUser;

/** The session keeps a sign-in as the principal alone, without the password hash, and it still opens what it should. */
@IntegrationTest
class SessionContextsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSignInIsStoredAsThePrincipalAloneAndKeepsItsRoles() throws Exception {
        WebSession admin = signedIn(DemoAccounts.PLATFORM_ADMIN);
        SecurityContext stored = storedContext(admin);
        assertThat(stored.getAuthentication()).isInstanceOf(SessionContexts.SignedIn.class);
        assertThat(stored.getAuthentication().getCredentials()).isNull();
        assertThat(stored.getAuthentication().getPrincipal()).isInstanceOfSatisfying(SignedInUser.class,
                u -> assertThat(u.platformAdmin()).isTrue());
        assertThat(((UserDetails) stored.getAuthentication().getPrincipal()).getPassword())
                .as("the password hash is not kept in the session").isNull();
        admin.perform(get("/admin/communities")).andExpect(status().isOk());

        WebSession moderator = signedIn("moderator@kropyvnytskyi.demo");
        moderator.perform(get("/account")).andExpect(status().isOk());
        moderator.perform(get("/admin/communities")).andExpect(status().isForbidden());
        assertThat(storedContext(moderator).getAuthentication().getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_USER");
    }

    private WebSession signedIn(String email) throws Exception {
        WebSession browser = new WebSession(mvc);
        browser.perform(get("/account/signin")).andExpect(status().isOk());
        browser.perform(post("/account/signin").with(csrf()).param("email", email).param("password", DemoAccounts.PASSWORD))
                .andExpect(redirectedUrl("/account"));
        return browser;
    }

    private SecurityContext storedContext(WebSession browser) throws Exception {
        byte[] bytes = jdbc.queryForObject("select a.attribute_bytes from spring_session_attributes a join spring_session s"
                + " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'",
                byte[].class, browser.sessionId());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (SecurityContext) in.readObject();
        }
    }
}
