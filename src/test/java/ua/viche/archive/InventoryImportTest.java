package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.Term;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/** Bulk import of the sample inventory (good and bad rows) and of a ZIP of scans (good names, unsafe names, bad content). */
@IntegrationTest
class InventoryImportTest {

    static final String URL = "/kropyvnytskyi/archive/manage/import";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Holdings holdings;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    RequestPostProcessor archivist() {
        return TestAccounts.as(accounts, "archivist@kropyvnytskyi.demo");
    }

    record Target(Community community, Fond fond, Inventory inventory) {}

    /** A fresh fond with inventory 1, and the sample CSV pointed at it. */
    Target target() {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        return CurrentCommunity.callAs(k, () -> {
            Fond fond = holdings.createFond(new Fond.Description("І-" + Journey.suffix().substring(0, 6), "Фонд для імпорту", null, null, "", ""));
            return new Target(k, fond, holdings.createInventory(fond.getId(), new Inventory.Description("1", "Опис", null, null)));
        });
    }

    byte[] sample(Target t) throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/archive/sample-inventory.csv"), StandardCharsets.UTF_8);
        return csv.replace("\nР-1,", "\n" + t.fond().getNumber() + ",").getBytes(StandardCharsets.UTF_8);
    }

    List<ArchiveFile> files(Target t) {
        return CurrentCommunity.callAs(t.community(), () -> holdings.files(t.inventory().getId()));
    }

    @Test
    void goodRowsAreImportedAndEachBadRowIsReportedWithItsReason() throws Exception {
        Target t = target();
        MockMultipartFile csv = new MockMultipartFile("csv", "opys.csv", "text/csv", sample(t));
        String report = mvc.perform(multipart(URL).file(csv).with(csrf()).with(archivist()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Імпортовано: 3. Відхилено: 7.")))
                .andExpect(content().string(containsString("дата «31.02.1985» має неправильний формат")))
                .andExpect(content().string(containsString("Опису 9 у фонді «Ф. " + t.fond().getNumber() + "» немає")))
                .andExpect(content().string(containsString("Фонду Р-999 немає")))
                .andExpect(content().string(containsString("Вкажіть назву")))
                .andExpect(content().string(containsString("«можливо» — вкажіть «так» або «ні».")))
                .andExpect(content().string(containsString("Кінцева дата не може бути раніше початкової.")))
                .andExpect(content().string(containsString("Невідомий вид терміна «Організація»")))
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("справу створено");
        List<ArchiveFile> files = files(t);
        assertThat(files).extracting(ArchiveFile::getNumber).containsExactly("601", "602", "603");
        ArchiveFile personal = files.get(1);
        assertThat(personal.isPersonalData()).isTrue();
        assertThat(personal.getDateFrom()).isEqualTo(LocalDate.of(1990, 3, 12));
        assertThat(jdbc.queryForList("select t.kind || ':' || t.name from archive_term t join archive_file_term ft on ft.term_id = t.id "
                + "where ft.file_id = ?", String.class, personal.getId()))
                .containsExactlyInAnyOrder(Term.Kind.PERSON + ":Кравець Іван Олексійович", Term.Kind.SUBJECT + ":особові справи");

        // the same inventory again: updated, not duplicated
        mvc.perform(multipart(URL).file(csv).with(csrf()).with(archivist()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("опис справи оновлено")))
                .andExpect(content().string(containsString("Імпортовано: 3. Відхилено: 7.")));
        assertThat(files(t)).hasSize(3);
    }

    @Test
    void scansAreAddedByCipherAndUnsafeOrWrongEntriesRefused() throws Exception {
        Target t = target();
        String f = t.fond().getNumber();
        mvc.perform(multipart(URL).file(new MockMultipartFile("csv", "opys.csv", "text/csv", sample(t))).with(csrf()).with(archivist()))
                .andExpect(status().isOk());
        byte[] zip = ScanSamples.zip(
                f + "_1_601_0001.png", ScanSamples.png("Рішення"),
                "скани/" + f + "_1_601_0002.pdf", ScanSamples.pdf("Рішення виконавчого комітету про земельну ділянку"),
                "../../etc/" + f + "_1_601_0009.png", ScanSamples.png("Рішення"),
                "/tmp/" + f + "_1_601_0010.png", ScanSamples.png("Рішення"),
                "примітки.txt", "текст".getBytes(StandardCharsets.UTF_8),
                f + "_1_999_0001.png", ScanSamples.png("Рішення"),
                f + "_1_602_0001.jpg", "не зображення".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(URL).file(new MockMultipartFile("zip", "scans.zip", "application/zip", zip)).with(csrf()).with(archivist()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Імпортовано: 2. Відхилено: 5.")))
                .andExpect(content().string(containsString("Небезпечна назва файлу")))
                .andExpect(content().string(containsString("Назва не за шифром")))
                .andExpect(content().string(containsString("Такої справи немає.")))
                .andExpect(content().string(containsString("потрібен JPEG, PNG, TIFF або PDF")));
        ArchiveFile file = files(t).get(0);
        List<Page> pages = CurrentCommunity.callAs(t.community(), () -> holdings.pages(file.getId()));
        assertThat(pages).extracting(Page::getScanType).containsExactly("image/png", "application/pdf", "application/pdf");
        assertThat(pages.get(1).getText()).contains("земельну ділянку");

        // the same ZIP again: the leaves are there already, nothing is duplicated
        mvc.perform(multipart(URL).file(new MockMultipartFile("zip", "scans.zip", "application/zip", zip)).with(csrf()).with(archivist()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("У справі вже є аркуш 1.")));
        assertThat(CurrentCommunity.callAs(t.community(), () -> holdings.pages(file.getId()))).hasSize(3);
    }

    @Test
    void nothingChosenIsAnErrorAndOthersCannotImport() throws Exception {
        mvc.perform(multipart(URL).with(csrf()).with(archivist()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#csv\"")));
        mvc.perform(multipart(URL).file(new MockMultipartFile("csv", "a.csv", "text/csv", "fond\n".getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))).andExpect(status().isForbidden());
    }
}
