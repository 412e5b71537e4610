package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;

/**
 * An archivist's way in real Chromium with JavaScript off, every page audited with axe-core both
 * ways: the demo fond, its inventory, a new file (first with empty fields), a scan uploaded to it,
 * the leaf with its image and text.
 */
@IntegrationTest
class ArchivistBrowserTest {

    @LocalServerPort int port;

    @Test
    void archivistCreatesAFileAndUploadsAScan() throws Exception {
        Path scan = Files.createTempFile("leaf-", ".png");
        Files.write(scan, ScanSamples.png("Рішення виконавчого комітету"));
        try (Journey journey = Journey.start(port)) {
            Browser noJs = journey.noJs();
            journey.signInWithPassword("archivist@kropyvnytskyi.demo");
            noJs.open("/kropyvnytskyi/archive/manage");
            assertThat(noJs.heading()).isEqualTo("Архів: фонди");
            journey.audit("fonds");

            noJs.clickAndWait(By.linkText("Ф. Р-1"));
            assertThat(noJs.heading()).isEqualTo("Ф. Р-1 Кропивницька міська рада та її виконавчий комітет");
            journey.audit("fond");
            noJs.clickAndWait(By.partialLinkText("Опис 1:"));
            journey.audit("inventory");

            noJs.clickAndWait(By.id("new-file"));
            String newFile = noJs.path();
            assertThat(noJs.heading()).isEqualTo("Нова справа");
            journey.audit("new file form");
            noJs.find(By.id("extent")).clear();
            noJs.clickAndWait(By.id("save-file"));
            journey.assertErrorSummaryLinksTo("number", "title", "extent");
            journey.auditReproduced("new file form with errors", js -> {
                js.open(newFile);
                js.find(By.id("extent")).clear();
                js.clickAndWait(By.id("save-file"));
                assertThat(js.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
            });

            String number = "9" + (int) (Math.random() * 100000);
            noJs.find(By.id("number")).sendKeys(number);
            noJs.find(By.id("title")).sendKeys("Листування з обласним архівом про передачу справ");
            noJs.find(By.id("extent")).sendKeys("25");
            noJs.clickAndWait(By.id("save-file"));
            noJs.waitForPathMatching("/kropyvnytskyi/archive/manage/files/\\d+");
            String file = noJs.path();
            assertThat(noJs.heading()).isEqualTo("Ф. Р-1, оп. 1, спр. " + number + ": Листування з обласним архівом про передачу справ");
            assertThat(journey.notice()).startsWith("Справу створено.");
            assertThat(journey.status()).isEqualTo("відкрита");
            journey.audit("new file");

            noJs.find(By.id("scans")).sendKeys(scan.toString());
            noJs.clickAndWait(By.id("upload-scans"));
            noJs.waitForPath(file);
            assertThat(journey.notice()).isEqualTo("Додано: 1 аркуш.");
            assertThat(noJs.mainText()).contains("арк. 1", "текст розпізнається");
            journey.audit("file with a scan");

            noJs.clickAndWait(By.linkText("арк. 1"));
            assertThat(noJs.heading()).isEqualTo("Ф. Р-1, оп. 1, спр. " + number + ", арк. 1");
            journey.audit("leaf");
            Object width = journey.withJs().wait(d -> ((JavascriptExecutor) d).executeScript(
                    "const i = document.querySelector('.archive-page img'); return i.complete && i.naturalWidth > 0 ? i.naturalWidth : null;"));
            assertThat(((Number) width).intValue()).isEqualTo(1400); // the scan itself, served to the archivist
        } finally {
            Files.deleteIfExists(scan);
        }
    }
}
