package ua.viche.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.RateLimiter;
import ua.viche.problems.domain.ProblemService;

/**
 * A visitor reports a problem in real headless Chromium with page scripts blocked, using the keyboard
 * only (Tab to a control, type, Enter; no clicks): the map page's list, the form, its error summary,
 * the confirm step for a possible duplicate nearby, the report's page and a subscription; then an
 * official updates it and the admin opens the categories and keys. Every page is audited with axe-core as served without
 * JavaScript and again in a JavaScript-enabled browser, where the Leaflet map is shown (its tiles
 * cannot load offline, which must not break the page).
 */
@IntegrationTest
class ProblemBrowserTest {

    private static final String PROBLEMS = "/kropyvnytskyi/problems";

    @LocalServerPort int port;
    @Autowired RateLimiter limiter;

    @Autowired ProblemService problems;
    @Autowired Communities communities;

    private double lat;
    private double lon;

    /** An open street-light report at a fresh point: the visitor's report next to it meets the confirm step. */
    @BeforeEach
    void setUp() {
        limiter.reset();
        lat = 48.560 + Math.random() * 0.015;
        lon = 32.340 + Math.random() * 0.02;
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        CurrentCommunity.runAs(k, () -> problems.submit(new ProblemService.Submission(
                problems.category("lighting").orElseThrow().getId(), lat, lon, "вул. Браузерна, 1",
                "Не світить ліхтар на розі, перевірка браузером.", null, null, null, false, null, List.of(),
                UUID.randomUUID().toString(), "web")));
    }

