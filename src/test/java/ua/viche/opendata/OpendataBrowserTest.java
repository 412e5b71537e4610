package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;

/**
 * The portal in real Chromium, every page audited with axe-core: the IT directorate's official finds
 * its overdue dataset on the dashboard, uploads a file with a ragged row (the report names it) and then
 * a good new version, which puts it back on time, and opens the yearly audit with its chart; a
 * visitor finds a dataset by an inflected Ukrainian word and previews its CSV as a table.
 */
@IntegrationTest
class OpendataBrowserTest {

    private static final String STOPS = "Дані про місце розміщення зупинок міського електро- та автомобільного транспорту";

    @LocalServerPort int port;

    @Test
    void aDepartmentUpdatesItsOverdueDataset() throws IOException {
        Path file = Files.createTempFile("reiestr-", ".csv");
        Files.writeString(file, "dataset,department,frequency,format\n\"Розміщення зупинок\",\"Управління ЖКГ\",щороку,CSV\n", StandardCharsets.UTF_8);
        Path ragged = Files.createTempFile("reiestr-", ".csv");
        Files.writeString(ragged, "dataset,department\n\"Розміщення зупинок\",\"Управління ЖКГ\"\nщороку\n", StandardCharsets.UTF_8);
        try (Journey j = Journey.start(port)) {
            Browser b = j.noJs();
            j.signInWithPassword("official@kropyvnytskyi.demo");
            b.open("/kropyvnytskyi/opendata/manage");
            assertThat(b.find(By.id("due")).getText()).contains("Реєстр наборів даних", "прострочено");
            j.audit("open data dashboard");
            b.clickAndWait(By.linkText("Реєстр наборів даних, що перебувають у володінні розпорядника інформації"));
            assertThat(b.find(By.id("status")).getText()).isEqualTo("прострочено");
            j.audit("dataset form");
            // a file with a ragged row first: the report names the row, nothing is saved
            b.find(By.id("file")).sendKeys(ragged.toString());
            b.clickAndWait(By.cssSelector("#upload-form button[type=submit]"));
            assertThat(b.find(By.id("report")).getText()).contains("Рядок 3: колонок 1, а в заголовку 2.");
            b.assertAccessible("upload report"); // the answer to a post: audited as it stands, not opened again
            b.clickAndWait(By.linkText("Повернутися до набору"));
            assertThat(b.find(By.id("status")).getText()).isEqualTo("прострочено");
            b.find(By.id("file")).sendKeys(file.toString());
            b.clickAndWait(By.cssSelector("#upload-form button[type=submit]"));
            assertThat(j.notice()).startsWith("Версію 2 збережено");
            assertThat(b.find(By.id("status")).getText()).isEqualTo("оприлюднено");
            // the yearly audit of the department's datasets, with its chart
            b.open("/kropyvnytskyi/opendata/manage/audit");
            assertThat(b.find(By.id("audit-chart")).getText()).contains("Оновлення за графіком за підрозділами");
            j.audit("open data yearly audit");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(ragged);
        }
    }

    @Test
    void aVisitorFindsADatasetByAnInflectedWordAndPreviewsIt() {
        try (Journey j = Journey.start(port)) {
            for (Browser b : List.of(j.noJs(), j.withJs())) {
                b.open("/kropyvnytskyi/opendata");
                b.find(By.id("q")).sendKeys("зупинками");
                b.clickAndWait(By.cssSelector("form[role=search] button[type=submit]"));
                assertThat(b.mainText()).contains(STOPS);
                b.assertAccessible("open data catalogue, JavaScript " + (b.javascript() ? "on" : "off"));
                b.clickAndWait(By.linkText(STOPS));
                assertThat(b.heading()).isEqualTo(STOPS);
                assertThat(b.find(By.cssSelector("#preview thead")).getText()).contains("name", "street", "latitude");
                assertThat(b.driver().findElements(By.cssSelector("#preview tbody tr"))).hasSize(20);
                b.assertAccessible("dataset page with its preview, JavaScript " + (b.javascript() ? "on" : "off"));
            }
        }
    }
}
