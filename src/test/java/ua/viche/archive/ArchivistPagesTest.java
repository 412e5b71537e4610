package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/** The archivists' pages over HTTP: describing, validation, audit, access decisions, index terms, isolation; the demo holdings. */
@IntegrationTest
class ArchivistPagesTest {

    static final String ARCHIVIST = "archivist@kropyvnytskyi.demo";
    static final String BASE = "/kropyvnytskyi/archive/manage";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Holdings holdings;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    int audited(String action, Object objectId) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and object_id = ?", Integer.class, action,
                objectId.toString());
    }

    @Test
    void archivistDescribesAFondAnInventoryAndAFile() throws Exception {
        String number = "Р-" + (int) (Math.random() * 90000 + 1000);
        mvc.perform(get(BASE).with(as(ARCHIVIST))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Кропивницька міська рада та її виконавчий комітет")));
        mvc.perform(post(BASE + "/fonds").with(csrf()).with(as(ARCHIVIST)).param("number", number)
                        .param("title", "Міська друкарня").param("yearFrom", "1950").param("yearTo", "1990")
                        .param("creator", "Друкарня").param("history", "Друкувала бланки рішень."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern(BASE + "/fonds/*"));
        Fond fond = CurrentCommunity.callAs(k, () -> holdings.fondByNumber(number)).orElseThrow();
        assertThat(fond.getTitle()).isEqualTo("Міська друкарня");
        assertThat(audited("archive.fond.create", fond.getId())).isEqualTo(1);

        // the same number again, empty title, reversed years: refused with the reasons linked to fields, nothing saved
        mvc.perform(post(BASE + "/fonds").with(csrf()).with(as(ARCHIVIST)).param("number", number).param("title", "Інший"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Фонд з таким номером уже є.")))
                .andExpect(content().string(containsString("href=\"#number\"")));
        mvc.perform(post(BASE + "/fonds/" + fond.getId()).with(csrf()).with(as(ARCHIVIST)).param("number", number).param("title", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("Це поле обов’язкове")));
        mvc.perform(post(BASE + "/fonds/" + fond.getId()).with(csrf()).with(as(ARCHIVIST)).param("number", number)
                        .param("title", "Друкарня").param("yearFrom", "1990").param("yearTo", "1950"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("кінцевий рік не раніше початкового")));
        assertThat(CurrentCommunity.callAs(k, () -> holdings.fond(fond.getId())).getTitle()).isEqualTo("Міська друкарня");

        mvc.perform(post(BASE + "/fonds/" + fond.getId() + "/inventories").with(csrf()).with(as(ARCHIVIST))
                .param("number", "1").param("title", "Справи постійного зберігання")).andExpect(status().is3xxRedirection());
        Inventory inventory = CurrentCommunity.callAs(k, () -> holdings.inventories(fond.getId())).get(0);
        assertThat(audited("archive.inventory.create", inventory.getId())).isEqualTo(1);

        mvc.perform(post(BASE + "/inventories/" + inventory.getId() + "/files").with(csrf()).with(as(ARCHIVIST))
                        .param("number", "5").param("title", "Накази директора").param("dateFrom", "1960-01-01")
                        .param("dateTo", "1959-12-31").param("extent", "40").param("language", "uk"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#dateTo\"")));
        mvc.perform(post(BASE + "/inventories/" + inventory.getId() + "/files").with(csrf()).with(as(ARCHIVIST))
                        .param("number", "5").param("title", "Накази директора").param("dateFrom", "1960-01-01")
                        .param("dateTo", "1960-12-31").param("extent", "сорок").param("language", "uk"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#extent\"")));
        assertThat(CurrentCommunity.callAs(k, () -> holdings.files(inventory.getId()))).isEmpty();
        mvc.perform(post(BASE + "/inventories/" + inventory.getId() + "/files").with(csrf()).with(as(ARCHIVIST))
                        .param("number", "5").param("title", "Накази директора з особового складу").param("dateFrom", "1990-01-01")
                        .param("dateTo", "1990-12-31").param("extent", "40").param("language", "uk").param("personalData", "true"))
                .andExpect(status().is3xxRedirection());
        ArchiveFile file = CurrentCommunity.callAs(k, () -> holdings.files(inventory.getId())).get(0);
        assertThat(audited("archive.file.create", file.getId())).isEqualTo(1);
        mvc.perform(get(BASE + "/files/" + file.getId()).with(as(ARCHIVIST))).andExpect(status().isOk())
                .andExpect(content().string(containsString("закрита для відвідувачів до 31.12.2065")));

        // index terms: add (audited), refuse an empty one, remove
        mvc.perform(post(BASE + "/files/" + file.getId() + "/terms").with(csrf()).with(as(ARCHIVIST))
                .param("termKind", "PERSON").param("termName", "Іваненко Іван Іванович")).andExpect(status().is3xxRedirection());
        mvc.perform(post(BASE + "/files/" + file.getId() + "/terms").with(csrf()).with(as(ARCHIVIST))
                        .param("termKind", "PLACE").param("termName", "  "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#termName\"")));
        ArchiveFile withTerm = CurrentCommunity.callAs(k, () -> holdings.file(file.getId()));
        assertThat(audited("archive.file.term.add", file.getId())).isEqualTo(1);
        long termId = jdbc.queryForObject("select term_id from archive_file_term where file_id = ?", Long.class, file.getId());
        mvc.perform(post(BASE + "/files/" + file.getId() + "/terms/" + termId + "/remove").with(csrf()).with(as(ARCHIVIST)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from archive_file_term where file_id = ?", Integer.class, withTerm.getId()))
                .isZero();
    }

    @Test
    void aRefusedDescriptionComesBackWithEverythingTyped() throws Exception {
        String number = "Р-" + (int) (Math.random() * 90000 + 1000);
        mvc.perform(post(BASE + "/fonds").with(csrf()).with(as(ARCHIVIST)).param("number", number).param("title", "Перший фонд"))
                .andExpect(status().is3xxRedirection());
        // the same number again: refused on its field, the rest as typed
        String page = mvc.perform(post(BASE + "/fonds").with(csrf()).with(as(ARCHIVIST)).param("number", number)
                        .param("title", "Міський водоканал").param("yearFrom", "1961").param("yearTo", "2001")
                        .param("creator", "Водоканал").param("history", "Водопостачання <міста>."))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Фонд з таким номером уже є.")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"number\" name=\"number\" value=\"" + number + "\"")
                .contains("id=\"title\" name=\"title\" value=\"Міський водоканал\"")
                .contains("id=\"yearFrom\" name=\"yearFrom\" value=\"1961\"")
                .contains("id=\"creator\" name=\"creator\" value=\"Водоканал\"")
                .contains("Водопостачання &lt;міста&gt;.</textarea>");
        assertThat(CurrentCommunity.callAs(k, () -> holdings.fondByNumber(number)).orElseThrow().getTitle()).isEqualTo("Перший фонд");
    }

    @Test
    void anAccessDecisionNeedsAReasonAndIsAudited() throws Exception {
        ArchiveFile file = closedDemoFile();
        mvc.perform(post(BASE + "/files/" + file.getId() + "/access").with(csrf()).with(as(ARCHIVIST))
                        .param("decision", "OPEN").param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Вкажіть підставу зміни доступу.")))
                .andExpect(content().string(containsString("href=\"#reason\"")));
        assertThat(CurrentCommunity.callAs(k, () -> holdings.file(file.getId()).getAccessOverride())).isNull();

        mvc.perform(post(BASE + "/files/" + file.getId() + "/access").with(csrf()).with(as(ARCHIVIST))
                .param("decision", "OPEN").param("reason", "Письмова згода особи від 01.02.2026")).andExpect(status().is3xxRedirection());
        ArchiveFile opened = CurrentCommunity.callAs(k, () -> holdings.file(file.getId()));
        assertThat(opened.isClosed(LocalDate.now())).isFalse();
        assertThat(opened.getOverrideReason()).isEqualTo("Письмова згода особи від 01.02.2026");
        assertThat(jdbc.queryForObject("select details from audit_entry where action = 'archive.file.access' and object_id = ? "
                + "order by id desc limit 1", String.class, file.getId().toString())).contains("OPEN").contains("Письмова згода");

        mvc.perform(post(BASE + "/files/" + file.getId() + "/access").with(csrf()).with(as(ARCHIVIST)).param("decision", "RULE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(BASE + "/files/" + file.getId()).param("lang", "en").with(as(ARCHIVIST))).andExpect(status().isOk())
                .andExpect(content().string(containsString("is closed to visitors until 31.12.2063")))
                .andExpect(content().string(containsString("Upload scans")));
        assertThat(CurrentCommunity.callAs(k, () -> holdings.file(file.getId()).isClosed(holdings.today()))).isTrue();
    }

    /** A demo file closed by the 75-year rule (Р-3, payrolls of 1988). */
    ArchiveFile closedDemoFile() {
        return CurrentCommunity.callAs(k, () -> {
            Fond fond = holdings.fondByNumber("Р-3").orElseThrow();
            Inventory inventory = holdings.inventories(fond.getId()).get(0);
            return holdings.files(inventory.getId()).stream().filter(f -> f.getTitle().contains("1988")).findFirst().orElseThrow();
        });
    }

    @Test
    void onlyTheCommunitysArchivistsSeeAndChange() throws Exception {
        ArchiveFile file = closedDemoFile();
        mvc.perform(get(BASE)).andExpect(status().is3xxRedirection());
        mvc.perform(get(BASE).with(as("official@kropyvnytskyi.demo"))).andExpect(status().isForbidden());
        mvc.perform(get(BASE).with(as("archivist@dmytrivka.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/dmytrivka/archive/manage/files/" + file.getId()).with(as("archivist@dmytrivka.demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/dmytrivka/archive/manage/files/" + file.getId()).with(csrf()).with(as("archivist@dmytrivka.demo"))
                .param("number", "1").param("title", "Чуже").param("extent", "1").param("language", "uk"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/dmytrivka/archive/manage/files/" + file.getId() + "/access").with(csrf()).with(as("archivist@dmytrivka.demo"))
                .param("decision", "OPEN").param("reason", "чужа згода")).andExpect(status().isNotFound());
        ArchiveFile after = CurrentCommunity.callAs(k, () -> holdings.file(file.getId()));
        assertThat(after.getTitle()).isNotEqualTo("Чуже");
        assertThat(after.getAccessOverride()).isNull();
        mvc.perform(get("/dmytrivka/archive/manage").with(as("archivist@dmytrivka.demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Дмитрівська сільська рада")))
                .andExpect(content().string(not(containsString("Кропивницька міська рада"))));
    }

    @Test
    void aDemoPageImageIsDrawnFromItsTextWhenAskedFor() throws Exception {
        Page page = CurrentCommunity.callAs(k, () -> {
            Fond fond = holdings.fondByNumber("Р-1").orElseThrow();
            ArchiveFile open = holdings.files(holdings.inventories(fond.getId()).get(0).getId()).stream()
                    .filter(f -> !f.isClosed(holdings.today())).findFirst().orElseThrow();
            return holdings.pages(open.getId()).get(0);
        });
        byte[] jpeg = mvc.perform(get("/kropyvnytskyi/archive/pages/" + page.getId() + "/image")).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg")).andReturn().getResponse().getContentAsByteArray();
        assertThat(jpeg.length).isGreaterThan(10_000);
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(900);
        // drawn again the same (from the same text and seed)
        assertThat(mvc.perform(get("/kropyvnytskyi/archive/pages/" + page.getId() + "/image")).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(jpeg);
    }

    @Test
    void theDemoHoldingsHaveTypedPagesAndClosedFiles() {
        CurrentCommunity.runAs(k, () -> {
            assertThat(holdings.fonds()).extracting(Fond::getNumber).contains("Р-1", "Р-2", "Р-3");
            int pages = 0;
            int closed = 0;
            StringBuilder text = new StringBuilder();
            for (Fond f : holdings.fonds().stream().filter(f -> List.of("Р-1", "Р-2", "Р-3").contains(f.getNumber())).toList()) {
                for (Inventory i : holdings.inventories(f.getId())) {
                    for (ArchiveFile file : holdings.files(i.getId())) {
                        closed += file.isClosed(holdings.today()) ? 1 : 0;
                        for (Page p : holdings.pages(file.getId())) {
                            if (!p.getScanName().startsWith("scan-")) {
                                continue; // a scan other tests uploaded to a demo fond
                            }
                            pages++;
                            assertThat(p.getTextSource()).isEqualTo(Page.Source.MANUAL);
                            text.append(p.getText()).append('\n');
                        }
                    }
                }
            }
            assertThat(pages).as("several hundred typed pages").isGreaterThanOrEqualTo(300);
            assertThat(closed).isGreaterThanOrEqualTo(4);
            assertThat(text).contains("архівних довідок", "архівна довідка", "рішення виконавчого комітету", "земельну ділянку",
                    "земельної ділянки", "Коваленку Петру Івановичу", "Коваленка Петра Івановича");
        });
    }
}
