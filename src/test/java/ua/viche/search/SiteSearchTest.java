package ua.viche.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.identity.Identity;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;

/** The community's search over every module: kinds and facets, what is never found, how people type, ranking. */
@IntegrationTest
class SiteSearchTest {

    private static final String K = "/kropyvnytskyi";
    private static final Random RANDOM = new Random();

    @Autowired MockMvc mvc;
    @Autowired PetitionService petitions;
    @Autowired PetitionDrafting drafting;
    @Autowired PetitionModeration moderation;
    @Autowired ProblemService problems;
    @Autowired Holdings holdings;
    @Autowired FileStore store;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired SharedIndex index;
    @Autowired JdbcTemplate jdbc;
    @Autowired SearchIndexing indexing;

    @Test
    void oneQueryFindsEveryKindWithItsFacets() throws Exception {
        String m = marker();
        String petition = url(publish("kropyvnytskyi", "Ремонт даху школи № 7 " + m,
                "Дах школи протікає третій рік, у класах на третьому поверсі стоять відра. " + m));
        long report = report("kropyvnytskyi", "Протікає дах школи " + m + ", вода на сходах.");
        long[] archive = archive(false, "Справа про ремонт шкільних будівель " + m, "Ухвалили відремонтувати дах школи. " + m);

        mvc.perform(get("/api/v1" + K + "/search").param("q", m))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.facets.kind.petition").value(1))
                .andExpect(jsonPath("$.facets.kind.problem").value(1))
                .andExpect(jsonPath("$.facets.kind.archive_file").value(1))
                .andExpect(jsonPath("$.facets.kind.archive_page").value(1))
                .andExpect(jsonPath("$.facets.status.open").value(2))
                .andExpect(jsonPath("$.facets.status.reference").value(2))
                .andExpect(jsonPath("$.items[*].url", hasItem(petition)))
                .andExpect(jsonPath("$.items[*].url", hasItem(K + "/problems/" + report)))
                .andExpect(jsonPath("$.items[*].url", hasItem(K + "/archive/files/" + archive[0])))
                .andExpect(jsonPath("$.items[*].url", hasItem(K + "/archive/files/" + archive[0] + "/pages/1")));
        // a facet narrows the hits; the facets still count the whole query
        mvc.perform(get("/api/v1" + K + "/search").param("q", m).param("kind", "problem"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("problem"))
                .andExpect(jsonPath("$.items[0].status").value("open"))
                .andExpect(jsonPath("$.facets.kind.petition").value(1));
        mvc.perform(get("/api/v1" + K + "/search").param("q", m).param("status", "reference"))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1" + K + "/search").param("q", m).param("year", "1961"))
                .andExpect(jsonPath("$.total").value(2));
        // the page: the hits with their kind, the facets as links, the words marked
        mvc.perform(get(K + "/search").param("q", "дах школи " + m))
                .andExpect(content().string(containsString("href=\"" + petition + "\"")))
                .andExpect(content().string(containsString("Повідомлення про проблеми")))
                .andExpect(content().string(containsString("<mark>")))
                .andExpect(content().string(containsString("kind=archive_page")));
        mvc.perform(get(K + "/search").param("q", "дах школи " + m).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Problem reports")))
                .andExpect(content().string(containsString("Open to take part")));
        // the demo's budget projects and CNAP services are found as well
        mvc.perform(get("/api/v1" + K + "/search").param("q", "питні фонтанчики"))
                .andExpect(jsonPath("$.items[0].kind").value("budget_project"));
        mvc.perform(get("/api/v1" + K + "/search").param("q", "довідка про склад сім'ї"))
                .andExpect(jsonPath("$.items[0].kind").value("cnap_service"))
                .andExpect(jsonPath("$.items[0].title").value("Видача довідки про склад сім’ї"));
        mvc.perform(get("/api/v1" + K + "/search").param("q", "довідка про склад сім'ї").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].title").value("Certificate of household composition"));
    }

    @Test
    void whatAViewerMayNotSeeIsNeverFound() throws Exception {
        String m = marker();
        long[] closed = archive(true, "Особові справи " + m, "Особова справа працівника " + m);
        long hidden = publish("kropyvnytskyi", "Петиція, яку приховають " + m, "Текст петиції, яку модератор приховає. " + m);
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        CurrentCommunity.runAs(k, () -> {
            identity.callAs("olena.kovalenko@example.org", () -> drafting.draft("Чернетка " + m, "Чернетку бачить лише автор. " + m));
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.hide(hidden, "Перевірка"));
        });
        long elsewhere = report("dmytrivka", "Повідомлення іншої громади " + m + ": його знаходять лише в Дмитрівці.");

        mvc.perform(get("/api/v1" + K + "/search").param("q", m))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.facets.kind").isEmpty());
        mvc.perform(get(K + "/search").param("q", m))
                .andExpect(content().string(not(containsString("/archive/files/" + closed[0]))))
                .andExpect(content().string(not(containsString("/petitions/" + hidden + "-"))))
                .andExpect(content().string(not(containsString("/problems/" + elsewhere + "\""))));
        mvc.perform(get("/api/v1/dmytrivka/search").param("q", m))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].url").value("/dmytrivka/problems/" + elsewhere));
    }

