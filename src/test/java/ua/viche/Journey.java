package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A browser journey as the browser tests drive it: one Chromium with page scripts blocked, in which
 * every step is taken, and one with JavaScript on, which takes over the session to audit the same
 * pages as most people see them. The people's steps (sign in, sign out) and what every page must be
 * (axe-clean both ways, errors summarised with links to the fields) live here once.
 */
public final class Journey implements AutoCloseable {

    public static final String PASSWORD = "viche-demo-2026";

    private final Browser noJs;
    private final Browser withJs;

    private Journey(Browser noJs, Browser withJs) {
        this.noJs = noJs;
        this.withJs = withJs;
    }

    /** Starts both browsers and proves that the first one does not run page scripts. */
    public static Journey start(int port) {
        Browser a = Browser.start(port, false);
        Journey journey = new Journey(a, Browser.start(port, true));
        a.assertJavaScriptBlocked();
        return journey;
    }

    /** The browser the journey is driven in (JavaScript off). */
    public Browser noJs() {
        return noJs;
    }

    public Browser withJs() {
        return withJs;
    }

    // ---- people

    public void signInWithIdGovUa(String person, String fullName) {
        noJs.open("/account/signin");
        noJs.clickAndWait(By.id("signin-idgovua"));
        noJs.waitForPath("/demo/idgovua/");
        noJs.find(By.cssSelector("label[for='person-" + person + "']")).click();
        assertThat(noJs.find(By.id("person-" + person)).isSelected()).isTrue();
        noJs.clickAndWait(By.id("demo-sign"));
        noJs.waitForPath("/account");
        assertThat(noJs.mainText()).contains(fullName);
    }

    public void signInWithPassword(String email) {
        noJs.open("/account/signin");
        noJs.find(By.id("email")).sendKeys(email);
        noJs.find(By.id("password")).sendKeys(PASSWORD);
        noJs.clickAndWait(By.cssSelector("main form[action$='/account/signin'] button[type=submit]"));
        noJs.waitForPath("/account");
        assertThat(noJs.heading()).isEqualTo("Мій кабінет");
    }

    public void signOut() {
        noJs.clickAndWait(By.xpath("//header//form//button[normalize-space()='Вийти']"));
        noJs.waitForPath("/");
        assertThat(noJs.find(By.cssSelector("header")).findElements(By.linkText("Увійти"))).hasSize(1);
    }

    // ---- what the page says

    /** The first badge under the heading: the object's state. */
    public String status() {
        return noJs.find(By.cssSelector("#main h1 + p .badge")).getText();
    }

    /** The flash notice after a redirect. */
    public String notice() {
        return noJs.find(By.cssSelector("#main .notice[role=status]")).getText();
    }

    public void assertErrorSummaryLinksTo(String... fields) {
        WebElement summary = noJs.find(By.cssSelector("form .error-summary[role=alert]"));
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("Виправте, будь ласка, помилки");
        List<String> targets = summary.findElements(By.cssSelector("li a")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
        assertThat(targets).containsOnly(Arrays.stream(fields).map(f -> "#" + f).toArray(String[]::new));
        for (String field : fields) {
            assertThat(noJs.driver().findElements(By.id(field))).as("field the summary links to: #%s", field).hasSize(1);
        }
    }

    // ---- accessibility

    /** Audits the current page as served without JavaScript, then the same URL, same session, with it. */
    public void audit(String pageName) {
        noJs.assertAccessible(pageName + ", JavaScript off");
        String path = noJs.path();
        auditWithJavaScript(pageName, js -> js.open(path));
        assertThat(withJs.heading()).as("same page with JavaScript: %s", pageName).isEqualTo(noJs.heading());
        if (!noJs.driver().findElements(By.tagName("header")).isEmpty()) { // a hall display has no header
            assertThat(withJs.find(By.tagName("header")).getText()).as("same person with JavaScript: %s", pageName)
                    .isEqualTo(noJs.find(By.tagName("header")).getText());
        }
    }

    /** Audits the current page (an answer to a POST) in place, then as the JavaScript browser reaches it by {@code reach}. */
    public void auditReproduced(String pageName, Consumer<Browser> reach) {
        noJs.assertAccessible(pageName + ", JavaScript off");
        auditWithJavaScript(pageName, reach);
    }

    /** Hands the session to the JavaScript-enabled browser, lets it reach the page and audits it there. */
    public void auditWithJavaScript(String pageName, Consumer<Browser> reach) {
        withJs.copySessionFrom(noJs);
        reach.accept(withJs);
        withJs.assertAccessible(pageName + ", JavaScript on");
    }

    public static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        try {
            noJs.close();
        } finally {
            withJs.close();
        }
    }
}
