package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.civic.domain.CivicNews;
import ua.viche.civic.domain.Initiative;
import ua.viche.civic.domain.Initiatives;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.ThreadClock;

/**
 * News end to end on the real database: staff publish (audited) with a picture and its text, bad
 * input and people without the role change nothing, the Markdown is cleaned, a scheduled item is
 * nowhere (list, page, JSON, feed, search) before its moment and everywhere after, pinning puts an
 * item first, an item lives only in its community, the Atom feed is parsed back with ROME, and the
 * page carries Open Graph and a schema.org NewsArticle.
 */
@IntegrationTest
class NewsFlowTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired CivicNews news;
    @Autowired ThreadClock clock;
    @Autowired Initiatives initiatives;
    @Autowired Identity identity;

    private long count() {
        return jdbc.queryForObject("select count(*) from civic_news", Long.class);
    }

    private static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private MockMultipartHttpServletRequestBuilder form(String path, Map<String, String> fields) {
        MockMultipartHttpServletRequestBuilder b = multipart(path);
        fields.forEach(b::param);
        b.with(csrf());
        return b;
    }

    private String publish(Map<String, String> fields) throws Exception {
        return mvc.perform(form("/kropyvnytskyi/news", fields).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    private static long idOf(String location) {
        Matcher m = Pattern.compile("/news/(\\d+)").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A page as served now: a parameter of its own keeps the public pages' one-second cache out of the way. */
    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.param("fresh", Long.toString(System.nanoTime()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private <T> T at(Instant moment, Callable<T> work) {
        return clock.callAt(moment, () -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private SyndFeed feed(String slug) throws Exception {
        return new SyndFeedInput().build(new StringReader(page(get("/" + slug + "/news.atom"))));
    }

    @Test
    void staffPublishWithAPictureAndBadInputOrAnotherRoleChangesNothing() throws Exception {
        long before = count();
        String title = "Відкрито новий сквер " + Journey.suffix();
        MockMultipartFile picture = new MockMultipartFile("picture", "skver.png", "image/png", png());

        // faults all at once, nothing saved: no title, no body, a picture without its text
        String refused = mvc.perform(form("/kropyvnytskyi/news", Map.of("category", "NEWS", "titleUk", " ", "bodyUk", ""))
                        .file(picture).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(refused).endsWith("/kropyvnytskyi/news/new");
        assertThat(count()).isEqualTo(before);
        // a day that is not a day, an unknown category, a file that is not a picture
        mvc.perform(form("/kropyvnytskyi/news", Map.of("category", "NEWS", "titleUk", title, "bodyUk", "Текст", "publishDay", "завтра"))
                .with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().is3xxRedirection());
        mvc.perform(form("/kropyvnytskyi/news", Map.of("category", "GOSSIP", "titleUk", title, "bodyUk", "Текст"))
                .with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().is3xxRedirection());
        mvc.perform(form("/kropyvnytskyi/news", Map.of("category", "NEWS", "titleUk", title, "bodyUk", "Текст", "imageAltUk", "опис"))
                .file(new MockMultipartFile("picture", "x.png", "image/png", "not a picture".getBytes()))
                .with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().is3xxRedirection());
        // a resident and a visitor may not
        mvc.perform(form("/kropyvnytskyi/news", Map.of("category", "NEWS", "titleUk", title, "bodyUk", "Текст"))
                .with(TestAccounts.as(accounts, Identity.demoResident("kropyvnytskyi", 9)))).andExpect(status().isForbidden());
        mvc.perform(form("/kropyvnytskyi/news", Map.of("category", "NEWS", "titleUk", title, "bodyUk", "Текст")))
                .andExpect(status().is3xxRedirection());
        // the refused JSON twin of the list names a bad category as such
        mvc.perform(get("/api/v1/kropyvnytskyi/news").param("category", "GOSSIP")).andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);

        String location = mvc.perform(form("/kropyvnytskyi/news", Map.of("category", "ANNOUNCEMENT", "titleUk", title,
                        "summaryUk", "Стисло про сквер", "bodyUk", "Сквер на розі вулиць **відкрито**.", "titleEn", "A new square opens",
                        "bodyEn", "The square is **open**.", "imageAltUk", "Лавки й молоді липи в сквері", "imageAltEn", "Benches and young lime trees"))
                        .file(picture).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = idOf(location);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(location).isEqualTo("/kropyvnytskyi/news/" + id + "-vidkryto-novyi-skver-" + location.substring(location.lastIndexOf('-') + 1));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.news.published' and object_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);

        // its page by number, by number and words; English readers get the English
        String html = page(get(location));
        assertThat(html).contains(title, "<strong>відкрито</strong>", "alt=\"Лавки й молоді липи в сквері\"");
        assertThat(page(get("/kropyvnytskyi/news/" + id).param("lang", "en"))).contains("A new square opens", "alt=\"Benches and young lime trees\"")
                .doesNotContain("id=\"fallback\"");
        String pictureUrl = JsonPath.read(page(get("/api/v1/kropyvnytskyi/news/" + id)), "$.item.picture.url");
        assertThat(mvc.perform(get(pictureUrl)).andExpect(status().isOk()).andReturn().getResponse().getContentType()).isEqualTo("image/png");

        // the list, the JSON, the feed and the search have it
        assertThat(page(get("/kropyvnytskyi/news"))).contains(title);
        String json = page(get("/api/v1/kropyvnytskyi/news").param("category", "announcement").param("size", "100"));
        assertThat(JsonPath.<List<Integer>>read(json, "$.items[*].id")).contains((int) id);
        assertThat(feed("kropyvnytskyi").getEntries()).extracting(SyndEntry::getTitle).contains(title);
        String search = page(get("/api/v1/kropyvnytskyi/search").param("q", title));
        assertThat(JsonPath.<List<String>>read(search, "$.items[*].url")).anyMatch(u -> u.contains("/news/" + id + "-"));

        // a change by staff is audited; bad input on a change changes nothing
        mvc.perform(form("/kropyvnytskyi/news/" + id + "/edit", Map.of("category", "ANNOUNCEMENT", "titleUk", "", "bodyUk", "інше"))
                .with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select title_uk from civic_news where id = ?", String.class, id)).isEqualTo(title);
        mvc.perform(form("/kropyvnytskyi/news/" + id + "/edit", Map.of("category", "ANNOUNCEMENT", "titleUk", title, "bodyUk", "інше",
                "dropPicture", "true")).with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select body_uk from civic_news where id = ?", String.class, id)).isEqualTo("інше");
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'civic' and owner_kind = 'news' and owner_id = ?",
                Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.news.changed' and object_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void theMarkdownIsCleaned() throws Exception {
        String title = "Перевірка тексту " + Journey.suffix();
        long id = idOf(publish(Map.of("category", "NEWS", "titleUk", title, "bodyUk",
                "# Заголовок\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[посилання](javascript:alert(1)) і [сайт](https://example.org)")));
        String html = page(get("/kropyvnytskyi/news/" + id));
        String body = html.substring(html.indexOf("id=\"body\""), html.indexOf("</article>"));
        assertThat(body).doesNotContain("<script", "<img", "onerror=", "javascript:", "<h1>")
                .contains("<h3>Заголовок</h3>", "&lt;script&gt;", "href=\"https://example.org\"");
        String api = page(get("/api/v1/kropyvnytskyi/news/" + id));
        assertThat(JsonPath.<String>read(api, "$.htmlUk")).doesNotContain("<script", "javascript:");
    }

    @Test
    void aScheduledItemIsNowhereBeforeItsMomentAndEverywhereAfter() throws Exception {
        String title = "Заплановане оголошення " + Journey.suffix();
        LocalDate day = LocalDate.now(clock.withZone(Dates.KYIV)).plusDays(2);
        String location = publish(Map.of("category", "ANNOUNCEMENT", "titleUk", title, "bodyUk", "Скоро.",
                "publishDay", day.toString(), "publishTime", "09:30"));
        long id = idOf(location);
        Instant moment = java.time.ZonedDateTime.of(day, java.time.LocalTime.of(9, 30), Dates.KYIV).toInstant();
        assertThat(jdbc.queryForObject("select publish_at from civic_news where id = ?", java.sql.Timestamp.class, id).toInstant())
                .isEqualTo(moment);

        // before: nowhere for the public; staff see it with a note
        assertThat(page(get("/kropyvnytskyi/news"))).doesNotContain(title);
        mvc.perform(get("/kropyvnytskyi/news/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/news/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/news/" + id).with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().isNotFound());
        assertThat(page(get("/api/v1/kropyvnytskyi/news").param("size", "100"))).doesNotContain(title);
        assertThat(feed("kropyvnytskyi").getEntries()).extracting(SyndEntry::getTitle).doesNotContain(title);
        assertThat(page(get("/api/v1/kropyvnytskyi/search").param("q", title))).doesNotContain("/news/" + id + "-");
        assertThat(page(get("/kropyvnytskyi/news/" + id).with(TestAccounts.as(accounts, OFFICIAL)))).contains(title, "id=\"scheduled\"")
                .doesNotContain("og:title");
        assertThat(page(get("/kropyvnytskyi/news/manage").with(TestAccounts.as(accounts, OFFICIAL)))).contains(title, "заплановано");
        // the release job at a moment before changes nothing
        CurrentCommunity.runAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> at(moment.minusSeconds(60), news::releaseDue));
        assertThat(jdbc.queryForObject("select released from civic_news where id = ?", Boolean.class, id)).isFalse();

        // after its moment: the page, the list, the JSON, the feed; the search once released
        Instant after = moment.plus(1, ChronoUnit.MINUTES);
        assertThat(at(after, () -> page(get("/kropyvnytskyi/news/" + id)))).contains(title).doesNotContain("id=\"scheduled\"");
        assertThat(at(after, () -> page(get("/kropyvnytskyi/news")))).contains(title);
        assertThat(at(after, () -> page(get("/api/v1/kropyvnytskyi/news/" + id)))).contains(title);
        assertThat(at(after, () -> feed("kropyvnytskyi")).getEntries()).extracting(SyndEntry::getTitle).contains(title);
        int released = CurrentCommunity.callAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> at(after, news::releaseDue));
        assertThat(released).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select released from civic_news where id = ?", Boolean.class, id)).isTrue();
        String search = page(get("/api/v1/kropyvnytskyi/search").param("q", title));
        assertThat(JsonPath.<List<String>>read(search, "$.items[*].url")).anyMatch(u -> u.contains("/news/" + id + "-"));
    }

    @Test
    void pinningPutsAnItemFirstAndIsAudited() throws Exception {
        String title = "Стара, але важлива " + Journey.suffix();
        LocalDate past = LocalDate.now(clock.withZone(Dates.KYIV)).minusDays(200);
        long id = idOf(publish(Map.of("category", "OFFICIAL", "titleUk", title, "bodyUk", "Текст.", "publishDay", past.toString())));
        String before = page(get("/api/v1/kropyvnytskyi/news").param("size", "100"));
        List<Integer> order = JsonPath.read(before, "$.items[*].id");
        List<Boolean> wasPinned = JsonPath.read(before, "$.items[*].pinned");
        // published 200 days ago, it comes after every newer unpinned item
        assertThat(order.indexOf((int) id)).isGreaterThan(wasPinned.indexOf(false));

        // only staff pin
        mvc.perform(post("/kropyvnytskyi/news/" + id + "/pin").param("pinned", "true").with(csrf())
                .with(TestAccounts.as(accounts, Identity.demoResident("kropyvnytskyi", 9)))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select pinned from civic_news where id = ?", Boolean.class, id)).isFalse();

        mvc.perform(post("/kropyvnytskyi/news/" + id + "/pin").param("pinned", "true").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().is3xxRedirection());
        String pinned = page(get("/api/v1/kropyvnytskyi/news"));
        List<Integer> ids = JsonPath.read(pinned, "$.items[*].id");
        List<Boolean> flags = JsonPath.read(pinned, "$.items[*].pinned");
        assertThat(ids).contains((int) id);
        // the pinned ones come first, and this one among them
        int first = flags.indexOf(false);
        assertThat(ids.indexOf((int) id)).isLessThan(first < 0 ? ids.size() : first);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.news.pinned' and object_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);

        mvc.perform(post("/kropyvnytskyi/news/" + id + "/pin").param("pinned", "false").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select pinned from civic_news where id = ?", Boolean.class, id)).isFalse();
    }

    @Test
    void anItemLivesInItsCommunityOnly() throws Exception {
        String title = "Лише для Кропивницького " + Journey.suffix();
        long id = idOf(publish(Map.of("category", "NEWS", "titleUk", title, "bodyUk", "Текст.")));
        mvc.perform(get("/dmytrivka/news/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/news/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/dmytrivka/news"))).doesNotContain(title);
        assertThat(feed("dmytrivka").getEntries()).extracting(SyndEntry::getTitle).doesNotContain(title);
        assertThat(JsonPath.<Integer>read(page(get("/api/v1/dmytrivka/search").param("q", title)), "$.total")).isZero();
        // staff of another community cannot change or pin it
        mvc.perform(post("/dmytrivka/news/" + id + "/pin").param("pinned", "true").with(csrf())
                .with(TestAccounts.as(accounts, "official@dmytrivka.demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/kropyvnytskyi/news/" + id + "/pin").param("pinned", "true").with(csrf())
                .with(TestAccounts.as(accounts, "official@dmytrivka.demo"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select pinned from civic_news where id = ?", Boolean.class, id)).isFalse();
    }

    @Test
    void theFeedIsAtomAndThePageCarriesOpenGraphAndANewsArticle() throws Exception {
        SyndFeed feed = feed("kropyvnytskyi");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).contains("Кропивницьк");
        assertThat(feed.getEntries()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getUri()).startsWith("http").contains("/kropyvnytskyi/news/");
            assertThat(e.getPublishedDate()).isNotNull();
            assertThat(e.getContents()).isNotEmpty();
        });
        // the demo's scheduled report is not in it
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).doesNotContain("Звіт про виконання програми за квартал");
        assertThat(mvc.perform(get("/kropyvnytskyi/news.atom")).andReturn().getResponse().getContentType()).startsWith("application/atom+xml");
        // in English: items without an English version keep their Ukrainian title
        SyndFeed en = new SyndFeedInput().build(new StringReader(page(get("/kropyvnytskyi/news.atom").param("lang", "en"))));
        assertThat(en.getEntries()).extracting(SyndEntry::getTitle).contains("Forum of strategic communications: registration is open",
                "Графік прийому громадян керівництвом на місяць");

        String entry = feed.getEntries().stream().filter(e -> e.getTitle().startsWith("Форум стратегічних комунікацій")).findFirst()
                .orElseThrow().getLink();
        String path = entry.substring(entry.indexOf("/kropyvnytskyi/"));
        String html = page(get(path));
        assertThat(html).contains("<meta property=\"og:type\" content=\"article\">", "<meta property=\"og:title\" content=\"Форум стратегічних",
                "property=\"og:image\"", "property=\"og:image:alt\"", "<script type=\"application/ld+json\"");
        String ld = html.substring(html.indexOf("<script type=\"application/ld+json\""));
        ld = ld.substring(ld.indexOf('>') + 1, ld.indexOf("</script>"));
        assertThat(JsonPath.<String>read(ld, "$['@type']")).isEqualTo("NewsArticle");
        assertThat(JsonPath.<String>read(ld, "$.headline")).startsWith("Форум стратегічних комунікацій");
        assertThat(JsonPath.<String>read(ld, "$.inLanguage")).isEqualTo("uk");
        assertThat(JsonPath.<String>read(ld, "$.datePublished")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?\\+0[23]:00");
        assertThat(JsonPath.<List<String>>read(ld, "$.image")).singleElement().asString().contains("/picture/");
        assertThat(JsonPath.<String>read(ld, "$.publisher.name")).isNotBlank();

        // an item only in Ukrainian, read in English, says so
        String official = feed.getEntries().stream().filter(e -> e.getTitle().startsWith("Графік прийому")).findFirst().orElseThrow().getLink();
        assertThat(page(get(official.substring(official.indexOf("/kropyvnytskyi/"))).param("lang", "en")))
                .contains("id=\"fallback\"", "in Ukrainian only", "lang=\"uk\"");
    }

    @Test
    void theHomePageShowsTheLatestNewsAndWhatIsOn() throws Exception {
        String html = page(get("/kropyvnytskyi"));
        assertThat(html).contains("Останні новини", "Стартував прийом проєктів бюджету участі", "Усі новини", "Що відбувається зараз")
                .doesNotContain("Звіт про виконання програми за квартал");
        // the pinned item is the first of the news
        String news = html.substring(html.indexOf("Останні новини"), html.indexOf("Усі новини"));
        String first = news.substring(news.indexOf("<li>"), news.indexOf("</li>"));
        assertThat(first).contains("Стартував прийом проєктів бюджету участі");
        // what is on, each from its module: open consultations, petitions collecting, upcoming events, the nearest CNAP time
        String on = html.substring(html.indexOf("Що відбувається зараз"));
        assertThat(on).contains("/kropyvnytskyi/consultations/", "/kropyvnytskyi/petitions/", "/kropyvnytskyi/events/",
                "/kropyvnytskyi/cnap/book?service=");
    }

    @Test
    void theHomePageShowsTheInitiativesUnderWay() throws Exception {
        var k = communities.bySlug("kropyvnytskyi").orElseThrow();
        String resident = Identity.demoResident("kropyvnytskyi", 9);
        String title = "Лавки на набережній " + Journey.suffix();
        Initiative made = CurrentCommunity.callAs(k, () -> identity.callAs(resident,
                () -> initiatives.propose(new Initiatives.Proposal(title, "Benches on the embankment", "Поставити лавки вздовж набережної.", null))));
        CurrentCommunity.callAs(k, () -> identity.callAs("moderator@kropyvnytskyi.demo", () -> initiatives.publish(made.getId())));
        CurrentCommunity.callAs(k, () -> identity.callAs(resident, () -> initiatives.support(made.getId())));

        // the newest first, with its stage and supporters, and a link to all; finished ones are not shown
        String html = page(get("/kropyvnytskyi"));
        assertThat(html).contains("Громадські ініціативи", "Усі ініціативи", "href=\"/kropyvnytskyi/initiatives\"");
        String section = html.substring(html.indexOf("Громадські ініціативи"), html.indexOf("Усі ініціативи"));
        String first = section.substring(section.indexOf("<li>"), section.indexOf("</li>"));
        assertThat(first).contains(title, "href=\"/kropyvnytskyi/initiatives/" + made.getId() + "\"", "запропоновано · Підтримали: 1");
        assertThat(section).doesNotContain("Велодоріжка від центру до парку", "Нічне освітлення стадіону для пробіжок");
        assertThat(html.indexOf("Останні новини")).isLessThan(html.indexOf("Громадські ініціативи"));

        // in English: the English title and the stage in English
        String en = page(get("/kropyvnytskyi").param("lang", "en"));
        assertThat(en).contains("Civic initiatives", "All initiatives", "Benches on the embankment", "proposed · Supporters: 1");

        // the JSON twin carries the same section
        String json = page(get("/api/v1/kropyvnytskyi"));
        List<Map<String, Object>> items = JsonPath.read(json, "$.sections[?(@.module == 'civic' && @.url == '/kropyvnytskyi/initiatives')].items[0]");
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.get("title")).isEqualTo(title);
            assertThat(i.get("url")).isEqualTo("/kropyvnytskyi/initiatives/" + made.getId());
            assertThat(i.get("note")).isEqualTo("запропоновано · Підтримали: 1");
        });
    }
}
