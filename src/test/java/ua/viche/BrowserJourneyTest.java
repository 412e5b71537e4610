package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident's journey through the real application in headless Chromium: from the platform home
 * page to a community, then signing in with the demo ID.GOV.UA provider. Every page on the way is
 * checked with axe-core against WCAG 2.1 A and AA.
 */
@IntegrationTest
class BrowserJourneyTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String AXE_RESOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static final String COMMUNITY = "Кропивницька міська територіальна громада";
  private static final String PERSON = "Коваленко Олена Петрівна";

  /** Runs axe on the current document and hands back only what the assertions need. */
  private static final String RUN_AXE =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
        .then(r => done({
          passes: r.passes.length,
          violations: r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary}))
          }))
        }))
        .catch(e => done({error: String(e)}));
      """;

  private static WebDriver driver;
  private static Path profileDir;
  private static String axeScript;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws IOException {
    try (InputStream in = BrowserJourneyTest.class.getClassLoader().getResourceAsStream(AXE_RESOURCE)) {
      assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
      axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    profileDir = Files.createTempDirectory("viche-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profileDir, "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (profileDir != null) {
        try (Stream<Path> files = Files.walk(profileDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  void residentFindsCommunityAndSignsInWithIdGovUa() {
    open("/");
    assertThat(heading()).isNotBlank();
    assertThat(html().getAttribute("lang")).isEqualTo("uk");
    assertSkipLinkIsFirstTabStop();
    assertAccessible("home");

    WebElement communityLink = driver.findElement(By.cssSelector("main")).findElement(By.linkText(COMMUNITY));
    assertThat(communityLink.getAttribute("href")).endsWith("/kropyvnytskyi");
    communityLink.click();
    waitForPath("/kropyvnytskyi");
    assertThat(heading()).isEqualTo(COMMUNITY);
    assertAccessible("community");

    driver.findElement(By.cssSelector("header")).findElement(By.linkText("Увійти")).click();
    waitForPath("/account/signin");
    assertAccessible("sign-in");

    driver.findElement(By.id("signin-idgovua")).click();
    waitForPath("/demo/idgovua/");
    WebElement firstPerson = driver.findElements(By.cssSelector("input[type=radio][name=person]")).get(0);
    assertThat(firstPerson.isSelected()).isTrue();
    assertThat(driver.findElement(By.cssSelector("label[for='" + firstPerson.getAttribute("id") + "']")).getText())
        .contains(PERSON);
    assertAccessible("demo ID.GOV.UA");

    driver.findElement(By.id("demo-sign")).click();
    waitForPath("/account");
    assertThat(heading()).isEqualTo("Мій кабінет");
    String account = driver.findElement(By.tagName("main")).getText();
    assertThat(account).contains(PERSON).contains("особу підтверджено (ID.GOV.UA)");
    assertAccessible("account");

    open("/kropyvnytskyi?lang=en");
    assertThat(html().getAttribute("lang")).isEqualTo("en");
    assertThat(driver.findElements(By.cssSelector("html[lang=en]"))).hasSize(1);
    assertThat(heading()).isNotBlank();
    assertAccessible("community (English)");

    open("/no-such-community");
    assertThat(heading()).isNotBlank();
    assertAccessible("unknown community (404)");
  }

  private void assertSkipLinkIsFirstTabStop() {
    new Actions(driver).sendKeys(Keys.TAB).perform();
    WebElement focused = driver.switchTo().activeElement();
    assertThat(focused.getAttribute("class")).as("first Tab stop").contains("skip-link");
    assertThat(focused.getDomAttribute("href")).isEqualTo("#main");
  }

  /** Injects axe-core into the current page, runs the WCAG 2.1 A/AA rules and fails on any violation. */
  @SuppressWarnings("unchecked")
  private void assertAccessible(String pageName) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axeScript);
    Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN_AXE);
    assertThat(result.get("error")).as("axe error on %s", pageName).isNull();
    assertThat(((Number) result.get("passes")).intValue())
        .as("axe must actually have run on %s (%s)", pageName, driver.getCurrentUrl())
        .isPositive();
    List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
    assertThat(violations)
        .as("accessibility violations on %s (%s):%n%s", pageName, driver.getCurrentUrl(), describe(violations))
        .isEmpty();
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

  private void open(String path) {
    driver.get("http://localhost:" + port + path);
  }

  private void waitForPath(String path) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches("^http://localhost:" + port + Pattern.quote(path) + "([?#].*)?$"));
  }

  private static String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private static WebElement html() {
    return driver.findElement(By.tagName("html"));
  }
}
