package ua.viche.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.platform.RateLimiter;

/** The demo mailbox shows a visitor only the mail their own browser session caused; the demo says so on every page. */
@IntegrationTest
class DemoMailboxTest {

    private static final String ADMIN = "platform@viche.demo";

    @Autowired MockMvc mvc;
    @Autowired RateLimiter limiter;

    @BeforeEach
    void resetLimits() {
        limiter.reset();
    }

    @Test
    void aVisitorSeesOnlyTheMailTheirOwnSessionCaused() throws Exception {
        WebSession owner = new WebSession(mvc);
        owner.perform(post("/account/reset").with(csrf()).param("email", "moderator@dmytrivka.demo"))
                .andExpect(status().is3xxRedirection());
        owner.perform(get("/demo/mailbox")).andExpect(status().isOk())
                .andExpect(content().string(containsString("moderator@dmytrivka.demo")))
                .andExpect(content().string(containsString("/account/reset/confirm?token=")));

        // someone asks for a reset of the platform administrator's password, and cannot read it; nobody else can
        WebSession attacker = new WebSession(mvc);
        attacker.perform(get("/account/signin")).andExpect(status().isOk());
        new WebSession(mvc).perform(post("/account/reset").with(csrf()).param("email", ADMIN));
        for (String query : new String[] {"", "?to=" + ADMIN, "?to=moderator@dmytrivka.demo"}) {
            attacker.perform(get("/demo/mailbox" + query)).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("token="))));
            mvc.perform(get("/demo/mailbox" + query)).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("token="))));
        }
        String own = owner.perform(get("/demo/mailbox")).andReturn().getResponse().getContentAsString();
        assertThat(own).doesNotContain(ADMIN);
    }

    @Test
    void everyPageSaysItIsADemoInsideALandmarkInBothLanguages() throws Exception {
        Pattern banner = Pattern.compile("<header[^>]*>\\s*<div class=\"demo-banner\" role=\"region\" aria-label=\"[^\"]+\">");
        for (String lang : new String[] {"uk", "en"}) {
            for (String path : new String[] {"/", "/kropyvnytskyi", "/account/signin", "/kropyvnytskyi/petitions/987654321"}) {
                String page = mvc.perform(get(path).param("lang", lang)).andReturn().getResponse().getContentAsString();
                assertThat(banner.matcher(page).find()).as("banner on %s (%s)", path, lang).isTrue();
                assertThat(page).contains(lang.equals("en") ? "Demo mode" : "Демонстраційний режим");
            }
        }
    }
}
