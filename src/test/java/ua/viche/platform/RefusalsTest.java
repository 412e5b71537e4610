package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;

/**
 * The one advice that renders a {@link Refusal}: a page goes back where the handler declares, with
 * the message shown in the person's language and what they typed kept; a JSON request gets a problem
 * document with the refusal's code and its message; nothing is changed.
 */
@IntegrationTest
class RefusalsTest {

    private static final String CATEGORIES = "/kropyvnytskyi/admin/problems/categories";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    private RequestPostProcessor admin() {
        return TestAccounts.as(accounts, "admin@kropyvnytskyi.demo");
    }

    private long categoriesNamed(String name) {
        return jdbc.queryForObject("select count(*) from problem_category where name_uk = ?", Long.class, name);
    }

    @Test
    void aRefusedPageGoesBackWithTheMessageInTheLanguageAndTheInputKept() throws Exception {
        String name = "Графіті " + UUID.randomUUID();
        Map<String, String> said = Map.of("uk", "Код: від 2 до 40 латинських малих літер, цифр, дефісів",
                "en", "Code: 2 to 40 lower-case Latin letters, digits, hyphens");
        for (Map.Entry<String, String> language : said.entrySet()) {
            WebSession web = new WebSession(mvc); // the flash lives in the session, kept in PostgreSQL
            // a Referer of another community is never followed: the handler's declared page is
            MvcResult refused = web.perform(post(CATEGORIES).with(csrf()).with(admin()).param("lang", language.getKey())
                            .header("Referer", "http://localhost/dmytrivka/petitions")
                            .param("code", "Bad Code!").param("nameUk", name).param("nameEn", "Graffiti"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/kropyvnytskyi/admin/problems"))
                    .andExpect(flash().attribute("error", "problem.error.code"))
                    .andExpect(flash().attribute("errorField", "code"))
                    .andReturn();
            @SuppressWarnings("unchecked")
            Map<String, String> input = (Map<String, String>) refused.getFlashMap().get(Refusal.TYPED);
            assertThat(input).containsEntry("nameUk", name).containsEntry("code", "Bad Code!").doesNotContainKey("_csrf");

            // the form comes back with what was typed, its checkbox as sent (unchecked), the other form empty
            web.perform(get("/kropyvnytskyi/admin/problems").with(admin()).param("lang", language.getKey()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(language.getValue())))
                    .andExpect(content().string(containsString("id=\"code\" name=\"code\" value=\"Bad Code!\"")))
                    .andExpect(content().string(containsString("id=\"nameUk\" name=\"nameUk\" value=\"" + name + "\"")))
                    .andExpect(content().string(containsString("id=\"active\" name=\"active\" value=\"true\">")))
                    .andExpect(content().string(containsString("id=\"client-name\" name=\"name\" value=\"\"")));
            // said once: the next visit has no message
            web.perform(get("/kropyvnytskyi/admin/problems").with(admin()).param("lang", language.getKey()))
                    .andExpect(content().string(not(containsString(language.getValue()))));
        }
        assertThat(categoriesNamed(name)).isZero();
    }

    @Test
    void aRefusedJsonRequestGetsAProblemDocumentWithItsCode() throws Exception {
        String name = "Графіті " + UUID.randomUUID();
        mvc.perform(post(CATEGORIES).with(csrf()).with(admin()).accept(MediaType.APPLICATION_JSON).param("lang", "uk")
                        .param("code", "x").param("nameUk", name).param("nameEn", "Graffiti"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.code").value("problem.error.code"))
                .andExpect(jsonPath("$.title").value("Дію не виконано"))
                .andExpect(jsonPath("$.detail").value("Код: від 2 до 40 латинських малих літер, цифр, дефісів"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.instance").value(CATEGORIES));
        mvc.perform(post(CATEGORIES).with(csrf()).with(admin()).accept(MediaType.APPLICATION_JSON).param("lang", "en")
                        .param("code", "x").param("nameUk", name).param("nameEn", "Graffiti"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Not done"))
                .andExpect(jsonPath("$.detail").value("Code: 2 to 40 lower-case Latin letters, digits, hyphens"));
        assertThat(categoriesNamed(name)).isZero();
    }

    @Test
    void anApiRefusalOfBadInputIsA400WithItsCodeInTheRequestsLanguage() throws Exception {
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/search").param("q", "рада").param("sort", "size"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("archive.search.error.sort"))
                .andExpect(jsonPath("$.title").value("Неправильний запит"))
                .andExpect(jsonPath("$.detail").value(containsString("Впорядкувати можна")));
        mvc.perform(get("/api/v1/kropyvnytskyi/archive/search").param("q", "рада").param("sort", "size").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("archive.search.error.sort"))
                .andExpect(jsonPath("$.detail").value(containsString("Results can be ordered by relevance")));
    }
}
