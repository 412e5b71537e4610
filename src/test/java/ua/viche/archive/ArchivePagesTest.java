package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;

/** The reading pages in both languages: browsing, the viewer's marks and states, facets as links, bad input. */
@IntegrationTest
class ArchivePagesTest {

    private static final String K = "/kropyvnytskyi";

    @Autowired MockMvc mvc;
    @Autowired Holdings holdings;
    @Autowired FileStore store;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;

    private ArchiveFixtures k;
    private String m;
    private Fond fond;
    private Inventory inventory;
    private ArchiveFile file;

    @BeforeEach
    void holdings() {
        k = new ArchiveFixtures(holdings, store, communities, "kropyvnytskyi");
        m = ArchiveFixtures.marker();
        fond = k.fond("Кіровоградська міська рада " + m);
        inventory = k.inventory(fond);
        file = k.file(inventory, "45", "Рішення виконкому за 1962 рік " + m, LocalDate.of(1962, 1, 10),
                LocalDate.of(1962, 12, 20), "uk", false);
        k.page(file, "Рішенням виконкому видати архівних довідок мешканцям вулиці Шевченка. Позначка <b>ДСК</b>. " + m);
        k.blankPage(file);
        Page failed = k.blankPage(file);
        CurrentCommunity.runAs(k.community, () -> holdings.recordNoText(failed.getId(), Page.TextStatus.NO_ENGINE));
    }

