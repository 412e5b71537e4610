package ua.viche.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.identity.Identity;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.petitions.domain.PetitionSigning;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.RateLimiter;

/**
 * The whole life of a petition in real headless Chromium with JavaScript turned off, by the people
 * who take part in it: a resident drafts and submits it, a moderator publishes it, another resident
 * signs and withdraws, an official answers a petition before the council. Every page on the way is
 * checked with axe-core against WCAG 2.0/2.1 A and AA.
 *
 * <p><b>Two browsers, one session.</b> The journey is driven in a browser whose page scripts are
 * blocked ({@code profile.managed_default_content_settings.javascript = 2}; the test first proves
 * that an inline script does not run), so every step must work with plain links and forms. Each page
 * it reaches is audited twice:
 * <ol>
 *   <li>in place, as served without JavaScript: axe is injected through chromedriver, whose DevTools
 *       evaluation is not a page script and is not blocked by the content setting;</li>
 *   <li>in a second, JavaScript-enabled browser, as most people see it (htmx loaded): it takes over
 *       the first browser's cookies, so it shares the same server-side session and sees the page as
 *       the same signed-in person, and opens the same URL; its {@code h1} and header must match.</li>
 * </ol>
 * Pages that are the answer to a POST (a form sent back with errors) have no URL to reopen; the
 * second browser reproduces them by sending the same empty form itself, which changes nothing.
 * Flash notices after a redirect are seen only by the first browser's in-place audit.
 *
 * <p><b>The petition to answer.</b> Kropyvnytskyi needs 450 signatures, more than a browser test
 * gives, and the demo petition under consideration is demo data other tests rely on (its overdue
 * answer is asserted in {@link PetitionFlowTest}); so before the journey this test brings a petition
 * of its own to consideration through the petition rules (450 demo residents sign), and the official
 * finds it in the list of petitions under consideration.
 */
@IntegrationTest
class PetitionBrowserTest {

    private static final String COMMUNITY = "/kropyvnytskyi";
    private static final String PETITIONS = COMMUNITY + "/petitions";
    private static final String PETITION_PATH = PETITIONS + "/\\d+(?:-[a-z0-9-]*)?";
    private static final String TEXT = "Пропоную облаштувати велодоріжку вздовж вулиці Шевченка від центру до вокзалу, "
            + "з окремою смугою та безпечними перехрестями, бо зараз велосипедисти їдуть проїжджою частиною.";

    @LocalServerPort int port;
    @Autowired PetitionService petitions;
    @Autowired PetitionDrafting drafting;
    @Autowired PetitionModeration moderation;
    @Autowired PetitionSigning signing;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired RateLimiter limiter;

    private Journey journey;
    private Browser noJs;
    private String considered;

