package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident's journey through the real application in headless Chromium: from the platform home
 * page to a community, then signing in with the demo ID.GOV.UA provider. Every page on the way is
 * checked with axe-core against WCAG 2.1 A and AA.
 */
@IntegrationTest
class BrowserJourneyTest {

    private static final String COMMUNITY = "Кропивницька міська територіальна громада";
    private static final String PERSON = "Коваленко Олена Петрівна";

    @LocalServerPort int port;
    Browser browser;

    @BeforeEach
    void start() {
        browser = Browser.start(port, true);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void residentFindsCommunityAndSignsInWithIdGovUa() {
        WebDriver driver = browser.driver();
        browser.open("/");
        assertThat(browser.heading()).isNotBlank();
        assertThat(html(driver).getAttribute("lang")).isEqualTo("uk");
        assertSkipLinkIsFirstTabStop(driver);
        browser.assertAccessible("home");

        WebElement communityLink = driver.findElement(By.cssSelector("main")).findElement(By.linkText(COMMUNITY));
        assertThat(communityLink.getAttribute("href")).endsWith("/kropyvnytskyi");
        communityLink.click();
        browser.waitForPath("/kropyvnytskyi");
        assertThat(browser.heading()).isEqualTo(COMMUNITY);
        browser.assertAccessible("community");

        driver.findElement(By.cssSelector("header")).findElement(By.linkText("Увійти")).click();
        browser.waitForPath("/account/signin");
        browser.assertAccessible("sign-in");

        driver.findElement(By.id("signin-idgovua")).click();
        browser.waitForPath("/demo/idgovua/");
        WebElement firstPerson = driver.findElements(By.cssSelector("input[type=radio][name=person]")).get(0);
        assertThat(firstPerson.isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("label[for='" + firstPerson.getAttribute("id") + "']")).getText())
                .contains(PERSON);
        browser.assertAccessible("demo ID.GOV.UA");

        driver.findElement(By.id("demo-sign")).click();
        browser.waitForPath("/account");
        assertThat(browser.heading()).isEqualTo("Мій кабінет");
        assertThat(browser.mainText()).contains(PERSON).contains("особу підтверджено (ID.GOV.UA)");
        browser.assertAccessible("account");

        browser.open("/kropyvnytskyi?lang=en");
        assertThat(html(driver).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.heading()).isNotBlank();
        browser.assertAccessible("community (English)");

        browser.open("/no-such-community");
        assertThat(browser.heading()).isNotBlank();
        browser.assertAccessible("unknown community (404)");
    }

    private static void assertSkipLinkIsFirstTabStop(WebDriver driver) {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).as("first Tab stop").contains("skip-link");
        assertThat(focused.getDomAttribute("href")).isEqualTo("#main");
    }

    private static WebElement html(WebDriver driver) {
        return driver.findElement(By.tagName("html"));
    }
}
