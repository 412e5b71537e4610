package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.civic.domain.Edrpou;

/**
 * The register of organisations in real Chromium, JavaScript off and on, every page audited with
 * axe-core: a resident registers an organisation (first with mistakes, each named and linked), a
 * moderator verifies it, and it appears in the public register and its profile.
 */
@IntegrationTest
class CivicBrowserTest {

    @LocalServerPort int port;

    @Test
    void aResidentRegistersAnOrganisationAndAModeratorVerifiesIt() {
        String code = Edrpou.complete(String.format("%07d", 9_000_000 + (int) (Math.abs(System.nanoTime()) % 900_000)));
        String name = "ГО «Сусіди " + Journey.suffix() + "»";
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            j.signInWithIdGovUa("nadiia", "Ткаченко Надія Олексіївна");
            b.open("/kropyvnytskyi/organisations");
            assertThat(b.mainText()).contains("ГО «Університет третього віку «Натхнення»");
            j.audit("register of organisations");
            b.clickAndWait(By.linkText("Зареєструвати організацію"));
            b.waitForPath("/kropyvnytskyi/organisations/new");
            j.audit("registration form");

            b.find(By.id("edrpou")).sendKeys(code.substring(0, 7) + ((code.charAt(7) - '0' + 1) % 10));
            b.clickAndWait(By.id("register"));
            j.assertErrorSummaryLinksTo("name", "edrpou", "legalForm", "fields");
            assertThat(b.mainText()).contains("контрольною цифрою");
            j.auditReproduced("registration form with mistakes", js -> {
                js.open("/kropyvnytskyi/organisations/new");
                js.clickAndWait(By.id("register"));
            });

            b.find(By.id("name")).sendKeys(name);
            b.find(By.id("edrpou")).clear();
            b.find(By.id("edrpou")).sendKeys(code);
            new Select(b.find(By.id("legalForm"))).selectByValue("PUBLIC_ORGANISATION");
            b.find(By.cssSelector("label[for='field-URBAN']")).click();
            b.find(By.cssSelector("label[for='field-ELDERLY']")).click();
            b.find(By.id("email")).sendKeys("susidy@example.org");
            b.find(By.id("description")).sendKeys("Толока щосуботи.");
            b.clickAndWait(By.id("register"));
            b.waitForPathMatching("/kropyvnytskyi/organisations/\\d+");
            String profile = b.path();
            assertThat(j.notice()).contains("Реєстрацію надіслано");
            assertThat(j.status()).isEqualTo("на перевірці");
            j.audit("pending organisation");
            j.signOut();

            j.signInWithPassword("moderator@kropyvnytskyi.demo");
            b.open("/kropyvnytskyi/organisations/review");
            assertThat(b.mainText()).contains(name, "ЄДРПОУ " + code);
            j.audit("review of registrations");
            String id = profile.substring(profile.lastIndexOf('/') + 1);
            b.clickAndWait(By.id("verify-" + id));
            assertThat(j.notice()).contains("Організацію підтверджено");
            assertThat(b.mainText()).doesNotContain(name);

            // staff correct the details: a website without its scheme is refused on its field, then kept
            b.open(profile + "/edit");
            j.audit("organisation edit");
            b.find(By.id("website")).sendKeys("susidy.example.org");
            b.clickAndWait(By.id("save-details"));
            j.assertErrorSummaryLinksTo("website");
            j.auditReproduced("organisation edit with a mistake", js -> {
                js.open(profile + "/edit");
                js.find(By.id("website")).sendKeys("susidy.example.org");
                js.clickAndWait(By.id("save-details"));
            });
            b.find(By.id("website")).clear();
            b.find(By.id("website")).sendKeys("https://susidy.example.org");
            b.clickAndWait(By.id("save-details"));
            b.waitForPath(profile);
            assertThat(j.notice()).contains("Дані організації змінено");
            assertThat(b.mainText()).contains("https://susidy.example.org");
            j.signOut();

            b.open("/kropyvnytskyi/organisations?field=URBAN&q=" + code);
            assertThat(b.find(By.id("list-title")).getText()).isEqualTo("Знайдено: 1");
            assertThat(b.find(By.cssSelector("#organisations h3 a")).getText()).isEqualTo(name);
            j.audit("filtered register");
            b.clickAndWait(By.cssSelector("#organisations h3 a"));
            b.waitForPath(profile);
            assertThat(j.status()).isEqualTo("перевірено");
            assertThat(b.mainText()).contains(code, "Міський розвиток", "Толока щосуботи.");
            j.audit("public profile");
        }
    }

    /**
     * The top navigation has one entry for the civic space; from it every list of the issue's
     * interfaces is one plain link away, and the feeds and the open data are linked from their lists.
     */
    @Test
    void everyListOfTheCivicSpaceIsReachedFromTheTopNavigationWithoutJavaScript() {
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("advisory-bodies", "Консультативно-дорадчі органи");
        lists.put("initiatives", "Громадські ініціативи");
        lists.put("events", "Події");
        lists.put("courses", "Курси цифрової грамотності");
        lists.put("news", "Новини та оголошення");
        lists.put("organisations", "Громадські організації");
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            b.open("/kropyvnytskyi");
            b.clickAndWait(By.cssSelector(".main-nav a[href='/kropyvnytskyi/organisations']"));
            b.waitForPath("/kropyvnytskyi/organisations");
            j.audit("register of organisations with the civic space's navigation");
            for (Map.Entry<String, String> list : lists.entrySet()) {
                b.clickAndWait(By.cssSelector("#civic-nav a[href='/kropyvnytskyi/" + list.getKey() + "']"));
                b.waitForPath("/kropyvnytskyi/" + list.getKey());
                assertThat(b.heading()).isEqualTo(list.getValue());
                assertThat(b.find(By.cssSelector("#civic-nav a[aria-current='page']")).getAttribute("href"))
                        .endsWith("/kropyvnytskyi/" + list.getKey());
                if (list.getKey().equals("events")) {
                    b.find(By.cssSelector("#main a[href='/kropyvnytskyi/events.ics']"));
                    b.find(By.cssSelector("#main a[href='/kropyvnytskyi/events/export.csv']"));
                    b.find(By.cssSelector("#main a[href='/api/v1/kropyvnytskyi/events']"));
                }
                if (list.getKey().equals("news")) {
                    b.find(By.cssSelector("#main a[href='/kropyvnytskyi/news.atom']"));
                }
                if (list.getKey().equals("courses")) {
                    assertThat(b.find(By.cssSelector("#course-figures figcaption")).getText()).startsWith("Курси цифрової грамотності у ");
                    j.audit("courses with the programme's figures");
                }
            }
        }
    }

    @Test
    void theEventsAndTheForumArePublic() {
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            b.open("/kropyvnytskyi/events");
            j.audit("events");
            b.clickAndWait(By.linkText("Щорічний форум розвитку стратегічних комунікацій та медіаграмотності"));
            assertThat(b.mainText()).contains("Програма", "Медіаграмотність: як перевіряти факти", "Увійдіть, щоб зареєструватися");
            // the place is linked to the community's map (the geo module is on)
            assertThat(b.find(By.id("on-map")).getAttribute("href")).endsWith("/kropyvnytskyi/map?lat=48.5079&lon=32.2623");
            j.audit("the forum");

            j.signInWithPassword("official@kropyvnytskyi.demo");
            b.open("/kropyvnytskyi/events");
            b.clickAndWait(By.linkText("Оголосити подію"));
            b.waitForPath("/kropyvnytskyi/events/new");
            j.audit("event form");
            String title = "Зустріч з ОСН " + Journey.suffix();
            b.find(By.id("titleUk")).sendKeys(title);
            b.find(By.id("place")).sendKeys("Бібліотека, читальна зала");
            b.find(By.id("seats")).clear();
            b.find(By.id("seats")).sendKeys("2");
            b.find(By.id("programme")).sendKeys("10:00-11:00 | Знайомство | Introductions | Голова ОСН");
            b.clickAndWait(By.id("publish"));
            b.waitForPathMatching("/kropyvnytskyi/events/\\d+");
            assertThat(j.notice()).isEqualTo("Подію оприлюднено.");
            assertThat(b.mainText()).contains(title, "Знайомство", "Голова ОСН", "Місць: 2, зареєстровано: 0, у черзі: 0");
            j.audit("new event, as its official");
        }
    }
}
