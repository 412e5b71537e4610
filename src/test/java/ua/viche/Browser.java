package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by chromedriver, with the same flags as {@link BrowserJourneyTest},
 * pointed at the application on a local port, and an axe-core check of the current page against
 * WCAG 2.0/2.1 A and AA, WCAG 2.2 AA (target size, a rule axe leaves off unless asked) and axe's best practices.
 *
 * <p>With {@code javascript = false} Chromium blocks the pages' own scripts through the managed
 * content setting {@code profile.managed_default_content_settings.javascript = 2}, as for a person
 * who turned scripts off ({@link #assertJavaScriptBlocked} proves it). Scripts that chromedriver
 * evaluates through the DevTools protocol are not page scripts and still run, so
 * {@link #assertAccessible} works there too (with timers run as promise reactions, which Chromium
 * does not block) and audits the DOM exactly as served, with nothing added by htmx. A second,
 * JavaScript-enabled {@code Browser} can look at the same pages as the same person with
 * {@link #copySessionFrom}.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String AXE_RESOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final Duration WAIT = Duration.ofSeconds(15);

    /**
     * Runs axe on the current document and hands back only what the assertions need. Map markers are
     * left out of the target-size rule alone: where reports lie close together their markers overlap at
     * some zoom levels, and WCAG 2.2's 2.5.8 excepts a target whose function another control on the
     * page offers at full size, which every map here does with its list of the same places.
     */
    private static final String RUN_AXE =
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                rules: {'target-size': {enabled: true}}})
              .then(r => done({
                passes: r.passes.length,
                violations: r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.filter(n => !(v.id === 'target-size' && n.html.includes('leaflet-marker-icon')))
                    .map(n => ({target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary}))
                })).filter(v => v.nodes.length > 0)
              }))
              .catch(e => done({error: String(e)}));
            """;

    /**
     * For a page whose scripts are blocked: Chromium runs no timer or animation-frame callbacks there,
     * and axe yields between rules with zero-delay timers. Those run as promise reactions instead, which
     * do run; timers with a delay are axe's guards for frames and preloading and are left unfired.
     */
    private static final String TIMERS_WITHOUT_JAVASCRIPT =
            """
            const now = Promise.resolve();
            window.setTimeout = function (fn, ms) {
              const args = Array.prototype.slice.call(arguments, 2);
              if (!ms) { now.then(() => fn.apply(window, args)); }
              return 0;
            };
            window.clearTimeout = function () {};
            window.queueMicrotask = fn => { now.then(fn); };
            window.requestAnimationFrame = fn => { now.then(() => fn(performance.now())); return 0; };
            """;

    private static volatile String axeScript;

    private final WebDriver driver;
    private final Path profileDir;
    private final String base;
    private final boolean javascript;

    private Browser(WebDriver driver, Path profileDir, String base, boolean javascript) {
        this.driver = driver;
        this.profileDir = profileDir;
        this.base = base;
        this.javascript = javascript;
    }

    /** Starts a browser for the application on {@code http://localhost:port}, with or without JavaScript. */
    public static Browser start(int port, boolean javascript) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("viche-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=uk");
        // a Ukrainian browser: the first visit follows Accept-Language
        Map<String, Object> prefs = new HashMap<>(Map.of("intl.accept_languages", "uk-UA,uk"));
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        WebDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, "http://localhost:" + port, javascript);
    }

    public WebDriver driver() {
        return driver;
    }

    public boolean javascript() {
        return javascript;
    }

    /** Opens a path of the application ({@code /kropyvnytskyi/petitions}) and waits for the document. */
    public void open(String path) {
        driver.get(base + path);
        waitForDocument();
    }

    /** The current path with its query, without scheme, host and fragment. */
    public String path() {
        String url = driver.getCurrentUrl();
        String rest = url.startsWith(base) ? url.substring(base.length()) : url;
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(0, hash);
    }

    /** Waits until the browser is at this path (any query or fragment) and the document has loaded. */
    public void waitForPath(String path) {
        wait(ExpectedConditions.urlMatches("^" + Pattern.quote(base + path) + "([?#].*)?$"));
        waitForDocument();
    }

    /** Waits until the current URL's path matches a regular expression (no query, no fragment). */
    public void waitForPathMatching(String regex) {
        wait(ExpectedConditions.urlMatches("^" + Pattern.quote(base) + "(" + regex + ")([?#].*)?$"));
        waitForDocument();
    }

    public <T> T wait(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /**
     * Waits until the document has loaded. {@code document.readyState} is read through chromedriver,
     * which works with page scripts blocked too (see {@link #assertAccessible}).
     */
    public void waitForDocument() {
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /**
     * Clicks a control that navigates (a link or a submit button) and waits until a new document has
     * replaced the current one and has loaded. The current window is marked first: a new document
     * comes with a new window object, without the mark.
     */
    public void clickAndWait(By by) {
        WebElement element = wait(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("window.__vicheLeaving = true");
        element.click();
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class) // between documents there may be nothing to ask
                .withMessage(() -> "no new page after clicking " + by + " (at " + driver.getCurrentUrl() + ")")
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return !window.__vicheLeaving && document.readyState === 'complete'")));
    }

    /**
     * Takes over another browser's cookies for this application (its signed-in session), so this
     * browser sees the pages as the same person. The other browser stays signed in: they share the
     * server-side session.
     */
    public void copySessionFrom(Browser other) {
        if (!driver.getCurrentUrl().startsWith(base)) {
            driver.get(base + "/robots.txt"); // cookies can only be set on a page of their own site
        }
        driver.manage().deleteAllCookies();
        for (Cookie cookie : other.driver.manage().getCookies()) {
            driver.manage().addCookie(cookie);
        }
    }

    /**
     * Fails unless page scripts are blocked: a page whose inline script would change the title keeps
     * its own. Leaves the browser on a blank page.
     */
    public void assertJavaScriptBlocked() {
        driver.get("data:text/html;charset=utf-8,<title>no-js</title><script>document.title='js'</script>");
        assertThat(driver.getTitle()).as("page scripts must be blocked in this browser").isEqualTo("no-js");
        driver.get("about:blank");
    }

    /**
     * Injects axe-core into the current page, runs the WCAG 2.0/2.1 A and AA, WCAG 2.2 AA and best-practice rules
     * and fails on any violation.
     * With page scripts blocked axe still runs, since chromedriver evaluates it through DevTools; only
     * its timers need help there (see {@link #TIMERS_WITHOUT_JAVASCRIPT}).
     */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String pageName) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(javascript ? axe() : TIMERS_WITHOUT_JAVASCRIPT + axe());
        Map<String, Object> result;
        try {
            result = (Map<String, Object>) js.executeAsyncScript(RUN_AXE);
        } catch (ScriptTimeoutException e) {
            throw new AssertionError("axe did not finish on " + pageName + " (" + driver.getCurrentUrl() + ") within the script timeout", e);
        }
        assertThat(result.get("error")).as("axe error on %s", pageName).isNull();
        assertThat(((Number) result.get("passes")).intValue())
                .as("axe must actually have run on %s (%s)", pageName, driver.getCurrentUrl())
                .isPositive();
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        assertThat(violations)
                .as("accessibility violations on %s (%s):%n%s", pageName, driver.getCurrentUrl(), describe(violations))
                .isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profileDir);
        }
    }

    private static String axe() {
        String script = axeScript;
        if (script == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE_RESOURCE)) {
                assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            axeScript = script;
        }
        return script;
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        return violations.stream()
                .map(v -> "- " + v.get("id") + " [" + v.get("impact") + "]: " + v.get("help") + "\n"
                        + ((List<Map<String, Object>>) v.get("nodes")).stream()
                        .map(n -> "    " + n.get("target") + " " + n.get("html") + "\n      "
                                + String.valueOf(n.get("summary")).replace("\n", "\n      "))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