    @Test
    void wordsAsPeopleTypeThemFindTheirItem() throws Exception {
        String m = marker();
        String url = url(publish("kropyvnytskyi", "Ремонт даху гімназії " + m,
                "Просимо відремонтувати м’який покрівельний дах гімназії на вулиці Шевченка. " + m));
        for (String q : List.of("ремонт даху гімназії", "remont dakhu gimnazii", "ремнот даху гімназії", "гiмназiї ремонт",
                "м'який покрівельний", "мʼякий покрівельний", "\"ремонт даху\" гімназії", "ремонту дахів гімназій",
                "«покрівельний дах»", "ремонт даху після гімназії")) { // «після»: a stop word of five letters
            assertThat(urls(q)).as(q).contains(url);
        }
        assertThat(urls("\"даху ремонт\" гімназії")).doesNotContain(url);
        assertThat(urls("ремонт даху -гімназії")).doesNotContain(url);
        // nothing found: a query that is a word away is offered, and it finds something
        String body = mvc.perform(get("/api/v1" + K + "/search").param("q", "ремнтт"))
                .andExpect(jsonPath("$.total").value(0)).andReturn().getResponse().getContentAsString();
        String suggestion = JsonPath.read(body, "$.suggestion");
        assertThat(suggestion).isNotBlank().isNotEqualTo("ремнтт");
        mvc.perform(get("/api/v1" + K + "/search").param("q", suggestion)).andExpect(jsonPath("$.total").value(greaterThan(0)));
        mvc.perform(get(K + "/search").param("q", "ремнтт")).andExpect(content().string(containsString("Можливо, ви мали на увазі")));
    }

    @Test
    void thePhraseBeatsTheSameWordsScattered() throws Exception {
        String m = marker();
        // the scattered one is shorter, so the words alone would rank it first
        String scattered = url(publish("kropyvnytskyi", "Пропозиція щодо транспорту " + m,
                "Нова лавка потрібна біля школи. Автобусна зупинка далеко, а ринку немає. " + m));
        String phrase = url(publish("kropyvnytskyi", "Пропозиція щодо транспорту " + m,
                "Потрібна нова автобусна зупинка біля ринку: люди з сумками йдуть пів кілометра узбіччям, "
                        + "а взимку там слизько і темно, тож просимо облаштувати павільйон з лавкою та освітленням. " + m));
        List<String> found = urls("нова автобусна зупинка біля ринку " + m);
        assertThat(found).contains(scattered, phrase);
        assertThat(found.indexOf(phrase)).isLessThan(found.indexOf(scattered));
    }

    @Test
    void thePhraseInTheFormsTypedComesFirst() throws Exception {
        String m = marker();
        // both hold the words as a phrase once lemmatised; the inflected one is shorter and holds it twice,
        // so without the exact forms it would rank first
        String inflected = url(publish("kropyvnytskyi", "Звернення щодо покрівлі " + m,
                "Просимо ремонту даху: після ремонту даху минуло двадцять років. " + m));
        String exact = url(publish("kropyvnytskyi", "Звернення щодо покрівлі " + m,
                "На вулиці Гоголя будинок номер дев'ять давно чекає, коли почнеться ремонт даху, бо під час кожної зливи "
                        + "мешканці верхнього поверху підставляють відра й тази, а штукатурка на стелі вже відпадає. " + m));
        for (String q : List.of("ремонт даху " + m, "\"ремонт даху\" " + m)) {
            List<String> found = urls(q);
            assertThat(found).as(q).contains(inflected, exact);
            assertThat(found.indexOf(exact)).as(q).isLessThan(found.indexOf(inflected));
        }
    }

