package ua.viche.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.platform.RateLimiter;

/**
 * An appeal's life in real Chromium with JavaScript off, every page audited with axe-core both
 * ways (see {@link Journey}): a resident files an appeal (first with empty fields), an official of
 * the appeals division answers it from the queue, the resident reads the answer and rates it.
 */
@IntegrationTest
class AppealBrowserTest {

    private static final String APPEALS = "/kropyvnytskyi/appeals";
    private static final String TEXT = "У нашому дворі вже місяць не працює дитячий майданчик: гойдалка зламана, "
            + "з піску стирчать металеві частини. Прошу відремонтувати або демонтувати небезпечне обладнання.";

    @LocalServerPort int port;
    @Autowired RateLimiter limiter;

    private Journey journey;
    private Browser noJs;

    @BeforeEach
    void setUp() {
        limiter.reset();
    }

    @Test
    void fileAnswerReadAndRateWithoutJavaScript() {
        try (Journey j = Journey.start(port)) {
            journey = j;
            noJs = j.noJs();
            String subject = "Зламаний дитячий майданчик " + Journey.suffix();
            String appeal = residentFiles(subject);
            officialAnswers(appeal, subject);
            residentReadsAndRates(appeal);
        }
    }

    private String residentFiles(String subject) {
        noJs.open(APPEALS);
        assertThat(noJs.heading()).isEqualTo("Звернення громадян");
        journey.audit("appeals (signed out)");

        journey.signInWithIdGovUa("mariia", "Бондаренко Марія Степанівна");
        noJs.open(APPEALS);
        noJs.clickAndWait(By.id("new-appeal"));
        noJs.waitForPath(APPEALS + "/new");
        assertThat(noJs.heading()).isEqualTo("Нове звернення");
        journey.audit("new appeal form");

        By submit = By.id("submit-appeal");
        noJs.clickAndWait(submit);
        noJs.waitForPath(APPEALS);
        journey.assertErrorSummaryLinksTo("address", "categoryId", "subject", "text");
        assertThat(noJs.find(By.id("address")).getDomAttribute("aria-invalid")).isEqualTo("true");
        journey.auditReproduced("new appeal form with errors", js -> {
            js.open(APPEALS + "/new");
            js.clickAndWait(submit);
            assertThat(js.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        });

        noJs.find(By.id("address")).sendKeys("м. Кропивницький, вул. Шкільна, 12, кв. 4");
        new Select(noJs.find(By.id("categoryId"))).selectByVisibleText("Житлово-комунальне господарство");
        noJs.find(By.id("subject")).sendKeys(subject);
        noJs.find(By.id("text")).sendKeys(TEXT);
        noJs.clickAndWait(submit);
        noJs.waitForPathMatching(APPEALS + "/\\d+");
        assertThat(noJs.heading()).matches("К-\\d{4}-\\d{6}: " + subject);
        assertThat(journey.status()).isEqualTo("Зареєстровано");
        assertThat(journey.notice()).startsWith("Звернення зареєстровано.");
        String appeal = noJs.path();
        journey.audit("appeal just filed (applicant)");

        noJs.open(APPEALS);
        assertThat(noJs.mainText()).contains(subject);
        journey.audit("my appeals");
        journey.signOut();
        return appeal;
    }

    private void officialAnswers(String appeal, String subject) {
        journey.signInWithPassword("appeals@kropyvnytskyi.demo");
        noJs.open(APPEALS + "/office");
        assertThat(noJs.heading()).isEqualTo("Робота зі зверненнями");
        journey.audit("appeals queue (official)");

        noJs.find(By.id("q")).sendKeys(subject);
        noJs.clickAndWait(By.cssSelector("main form[method=get] button[type=submit]"));
        noJs.clickAndWait(By.cssSelector("#main table a[href='" + appeal + "']"));
        noJs.waitForPath(appeal);
        journey.audit("appeal (official)");

        noJs.find(By.id("answer-text")).sendKeys("Майданчик обстежено 26 листопада; зламану гойдалку демонтовано, "
                + "нову встановимо до 15 грудня. Дякуємо за повідомлення.");
        noJs.clickAndWait(By.id("answer-button"));
        noJs.waitForPath(appeal);
        assertThat(journey.notice()).isEqualTo("Відповідь надіслано заявникові.");
        assertThat(journey.status()).isEqualTo("Надано відповідь");
        journey.audit("answered appeal (official)");
        journey.signOut();
    }

    private void residentReadsAndRates(String appeal) {
        journey.signInWithIdGovUa("mariia", "Бондаренко Марія Степанівна");
        noJs.open(appeal);
        assertThat(noJs.mainText()).contains("зламану гойдалку демонтовано");
        journey.audit("answer (applicant)");

        noJs.find(By.cssSelector("label[for='rating-5']")).click();
        noJs.find(By.id("comment")).sendKeys("Дякую, швидко відреагували.");
        noJs.clickAndWait(By.id("rate-button"));
        noJs.waitForPath(appeal);
        assertThat(journey.notice()).isEqualTo("Дякуємо за оцінку.");
        assertThat(noJs.mainText()).contains("Оцінка заявника: 5 з 5.");
        journey.audit("rated answer (applicant)");

        noJs.open(APPEALS + "/figures");
        journey.audit("appeal statistics");
        journey.signOut();
    }
}
