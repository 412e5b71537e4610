package ua.viche.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Kiosks;

/**
 * A visit to the CNAP in real headless Chromium with page scripts blocked: a resident books a time
 * for today, checks in at the kiosk with the code, the administrator calls and serves the visitor,
 * the resident rates the service. Every page is audited with axe-core as served without JavaScript
 * and again, same session and URL, in a JavaScript-enabled browser.
 */
@IntegrationTest
class QueueBrowserTest {


    @LocalServerPort int port;
    @Autowired Catalogue catalogue;
    @Autowired Bookings bookings;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired RateLimiter limiter;
    @Autowired Kiosks kiosks;

    private Browser noJs;
    private Journey journey;
    private QueueFixture f;
    private String kioskToken;

    @BeforeEach
    void setUp() {
        limiter.reset();
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.ALL_DAY);
        kioskToken = f.kiosk(kiosks);
        // the journey books, checks in and is served on one day: late in the evening no slot is left today
        assumeTrue(f.day(bookings, 0, 1).getKey().equals(LocalDate.now(Dates.KYIV)),
                "no slot is left today (the last ones start before 23:45 Kyiv time)");
    }

    @Test
    void bookCheckInCallServeAndRateWithoutJavaScript() {
        try (Journey j = Journey.start(port)) {
            journey = j;
            noJs = j.noJs();
            noJs.assertJavaScriptBlocked();
            String service = "/kropyvnytskyi/cnap/services/" + f.service().getId();
            String office = "/kropyvnytskyi/cnap/offices/" + f.office().getId();

            noJs.open("/kropyvnytskyi/cnap");
            assertThat(noJs.heading()).isEqualTo("Запис до ЦНАП");
            audit("catalogue");

            signInWithIdGovUa("andrii", "Шевчук Андрій Іванович");
            noJs.open(service);
            assertThat(noJs.heading()).isEqualTo(f.service().getNameUk());
            audit("service");
            noJs.clickAndWait(By.cssSelector("main a.button[href*='office=" + f.office().getId() + "']"));
            noJs.waitForPathMatching("/kropyvnytskyi/cnap/book\\?.*");
            assertThat(noJs.heading()).isEqualTo("Запис на прийом");
            audit("booking: days");
            String today = LocalDate.now(Dates.KYIV).toString();
            noJs.clickAndWait(By.cssSelector("ul.days li:first-child a"));
            noJs.waitForPathMatching(".*date=" + today + ".*");
            audit("booking: times");
            noJs.clickAndWait(By.id("confirm"));
            noJs.waitForPathMatching("/kropyvnytskyi/cnap/bookings/[2-9A-Z]{8}");
            assertThat(notice()).startsWith("Вас записано.");
            assertThat(noJs.find(By.id("booking-status")).getText()).isEqualTo("Заплановано");
            assertThat(noJs.find(By.cssSelector("svg.qr")).getDomAttribute("aria-label")).isNotBlank();
            String code = noJs.find(By.id("booking-code")).getText();
            assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");
            audit("booking confirmed");
            signOut();

            // the kiosk page refuses until the device is enrolled with the kiosk's token
            noJs.open(office + "/kiosk");
            assertThat(noJs.heading()).isEqualTo("Цей пристрій не зареєстровано як термінал черги");
            audit("kiosk not enrolled");
            noJs.find(By.id("token")).sendKeys(kioskToken);
            noJs.clickAndWait(By.id("enrol-button"));
            noJs.waitForPath(office + "/kiosk");
            assertThat(notice()).isEqualTo("Пристрій зареєстровано як термінал цього офісу.");
            audit("kiosk");
            noJs.find(By.id("code")).sendKeys("NOPE-NOPE");
            noJs.clickAndWait(By.id("checkin-button"));
            noJs.waitForPath(office + "/kiosk");
            assertThat(noJs.find(By.cssSelector(".error-summary li a")).getText()).startsWith("Запису з таким кодом немає");
            noJs.assertAccessible("kiosk with an unknown code, JavaScript off");
            noJs.find(By.id("code")).sendKeys(code.toLowerCase());
            noJs.clickAndWait(By.id("checkin-button"));
            noJs.waitForPathMatching("/kropyvnytskyi/cnap/tickets/[2-9A-Z]{8}");
            String ticketPage = noJs.path();
            assertThat(noJs.find(By.id("ticket-number")).getText()).isEqualTo("B-001");
            assertThat(notice()).isEqualTo("Ви зареєстровані. Чекайте виклику на табло.");
            audit("ticket");

            signInWithPassword("cnap@kropyvnytskyi.demo");
            noJs.open("/kropyvnytskyi/cnap/console");
            assertThat(noJs.heading()).isEqualTo("Пульт адміністратора ЦНАП");
            audit("console, choose a workplace");
            noJs.open("/kropyvnytskyi/cnap/console/kiosks");
            assertThat(noJs.heading()).isEqualTo("Термінали черги");
            noJs.find(By.id("kiosk-name")).sendKeys("Хол, біля входу");
            noJs.clickAndWait(By.id("create-kiosk"));
            assertThat(noJs.find(By.id("created-token")).getText()).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){5}");
            audit("kiosks, one just created");
            String console = "/kropyvnytskyi/cnap/console?workplace=" + f.workplaces().get(0).getId();
            noJs.open(console);
            assertThat(noJs.heading()).isEqualTo("Вікно 1 — " + f.office().getNameUk());
            audit("console, nobody called");
            noJs.clickAndWait(By.id("call-next"));
            noJs.waitForPath(console);
            assertThat(noJs.find(By.id("current-ticket")).getText()).isEqualTo("B-001");
            audit("console, visitor called");
            noJs.open(office + "/display");
            assertThat(noJs.find(By.cssSelector("table.display-calls tbody tr.latest td")).getText()).isEqualTo("B-001");
            audit("display");
            noJs.open(console);
            noJs.clickAndWait(By.id("served"));
            noJs.waitForPath(console);
            assertThat(notice()).isEqualTo("Відвідувача обслуговано.");
            signOut();

            noJs.open(ticketPage);
            noJs.clickAndWait(By.cssSelector("main a[href*='/cnap/rate/']"));
            noJs.waitForPathMatching("/kropyvnytskyi/cnap/rate/[2-9A-Z]{8}");
            assertThat(noJs.heading()).isEqualTo("Оцініть обслуговування");
            audit("rating form");
            noJs.find(By.cssSelector("label[for='score-5']")).click();
            noJs.find(By.id("comment")).sendKeys("Швидко і зручно");
            noJs.clickAndWait(By.id("rate-submit"));
            noJs.waitForPathMatching("/kropyvnytskyi/cnap/rate/[2-9A-Z]{8}");
            assertThat(notice()).isEqualTo("Дякуємо за оцінку!");
            assertThat(noJs.find(By.id("rated")).getText()).isEqualTo("Ваша оцінка: 5. Дякуємо!");
            audit("rated");

            noJs.open("/kropyvnytskyi/cnap/figures");
            audit("figures");
        }
    }

    private String notice() {
        return noJs.find(By.cssSelector("#main .notice[role=status]")).getText();
    }

    private void signInWithIdGovUa(String person, String fullName) { journey.signInWithIdGovUa(person, fullName); }
    private void signInWithPassword(String email) { journey.signInWithPassword(email); }
    private void signOut() { journey.signOut(); }
    private void audit(String pageName) { journey.audit(pageName); }
}
