package ua.viche.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.search.index.SearchReindex;

/** The platform administrator rebuilds one community's search index from its page and sees the progress. */
@IntegrationTest
class SearchAdminTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired SearchReindex reindex;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    @Test
    void rebuildsOneCommunityWithProgressAndAudit() throws Exception {
        var admin = TestAccounts.as(accounts, "platform@viche.demo");
        mvc.perform(get("/admin/search").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Пошуковий індекс")));
        mvc.perform(post("/admin/search/reindex").with(csrf()).with(admin).param("scope", "nowhere-at-all"))
                .andExpect(redirectedUrl("/admin/search"));
        assertThat(reindex.progress().scope()).isNotEqualTo("nowhere-at-all");

        long dmytrivka = communities.bySlug("dmytrivka").orElseThrow().id();
        long audited = audits(dmytrivka);
        mvc.perform(post("/admin/search/reindex").with(csrf()).with(admin).param("scope", "dmytrivka"))
                .andExpect(redirectedUrl("/admin/search"));
        assertThat(audits(dmytrivka)).isEqualTo(audited + 1);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (reindex.progress().running() && System.nanoTime() < deadline) {
            mvc.perform(get("/admin/search").with(admin)).andExpect(header().string("Refresh", "3"));
            Thread.sleep(200);
        }
        SearchReindex.Progress done = reindex.progress();
        assertThat(done.running()).isFalse();
        assertThat(done.failure()).isNull();
        assertThat(done.scope()).isEqualTo("dmytrivka");
        assertThat(done.communitiesDone()).isEqualTo(1);
        assertThat(done.documentsDone()).isPositive().isEqualTo(done.documentsTotal());

        mvc.perform(get("/admin/search").with(admin).param("lang", "en"))
                .andExpect(header().doesNotExist("Refresh"))
                .andExpect(content().string(containsString("Finished")));
        mvc.perform(get("/api/v1/admin/search").with(admin))
                .andExpect(jsonPath("$.reindex.scope").value("dmytrivka"))
                .andExpect(jsonPath("$.reindex.running").value(false))
                .andExpect(jsonPath("$.reindex.percent").value(100));
    }

    @Test
    void onlyPlatformAdministratorsMayRebuild() throws Exception {
        var resident = TestAccounts.as(accounts, "admin@kropyvnytskyi.demo");
        mvc.perform(get("/admin/search").with(resident)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/search/reindex").with(csrf()).with(resident).param("scope", "all")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/search").with(resident)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/search")).andExpect(status().isUnauthorized());
    }

    private long audits(long community) {
        Long n = jdbc.queryForObject("select count(*) from audit_entry where community_id = ? and action = 'search.reindex'",
                Long.class, community);
        return n == null ? 0 : n;
    }
}
