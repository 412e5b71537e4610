package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.platform.community.CommunityForm;

/** Communities are resolved from path or host, and one never sees another's rows. */
@IntegrationTest
class TenancyTest {

    @Autowired MockMvc mvc;
    @Autowired Communities communities;
    @LocalServerPort int port;

    @Test
    void platformHomeListsTheDemoCommunities() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Кропивницька міська територіальна громада")))
                .andExpect(content().string(Matchers.containsString("Дмитрівська сільська територіальна громада")))
                .andExpect(content().string(Matchers.containsString("Сєвєродонецька міська територіальна громада")));
        mvc.perform(get("/api/v1/communities"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.slug == 'kropyvnytskyi')].population").value(236600));
    }

    @Test
    void departmentsStayInTheirCommunity() throws Exception {
        Community kropyvnytskyi = communities.bySlug("kropyvnytskyi").orElseThrow();
        Community dmytrivka = communities.bySlug("dmytrivka").orElseThrow();
        List<Department> kDepartments = CurrentCommunity.callAs(kropyvnytskyi, communities::departments);
        List<Department> dDepartments = CurrentCommunity.callAs(dmytrivka, communities::departments);
        assertThat(kDepartments).extracting(Department::nameUk).contains("Управління інформаційних технологій",
                "Департамент надання адміністративних послуг", "Архівний відділ", "Відділ комунікацій з громадськістю");
        assertThat(kDepartments).allMatch(d -> d.communityId() == kropyvnytskyi.id());
        assertThat(dDepartments).allMatch(d -> d.communityId() == dmytrivka.id());

        long foreignId = dDepartments.get(0).id();
        assertThat(CurrentCommunity.callAs(kropyvnytskyi, () -> communities.department(foreignId))).isEmpty();
        assertThat(CurrentCommunity.callAs(dmytrivka, () -> communities.department(foreignId))).isPresent();

        mvc.perform(get("/api/v1/dmytrivka"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments[?(@.nameUk == 'Управління інформаційних технологій')]").isEmpty())
                .andExpect(jsonPath("$.departments[?(@.nameUk == 'Відділ економічного розвитку')]").isNotEmpty());
        mvc.perform(get("/dmytrivka"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Управління інформаційних технологій"))));
    }

    @Test
    void unknownCommunityIsA404InTheUsersLanguage() throws Exception {
        HttpResponse<String> page = http("/no-such-community", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Такої громади на платформі немає").doesNotContain("Exception");
        HttpResponse<String> english = http("/no-such-community/petitions?lang=en", "text/html");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("There is no such community");
        HttpResponse<String> api = http("/api/v1/no-such-community", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":404").contains("\"title\"");
    }

    private HttpResponse<String> http(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mappedHostServesItsCommunity() throws Exception {
        Community dmytrivka = communities.bySlug("dmytrivka").orElseThrow();
        communities.reload();
        try {
            setHost(dmytrivka, "rada.dmytrivka.test");
            mvc.perform(get("/").with(r -> { r.setServerName("rada.dmytrivka.test"); return r; }))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("<h1>Дмитрівська сільська територіальна громада</h1>")));
            mvc.perform(get("/search").with(r -> { r.setServerName("rada.dmytrivka.test"); return r; }))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("/dmytrivka/search")));
            mvc.perform(get("/").with(r -> { r.setServerName("other.test"); return r; }))
                    .andExpect(content().string(Matchers.containsString("<h1>Віче — цифрова платформа громад</h1>")));
        } finally {
            setHost(dmytrivka, "");
        }
    }

    private void setHost(Community c, String host) {
        CommunityForm form = new CommunityForm();
        form.setSlug(c.slug());
        form.setNameUk(c.nameUk());
        form.setNameEn(c.nameEn());
        form.setKind(c.kind());
        form.setPopulation(c.population());
        form.setRegionUk(c.regionUk() == null ? "" : c.regionUk());
        form.setRegionEn(c.regionEn() == null ? "" : c.regionEn());
        form.setEmail(c.email() == null ? "" : c.email());
        form.setPhone(c.phone() == null ? "" : c.phone());
        form.setAddressUk(c.addressUk() == null ? "" : c.addressUk());
        form.setAddressEn(c.addressEn() == null ? "" : c.addressEn());
        form.setHost(host);
        communities.update(c.id(), form);
    }
}
