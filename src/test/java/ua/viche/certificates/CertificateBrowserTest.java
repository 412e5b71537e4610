package ua.viche.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.platform.RateLimiter;

/**
 * A certificate's life in real Chromium with JavaScript off, every page audited with axe-core both
 * ways (see {@link Journey}): a resident orders (first without the facts), the archivist takes the
 * order and issues the certificate, the resident downloads the PDF, and anyone verifies its code.
 */
@IntegrationTest
class CertificateBrowserTest {

    private static final String BASE = "/kropyvnytskyi/archive/certificates";

    @LocalServerPort int port;
    @Autowired RateLimiter limiter;

    private Journey journey;
    private Browser noJs;

    @BeforeEach
    void setUp() {
        limiter.reset();
    }

    @Test
    void orderIssueDownloadAndVerifyWithoutJavaScript() throws Exception {
        try (Journey j = Journey.start(port)) {
            journey = j;
            noJs = j.noJs();
            String organisation = "КП «Міськсвітло» " + Journey.suffix();
            String order = residentOrders(organisation);
            String number = archivistIssues(order, organisation);
            String code = residentDownloads(order, number);
            anyoneVerifies(code, number);
        }
    }

    private String residentOrders(String organisation) {
        noJs.open(BASE);
        assertThat(noJs.heading()).isEqualTo("Архівні довідки");
        journey.audit("certificates (signed out)");

        journey.signInWithIdGovUa("nadiia", "Ткаченко Надія Олексіївна");
        noJs.open(BASE);
        noJs.clickAndWait(By.id("new-certificate"));
        noJs.waitForPath(BASE + "/new");
        assertThat(noJs.heading()).isEqualTo("Замовлення архівної довідки");
        assertThat(noJs.mainText()).contains("Ткаченко Надія Олексіївна");
        journey.audit("certificate order form");

        By submit = By.id("submit-certificate");
        noJs.find(By.cssSelector("label[for='topic']")).click(); // length of service, without its facts
        noJs.clickAndWait(submit);
        noJs.waitForPath(BASE);
        journey.assertErrorSummaryLinksTo("organisation", "position", "yearFrom", "yearTo");
        assertThat(noJs.find(By.id("organisation")).getDomAttribute("aria-invalid")).isEqualTo("true");
        // without JavaScript every group of facts is there; with it, only the chosen topic's
        assertThat(noJs.find(By.cssSelector("fieldset[data-topics='LAND']")).isDisplayed()).isTrue();
        journey.auditReproduced("certificate order form with errors", js -> {
            js.open(BASE + "/new");
            js.find(By.cssSelector("label[for='topic']")).click();
            assertThat(js.find(By.cssSelector("fieldset[data-topics='LAND']")).isDisplayed()).isFalse();
            assertThat(js.find(By.cssSelector("fieldset[data-topics='SERVICE SALARY']")).isDisplayed()).isTrue();
            js.clickAndWait(submit);
            assertThat(js.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        });

        noJs.find(By.id("organisation")).sendKeys(organisation);
        noJs.find(By.id("position")).sendKeys("диспетчер");
        noJs.find(By.id("yearFrom")).sendKeys("1992");
        noJs.find(By.id("yearTo")).sendKeys("2001");
        noJs.clickAndWait(submit);
        noJs.waitForPathMatching(BASE + "/\\d+");
        assertThat(noJs.heading()).matches("АД-\\d{4}-\\d{6}: Архівна довідка");
        assertThat(journey.status()).isEqualTo("Отримано");
        assertThat(journey.notice()).startsWith("Замовлення зареєстровано.");
        String order = noJs.path();
        journey.audit("order just placed (applicant)");

        noJs.open(BASE);
        assertThat(noJs.mainText()).contains(noJs.find(By.cssSelector("#main table a")).getText());
        journey.audit("my certificate orders");
        journey.signOut();
        return order;
    }

    private String archivistIssues(String order, String organisation) {
        journey.signInWithPassword("archivist@kropyvnytskyi.demo");
        noJs.open(BASE + "/work");
        assertThat(noJs.heading()).isEqualTo("Робота архівіста: замовлення довідок");
        journey.audit("archivists' queue");
        noJs.clickAndWait(By.cssSelector("#main table a[href='" + order + "']"));
        noJs.waitForPath(order);
        String number = noJs.heading().split(":")[0];
        journey.audit("received order (archivist)");

        noJs.clickAndWait(By.id("take-button"));
        noJs.waitForPath(order);
        assertThat(journey.status()).isEqualTo("У роботі");
        WebElement text = noJs.find(By.id("issue-text"));
        assertThat(text.getDomProperty("value")).contains(organisation).contains("диспетчер").contains("з 1992 по 2001 рік");
        journey.audit("order in work with the draft (archivist)");

        text.clear();
        text.sendKeys("Ткаченко Надія Олексіївна працювала в " + organisation + " на посаді диспетчера з 1992 по 2001 рік.\n"
                + "Підстава: фонд Р-14, опис 1-л, справа 40, аркуші 3–9.");
        noJs.clickAndWait(By.id("issue-button"));
        noJs.waitForPath(order);
        assertThat(journey.status()).isEqualTo("Готово");
        assertThat(journey.notice()).startsWith("Довідку видано");
        journey.audit("issued certificate (archivist)");
        journey.signOut();
        return number;
    }

    private String residentDownloads(String order, String number) throws Exception {
        journey.signInWithIdGovUa("nadiia", "Ткаченко Надія Олексіївна");
        noJs.open(order);
        assertThat(journey.status()).isEqualTo("Готово");
        journey.audit("ready certificate (applicant)");
        String href = noJs.find(By.id("download-certificate")).getDomAttribute("href");
        Cookie session = noJs.driver().manage().getCookieNamed("SESSION");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + href))
                .header("Cookie", "SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String code = noJs.find(By.id("verify-code")).getText();
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("№ " + number).contains("Ткаченко Надія Олексіївна")
                    .contains("на посаді диспетчера з 1992 по 2001 рік").contains("Код перевірки: " + code);
        }
        journey.signOut();
        return code;
    }

    private void anyoneVerifies(String code, String number) {
        noJs.open(BASE);
        noJs.clickAndWait(By.id("verify-link"));
        noJs.waitForPath(BASE + "/verify");
        assertThat(noJs.heading()).isEqualTo("Перевірка архівної довідки");
        journey.audit("verify form");
        noJs.find(By.id("code")).sendKeys(code.toLowerCase());
        noJs.clickAndWait(By.id("verify-button"));
        noJs.waitForPath(BASE + "/verify/" + code);
        assertThat(noJs.find(By.cssSelector("#verify-result h2")).getText()).isEqualTo("Довідка дійсна");
        assertThat(noJs.find(By.id("verify-number")).getText()).isEqualTo(number);
        assertThat(noJs.find(By.id("verify-initials")).getText()).isEqualTo("Т. Н. О.");
        assertThat(noJs.mainText()).doesNotContain("Ткаченко");
        journey.audit("valid certificate verified");

        noJs.find(By.id("code")).sendKeys("0000-0000-0000-0000");
        noJs.clickAndWait(By.id("verify-button"));
        assertThat(noJs.find(By.cssSelector("#verify-result h2")).getText()).isEqualTo("Довідку з таким кодом не знайдено");
        journey.audit("unknown code");
    }
}