    @Test
    void browsingFromTheArchiveToAPage() throws Exception {
        mvc.perform(get(K + "/archive")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/kropyvnytskyi/archive/fonds/" + fond.getId())))
                .andExpect(content().string(containsString(fond.cipher())));
        mvc.perform(get(K + "/archive/fonds/" + fond.getId())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/kropyvnytskyi/archive/inventories/" + inventory.getId())))
                .andExpect(content().string(containsString("1 справа")));
        mvc.perform(get(K + "/archive/inventories/" + inventory.getId())).andExpect(status().isOk())
                .andExpect(content().string(containsString(fond.cipher() + ", оп. 1, спр. 45")))
                .andExpect(content().string(containsString("10.01.1962–20.12.1962")))
                .andExpect(content().string(not(containsString("обмеженим доступом"))));
        mvc.perform(get(K + "/archive/files/" + file.getId())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/archive/files/" + file.getId() + "/pages/3")))
                .andExpect(content().string(containsString("(тексту ще немає)")));
        String viewer = mvc.perform(get(K + "/archive/files/" + file.getId() + "/pages/1").param("q", "архівна довідка"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(viewer).contains(fond.cipher() + ", оп. 1, спр. 45, арк. 1")
                .contains("<mark>архівних</mark>").contains("<mark>довідок</mark>")
                .contains("&lt;b&gt;ДСК&lt;").doesNotContain("<b>ДСК</b>")
                .contains("/archive/files/" + file.getId() + "/pages/2?q=")
                .containsPattern("<img src=\"/kropyvnytskyi/archive/pages/\\d+/image\"\\s+alt=\"Скан аркуша " + "Ф\\. ");
        mvc.perform(get(K + "/archive/files/" + file.getId() + "/pages/2"))
                .andExpect(content().string(containsString("Текст цього аркуша ще розпізнається")));
        mvc.perform(get(K + "/archive/files/" + file.getId() + "/pages/3").param("lang", "en"))
                .andExpect(content().string(containsString("This page has no text yet")))
                .andExpect(content().string(containsString("Archive")));
    }

    @Test
    void searchPageWithFacetsSortingAndEmptyStates() throws Exception {
        mvc.perform(get(K + "/archive/search")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Як шукати")));
        String body = mvc.perform(get(K + "/archive/search").param("q", "рішення " + m)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Знайдено 2 результати")
                .contains("href=\"/kropyvnytskyi/archive/files/" + file.getId() + "/pages/1?q=")
                .contains("<mark>Рішенням</mark>")
                .contains("?q=" + URLEncoder.encode("рішення " + m, "UTF-8") + "&amp;fond=" + fond.getId())
                .contains("decade=1960").contains("language=uk");
        mvc.perform(get(K + "/archive/search").param("q", "рішення " + m).param("fond", fond.getId().toString())
                        .param("decade", "1960").param("sort", "date"))
                .andExpect(content().string(containsString("Знайдено 2 результати")))
                .andExpect(content().string(containsString("прибрати фільтр")));
        mvc.perform(get(K + "/archive/search").param("q", "рішення " + m).param("decade", "1990"))
                .andExpect(content().string(containsString("нічого не знайдено")))
                .andExpect(content().string(containsString("Шукати без фільтрів")));
        mvc.perform(get(K + "/archive/search").param("q", m).param("lang", "en"))
                .andExpect(content().string(containsString("2 results found")));
    }

    @Test
    void resultsComeInPagesOfTwenty() throws Exception {
        String p = ArchiveFixtures.marker();
        ArchiveFile many = k.file(inventory, "46", "Відомості нарахування заробітної плати", LocalDate.of(1963, 1, 1),
                LocalDate.of(1963, 12, 31), "uk", false);
        for (int i = 1; i <= 22; i++) {
            k.page(many, "Відомість нарахування заробітної плати за місяць " + i + ". " + p);
        }
        String first = mvc.perform(get(K + "/archive/search").param("q", p).param("sort", "date"))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Знайдено 22 результати").contains("Сторінка 1 з 2")
                .contains("sort=date&amp;page=1");
        assertThat(first.split("<li>\\s*<h3>", -1)).hasSize(21);
        String second = mvc.perform(get(K + "/archive/search").param("q", p).param("sort", "date").param("page", "1"))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Сторінка 2 з 2").contains("start=\"21\"");
        assertThat(second.split("<li>\\s*<h3>", -1)).hasSize(3);
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", p).param("page", "1"))
                .andExpect(jsonPath("$.total").value(22)).andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void badInputIsRefusedClearly() throws Exception {
        String longQuery = "д".repeat(201);
        mvc.perform(get(K + "/archive/search").param("q", longQuery)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Запит задовгий")));
        mvc.perform(get(K + "/archive/search").param("q", m).param("page", "-1")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Номер сторінки результатів")));
        mvc.perform(get(K + "/archive/search").param("q", m).param("page", "501")).andExpect(status().isBadRequest());
        mvc.perform(get(K + "/archive/search").param("q", m).param("fond", "x' or 1=1")).andExpect(status().isBadRequest());
        mvc.perform(get(K + "/archive/search").param("q", m).param("language", "xx")).andExpect(status().isBadRequest());
        mvc.perform(get(K + "/archive/search").param("q", m).param("sort", "price")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", longQuery).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The query is too long: 200 characters at most."));
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", m).param("page", "abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
        mvc.perform(get("/api/v1" + K + "/archive/search")).andExpect(status().isBadRequest());
        mvc.perform(get(K + "/archive/files/999999999")).andExpect(status().isNotFound());
        mvc.perform(get(K + "/archive/fonds/999999999")).andExpect(status().isNotFound());
        mvc.perform(get(K + "/archive/inventories/999999999")).andExpect(status().isNotFound());
        mvc.perform(get(K + "/archive/files/" + file.getId() + "/pages/0")).andExpect(status().isNotFound());
        mvc.perform(get(K + "/archive/files/" + file.getId() + "/pages/99")).andExpect(status().isNotFound());
        mvc.perform(get(K + "/archive/files/abc")).andExpect(status().isNotFound());
        mvc.perform(get(K + "/archive/files/" + file.getId() + "/pages/1").param("q", longQuery)).andExpect(status().isOk());
    }

    @Test
    void theApiGivesTheTreeAndHits() throws Exception {
        mvc.perform(get("/api/v1" + K + "/archive/fonds"))
                .andExpect(content().string(containsString("\"cipher\":\"" + fond.cipher() + "\"")))
                .andExpect(content().string(containsString("\"openFiles\":1")));
        mvc.perform(get("/api/v1" + K + "/archive/search").param("q", "довідка " + m))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].cipher").value(fond.cipher() + ", оп. 1, спр. 45, арк. 1"))
                .andExpect(jsonPath("$.items[0].title").value("Рішення виконкому за 1962 рік " + m))
                .andExpect(jsonPath("$.items[0].snippet").value(containsString("<mark>довідок</mark>")))
                .andExpect(jsonPath("$.items[0].url").value(containsString("/kropyvnytskyi/archive/files/" + file.getId() + "/pages/1")))
                .andExpect(jsonPath("$.facets.decade[0].value").value("1960"));
    }

    @Test
    void aCommunityWithoutHoldingsSaysSo() throws Exception {
        mvc.perform(get("/sievierodonetsk/archive")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Архів ще не описав тут своїх фондів")))
                .andExpect(content().string(containsString("/sievierodonetsk/archive/certificates/new")))
                .andExpect(content().string(not(containsString("/sievierodonetsk/archive/manage"))));
        mvc.perform(get("/sievierodonetsk/archive").with(TestAccounts.as(accounts, "archivist@sievierodonetsk.demo")))
                .andExpect(content().string(containsString("/sievierodonetsk/archive/manage")));
    }
}
