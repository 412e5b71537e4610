package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.platform.RateLimiter;

/**
 * Officials' poll pages in real headless Chromium: an official makes a poll with a section and a
 * condition on the form without JavaScript; on the paper form (the poll's questions) the conditional
 * question is shown with its condition in words, and with JavaScript hidden until its condition is
 * met (chosen by keyboard); the official enters a paper form and publishes its text. Every page on the way is checked with axe-core.
 */
@IntegrationTest
class PollBrowserTest {

    private static final String POLLS = "/kropyvnytskyi/polls";

    @LocalServerPort int port;
    @Autowired RateLimiter limiter;

    @BeforeEach
    void setUp() {
        limiter.reset();
    }

    @Test
    void officialMakesAPollWithAConditionAndEntersAPaperForm() {
        try (Journey journey = Journey.start(port)) {
            Browser noJs = journey.noJs();
            journey.signInWithPassword("official@kropyvnytskyi.demo");
            noJs.open(POLLS);
            noJs.clickAndWait(By.id("new-poll"));
            noJs.waitForPath(POLLS + "/new");
            journey.audit("new poll form");

            String title = "Транспорт " + Journey.suffix();
            noJs.find(By.id("title")).sendKeys(title);
            noJs.find(By.id("resultsLive")).click();
            noJs.find(By.id("q1.section")).sendKeys("Транспорт");
            noJs.find(By.id("q1.text")).sendKeys("Чи їздите ви автобусом?");
            new Select(noJs.find(By.id("q1.kind"))).selectByValue("SINGLE");
            noJs.find(By.id("q1.options")).sendKeys("Так" + Keys.ENTER + "Ні");
            noJs.find(By.id("q2.section")).sendKeys("Транспорт");
            noJs.find(By.id("q2.text")).sendKeys("Оцініть автобуси");
            new Select(noJs.find(By.id("q2.kind"))).selectByValue("SCALE");
            noJs.find(By.id("q2.lowLabel")).sendKeys("погано");
            noJs.find(By.id("q2.highLabel")).sendKeys("добре");
            noJs.find(By.id("q2.showIfQuestion")).sendKeys("1");
            noJs.find(By.id("q2.showIfOption")).sendKeys("1");
            noJs.find(By.id("q3.text")).sendKeys("Що покращити?");
            new Select(noJs.find(By.id("q3.kind"))).selectByValue("TEXT");
            noJs.clickAndWait(By.id("save-poll"));
            noJs.waitForPathMatching(POLLS + "/\\d+");
            assertThat(noJs.heading()).isEqualTo(title);
            assertThat(journey.notice()).isEqualTo("Опитування створено.");
            String poll = noJs.path();
            journey.audit("new poll (official)");

            // the paper form (the same questions as the poll's own form): without JavaScript every question is shown,
            // the conditional one with its condition in words
            noJs.open(poll + "/paper");
            WebElement conditional = noJs.find(By.xpath("//fieldset[legend[contains(., 'Оцініть автобуси')]]"));
            assertThat(conditional.isDisplayed()).isTrue();
            assertThat(conditional.getText()).contains("Лише якщо в питанні 1 обрано «Так».");
            journey.audit("paper form");

            // with JavaScript it is hidden until «Так» is chosen, by keyboard
            Browser js = journey.withJs();
            js.open(poll + "/paper");
            WebElement hidden = js.find(By.xpath("//fieldset[legend[contains(., 'Оцініть автобуси')]]"));
            assertThat(hidden.isDisplayed()).isFalse();
            WebElement yes = js.find(By.xpath("//fieldset[legend[contains(., 'Чи їздите')]]//input[@type='radio'][1]"));
            yes.sendKeys(Keys.SPACE);
            js.wait(d -> hidden.isDisplayed());
            js.assertAccessible("paper form with the condition met, JavaScript on");

            noJs.find(By.xpath("//fieldset[legend[contains(., 'Чи їздите')]]//label[normalize-space()='Ні']")).click();
            noJs.find(By.xpath("//fieldset[legend[contains(., 'Що покращити')]]//textarea")).sendKeys("Нові зупинки");
            noJs.clickAndWait(By.id("enter-paper"));
            noJs.waitForPath(poll + "/paper");
            assertThat(journey.notice()).isEqualTo("Паперову анкету внесено. Можна вносити наступну.");

            noJs.open(poll + "/moderation");
            assertThat(noJs.mainText()).contains("Нові зупинки");
            journey.audit("texts to moderate");
            noJs.clickAndWait(By.xpath("//button[@value='publish']"));
            assertThat(journey.notice()).isEqualTo("Текст оприлюднено.");

            noJs.open(poll + "/results");
            assertThat(noJs.mainText()).contains("Учасників: 1 (онлайн: 0, на папері: 1)").contains("Нові зупинки");
            journey.audit("results with online and paper apart");
            journey.signOut();
        }
    }
}
