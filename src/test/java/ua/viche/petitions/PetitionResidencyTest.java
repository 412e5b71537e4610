package ua.viche.petitions;

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

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.RateLimiter;

/**
 * Signing needs residency by default (the statutes ask it; a community may relax it): a verified
 * person who does not live in the community is told why and how to declare an address, and a
 * signer resident by declaration is marked in the lists and counted apart in the figures. The
 * edit form of a petition opens for its author's draft only.
 */
@IntegrationTest
class PetitionResidencyTest {

    static final String TEXT = "Просимо встановити лавки та урни вздовж набережної річки Інгул, бо зараз їх немає зовсім.";
    static final String KROPYVNYTSKYI = "UA35040000000034705";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired AccountService accountService;
    @Autowired TaxNumberHasher hasher;
    @Autowired TransactionTemplate tx;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired RateLimiter limiter;

    @BeforeEach
    void setUp() {
        limiter.reset();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    @Test
    void signingNeedsResidencyAndADeclaredSignerIsMarkedInListsAndFigures() throws Exception {
        String location = published("Урни біля зупинок");
        long id = Long.parseLong(location.replaceAll(".*/(\\d+)-.*", "$1"));
        // verified through ID.GOV.UA, but the address names no code of the community
        Account outsider = verified("Кіровоградська обл., Кропивницький р-н, с. Дмитрівка, вул. Садова, 2");

        mvc.perform(get(location).with(TestAccounts.as(outsider))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ця дія доступна лише мешканцям громади")))
                .andExpect(content().string(containsString("задекларуйте адресу в одному з населених пунктів громади")))
                .andExpect(content().string(containsString("href=\"/account/residency/kropyvnytskyi\"")))
                .andExpect(content().string(not(containsString("id=\"sign-button\""))));
        mvc.perform(get(location).param("lang", "en").with(TestAccounts.as(outsider)))
                .andExpect(content().string(containsString("Only residents of the community can do this")))
                .andExpect(content().string(containsString("or declare an address in one of the community")))
                .andExpect(content().string(containsString("Declare an address in the community")));
        mvc.perform(post(location + "/sign").with(csrf()).with(TestAccounts.as(outsider)))
                .andExpect(flash().attribute("error", "eligibility.residency"));
        assertThat(count(id)).isZero();

        // a declared address in one of the community's settlements makes a resident, marked as such
        mvc.perform(post("/account/residency/kropyvnytskyi").with(csrf()).with(TestAccounts.as(outsider))
                        .param("katottg", KROPYVNYTSKYI).param("address", "вул. Садова, 2").param("confirm", "true"))
                .andExpect(redirectedUrl("/account#residency"));
        long declaredBefore = declaredSigners();
        mvc.perform(post(location + "/sign").with(csrf()).with(TestAccounts.as(outsider)))
                .andExpect(redirectedUrl(location + "?done=signed#sign"));
        mvc.perform(post(location + "/sign").with(csrf()).with(as("andrii.shevchuk@example.org")))
                .andExpect(redirectedUrl(location + "?done=signed#sign"));
        assertThat(count(id)).isEqualTo(2);
        String page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String declaredRow = page.substring(page.indexOf("Мороз Ганна"));
        assertThat(declaredRow.substring(0, declaredRow.indexOf("</li>"))).contains("задекларована адреса");
        String verifiedRow = page.substring(page.indexOf("Шевчук Андрій Іванович"));
        assertThat(verifiedRow.substring(0, verifiedRow.indexOf("</li>"))).doesNotContain("задекларована адреса");
        mvc.perform(get(location + "/signatures").param("lang", "en"))
                .andExpect(content().string(containsString("declared address")));
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions/" + id + "/signatures"))
                .andExpect(jsonPath("$.items[0].name").value("Мороз Ганна"))
                .andExpect(jsonPath("$.items[0].declaredResidency").value(true))
                .andExpect(jsonPath("$.items[1].declaredResidency").value(false));
        assertThat(declaredSigners()).isEqualTo(declaredBefore + 1);
        mvc.perform(get("/kropyvnytskyi/petitions/figures"))
                .andExpect(content().string(containsString("З них мешканці за задекларованою адресою")));
    }

    @Test
    void aCommunityMayRelaxTheResidencyRule() throws Exception {
        String location = published("Велодоріжка");
        long id = Long.parseLong(location.replaceAll(".*/(\\d+)-.*", "$1"));
        Account outsider = verified("м. Київ, вул. Хрещатик, 1");
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        mvc.perform(post(location + "/sign").with(csrf()).with(TestAccounts.as(outsider)))
                .andExpect(flash().attribute("error", "eligibility.residency"));
        communities.putSetting(k.id(), PetitionsModule.RESIDENCY_REQUIRED, false);
        try {
            mvc.perform(post(location + "/sign").with(csrf()).with(TestAccounts.as(outsider)))
                    .andExpect(redirectedUrl(location + "?done=signed#sign"));
        } finally {
            communities.putSetting(k.id(), PetitionsModule.RESIDENCY_REQUIRED, true);
        }
        assertThat(count(id)).isEqualTo(1);
    }

    @Test
    void theEditFormOpensForItsAuthorsDraftOnly() throws Exception {
        String draft = mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(as("olena.kovalenko@example.org"))
                        .param("title", "Чернетка " + UUID.randomUUID().toString().substring(0, 8)).param("text", TEXT)
                        .param("action", "draft"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(draft + "/edit").with(as("olena.kovalenko@example.org"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(TEXT)));
        mvc.perform(get(draft + "/edit").with(as("moderator@kropyvnytskyi.demo"))).andExpect(status().isNotFound());
        mvc.perform(get(draft + "/edit").with(as("andrii.shevchuk@example.org"))).andExpect(status().isNotFound());
        mvc.perform(get(draft + "/edit")).andExpect(status().isNotFound());

        String published = published("Освітлення парку");
        for (String who : new String[] {"andrii.shevchuk@example.org", "moderator@kropyvnytskyi.demo", "olena.kovalenko@example.org"}) {
            mvc.perform(get(published + "/edit").with(as(who)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(TEXT))));
        }
        mvc.perform(get(published + "/edit")).andExpect(status().isNotFound());
    }

    private String published(String title) throws Exception {
        String location = mvc.perform(post("/kropyvnytskyi/petitions").with(csrf()).with(as("olena.kovalenko@example.org"))
                        .param("title", title + " " + UUID.randomUUID().toString().substring(0, 8)).param("text", TEXT)
                        .param("action", "submit"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/publish").with(csrf()).with(as("moderator@kropyvnytskyi.demo")))
                .andExpect(status().is3xxRedirection());
        return location;
    }

    private int count(long id) {
        return jdbc.queryForObject("select count(*) from petition_signature where petition_id = ?", Integer.class, id);
    }

    private long declaredSigners() {
        return jdbc.queryForObject("select count(distinct person_id) from petition_signature s join community c on c.id = s.community_id"
                + " where c.slug = 'kropyvnytskyi' and s.declared_residency", Long.class);
    }

    private Account verified(String address) {
        String taxNumber = "5" + String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        return tx.execute(s -> accountService.signInExternal(new VerifiedIdentity("test", "p-" + taxNumber,
                hasher.hash(taxNumber), "Мороз", "Ганна", "", null, address, true), null));
    }
}
