package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.consultations.domain.ConsultationDiscussion;
import ua.viche.consultations.domain.ConsultationPublishing;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.consultations.domain.DraftSections;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.ThreadClock;

/**
 * A consultation in real headless Chromium with JavaScript turned off (see {@code PetitionBrowserTest}
 * for the two browsers): an official publishes a draft, a resident proposes an amendment and sees it
 * as a word-level difference, the official answers it; on a consultation whose period has ended the
 * official publishes the report. Every page on the way is checked with axe-core.
 */
@IntegrationTest
class ConsultationBrowserTest {

    private static final String CONSULTATIONS = "/kropyvnytskyi/consultations";
    private static final String PATH = CONSULTATIONS + "/\\d+(?:-[a-z0-9-]*)?";
    private static final String DRAFT = "## Загальні положення\n\nПравила діють на всій території громади.\n\n"
            + "## Прибирання\n\nТериторії прибирають щодня до восьмої години ранку.\n";

    @LocalServerPort int port;
    @Autowired ConsultationPublishing publishing;
    @Autowired ConsultationDiscussion discussion;
    @Autowired ConsultationService consultations;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired RateLimiter limiter;
    @Autowired ThreadClock clock;

    private Journey journey;
    private Browser noJs;
    private String ended;

    @BeforeEach
    void setUp() {
        limiter.reset();
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        // a consultation whose period ended yesterday, with one amendment decided: ready for its report
        Instant past = Instant.now().minus(Duration.ofDays(20));
        ended = CurrentCommunity.callAs(k, () -> clock.callAt(past, () -> {
            LocalDate first = Dates.day(past);
            long id = identity.callAs("official@kropyvnytskyi.demo", () -> publishing.publish(new ConsultationPublishing.Draft(
                    "Завершена консультація " + Journey.suffix(), "", null, first, first.plusDays(18), false, 0,
                    DraftSections.fromMarkdown(DRAFT), List.of()))).getId();
            long section = consultations.sections(id, 1).get(1).id();
            identity.callAs("olena.kovalenko@example.org", () -> discussion.propose(id, section,
                    "Територій прибирають щодня до сьомої години ранку.", "Раніше — краще."));
            return consultations.visible(id).url("kropyvnytskyi");
        }));
    }

    @Test
    void consultationJourneyWithoutJavaScript() {
        try (Journey j = Journey.start(port)) {
            journey = j;
            noJs = j.noJs();
            String consultation = officialPublishes();
            residentProposes(consultation);
            officialAnswers(consultation);
            officialPublishesTheReport();
        }
    }

    private String officialPublishes() {
        noJs.open(CONSULTATIONS);
        assertThat(noJs.heading()).isEqualTo("Громадські консультації");
        journey.audit("consultations list (signed out)");

        journey.signInWithPassword("official@kropyvnytskyi.demo");
        noJs.open(CONSULTATIONS);
        noJs.clickAndWait(By.cssSelector("main a.button[href$='/consultations/new']"));
        noJs.waitForPath(CONSULTATIONS + "/new");
        journey.audit("new consultation form");

        String title = "Правила благоустрою " + Journey.suffix();
        noJs.find(By.id("title")).sendKeys(title);
        noJs.find(By.id("text")).sendKeys(DRAFT);
        noJs.clickAndWait(By.id("publish-button"));
        noJs.waitForPathMatching(PATH);
        assertThat(noJs.heading()).isEqualTo(title);
        assertThat(journey.status()).isEqualTo("Триває");
        assertThat(journey.notice()).isEqualTo("Консультацію оприлюднено.");
        journey.audit("open consultation (official)");
        String path = noJs.path();
        journey.signOut();
        return path;
    }

    private void residentProposes(String consultation) {
        journey.signInWithIdGovUa("andrii", "Шевчук Андрій Іванович");
        noJs.open(consultation);
        journey.audit("open consultation (resident)");
        WebElement section = noJs.find(By.xpath("//section[h2[normalize-space()='Прибирання']]"));
        section.findElement(By.xpath(".//summary[normalize-space()='Запропонувати нову редакцію розділу']")).click();
        WebElement wording = section.findElement(By.cssSelector("textarea[name=proposedText]"));
        wording.clear();
        wording.sendKeys("Території прибирають щодня до сьомої години ранку.");
        section.findElement(By.cssSelector("textarea[id^=why-]")).sendKeys("Люди йдуть на роботу раніше.");
        noJs.clickAndWait(By.xpath("//section[h2[normalize-space()='Прибирання']]//button[normalize-space()='Надіслати пропозицію']"));
        noJs.waitForPath(consultation);
        assertThat(journey.notice()).isEqualTo("Вашу пропозицію додано.");
        WebElement diff = noJs.find(By.cssSelector("li.proposal .diff"));
        assertThat(diff.findElement(By.tagName("del")).getText()).contains("восьмої");
        assertThat(diff.findElement(By.tagName("ins")).getText()).contains("сьомої");
        journey.audit("consultation with an amendment (resident)");
        journey.signOut();
    }

    private void officialAnswers(String consultation) {
        journey.signInWithPassword("official@kropyvnytskyi.demo");
        noJs.open(consultation);
        WebElement proposal = noJs.find(By.cssSelector("li.proposal"));
        proposal.findElement(By.cssSelector("label[for$='-PARTLY']")).click();
        proposal.findElement(By.cssSelector("textarea[id^=decision-reason-]")).sendKeys("Сьома година — для центральних вулиць.");
        noJs.clickAndWait(By.xpath("//li[contains(@class,'proposal')]//button[normalize-space()='Зберегти рішення']"));
        noJs.waitForPath(consultation);
        assertThat(journey.notice()).isEqualTo("Рішення щодо пропозиції збережено.");
        assertThat(noJs.find(By.cssSelector("li.proposal")).getText()).contains("Враховано частково")
                .contains("Сьома година — для центральних вулиць.");
        journey.audit("consultation with a decision (official)");
    }

    private void officialPublishesTheReport() {
        noJs.open(ended + "/report");
        assertThat(noJs.heading()).isEqualTo("Звіт про результати консультації");
        journey.audit("report to publish (official)");
        noJs.clickAndWait(By.id("publish-report"));
        noJs.waitForPath(ended + "/report");
        assertThat(noJs.find(By.cssSelector(".error-summary")).getText()).contains("Не всі пропозиції мають рішення");

        noJs.open(ended);
        WebElement proposal = noJs.find(By.cssSelector("li.proposal"));
        proposal.findElement(By.cssSelector("label[for$='-TAKEN']")).click();
        proposal.findElement(By.cssSelector("textarea[id^=decision-reason-]")).sendKeys("Враховано повністю.");
        noJs.clickAndWait(By.xpath("//li[contains(@class,'proposal')]//button[normalize-space()='Зберегти рішення']"));
        noJs.waitForPath(ended);

        noJs.open(ended + "/report");
        noJs.find(By.id("reportText")).sendKeys("Надійшла одна пропозиція; її враховано.");
        noJs.clickAndWait(By.id("publish-report"));
        noJs.waitForPath(ended + "/report");
        assertThat(journey.notice()).isEqualTo("Звіт оприлюднено.");
        assertThat(noJs.mainText()).contains("Надійшла одна пропозиція; її враховано.").contains("Враховано")
                .contains("сьомої години ранку");
        journey.audit("published report");
        journey.signOut();
    }
}
