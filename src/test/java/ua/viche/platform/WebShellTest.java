package ua.viche.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;

/** Language, error pages, security headers, sitemap, OpenAPI and health. */
@IntegrationTest
class WebShellTest {

    @Autowired MockMvc mvc;

    @Test
    void ukrainianByDefaultEnglishOnRequestAndRemembered() throws Exception {
        mvc.perform(get("/kropyvnytskyi"))
                .andExpect(content().string(containsString("<html lang=\"uk\">")))
                .andExpect(content().string(containsString("236\u00A0600 мешканців")))
                .andExpect(content().string(containsString("Перейти до основного змісту")));
        mvc.perform(get("/kropyvnytskyi").param("lang", "en"))
                .andExpect(cookie().value("lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("236,600 residents")))
                .andExpect(content().string(containsString("Skip to main content")));
        mvc.perform(get("/dmytrivka").cookie(new Cookie("lang", "en")))
                .andExpect(content().string(containsString("Dmytrivka Village Territorial Community")));
        mvc.perform(get("/dmytrivka").param("lang", "de"))
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
    }

    @Test
    void errorsArePagesInTheUsersLanguageWithoutTraces() throws Exception {
        mvc.perform(get("/kropyvnytskyi/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Сторінку не знайдено")));
        mvc.perform(get("/kropyvnytskyi/admin/audit").param("page", "abc"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/communities").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/kropyvnytskyi/nothing-here").param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void oversizedBodiesAndWrongContentTypesChangeNothing() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        mvc.perform(post("/account/register").with(SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(big))
                .andExpect(status().is(413));
        byte[] scan = new byte[30 * 1024 * 1024];
        mvc.perform(post("/kropyvnytskyi/problems").contentType("multipart/form-data; boundary=x").content(scan))
                .andExpect(status().is(413));
        mvc.perform(post("/kropyvnytskyi/archive/manage/files/1/scans").contentType("multipart/form-data; boundary=x").content(scan))
                .andExpect(status().is(Matchers.not(413)));
        mvc.perform(post("/account/register").with(SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"json@example.org\",\"password\":\"довгий пароль\"}"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")));
        mvc.perform(get("/api/v1/no-such-community/anything").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound());
    }

    @Test
    void formsNeedACsrfToken() throws Exception {
        mvc.perform(post("/account/register").param("email", "x@example.org"))
                .andExpect(status().isForbidden());
    }

    @Test
    void strictSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy",
                        matchesPattern("default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'; style-src 'self';.*frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        String first = mvc.perform(get("/")).andReturn().getResponse().getHeader("Content-Security-Policy");
        String second = mvc.perform(get("/")).andReturn().getResponse().getHeader("Content-Security-Policy");
        Assertions.assertThat(first).isNotEqualTo(second);
    }

    @Test
    void sitemapRobotsOpenApiAndHealth() throws Exception {
        mvc.perform(get("/sitemap.xml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/kropyvnytskyi</loc>")))
                .andExpect(content().string(containsString("/sievierodonetsk</loc>")));
        mvc.perform(get("/robots.txt"))
                .andExpect(content().string(containsString("Sitemap: ")))
                .andExpect(content().string(containsString("Disallow: /account/")));
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/communities']").exists());
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void searchSaysWhenNothingIsFound() throws Exception {
        mvc.perform(get("/kropyvnytskyi/search").param("q", "щзщзщз"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("За запитом «щзщзщз» нічого не знайдено")));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", "щзщзщз"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/kropyvnytskyi/search").param("q", "x".repeat(5000)))
                .andExpect(status().isOk());
    }

    @Test
    void theFirstVisitFollowsTheBrowsersLanguage() throws Exception {
        mvc.perform(get("/dmytrivka").header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
        mvc.perform(get("/dmytrivka").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
        mvc.perform(get("/dmytrivka").header("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.8"))
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
        mvc.perform(get("/dmytrivka").header("Accept-Language", "de-DE"))
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
        mvc.perform(get("/dmytrivka").header("Accept-Language", "en;q=0, uk;q=0.1"))
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
        mvc.perform(get("/dmytrivka"))
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
        mvc.perform(get("/dmytrivka").header("Accept-Language", "en").cookie(new Cookie("lang", "uk")))
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
        mvc.perform(get("/dmytrivka").header("Accept-Language", "en").param("lang", "uk"))
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
        mvc.perform(get("/dmytrivka").header("Accept-Language", "@@@;q=x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"uk\">")));
    }

    @Test
    void theSiteHasAnIcon() throws Exception {
        byte[] icon = mvc.perform(get("/favicon.ico"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", matchesPattern("image/(x-icon|vnd\\.microsoft\\.icon)")))
                .andReturn().getResponse().getContentAsByteArray();
        Assertions.assertThat(Arrays.copyOf(icon, 4)).containsExactly(0, 0, 1, 0);
        mvc.perform(get("/kropyvnytskyi"))
                .andExpect(content().string(containsString("<link rel=\"icon\" href=\"/favicon.ico\"")));
    }

    /** Texts people wrote stay Ukrainian on English pages and say so, for screen readers to switch voice. */
    @Test
    void ukrainianContentIsMarkedOnEnglishPages() throws Exception {
        String list = mvc.perform(get("/kropyvnytskyi/petitions")).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("href=\"(/kropyvnytskyi/petitions/\\d+-[^\"]*)\"").matcher(list);
        Assertions.assertThat(m.find()).isTrue();
        mvc.perform(get(m.group(1)).param("lang", "en"))
                .andExpect(content().string(matchesPattern("(?s).*<h1 lang=\"uk\">[^<]+</h1>.*")))
                .andExpect(content().string(matchesPattern("(?s).*<div lang=\"uk\"><p>.*")));
        mvc.perform(get(m.group(1)).param("lang", "uk"))
                .andExpect(content().string(matchesPattern("(?s).*<h1>[^<]+</h1>.*")))
                .andExpect(content().string(not(containsString("lang=\"uk\"><"))));
    }

    /** Years are names, not quantities: never grouped, in either language. */
    @Test
    void yearsPrintWithoutGrouping() throws Exception {
        int year = LocalDate.now(Dates.KYIV).getYear();
        String plain = String.valueOf(year);
        String ukGrouped = plain.charAt(0) + "\u00A0" + plain.substring(1);
        String enGrouped = plain.charAt(0) + "," + plain.substring(1);
        for (String path : new String[] {"/kropyvnytskyi/petitions/figures", "/kropyvnytskyi/appeals/figures"}) {
            mvc.perform(get(path).param("lang", "uk"))
                    .andExpect(content().string(containsString(plain)))
                    .andExpect(content().string(not(containsString(ukGrouped))));
            mvc.perform(get(path).param("lang", "en"))
                    .andExpect(content().string(containsString(plain)))
                    .andExpect(content().string(not(containsString(enGrouped))));
        }
    }

    @Test
    void mapControlsSpeakThePagesLanguage() throws Exception {
        mvc.perform(get("/kropyvnytskyi/problems").param("lang", "en"))
                .andExpect(content().string(containsString("data-zoom-in=\"Zoom in\"")))
                .andExpect(content().string(containsString("data-attribution=\"OpenStreetMap contributors\"")));
        mvc.perform(get("/kropyvnytskyi/problems").param("lang", "uk"))
                .andExpect(content().string(containsString("data-zoom-in=\"Наблизити\"")));
    }

    /** Categories people choose from have names in both languages, and English pages use the English ones. */
    @Test
    void englishPagesNameCategoriesInEnglish() throws Exception {
        mvc.perform(get("/kropyvnytskyi/cnap").param("lang", "en"))
                .andExpect(content().string(containsString("<option value=\"Паспортні послуги\">Passport services</option>")))
                .andExpect(content().string(not(containsString(">Паспортні послуги<"))));
        mvc.perform(get("/kropyvnytskyi/cnap").param("lang", "uk"))
                .andExpect(content().string(containsString("<option value=\"Паспортні послуги\">Паспортні послуги</option>")));
        mvc.perform(get("/kropyvnytskyi/problems").param("lang", "en"))
                .andExpect(content().string(containsString(">Potholes</option>")))
                .andExpect(content().string(not(containsString(">Ямковий ремонт доріг</option>"))));
    }
}
