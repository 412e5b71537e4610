package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;

/**
 * Follows the links of the site, as a visitor and as staff, from the platform home and the demo
 * communities, and checks that no page answers with a server error: every template, with the
 * demo data of every module, renders.
 */
@IntegrationTest
class CrawlTest {

    /** What Thymeleaf prints for a message key it cannot resolve. */
    private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?<>\"\\s]*\\?\\?|\\?\\?");
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)(\\?[^\"#]*)?\"");

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;

    /** Pages (HTML, 200) met on the way, one per shape of address (digits as N), for the accessibility crawl. */
    private final Map<String, String> shapes = new LinkedHashMap<>();

    private List<String> crawl(RequestPostProcessor who, int limit, String... starts) throws Exception {
        return crawl(who, null, limit, starts);
    }

    /** Crawls in a language ({@code uk}, {@code en}; null: none chosen) and reports server errors and unresolved message keys. */
    private List<String> crawl(RequestPostProcessor who, String lang, int limit, String... starts) throws Exception {
        Deque<String> todo = new ArrayDeque<>(List.of(starts));
        Set<String> seen = new LinkedHashSet<>(todo);
        List<String> failures = new ArrayList<>();
        int visited = 0;
        while (!todo.isEmpty() && visited < limit) {
            String path = todo.poll();
            MockHttpServletRequestBuilder request = get(path);
            if (who != null) {
                request = request.with(who);
            }
            if (lang != null) {
                request = request.cookie(new Cookie("lang", lang));
            }
            MockHttpServletResponse response;
            try {
                response = mvc.perform(request).andReturn().getResponse();
            } catch (Exception e) {
                failures.add("exception " + path + ": " + e.getMessage());
                continue;
            } finally {
                visited++;
            }
            if (response.getStatus() >= 500) {
                failures.add(response.getStatus() + " " + path);
            }
            String type = response.getContentType();
            if (type == null || !type.startsWith("text/html")) {
                continue;
            }
            if (response.getStatus() == 200) {
                shapes.putIfAbsent(path.replaceAll("\\d+", "N").replaceAll("[?&](page|year|list|sort|queue|category|status)=[^&]*", ""), path);
            }
            String body = response.getContentAsString();
            Matcher unresolved = UNRESOLVED.matcher(body);
            while (unresolved.find()) {
                failures.add(lang + " " + path + ": " + unresolved.group());
            }
            Matcher m = HREF.matcher(body);
            while (m.find()) {
                String link = m.group(1) + (m.group(2) == null ? "" : m.group(2).replace("&amp;", "&"));
                // the hall display's wall mode (auto=true) refreshes itself by design: it is the opt-in view for an
                // unattended screen showing a real-time queue (WCAG 2.2.1's real-time exception); the normal view does not
                boolean skip = link.startsWith("/webjars/") || link.startsWith("/css/") || link.startsWith("/js/")
                        || link.contains("/signout") || link.contains("lang=") || link.endsWith(".wav") || link.contains("auto=true")
                        // links from e-mails (the demo mailbox) act on GET (confirmations, unsubscribing): other tests' data
                        || link.startsWith("/demo/") || link.contains("token=") || link.contains("unsubscribe");
                if (!skip && seen.add(link)) {
                    todo.add(link);
                }
            }
        }
        assertThat(visited).as("pages visited").isGreaterThan(Math.min(limit, 40));
        return failures;
    }

    @Test
    void aVisitorMeetsNoServerError() throws Exception {
        assertThat(crawl(null, 700, "/", "/kropyvnytskyi", "/dmytrivka", "/sievierodonetsk")).isEmpty();
    }

    @LocalServerPort int port;

    /** Every kind of page a visitor reaches, as served without JavaScript, is checked by axe-core (WCAG 2.1 A and AA). */
    @Test
    void everyKindOfPublicPageIsAccessible() throws Exception {
        crawl(null, 700, "/", "/kropyvnytskyi", "/dmytrivka", "/sievierodonetsk");
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.start(port, false)) {
            for (String path : shapes.values().stream().limit(150).toList()) {
                browser.open(path);
                try {
                    browser.assertAccessible(path);
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
            }
        }
        assertThat(shapes).hasSizeGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    /** The same for the pages staff reach (admin, appeals office, CNAP console), signed in in the browser. */
    @Test
    void everyKindOfStaffPageIsAccessible() throws Exception {
        List<String> problems = new ArrayList<>();
        String[][] staff = {{"admin@kropyvnytskyi.demo", "/kropyvnytskyi/admin", "/account"},
                {"appeals@kropyvnytskyi.demo", "/kropyvnytskyi/appeals/office", "/kropyvnytskyi/problems/work"},
                {"cnap@kropyvnytskyi.demo", "/kropyvnytskyi/cnap/console"}};
        for (String[] who : staff) {
            shapes.clear();
            crawl(TestAccounts.as(accounts, who[0]), 250, Arrays.copyOfRange(who, 1, who.length));
            try (Journey journey = Journey.start(port)) {
                journey.signInWithPassword(who[0]);
                for (String path : shapes.values().stream().filter(p -> !p.contains("/signout")).limit(80).toList()) {
                    journey.noJs().open(path);
                    try {
                        journey.noJs().assertAccessible(who[0] + " " + path);
                    } catch (AssertionError e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void staffMeetNoServerError() throws Exception {
        assertThat(crawl(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo"), 500, "/kropyvnytskyi/admin", "/kropyvnytskyi",
                "/account")).isEmpty();
        assertThat(crawl(TestAccounts.as(accounts, "appeals@kropyvnytskyi.demo"), 300, "/kropyvnytskyi/appeals/office",
                "/kropyvnytskyi/problems/work")).isEmpty();
        assertThat(crawl(TestAccounts.as(accounts, "cnap@kropyvnytskyi.demo"), 200, "/kropyvnytskyi/cnap/console")).isEmpty();
    }

    /** Every page every role of the demo reaches, in both languages, shows its texts: no {@code ??key??}. */
    @Test
    void noPageShowsAnUnresolvedMessageKey() throws Exception {
        String[] communityStaff = {"admin", "moderator", "official", "appeals", "operator", "cnap", "archivist"};
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("uk", "en")) {
            failures.addAll(crawl(null, lang, 500, "/", "/kropyvnytskyi", "/dmytrivka", "/sievierodonetsk"));
            failures.addAll(crawl(TestAccounts.as(accounts, DemoResidents.email("kropyvnytskyi", 7)), lang,
                    250, "/account", "/kropyvnytskyi"));
            failures.addAll(crawl(TestAccounts.as(accounts, DemoAccounts.PLATFORM_ADMIN), lang, 150,
                    "/admin/communities", "/admin/calendar", "/account"));
            for (String role : communityStaff) {
                failures.addAll(crawl(TestAccounts.as(accounts, role + "@kropyvnytskyi.demo"), lang, 250,
                        "/kropyvnytskyi/admin", "/account", "/kropyvnytskyi"));
            }
        }
        assertThat(failures.stream().distinct().toList()).isEmpty();
    }
}
