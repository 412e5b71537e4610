package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Term;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;

/**
 * A reader in real Chromium, scripts off: from the archive's page a search in Ukrainian words of
 * another form, a hit opened at its page with the words marked beside the scan, then the file.
 * Every page axe-clean with JavaScript off and on.
 */
@IntegrationTest
class ArchiveBrowserTest {

    @LocalServerPort int port;
    @Autowired Holdings holdings;
    @Autowired FileStore store;
    @Autowired Communities communities;

    @Test
    void searchOpenTheHitAndReadThePage() {
        ArchiveFixtures k = new ArchiveFixtures(holdings, store, communities, "kropyvnytskyi");
        String m = ArchiveFixtures.marker();
        Fond fond = k.fond("Виконавчий комітет Кіровоградської міської ради " + m);
        Inventory inventory = k.inventory(fond);
        ArchiveFile file = k.file(inventory, "12", "Рішення виконкому про видачу архівних довідок " + m,
                LocalDate.of(1967, 2, 1), LocalDate.of(1967, 11, 30), "uk", false);
        CurrentCommunity.runAs(k.community, () -> holdings.addTerm(file.getId(), Term.Kind.SUBJECT, "Архівні довідки"));
        k.page(file, "Слухали: про порядок видачі архівних довідок про трудовий стаж.\nВирішили: видавати довідки "
                + "протягом тридцяти днів. " + m);
        k.page(file, "Додаток до рішення: форма заяви. " + m);

        try (Journey journey = Journey.start(port)) {
            Browser b = journey.noJs();
            b.open("/kropyvnytskyi/archive");
            assertThat(b.heading()).isEqualTo("Архів громади");
            journey.audit("archive");

            b.find(By.id("archive-q")).sendKeys("архівна довідка " + m);
            b.clickAndWait(By.cssSelector("main form[role=search] button[type=submit]"));
            b.waitForPath("/kropyvnytskyi/archive/search");
            assertThat(b.heading()).isEqualTo("Пошук в архіві");
            assertThat(b.mainText()).contains("Знайдено 2 результати").contains(fond.cipher() + ", оп. 1, спр. 12, арк. 1");
            journey.audit("archive search");

            b.clickAndWait(By.cssSelector(".archive-hits h3 a[href*='/pages/1?q=']"));
            b.waitForPathMatching("/kropyvnytskyi/archive/files/" + file.getId() + "/pages/1");
            assertThat(b.heading()).contains("аркуш 1 з 2");
            assertThat(b.driver().findElements(By.cssSelector(".archive-text mark"))).extracting(e -> e.getText())
                    .contains("архівних", "довідок", "довідки");
            assertThat(b.find(By.cssSelector(".archive-scan img")).getDomAttribute("alt")).contains("арк. 1");
            journey.audit("page viewer");

            b.clickAndWait(By.cssSelector("a[rel=next]"));
            b.waitForPathMatching("/kropyvnytskyi/archive/files/" + file.getId() + "/pages/2");
            b.clickAndWait(By.linkText("Справа 12"));
            b.waitForPath("/kropyvnytskyi/archive/files/" + file.getId());
            assertThat(b.mainText()).contains("Архівні довідки");
            journey.audit("archive file");

            b.clickAndWait(By.linkText("Опис 1"));
            b.waitForPath("/kropyvnytskyi/archive/inventories/" + inventory.getId());
            assertThat(b.mainText()).contains(fond.cipher() + ", оп. 1, спр. 12");
            journey.audit("archive inventory");
            b.clickAndWait(By.linkText(fond.cipher()));
            b.waitForPath("/kropyvnytskyi/archive/fonds/" + fond.getId());
            journey.audit("archive fond");

            b.open("/kropyvnytskyi/archive/search?q=" + URLEncoder.encode("лелека " + m, StandardCharsets.UTF_8));
            assertThat(b.mainText()).contains("нічого не знайдено");
            journey.audit("archive search, nothing found");
            b.open("/kropyvnytskyi/archive/search");
            assertThat(b.mainText()).contains("Як шукати");
            journey.audit("archive search, no query");
        }
    }
}