    @Test
    void cnapOfficesAreFoundByNameAndAddress() throws Exception {
        mvc.perform(get("/api/v1" + K + "/search").param("q", "Прозорий офіс"))
                .andExpect(jsonPath("$.items[0].kind").value("cnap_office"))
                .andExpect(jsonPath("$.items[0].url", containsString(K + "/cnap/offices/")));
        mvc.perform(get("/api/v1" + K + "/search").param("q", "підрозділ Фортечному районі").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].kind").value("cnap_office"))
                .andExpect(jsonPath("$.items[0].title").value("CNAP subdivision, Fortechnyi district"));
        mvc.perform(get(K + "/search").param("q", "Прозорий офіс"))
                .andExpect(content().string(containsString("Офіси ЦНАП")));
    }

    @Test
    void everyDemoProblemReportIsIndexed() {
        // the demo writes most of its reports with SQL and then indexes them in bulk
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        assertThat(indexing.awaitIndexed()).isTrue();
        long indexed = index.search(s -> s.search(ProblemReport.class).where(f -> SharedIndex.community(f, k.id())).fetchTotalHitCount());
        assertThat(indexed).isEqualTo(jdbc.queryForObject("select count(*) from problem_report where community_id = ?", Long.class, k.id()));
    }

    private List<String> urls(String q) throws Exception {
        String body = mvc.perform(get("/api/v1" + K + "/search").param("q", q)).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items[*].url");
    }

    /** A word no other test or demo text has: random Cyrillic consonants. */
    private static String marker() {
        String letters = "бвгджзклмнпрстфхцчшщ";
        StringBuilder b = new StringBuilder("ж");
        for (int i = 0; i < 8; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }

    private long publish(String slug, String title, String text) {
        Community c = communities.bySlug(slug).orElseThrow();
        return CurrentCommunity.callAs(c, () -> {
            Petition p = identity.callAs("olena.kovalenko@example.org", () -> drafting.draft(title, text));
            identity.callAs("olena.kovalenko@example.org", () -> drafting.submit(p.getId()));
            identity.callAs("moderator@" + slug + ".demo", () -> moderation.publish(p.getId()));
            return p.getId();
        });
    }

    private String url(long petition) {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        return CurrentCommunity.callAs(k, () -> PetitionService.url(petitions.visible(petition)));
    }

    /** A problem report by a visitor (no account, so no residency), by its address alone. */
    private long report(String slug, String description) {
        Community c = communities.bySlug(slug).orElseThrow();
        return CurrentCommunity.callAs(c, () -> problems.submit(new ProblemService.Submission(
                problems.category("lighting").orElseThrow().getId(), null, null, "вул. Пошукова, 1", description,
                null, null, null, false, null, List.of(), UUID.randomUUID().toString(), "web")).report().getId());
    }

    /** A fond, inventory and file with one page; {@code closed}: personal data of ten years ago. */
    private long[] archive(boolean closed, String title, String text) {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        return CurrentCommunity.callAs(k, () -> {
            Fond fond = holdings.createFond(new Fond.Description("П-" + System.nanoTime() % 1_000_000, "Міська рада", null, null, "", ""));
            Inventory inventory = holdings.createInventory(fond.getId(), new Inventory.Description("1", "Опис", null, null));
            LocalDate from = closed ? LocalDate.now().minusYears(10) : LocalDate.of(1961, 3, 1);
            ArchiveFile file = holdings.createFile(inventory.getId(), new ArchiveFile.Description("1", title, from, null, 1, "uk", closed));
            try {
                Page page = holdings.addPage(file.getId(), new Page.Scan(store.put(new byte[] {1}), "a.png", "image/png", 1, null));
                holdings.recordText(page.getId(), text, Page.Source.MANUAL);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new long[] {file.getId()};
        });
    }
}
