package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.civic.domain.Edrpou;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;

/**
 * An organisation's details are changed after registration by its registrant or staff (the code
 * stays), checked as at registration, audited; a verified one stays verified under a new name; others
 * are refused with 403; bad input changes nothing. Initiatives carry an optional English title,
 * shown to English readers, in the JSON and in the site search.
 */
@IntegrationTest
class OrganisationEditTest {

    private static final String MODERATOR = "moderator@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private MockHttpServletRequestBuilder as(String email, MockHttpServletRequestBuilder b) {
        return b.with(csrf()).with(TestAccounts.as(accounts, email));
    }

    private static String freshCode() {
        return Edrpou.complete(String.format("%07d", 5_300_000 + (int) (Math.abs(System.nanoTime()) % 2_000_000)));
    }

    private long audited(String action, long id) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and object_id = ?", Long.class, action, String.valueOf(id));
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select name, edrpou, legal_form, fields, email, phone, website, address, description, status"
                + " from civic_organisation where id = ?", id);
    }

    private static String form(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    @Test
    void theRegistrantAndStaffChangeTheDetailsOthersMayNot() throws Exception {
        String code = freshCode();
        String name = "ГО «Зміни " + code + "»";
        String location = mvc.perform(as(resident(9), post("/kropyvnytskyi/organisations")).param("name", name).param("edrpou", code)
                        .param("legalForm", "PUBLIC_ORGANISATION").param("fields", "DIGITAL").param("email", "old@example.org")
                        .param("description", "Старий опис."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(as(MODERATOR, post(location + "/verify"))).andExpect(status().is3xxRedirection());
        Map<String, Object> registered = row(id);

        // another resident: neither the page, nor the form, nor the JSON
        mvc.perform(get(location + "/edit").with(TestAccounts.as(accounts, resident(7)))).andExpect(status().isForbidden());
        mvc.perform(as(resident(7), post(location + "/edit")).param("name", "Чужа назва").param("legalForm", "CHARITY")
                .param("fields", "YOUTH")).andExpect(status().isForbidden());
        mvc.perform(as(resident(7), put("/api/v1/kropyvnytskyi/organisations/" + id)).param("name", "Чужа назва")
                .param("legalForm", "NOT_A_FORM")).andExpect(status().isForbidden());
        mvc.perform(post(location + "/edit").with(csrf()).param("name", "Анонім")).andExpect(status().is3xxRedirection());
        assertThat(row(id)).isEqualTo(registered);

        // the registrant's form shows the details and the fixed code
        String page = mvc.perform(get(location + "/edit").with(TestAccounts.as(accounts, resident(9)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + name + "\"", "old@example.org", "Старий опис.", "id=\"edrpou\">" + code);

        // bad input: every fault named, what was typed comes back, nothing changed, nothing audited
        WebSession web = new WebSession(mvc); // the flash lives in the session
        MvcResult refused = web.perform(as(resident(9), post(location + "/edit")).param("name", " ").param("legalForm", "PUBLIC_ORGANISATION")
                        .param("fields", "DIGITAL").param("email", "не пошта").param("website", "ftp://x").param("description", "Новий опис."))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(location + "/edit");
        String back = web.perform(get(location + "/edit").with(TestAccounts.as(accounts, resident(9))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(back).contains("Вкажіть повну назву", "Електронна пошта має вигляд", "Адреса сайту починається з https://",
                "href=\"#name\"", "value=\"не пошта\"", "Новий опис.");
        String problem = mvc.perform(as(resident(9), put("/api/v1/kropyvnytskyi/organisations/" + id)).param("lang", "uk")
                        .param("name", name).param("legalForm", "PUBLIC_ORGANISATION"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(problem).contains("Оберіть хоча б одну сферу діяльності");
        mvc.perform(as(resident(9), put("/api/v1/kropyvnytskyi/organisations/" + id)).param("name", name).param("legalForm", "NOT_A_FORM")
                .param("fields", "DIGITAL")).andExpect(status().isUnprocessableContent());
        assertThat(row(id)).isEqualTo(registered);
        assertThat(audited("civic.organisation.changed", id)).isZero();

        // the registrant renames it (a code sent along is ignored): it stays verified, the audit notes the names
        String renamed = "ГО «Цифрові кроки " + code + "»";
        mvc.perform(as(resident(9), post(location + "/edit")).param("name", renamed).param("edrpou", "12345678").param("legalForm", "CHARITY")
                        .param("fields", "DIGITAL").param("fields", "ELDERLY").param("email", "").param("phone", "+380 (50) 123-45-67")
                        .param("website", "https://kroky.example.org").param("address", "вул. Велика Перспективна, 41")
                        .param("description", "Навчаємо людей старшого віку."))
                .andExpect(status().is3xxRedirection()).andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(location));
        assertThat(row(id)).containsEntry("name", renamed).containsEntry("edrpou", code).containsEntry("legal_form", "CHARITY")
                .containsEntry("fields", "DIGITAL,ELDERLY").containsEntry("email", null).containsEntry("phone", "+380 (50) 123-45-67")
                .containsEntry("website", "https://kroky.example.org").containsEntry("address", "вул. Велика Перспективна, 41")
                .containsEntry("description", "Навчаємо людей старшого віку.").containsEntry("status", "VERIFIED");
        assertThat(audited("civic.organisation.changed", id)).isEqualTo(1);
        assertThat(jdbc.queryForMap("select actor_name, details from audit_entry where action = 'civic.organisation.changed' and object_id = ?",
                String.valueOf(id))).containsEntry("actor_name", "resident")
                .containsEntry("details", "name: " + name + " → " + renamed + " (stays verified)");
        String profile = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(profile).contains(renamed, "https://kroky.example.org", "Навчаємо людей старшого віку.");

        // staff change it through the JSON (a form-encoded PUT), the code still fixed
        String json = mvc.perform(as(MODERATOR, put("/api/v1/kropyvnytskyi/organisations/" + id)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(form(Map.of("name", renamed, "legalForm", "PUBLIC_ORGANISATION", "fields", "EDUCATION",
                                "description", "Курси цифрової грамотності."))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(json, "$.legalForm")).isEqualTo("public_organisation");
        assertThat(JsonPath.<List<String>>read(json, "$.fields")).containsExactly("education");
        assertThat(JsonPath.<String>read(json, "$.edrpou")).isEqualTo(code);
        assertThat(JsonPath.<String>read(json, "$.status")).isEqualTo("verified");
        assertThat(audited("civic.organisation.changed", id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select details from audit_entry where action = 'civic.organisation.changed' and object_id = ?"
                + " and actor_name <> 'resident'", String.class, String.valueOf(id))).isNull();

        // the search follows the new name
        String found = mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", "Цифрові кроки " + code)).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(found, "$.items[*].title")).contains(renamed);
    }

    @Test
    void anInitiativeHasAnEnglishTitleForEnglishReaders() throws Exception {
        String marker = Long.toString(System.nanoTime(), 36);
        String title = "Велопарковка біля ліцею " + marker;
        String titleEn = "Bicycle parking by the lyceum " + marker;

        // too long an English title is refused with the rest kept out
        long before = jdbc.queryForObject("select count(*) from civic_initiative", Long.class);
        mvc.perform(as(resident(9), post("/kropyvnytskyi/initiatives")).param("title", title).param("titleEn", "x".repeat(301))
                .param("body", "Поставити велопарковку.")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from civic_initiative", Long.class)).isEqualTo(before);

        String location = mvc.perform(as(resident(9), post("/kropyvnytskyi/initiatives")).param("title", title).param("titleEn", " " + titleEn + " ")
                        .param("body", "Поставити велопарковку на 20 місць."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("select title_en from civic_initiative where id = ?", String.class, id)).isEqualTo(titleEn);
        mvc.perform(as(MODERATOR, post(location + "/publish"))).andExpect(status().is3xxRedirection());

        String uk = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(uk).contains(title).doesNotContain(titleEn);
        String en = mvc.perform(get(location).header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(en).contains("lang=\"en\">" + titleEn + "</h1>");
        String list = mvc.perform(get("/kropyvnytskyi/initiatives").header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(titleEn);

        mvc.perform(get("/api/v1/kropyvnytskyi/initiatives/" + id)).andExpect(jsonPath("$.item.title").value(title))
                .andExpect(jsonPath("$.item.titleEn").value(titleEn));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", "велопарковка " + marker).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].title").value(titleEn));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", "велопарковка " + marker))
                .andExpect(jsonPath("$.items[0].title").value(title));

        // without an English title, English readers see the Ukrainian one, marked as Ukrainian
        String plain = mvc.perform(as(resident(9), post("/kropyvnytskyi/initiatives")).param("title", "Лише українською " + marker)
                .param("titleEn", "  ").param("body", "Текст.")).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(plain).header("Accept-Language", "en").with(TestAccounts.as(accounts, resident(9)))).andReturn()
                .getResponse().getContentAsString()).contains("lang=\"uk\">Лише українською " + marker + "</h1>");
    }
}
