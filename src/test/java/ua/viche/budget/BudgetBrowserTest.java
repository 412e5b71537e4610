package ua.viche.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.CycleAdministration;
import ua.viche.budget.results.Method;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.RateLimiter;

/**
 * A project's way through a cycle in real Chromium with JavaScript off, every page audited with
 * axe-core both ways: a resident submits it (first with empty fields), the community admin sends it
 * to a department and admits it, the resident votes for it, the admin approves the results. Between
 * the phases the admin moves the cycle's dates, as a council does when it reschedules.
 */
@IntegrationTest
class BudgetBrowserTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";

    @LocalServerPort int port;
    @Autowired BudgetService budget;
    @Autowired CycleAdministration administration;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired RateLimiter limiter;

    private Journey journey;
    private Browser noJs;
    private Community k;
    private Cycle cycle;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
        today = CurrentCommunity.callAs(k, budget::today);
        cycle = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> administration.createCycle(
                rules(today.minusDays(1), today.plusDays(5), today.plusDays(8), today.plusDays(9), today.plusDays(12), today.plusDays(13)),
                List.of(new CycleAdministration.CategoryDraft("Шкільні проєкти", "School projects", 400_000_00L)))));
    }

    private Cycle.Rules rules(LocalDate s1, LocalDate s2, LocalDate r, LocalDate v1, LocalDate v2, LocalDate res) {
        return new Cycle.Rules("Шкільний бюджет " + Journey.suffix(), today.getYear(), Method.EQUAL_SHARES, 3, false, 0, 16, 16,
                false, 0, s1, s2, r, v1, v2, res);
    }

    private void reschedule(Cycle.Rules rules) {
        Cycle.Rules renamed = new Cycle.Rules(cycle.getName(), rules.year(), rules.method(), rules.votesPerPerson(), false, 0, 16, 16,
                false, 0, rules.submissionStarts(), rules.submissionEnds(), rules.reviewEnds(), rules.votingStarts(),
                rules.votingEnds(), rules.resultsOn());
        CurrentCommunity.runAs(k, () -> identity.callAs(ADMIN, () -> administration.changeCycle(cycle.getId(), renamed)));
    }

    @Test
    void submitReviewVoteResultsWithoutJavaScript() {
        try (Journey j = Journey.start(port)) {
            journey = j;
            noJs = j.noJs();
            String title = "Шахові столи в шкільному дворі " + Journey.suffix();
            String project = residentSubmits(title);
            adminAdmits(project);
            reschedule(rules(today.minusDays(10), today.minusDays(8), today.minusDays(7), today.minusDays(1), today.plusDays(5),
                    today.plusDays(6)));
            residentVotes(project);
            reschedule(rules(today.minusDays(10), today.minusDays(8), today.minusDays(7), today.minusDays(6), today.minusDays(2),
                    today.minusDays(1)));
            adminApprovesResults(title);
        }
    }

    private String cyclePath() {
        return "/kropyvnytskyi/budget/cycles/" + cycle.getId();
    }

    private String residentSubmits(String title) {
        journey.signInWithIdGovUa("ihor", "Мельник Ігор Васильович");
        noJs.open(cyclePath());
        assertThat(noJs.heading()).isEqualTo(cycle.getName());
        journey.audit("cycle in submission");
        noJs.clickAndWait(By.id("new-project"));
        noJs.waitForPath(cyclePath() + "/projects/new");
        journey.audit("new project form");

        By submit = By.id("submit-project");
        noJs.clickAndWait(submit);
        noJs.waitForPath(cyclePath() + "/projects");
        journey.assertErrorSummaryLinksTo("categoryId", "title", "summary", "description");
        journey.auditReproduced("new project form with errors", js -> {
            js.open(cyclePath() + "/projects/new");
            js.clickAndWait(submit);
            assertThat(js.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        });

        new Select(noJs.find(By.id("categoryId"))).selectByIndex(1);
        noJs.find(By.id("title")).sendKeys(title);
        noJs.find(By.id("summary")).sendKeys("Чотири шахові столи з лавами.");
        noJs.find(By.id("description")).sendKeys("Встановити в шкільному дворі вуличні шахові столи та лави, щоб діти "
                + "грали на перервах і після уроків, а старші мешканці — увечері.");
        noJs.find(By.id("address")).sendKeys("вул. Шкільна, 12");
        noJs.find(By.id("item-0")).sendKeys("Шаховий стіл із лавами");
        noJs.find(By.id("quantity-0")).sendKeys("4");
        noJs.find(By.id("price-0")).sendKeys("8500");
        noJs.clickAndWait(submit);
        noJs.waitForPathMatching("/kropyvnytskyi/budget/projects/\\d+");
        assertThat(noJs.heading()).isEqualTo(title);
        assertThat(journey.status()).isEqualTo("Подано");
        assertThat(noJs.mainText()).contains("34 000,00");
        String project = noJs.path();
        journey.audit("submitted project (author)");
        journey.signOut();
        return project;
    }

    private void adminAdmits(String project) {
        journey.signInWithPassword(ADMIN);
        noJs.open(project);
        journey.audit("project before review (admin)");
        noJs.clickAndWait(By.cssSelector("form[action$='/assign'] button[type=submit]"));
        noJs.waitForPath(project);
        assertThat(journey.notice()).isEqualTo("Проєкт передано на розгляд.");
        noJs.find(By.cssSelector("label[for='feasible-yes']")).click();
        noJs.find(By.id("review-reason")).sendKeys("Ділянка належить школі, кошторис обґрунтований.");
        noJs.clickAndWait(By.id("review-button"));
        noJs.waitForPath(project);
        assertThat(journey.status()).isEqualTo("Допущено до голосування");
        journey.audit("admitted project (admin)");
        journey.signOut();
    }

    private void residentVotes(String project) {
        journey.signInWithIdGovUa("ihor", "Мельник Ігор Васильович");
        noJs.open(project);
        noJs.clickAndWait(By.id("vote-button"));
        noJs.waitForPath(project);
        assertThat(journey.notice()).isEqualTo("Ваш голос зараховано.");
        assertThat(noJs.mainText()).contains("Ви голосуєте за цей проєкт.");
        journey.audit("project voted for (resident)");
        noJs.open(cyclePath());
        journey.audit("cycle in voting");
        journey.signOut();
    }

    private void adminApprovesResults(String title) {
        journey.signInWithPassword(ADMIN);
        noJs.open(cyclePath() + "/results");
        assertThat(noJs.mainText()).contains("Попередні результати");
        journey.audit("preliminary results (admin)");
        noJs.clickAndWait(By.id("publish-results"));
        noJs.waitForPath(cyclePath() + "/results");
        assertThat(journey.notice()).isEqualTo("Результати затверджено.");
        assertThat(noJs.mainText()).contains(title).contains("Переміг");
        journey.audit("approved results");
        journey.signOut();
    }
}