    @BeforeEach
    void setUp() {
        limiter.reset();
        considered = "Браузерний тест: петиція на розгляді " + suffix();
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        CurrentCommunity.runAs(k, () -> {
            Petition p = identity.callAs("nadiia.tkachenko@example.org", () -> drafting.draft(considered, TEXT));
            identity.callAs("nadiia.tkachenko@example.org", () -> drafting.submit(p.getId()));
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(p.getId()));
            for (int i = 1; i <= 450; i++) {
                identity.callAs(DemoResidents.email("kropyvnytskyi", i), () -> signing.sign(p.getId(), false));
            }
            assertThat(petitions.visible(p.getId()).getStatus()).isEqualTo(Petition.Status.CONSIDERATION);
        });
    }

    @Test
    void petitionJourneyWithoutJavaScript() {
        try (Journey j = Journey.start(port)) {
            journey = j;
            noJs = j.noJs();
            String petition = residentDraftsAndSubmits();
            moderatorPublishes(petition);
            residentSignsAndWithdraws(petition);
            officialAnswers();
        }
    }

    /** Олена: the form sent empty shows the error summary; sent filled, the petition awaits moderation. */
    private String residentDraftsAndSubmits() {
        noJs.open(PETITIONS);
        assertThat(noJs.heading()).isEqualTo("Електронні петиції");
        audit("petitions list (signed out)");

        signInWithIdGovUa("olena", "Коваленко Олена Петрівна");
        noJs.open(PETITIONS);
        noJs.clickAndWait(By.cssSelector("main a.button[href$='/petitions/new']"));
        noJs.waitForPath(PETITIONS + "/new");
        assertThat(noJs.heading()).isEqualTo("Нова петиція");
        assertThat(noJs.find(By.cssSelector("button[name=action][value=submit]")).isEnabled()).isTrue();
        audit("new petition form");

        By submit = By.cssSelector("button[name=action][value=submit]");
        noJs.clickAndWait(submit);
        noJs.waitForPath(PETITIONS);
        assertErrorSummaryLinksTo("title", "text");
        assertThat(noJs.find(By.id("title")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(noJs.find(By.id("text")).getDomAttribute("aria-invalid")).isEqualTo("true");
        auditReproduced("new petition form with errors", js -> {
            js.open(PETITIONS + "/new");
            js.clickAndWait(submit);
            assertThat(js.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        });

        String title = "Велодоріжка на вулиці Шевченка " + suffix();
        noJs.find(By.id("title")).sendKeys(title);
        noJs.find(By.id("text")).sendKeys(TEXT);
        noJs.clickAndWait(submit);
        noJs.waitForPathMatching(PETITION_PATH);
        assertThat(noJs.heading()).isEqualTo(title);
        assertThat(status()).isEqualTo("На модерації");
        assertThat(notice()).isEqualTo("Петицію надіслано на модерацію. Ми повідомимо вас електронною поштою.");
        String petition = noJs.path();
        audit("petition awaiting moderation (author)");

        signOut();
        return petition;
    }

    /** The moderator finds the petition in the queue and publishes it. */
    private void moderatorPublishes(String petition) {
        signInWithPassword("moderator@kropyvnytskyi.demo");
        noJs.open(PETITIONS + "/moderation");
        assertThat(noJs.heading()).isEqualTo("Петиції: робота посадових осіб");
        String title = titleOf(petition);
        audit("moderation queue (moderator)");

        noJs.clickAndWait(By.cssSelector("#main table a[href='" + petition + "']"));
        noJs.waitForPath(petition);
        assertThat(noJs.heading()).isEqualTo(title);
        assertThat(status()).isEqualTo("На модерації");
        audit("petition awaiting moderation (moderator)");

        noJs.clickAndWait(By.id("publish-button"));
        noJs.waitForPath(petition);
        assertThat(status()).isEqualTo("Збирає підписи");
        assertThat(notice()).isEqualTo("Петицію оприлюднено для збору підписів.");
        assertThat(signatureCount()).isEqualTo("0 підписів");
        audit("petition collecting signatures (moderator)");

        signOut();
    }

    /** Андрій signs, asking to be told of the answer, sees himself among the signers, then withdraws. */
    private void residentSignsAndWithdraws(String petition) {
        signInWithIdGovUa("andrii", "Шевчук Андрій Іванович");
        noJs.open(petition);
        assertThat(status()).isEqualTo("Збирає підписи");
        assertThat(signatureCount()).isEqualTo("0 підписів");
        audit("petition collecting signatures (resident)");

        WebElement notify = noJs.find(By.id("notify"));
        assertThat(noJs.find(By.cssSelector("label[for=notify]")).getText()).startsWith("Повідомити мене");
        notify.click();
        assertThat(notify.isSelected()).isTrue();
        noJs.clickAndWait(By.id("sign-button"));
        noJs.waitForPath(petition);
        assertThat(signatureCount()).isEqualTo("1 підпис");
        assertThat(notice()).isEqualTo("Дякуємо! Ваш підпис враховано.");
        assertThat(signers()).containsExactly("Шевчук Андрій Іванович");
        assertThat(noJs.driver().findElements(By.id("sign-button"))).isEmpty();
        audit("petition signed (signer)");

        noJs.clickAndWait(By.id("withdraw-button"));
        noJs.waitForPath(petition);
        assertThat(signatureCount()).isEqualTo("0 підписів");
        assertThat(notice()).isEqualTo("Ваш підпис відкликано.");
        assertThat(signers()).isEmpty();
        assertThat(noJs.find(By.id("sign-button")).isDisplayed()).isTrue();
        audit("petition after withdrawal (resident)");

        signOut();
    }

    /** The official opens a petition under consideration, sends the answer form empty, then answers. */
    private void officialAnswers() {
        signInWithPassword("official@kropyvnytskyi.demo");
        noJs.open(PETITIONS + "?list=consideration");
        audit("petitions under consideration (official)");

        noJs.clickAndWait(By.linkText(considered));
        noJs.waitForPathMatching(PETITION_PATH);
        String petition = noJs.path();
        assertThat(noJs.heading()).isEqualTo(considered);
        assertThat(status()).isEqualTo("На розгляді");
        audit("petition under consideration (official)");

        noJs.clickAndWait(By.id("answer-link"));
        noJs.waitForPath(petition + "/answer");
        audit("answer form");

        noJs.clickAndWait(By.id("answer-submit"));
        noJs.waitForPath(petition + "/answer");
        assertErrorSummaryLinksTo("outcome", "text");
        auditReproduced("answer form with errors", js -> {
            js.open(petition + "/answer");
            js.clickAndWait(By.id("answer-submit"));
            assertThat(js.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        });

        String answer = "Рада частково підтримує петицію: перші табло встановлять до осені (" + suffix() + ").";
        noJs.find(By.cssSelector("label[for='outcome-PARTLY']")).click();
        assertThat(noJs.find(By.id("outcome-PARTLY")).isSelected()).isTrue();
        noJs.find(By.id("text")).sendKeys(answer);
        noJs.clickAndWait(By.id("answer-submit"));
        noJs.waitForPath(petition);
        assertThat(status()).isEqualTo("Розглянуто");
        assertThat(notice()).isEqualTo("Відповідь опубліковано; автора і підписантів повідомлено.");
        WebElement section = noJs.find(By.cssSelector("section[aria-labelledby=answer-title]"));
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Відповідь ради");
        assertThat(section.getText()).contains("Частково підтримано радою").contains(answer);
        assertThat(noJs.driver().findElements(By.id("answer-link"))).isEmpty();
        audit("answered petition (official)");

        noJs.open(PETITIONS + "/figures");
        assertThat(noJs.heading()).isEqualTo("Петиції в цифрах");
        audit("figures");

        signOut();
    }




    // ---- what the page says -------------------------------------------------------------------



    private String signatureCount() {
        return noJs.find(By.cssSelector("#sign .lead strong")).getText();
    }

    private List<String> signers() {
        return noJs.driver().findElements(By.cssSelector("section[aria-labelledby=signers-title] ol > li > span"))
                .stream().map(WebElement::getText).toList();
    }

    private String titleOf(String petition) {
        WebElement link = noJs.find(By.cssSelector("#main table a[href='" + petition + "']"));
        return link.getText();
    }

    // ---- shared journey steps

    private void signInWithIdGovUa(String person, String fullName) { journey.signInWithIdGovUa(person, fullName); }
    private void signInWithPassword(String email) { journey.signInWithPassword(email); }
    private void signOut() { journey.signOut(); }
    private String status() { return journey.status(); }
    private String notice() { return journey.notice(); }
    private void assertErrorSummaryLinksTo(String... fields) { journey.assertErrorSummaryLinksTo(fields); }
    private void audit(String pageName) { journey.audit(pageName); }
    private void auditReproduced(String pageName, Consumer<Browser> reach) { journey.auditReproduced(pageName, reach); }
    private static String suffix() { return Journey.suffix(); }
}
