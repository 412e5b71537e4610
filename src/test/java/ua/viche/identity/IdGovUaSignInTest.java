package ua.viche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.VicheSettings;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in through ID.GOV.UA's protocol against the demo provider: the code is exchanged and the
 * user info read over real HTTP on the application's port. State is checked; persons are matched
 * by the keyed hash of the tax number, which is never stored in clear.
 */
@IntegrationTest
class IdGovUaSignInTest {

    @Autowired MockMvc mvc;
    @Autowired VicheSettings vicheSettings;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void demoPersonSignsInVerifiedAndIsRecognisedNextTime() throws Exception {
        WebSession session = new WebSession(mvc);
        String callback = throughProvider(session, "person", "andrii");
        MvcResult result = session.perform(get(callback)).andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account");
        session.perform(get("/account")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Шевчук Андрій Іванович")))
                .andExpect(content().string(containsString("особу підтверджено (ID.GOV.UA)")));
        Account account = accounts.findByEmail("andrii.shevchuk@example.org").orElseThrow();
        assertThat(account.assurance()).isEqualTo(AssuranceLevel.VERIFIED);
        assertThat(account.getPerson().fullName()).isEqualTo("Шевчук Андрій Іванович");

        WebSession again = new WebSession(mvc);
        again.perform(get(throughProvider(again, "person", "andrii"))).andExpect(status().is3xxRedirection());
        again.perform(get("/account")).andExpect(status().isOk());
        assertThat(accounts.findAll().stream().filter(a -> a.getPerson().getTaxHash() != null
                && a.getPerson().getTaxHash().equals(account.getPerson().getTaxHash())).count()).isEqualTo(1);

        Integer clear = jdbc.queryForObject("select count(*) from person where tax_hash like '%2987654310%'"
                + " or address like '%2987654310%'", Integer.class);
        assertThat(clear).isZero();
        assertThat(account.getPerson().getTaxHash()).hasSize(64).doesNotContain("2987654310");
    }

    @Test
    void aLocalAccountIsUpgradedWhenItsOwnerVerifies() throws Exception {
        String taxNumber = String.valueOf(4_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 999_999_999L));
        Account local = accounts.findByEmail("moderator@dmytrivka.demo").orElseThrow();
        assertThat(local.assurance()).isEqualTo(AssuranceLevel.EMAIL_CONFIRMED);
        WebSession session = new WebSession(mvc);
        String callback = throughTypedPerson(session, TestAccounts.as(local), taxNumber);
        session.perform(get(callback).with(TestAccounts.as(local))).andExpect(status().is3xxRedirection());
        Account upgraded = accounts.findById(local.getId()).orElseThrow();
        assertThat(upgraded.assurance()).isEqualTo(AssuranceLevel.VERIFIED);
        assertThat(upgraded.getPerson().fullName()).isEqualTo("Лисенко Тарас Михайлович");

        Account other = accounts.findByEmail("archivist@dmytrivka.demo").orElseThrow();
        WebSession second = new WebSession(mvc);
        String conflict = throughTypedPerson(second, TestAccounts.as(other), taxNumber);
        second.perform(get(conflict).with(TestAccounts.as(other)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("вже прив’язана до іншого облікового запису")));
        assertThat(accounts.findById(other.getId()).orElseThrow().assurance()).isEqualTo(AssuranceLevel.EMAIL_CONFIRMED);
    }

    @Test
    void forgedExpiredOrMissingStateIsRefused() throws Exception {
        WebSession session = new WebSession(mvc);
        String callback = throughProvider(session, "person", "olena");
        String forged = UriComponentsBuilder.fromUriString(callback).replaceQueryParam("state", "forged").build().toUriString();
        session.perform(get(forged))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Сеанс входу застарів")));
        session.perform(get("/account")).andExpect(status().is3xxRedirection());
        session.perform(get(callback)).andExpect(status().isBadRequest());
        mvc.perform(get(callback)).andExpect(status().isBadRequest());
        session.perform(get("/account")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aForgedCodeIsRefusedByTheProvider() throws Exception {
        WebSession session = new WebSession(mvc);
        String callback = throughProvider(session, "person", "olena");
        String forged = UriComponentsBuilder.fromUriString(callback).replaceQueryParam("code", "made-up").build().toUriString();
        session.perform(get(forged))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ID.GOV.UA не прийняв код входу")));
        session.perform(get("/account")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theDemoProviderOnlyReturnsToThisApplication() throws Exception {
        mvc.perform(get("/demo/idgovua/").param("response_type", "code").param("client_id", "viche-demo")
                        .param("state", "s").param("redirect_uri", "https://evil.example/steal"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/demo/idgovua/").param("response_type", "code").param("client_id", "viche-demo")
                        .param("state", "s").param("redirect_uri", vicheSettings.absolute("/account/signin/idgovua/callback")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Це демонстраційна заміна ID.GOV.UA")));
    }

    private String throughProvider(WebSession session, String field, String value) throws Exception {
        String authorise = session.perform(get("/account/signin/idgovua"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var params = UriComponentsBuilder.fromUriString(authorise).build().getQueryParams();
        assertThat(params.getFirst("response_type")).isEqualTo("code");
        assertThat(params.getFirst("client_id")).isEqualTo("viche-demo");
        return mvc.perform(post("/demo/idgovua/authorise").with(csrf()).param(field, value)
                        .param("state", params.getFirst("state")).param("redirect_uri", params.getFirst("redirect_uri")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    private String throughTypedPerson(WebSession session,
                                      RequestPostProcessor user,
                                      String taxNumber) throws Exception {
        String authorise = session.perform(get("/account/signin/idgovua").with(user))
                .andReturn().getResponse().getRedirectedUrl();
        var params = UriComponentsBuilder.fromUriString(authorise).build().getQueryParams();
        mvc.perform(post("/demo/idgovua/authorise-typed").with(csrf()).param("lastName", "Лисенко")
                        .param("givenName", "Тарас").param("middleName", "Михайлович").param("taxNumber", "12345")
                        .param("state", params.getFirst("state")).param("redirect_uri", params.getFirst("redirect_uri")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("10 цифр")));
        return mvc.perform(post("/demo/idgovua/authorise-typed").with(csrf()).param("lastName", "Лисенко")
                        .param("givenName", "Тарас").param("middleName", "Михайлович").param("taxNumber", taxNumber)
                        .param("address", "с. Дмитрівка, вул. Садова, 2").param("email", "")
                        .param("state", params.getFirst("state")).param("redirect_uri", params.getFirst("redirect_uri")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }
}
