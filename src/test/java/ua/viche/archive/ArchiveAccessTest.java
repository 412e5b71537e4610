package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.Term;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;

/**
 * The 75-year rule in every public answer: a closed file's distinctive words reach no public
 * response (search page, snippets, facets, the API, site search, browsing, the viewer, the
 * sitemap), while an archivist finds it marked as restricted; opening it by the archivist's
 * decision makes it appear (the index follows). And one community never sees another's holdings.
 */
@IntegrationTest
class ArchiveAccessTest {

    private static final String K = "/kropyvnytskyi";

    @Autowired MockMvc mvc;
    @Autowired Holdings holdings;
    @Autowired FileStore store;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;

    private ArchiveFixtures k;
    private String shared;
    private String secret;
    private String secretTitle;
    private String secretTerm;
    private Inventory inventory;
    private ArchiveFile open;
    private ArchiveFile closed;
    private Page closedPage;

    @BeforeEach
    void holdings() {
        k = new ArchiveFixtures(holdings, store, communities, "kropyvnytskyi");
        shared = ArchiveFixtures.marker();
        secret = ArchiveFixtures.marker();
        secretTitle = "Особові справи працівників " + secret;
        secretTerm = "Коваленко Марія " + ArchiveFixtures.marker();
        Fond fond = k.fond("Відділ кадрів " + shared);
        inventory = k.inventory(fond);
        open = k.file(inventory, "1", "Протоколи засідань профкому " + shared, LocalDate.of(1961, 1, 1),
                LocalDate.of(1961, 12, 31), "uk", false);
        k.page(open, "Протокол засідання: затвердити графік відпусток, заслухати звіт. " + shared);
        closed = k.file(inventory, "2", secretTitle + " " + shared, LocalDate.of(1988, 1, 1), LocalDate.of(1991, 6, 30),
                "ru", true);
        CurrentCommunity.runAs(k.community, () -> holdings.addTerm(closed.getId(), Term.Kind.PERSON, secretTerm));
        closedPage = k.page(closed, "Особовий листок з обліку кадрів, домашня адреса та склад сім’ї. " + shared + " " + secret);
        assertThat(CurrentCommunity.callAs(k.community, () -> holdings.file(closed.getId()).isClosed(holdings.today()))).isTrue();
    }

    @Test
    void aClosedFileReachesNoPublicResponse() throws Exception {
        String fileUrl = "/archive/files/" + closed.getId();
        // the search page: the words of the closed page find nothing, the shared word finds only the open file
        publicBody(get(K + "/archive/search").param("q", secret), fileUrl);
        String page = publicBody(get(K + "/archive/search").param("q", shared), fileUrl);
        assertThat(page).contains("/archive/files/" + open.getId()).doesNotContain("Особовий листок")
                .doesNotContain(secretTerm).doesNotContain("російська"); // facets count only open documents
        // the API
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", shared))
                .andExpect(jsonPath("$.total").value(2)) // the open file and its page; nothing of the closed one
                .andExpect(content().string(not(containsString(fileUrl))))
                .andExpect(content().string(not(containsString(secret))));
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", secret)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1" + K + "/archive/fonds"))
                .andExpect(content().string(not(containsString(secret))));
        // site search
        publicBody(get(K + "/search").param("q", shared), fileUrl);
        mvc.perform(get("/api/v1" + K + "/search").param("q", secret)).andExpect(jsonPath("$.total").value(0));
        // browsing: the inventory lists the open file and counts the closed one
        String list = publicBody(get(K + "/archive/inventories/" + inventory.getId()), fileUrl);
        assertThat(list).contains("Протоколи засідань профкому").contains("Ще 1 справа з обмеженим доступом");
        // the file, the viewer, the sitemap
        mvc.perform(get(K + fileUrl)).andExpect(status().isNotFound()).andExpect(content().string(not(containsString(secret))));
        mvc.perform(get(K + fileUrl + "/pages/1")).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(secret))));
        String sitemap = mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString();
        assertThat(sitemap).contains(K + "/archive/files/" + open.getId() + "<").doesNotContain(K + fileUrl + "<");
    }

    @Test
    void anArchivistSeesTheClosedFileMarkedRestricted() throws Exception {
        RequestPostProcessor archivist = TestAccounts.as(accounts, "archivist@kropyvnytskyi.demo");
        mvc.perform(get(K + "/archive/search").param("q", secret).with(archivist))
                .andExpect(content().string(containsString("/archive/files/" + closed.getId())))
                .andExpect(content().string(containsString("Обмежений доступ")))
                .andExpect(content().string(containsString("<mark>" + secret + "</mark>")));
        mvc.perform(get(K + "/archive/files/" + closed.getId()).with(archivist)).andExpect(status().isOk())
                .andExpect(content().string(containsString(secretTerm)));
        mvc.perform(get(K + "/archive/files/" + closed.getId() + "/pages/1").param("q", secret).with(archivist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/kropyvnytskyi/archive/pages/" + closedPage.getId() + "/image")));
        mvc.perform(get(K + "/archive/inventories/" + inventory.getId()).with(archivist))
                .andExpect(content().string(containsString(secretTitle)));
        // another community's archivist is the public here
        mvc.perform(get(K + "/archive/files/" + closed.getId()).with(TestAccounts.as(accounts, "admin@dmytrivka.demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void openingTheFileByDecisionReindexesIt() throws Exception {
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", secret)).andExpect(jsonPath("$.total").value(0));
        CurrentCommunity.runAs(k.community, () -> holdings.overrideAccess(closed.getId(), ArchiveFile.Override.OPEN,
                "Згода особи на доступ"));
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", secret))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(content().string(containsString("/archive/files/" + closed.getId())));
        mvc.perform(get(K + "/archive/files/" + closed.getId() + "/pages/1")).andExpect(status().isOk());
        CurrentCommunity.runAs(k.community, () -> holdings.overrideAccess(closed.getId(), ArchiveFile.Override.CLOSED,
                "Відкликано згоду"));
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", secret)).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anotherCommunitySeesNothing() throws Exception {
        mvc.perform(get("/dmytrivka/archive/search").param("q", shared))
                .andExpect(content().string(not(containsString("/archive/files/" + open.getId()))));
        mvc.perform(get("/api/v1/dmytrivka/archive/search").param("q", shared)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/dmytrivka/archive/fonds")).andExpect(content().string(not(containsString(shared))));
        mvc.perform(get("/dmytrivka/search").param("q", shared))
                .andExpect(content().string(not(containsString("/archive/files/" + open.getId()))));
        mvc.perform(get("/dmytrivka/archive/files/" + open.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/archive/files/" + open.getId() + "/pages/1")).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/archive/inventories/" + inventory.getId())).andExpect(status().isNotFound());
        // and the open file is there for its own community
        mvc.perform(get(K + "/archive/files/" + open.getId())).andExpect(status().isOk());
        mvc.perform(get(K + "/search").param("q", shared))
                .andExpect(content().string(containsString("/archive/files/" + open.getId())));
    }

    /** A public response that must not name the closed file; returns its body. */
    private String publicBody(MockHttpServletRequestBuilder request, String closedUrl) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(closedUrl).doesNotContain(secretTitle).doesNotContain("Особовий листок");
        return body;
    }
}
