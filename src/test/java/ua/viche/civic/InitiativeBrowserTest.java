package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;

/**
 * Civic initiatives and advisory bodies in real Chromium, JavaScript off and on, every page audited
 * with axe-core: a resident proposes an initiative (first with mistakes, each named and linked), a
 * moderator publishes it, a second resident supports it; a visitor reads an advisory body, its
 * composition and a meeting's minutes.
 */
@IntegrationTest
class InitiativeBrowserTest {

    @LocalServerPort int port;

    @Test
    void aResidentProposesAModeratorPublishesAndAnotherSupports() {
        String title = "Лавки біля озера " + Journey.suffix();
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            j.signInWithIdGovUa("mariia", "Бондаренко Марія Степанівна");
            b.open("/kropyvnytskyi/initiatives");
            assertThat(b.mainText()).contains("Велодоріжка від центру до парку");
            j.audit("initiatives");
            b.clickAndWait(By.id("propose"));
            b.waitForPath("/kropyvnytskyi/initiatives/new");
            j.audit("initiative form");

            b.clickAndWait(By.id("submit-initiative"));
            j.assertErrorSummaryLinksTo("title", "body");
            j.auditReproduced("initiative form with mistakes", js -> {
                js.open("/kropyvnytskyi/initiatives/new");
                js.clickAndWait(By.id("submit-initiative"));
            });
            b.find(By.id("title")).sendKeys(title);
            b.find(By.id("body")).sendKeys("Поставити п’ять лавок уздовж доріжки біля озера.");
            b.clickAndWait(By.id("submit-initiative"));
            b.waitForPathMatching("/kropyvnytskyi/initiatives/\\d+");
            String page = b.path();
            assertThat(j.notice()).isEqualTo("Ініціативу надіслано на модерацію.");
            assertThat(j.status()).isEqualTo("на модерації");
            j.audit("initiative awaiting moderation, as its author");
            j.signOut();

            j.signInWithPassword("moderator@kropyvnytskyi.demo");
            b.open("/kropyvnytskyi/initiatives");
            assertThat(b.find(By.id("pending")).getText()).contains(title);
            j.audit("initiatives, as a moderator");
            b.clickAndWait(By.linkText(title));
            b.waitForPath(page);
            j.audit("initiative awaiting moderation, as a moderator");
            b.clickAndWait(By.id("publish"));
            assertThat(j.notice()).isEqualTo("Ініціативу оприлюднено.");
            assertThat(j.status()).isEqualTo("запропоновано");
            j.audit("published initiative, as a moderator");
            j.signOut();

            j.signInWithIdGovUa("ihor", "Мельник Ігор Васильович");
            b.open(page);
            assertThat(b.find(By.id("supporters")).getText()).isEqualTo("Підтримали: 0");
            j.audit("published initiative, as a resident");
            b.clickAndWait(By.id("support"));
            assertThat(j.notice()).isEqualTo("Дякуємо, вашу підтримку враховано.");
            assertThat(b.find(By.id("supporters")).getText()).isEqualTo("Підтримали: 1");
            assertThat(b.mainText()).contains("Ви підтримуєте цю ініціативу.");
            j.audit("supported initiative, as its supporter");
            Browser js = j.withJs();
            js.copySessionFrom(b);
            js.open(page);
            assertThat(js.find(By.id("supporters")).getText()).isEqualTo("Підтримали: 1");
            j.signOut();

            b.open("/kropyvnytskyi/initiatives?stage=proposed");
            assertThat(b.mainText()).contains(title);
            j.audit("initiatives at the stage proposed");
        }
    }

    @Test
    void aVisitorReadsAnAdvisoryBodyAndItsMinutes() {
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            b.open("/kropyvnytskyi/advisory-bodies");
            j.audit("advisory bodies");
            b.clickAndWait(By.linkText("Громадська рада при виконавчому комітеті"));
            assertThat(b.mainText()).contains("Склад", "Олена Коваленко", "Колишні члени", "Петро Кравець", "Ротація");
            j.audit("the public council");
            b.clickAndWait(By.cssSelector("#meeting-list li a"));
            assertThat(b.mainText()).contains("Порядок денний", "Безбар’єрність", "Рішення № 1");
            j.audit("the public council's latest meeting");
            b.open("/kropyvnytskyi/advisory-bodies?lang=en");
            assertThat(b.mainText()).contains("Public Council at the Executive Committee");
            j.audit("advisory bodies in English");
        }
    }
}