    @Test
    void reportingWithTheKeyboardOnlyAndWithoutJavaScript() {
        try (Browser noJs = Browser.start(port, false); Browser js = Browser.start(port, true)) {
            noJs.assertJavaScriptBlocked();

            noJs.open(PROBLEMS);
            assertThat(noJs.heading()).isEqualTo("Повідомлення про проблеми");
            assertThat(noJs.find(By.id("place-map")).isDisplayed()).as("the map needs scripts").isFalse();
            assertThat(noJs.driver().findElements(By.cssSelector("#place-list li"))).isNotEmpty();
            noJs.assertAccessible("problems list, JavaScript off");
            js.open(PROBLEMS);
            js.wait(d -> d.findElement(By.id("place-map")).isDisplayed());
            js.wait(d -> !d.findElements(By.cssSelector("#place-map .leaflet-marker-icon")).isEmpty());
            js.assertAccessible("problems map, JavaScript on");

            pressEnterOn(noJs, By.id("report-link"));
            noJs.waitForPath(PROBLEMS + "/new");
            assertThat(noJs.heading()).isEqualTo("Повідомити про проблему");
            noJs.assertAccessible("report form, JavaScript off");
            js.open(PROBLEMS + "/new");
            js.wait(d -> d.findElement(By.id("place-map")).isDisplayed());
            js.assertAccessible("report form with map, JavaScript on");

            pressEnterOn(noJs, By.id("submit-report"));
            noJs.waitForPath(PROBLEMS);
            WebElement summary = noJs.find(By.cssSelector("form .error-summary[role=alert]"));
            assertThat(summary.getText()).contains("Виберіть категорію", "Опишіть проблему", "Вкажіть адресу або координати місця");
            assertThat(noJs.find(By.id("description")).getDomAttribute("aria-invalid")).isEqualTo("true");
            noJs.assertAccessible("report form with errors, JavaScript off");

            focus(noJs, By.id("categoryId")).sendKeys("Вуличне");
            assertThat(new Select(noJs.find(By.id("categoryId"))).getFirstSelectedOption().getText()).isEqualTo("Вуличне освітлення");
            String lat = String.format(Locale.ROOT, "%.5f", this.lat + 0.0003);
            String lon = String.format(Locale.ROOT, "%.5f", this.lon);
            focus(noJs, By.id("address")).sendKeys("вул. Браузерна, 3");
            focus(noJs, By.id("latitude")).sendKeys(lat);
            focus(noJs, By.id("longitude")).sendKeys(lon);
            focus(noJs, By.id("description")).sendKeys("Не світить ліхтар біля дитячого майданчика, ввечері дуже темно.");
            focus(noJs, By.id("name")).sendKeys("Ярина Клавіатурна");
            focus(noJs, By.id("hideName")).sendKeys(Keys.SPACE);
            pressEnterOn(noJs, By.id("submit-report"));
            noJs.waitForPath(PROBLEMS); // an open report of the same category 33 m away: the confirm step
            assertThat(noJs.find(By.id("duplicates-title")).getText()).isEqualTo("Схоже, про це вже повідомили");
            assertThat(noJs.find(By.id("duplicates")).getText()).contains("Не світить ліхтар на розі, перевірка браузером.");
            assertThat(noJs.find(By.id("description")).getDomProperty("value")).startsWith("Не світить ліхтар біля дитячого");
            assertThat(noJs.find(By.id("submit-report")).getText()).isEqualTo("Усе одно надіслати");
            noJs.assertAccessible("possible duplicates, JavaScript off");
            pressEnterOn(noJs, By.id("submit-report"));
            noJs.waitForPathMatching(PROBLEMS + "/\\d+");
            assertThat(noJs.heading()).matches("№ \\d+: Вуличне освітлення");
            assertThat(noJs.find(By.cssSelector("#main .notice[role=status]")).getText())
                    .isEqualTo("Дякуємо! Повідомлення надіслано відповідальному підрозділу.");
            assertThat(noJs.mainText()).contains("Анонімно", "вул. Браузерна, 3", lat).doesNotContain("Ярина");
            noJs.assertAccessible("report page, JavaScript off");
            String report = noJs.path();
            js.open(report);
            js.assertAccessible("report page, JavaScript on");

            focus(noJs, By.id("subscribe-email")).sendKeys("yaryna.keyboard@example.org");
            ((JavascriptExecutor) noJs.driver()).executeScript("window.__vicheLeaving = true");
            new Actions(noJs.driver()).sendKeys(Keys.ENTER).perform();
            waitForNewDocument(noJs);
            noJs.waitForPath(report);
            assertThat(noJs.find(By.cssSelector("#main .notice[role=status]")).getText())
                    .isEqualTo("Ми надіслали лист із посиланням для підтвердження підписки.");
            noJs.assertAccessible("report page after subscribing, JavaScript off");

            // an official answers through the work list; the admin's page of categories and keys
            signIn(noJs, "appeals@kropyvnytskyi.demo");
            noJs.open(PROBLEMS + "/work");
            assertThat(noJs.heading()).isEqualTo("Робочий список посадових осіб");
            noJs.assertAccessible("officials' work list, JavaScript off");
            noJs.open(report);
            new Select(noJs.find(By.id("new-status"))).selectByVisibleText("Прийнято до роботи");
            noJs.find(By.id("comment")).sendKeys("Передано електрикам, заміна лампи протягом тижня.");
            noJs.assertAccessible("report page for an official, JavaScript off");
            noJs.clickAndWait(By.id("status-button"));
            assertThat(noJs.find(By.id("status")).getText()).isEqualTo("Прийнято до роботи");
            assertThat(noJs.mainText()).contains("Передано електрикам, заміна лампи протягом тижня.");
            noJs.assertAccessible("report page after the official's update, JavaScript off");
            signIn(noJs, "admin@kropyvnytskyi.demo");
            noJs.open("/kropyvnytskyi/admin/problems");
            assertThat(noJs.mainText()).contains("Ямковий ремонт доріг");
            noJs.assertAccessible("admin: categories and Open311 keys, JavaScript off");
            js.copySessionFrom(noJs);
            js.open("/kropyvnytskyi/admin/problems?lang=en");
            assertThat(js.heading()).isEqualTo("Problem reports: categories and Open311 keys");
            js.assertAccessible("admin page in English, JavaScript on");
        }
    }

    private static void signIn(Browser browser, String email) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/account/signin");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys("viche-demo-2026");
        browser.clickAndWait(By.cssSelector("main form[action$='/account/signin'] button[type=submit]"));
        browser.waitForPath("/account");
    }

    /** Moves the focus with Tab from the top of the page to the element (as a keyboard user does). */
    private static WebElement focus(Browser browser, By by) {
        WebElement target = browser.find(by);
        ((JavascriptExecutor) browser.driver()).executeScript("document.activeElement && document.activeElement.blur();"
                + "window.scrollTo(0, 0);");
        Actions keyboard = new Actions(browser.driver());
        for (int i = 0; i < 200; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            WebElement active = browser.driver().switchTo().activeElement();
            if (active.equals(target)) {
                return active;
            }
        }
        throw new AssertionError("Tab never reached " + by);
    }

    /** Tabs to a link or button and presses Enter, then waits for the next page. */
    private static void pressEnterOn(Browser browser, By by) {
        WebElement element = focus(browser, by);
        ((JavascriptExecutor) browser.driver()).executeScript("window.__vicheLeaving = true");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        waitForNewDocument(browser);
    }

    private static void waitForNewDocument(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return !window.__vicheLeaving && document.readyState === 'complete'")));
    }
}
