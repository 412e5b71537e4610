package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;

/**
 * The demo messenger in real headless Chromium with page scripts blocked: a resident follows their
 * problem reports on the notifications page, links the demo messenger by its one-time code, files
 * a problem report through the bot (category, text, the demo photo, a preset place), an official
 * acknowledges it on the site, and the demo messenger shows the status message. Every page is
 * audited with axe-core without JavaScript and again with it.
 */
@IntegrationTest
class DemoMessengerBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aResidentLinksTheDemoMessengerFilesAReportThroughTheBotAndReceivesItsStatusChange() throws InterruptedException {
        String description = "Зламана лавка в сквері " + Journey.suffix();
        try (Journey j = Journey.start(port)) {
            Browser noJs = j.noJs();
            j.signInWithIdGovUa("olena", "Коваленко Олена Петрівна");
            noJs.open("/account/notifications?community=kropyvnytskyi");
            if (!noJs.find(By.id("topic-OWN_PROBLEMS")).isSelected()) {
                noJs.find(By.cssSelector("label[for='topic-OWN_PROBLEMS']")).click();
            }
            noJs.clickAndWait(By.id("save"));
            assertThat(j.notice()).isNotBlank();
            j.audit("notifications settings");

            noJs.clickAndWait(By.id("link-DEMO"));
            assertThat(noJs.find(By.id("deep-link")).getText()).contains("/kropyvnytskyi/demo/messenger?start=");
            noJs.clickAndWait(By.id("deep-link"));
            assertThat(noJs.heading()).isEqualTo("Демо-месенджер");
            j.audit("demo messenger, linking");
            noJs.clickAndWait(By.id("demo-start"));
            assertThat(noJs.find(By.id("latest")).getText()).contains("прив’язано");
            j.audit("demo messenger, menu");

            noJs.clickAndWait(By.cssSelector("button[value='menu:report']"));
            noJs.clickAndWait(By.cssSelector("button[value^='c:']"));
            assertThat(noJs.find(By.id("latest")).getText()).contains("Опишіть проблему");
            noJs.find(By.id("text")).sendKeys(description);
            noJs.clickAndWait(By.id("send"));
            noJs.clickAndWait(By.id("send-photo"));
            assertThat(noJs.find(By.id("latest")).getText()).contains("Поділіться місцем");
            new Select(noJs.find(By.id("point"))).selectByValue("center");
            noJs.clickAndWait(By.id("share-location"));
            assertThat(noJs.find(By.id("latest")).getText()).contains("прийнято");
            j.audit("demo messenger, report filed");
            Long report = jdbc.queryForObject("select id from problem_report where description = ?", Long.class, description);
            assertThat(report).isNotNull();
            assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'problems' and owner_id = ?", Long.class,
                    report)).isOne();
            j.signOut();

            j.signInWithPassword("admin@kropyvnytskyi.demo");
            noJs.open("/kropyvnytskyi/problems/" + report);
            new Select(noJs.find(By.id("new-status"))).selectByValue("ACKNOWLEDGED");
            noJs.clickAndWait(By.id("status-button"));
            j.signOut();

            // the demo chat is the browser's, signed in or not: the status message arrives as in a messenger
            long until = System.currentTimeMillis() + 30_000;
            String transcript = "";
            while (System.currentTimeMillis() < until) {
                noJs.open("/kropyvnytskyi/demo/messenger");
                transcript = noJs.find(By.id("latest")).getText();
                if (transcript.contains("№ " + report)) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(transcript).contains("№ " + report, "/kropyvnytskyi/problems/" + report);
            j.audit("demo messenger, status message");
        }
    }
}
