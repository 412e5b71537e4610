package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.monitoring.domain.FigureReporting;
import ua.viche.monitoring.domain.Programme;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;

/**
 * A quarter's report in real headless Chromium with page scripts blocked: the IT directorate's
 * official enters figure 1.1, the community admin (who coordinates too) enters figure 1.2 and accepts
 * both, and indicator 1.1 — (A/B)·100 over them — shows the new actual value in its table and in its
 * chart's table. Every page is audited with axe-core without JavaScript and again with it.
 */
@IntegrationTest
class ProgrammeBrowserTest {

    @LocalServerPort int port;
    @Autowired ProgrammeService programmes;
    @Autowired FigureReporting reporting;
    @Autowired Communities communities;

    @Test
    void aDepartmentReportsTheCoordinatorAcceptsAndTheIndicatorChanges() {
        long[] ids = CurrentCommunity.callAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> {
            Programme p = programmes.current().orElseThrow();
            return new long[] {reporting.figure(p.getId(), "1.1").orElseThrow().getId(), reporting.figure(p.getId(), "1.2").orElseThrow().getId()};
        });
        try (Journey j = Journey.start(port)) {
            Browser noJs = j.noJs();
            noJs.assertJavaScriptBlocked();
            noJs.open("/kropyvnytskyi/programme");
            assertThat(noJs.heading()).isEqualTo("Програма цифрового розвитку на 2025–2027 роки");
            j.audit("programme");
            noJs.open("/kropyvnytskyi/programme/indicators/1.1");
            assertThat(noJs.mainText()).doesNotContain("80,00");
            j.audit("indicator before");

            j.signInWithPassword("official@kropyvnytskyi.demo");
            noJs.open("/kropyvnytskyi/programme/manage");
            assertThat(noJs.heading()).isEqualTo("Звітування за показниками програми");
            j.audit("reporting, department");
            noJs.find(By.id("value-" + ids[0])).sendKeys("500");
            noJs.find(By.id("comment-" + ids[0])).sendKeys("За даними СЕД");
            noJs.clickAndWait(By.cssSelector("#figure-1\\.1 form[action$='/entries'] button"));
            assertThat(j.notice()).isEqualTo("Значення подано координатору.");
            j.signOut();

            j.signInWithPassword("admin@kropyvnytskyi.demo");
            noJs.open("/kropyvnytskyi/programme/manage");
            noJs.find(By.id("value-" + ids[1])).sendKeys("625");
            noJs.clickAndWait(By.cssSelector("#figure-1\\.2 form[action$='/entries'] button"));
            assertThat(j.notice()).isEqualTo("Значення подано координатору.");
            noJs.clickAndWait(By.cssSelector("#figure-1\\.1 form[action$='/accept'] button"));
            assertThat(j.notice()).isEqualTo("Значення прийнято.");
            noJs.clickAndWait(By.cssSelector("#figure-1\\.2 form[action$='/accept'] button"));
            assertThat(j.notice()).isEqualTo("Значення прийнято.");
            assertThat(noJs.find(By.cssSelector("#figure-1\\.1")).getText()).contains("Прийнято").contains("500");
            j.audit("reporting, coordinator");
            j.signOut();

            noJs.open("/kropyvnytskyi/programme/indicators/1.1");
            // 500 of 625 officials: 80 % this year, in the values table and in the chart's table twin
            assertThat(noJs.find(By.cssSelector("main > table")).getText()).contains("80,00");
            assertThat(noJs.find(By.cssSelector("figure.chart table")).getText()).contains("2026 86,25 86,25 80");
            j.audit("indicator after");
        }
    }
}
