package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
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
import ua.viche.archive.domain.Ocr;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.PageReading;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/** Scans (images and PDFs), the image endpoint's access rule, the text (PDF layer, OCR, no engine, typed), bulk import. */
@IntegrationTest
class ScansAndTextTest {

    static final String ARCHIVIST = "archivist@kropyvnytskyi.demo";
    static final String BASE = "/kropyvnytskyi/archive/manage";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Holdings holdings;
    @Autowired PageReading reading;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    Community k;
    Community d;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
        d = communities.bySlug("dmytrivka").orElseThrow();
    }

    RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    /** A fresh fond Т-…, inventory 1, file 1 of the community (through the archivists' service rules). */
    ArchiveFile newFile(Community c, boolean personalData) {
        return CurrentCommunity.callAs(c, () -> {
            Fond fond = holdings.createFond(new Fond.Description("Т-" + Journey.suffix().substring(0, 6), "Тестовий фонд", 1950, 2020, "", ""));
            Inventory inventory = holdings.createInventory(fond.getId(), new Inventory.Description("1", "Опис", null, null));
            return holdings.createFile(inventory.getId(), new ArchiveFile.Description("1", "Тестова справа",
                    LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31), 10, "uk", personalData));
        });
    }

    List<Page> pages(Community c, ArchiveFile file) {
        return CurrentCommunity.callAs(c, () -> holdings.pages(file.getId()));
    }

    @Test
    void pagesAddedToOneFileAtOnceGetConsecutiveNumbers() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        ArchiveFile file = newFile(k, false);
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Page>> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int no = i;
            added.add(pool.submit(() -> {
                start.await();
                return CurrentCommunity.callAs(k, () -> holdings.addPage(file.getId(),
                        new Page.Scan("key-" + no, "scan-" + no + ".png", "image/png", 1, null)));
            }));
        }
        start.countDown();
        for (Future<Page> f : added) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(pages(k, file)).extracting(Page::getNumber)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
    }

    @Test
    void jpegPngTiffAndPdfBecomePagesAndThePdfTextLayerIsRead() throws Exception {
        ArchiveFile file = newFile(k, false);
        mvc.perform(multipart(BASE + "/files/" + file.getId() + "/scans").file(new MockMultipartFile("scans", "a.jpg", "image/jpeg", ScanSamples.jpeg("Рішення")))
                        .file(new MockMultipartFile("scans", "b.png", "image/png", ScanSamples.png("Рішення")))
                        .file(new MockMultipartFile("scans", "c.tif", "image/tiff", ScanSamples.tiff("Рішення")))
                        .file(new MockMultipartFile("scans", "d.pdf", "application/pdf", ScanSamples.pdf("Архівна довідка про заробітну плату")))
                        .with(csrf()).with(as(ARCHIVIST)))
                .andExpect(status().is3xxRedirection());
        List<Page> pages = pages(k, file);
        assertThat(pages).extracting(Page::getNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(pages).extracting(Page::getScanType).containsExactly("image/jpeg", "image/png", "image/tiff", "application/pdf", "application/pdf");
        assertThat(pages.get(3).getScanPage()).isZero();
        assertThat(pages.get(3).getTextStatus()).isEqualTo(Page.TextStatus.DONE);
        assertThat(pages.get(3).getTextSource()).isEqualTo(Page.Source.PDF);
        assertThat(pages.get(3).getText()).contains("Архівна довідка про заробітну плату");
        assertThat(pages.get(4).getScanPage()).isEqualTo(1);
        assertThat(pages.get(4).getTextStatus()).isEqualTo(Page.TextStatus.PENDING); // no text layer: OCR
        assertThat(pages.get(0).getTextStatus()).isEqualTo(Page.TextStatus.PENDING);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'archive.scan.upload' and object_id = ?",
                Integer.class, file.getId().toString())).isEqualTo(4);

        // every page is shown as an image a browser can display: TIFF and PDF pages as PNG
        mvc.perform(get("/kropyvnytskyi/archive/pages/" + pages.get(0).getId() + "/image"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"));
        for (int i : new int[] {2, 3, 4}) {
            byte[] png = mvc.perform(get("/kropyvnytskyi/archive/pages/" + pages.get(i).getId() + "/image"))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        }
        // another community's address for the same page: not found
        mvc.perform(get("/dmytrivka/archive/pages/" + pages.get(0).getId() + "/image")).andExpect(status().isNotFound());

        // the archivist types a page's text
        mvc.perform(post(BASE + "/pages/" + pages.get(0).getId() + "/text").with(csrf()).with(as(ARCHIVIST))
                .param("text", "Рішення виконавчого комітету № 5")).andExpect(status().is3xxRedirection());
        Page typed = pages(k, file).get(0);
        assertThat(typed.getTextSource()).isEqualTo(Page.Source.MANUAL);
        assertThat(typed.getText()).isEqualTo("Рішення виконавчого комітету № 5");
    }

    @Test
    void bytesThatAreNoImageAreRefusedWhateverTheirName() throws Exception {
        ArchiveFile file = newFile(k, false);
        mvc.perform(multipart(BASE + "/files/" + file.getId() + "/scans")
                        .file(new MockMultipartFile("scans", "scan.jpg", "image/jpeg", "це не зображення, а текст".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(as(ARCHIVIST)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("потрібен JPEG, PNG, TIFF або PDF")))
                .andExpect(content().string(containsString("href=\"#scans\"")));
        mvc.perform(multipart(BASE + "/files/" + file.getId() + "/scans")
                        .file(new MockMultipartFile("scans", "broken.pdf", "application/pdf", "%PDF-1.4\n%%EOF garbage".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(as(ARCHIVIST)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#scans\"")));
        assertThat(pages(k, file)).isEmpty();
    }

    @Test
    void aClosedFilesImageIsNotFoundForThePublicButServedToArchivists() throws Exception {
        ArchiveFile file = newFile(k, true); // personal data of 2000: closed until 2075
        mvc.perform(multipart(BASE + "/files/" + file.getId() + "/scans")
                .file(new MockMultipartFile("scans", "a.png", "image/png", ScanSamples.png("Відомість"))).with(csrf()).with(as(ARCHIVIST)))
                .andExpect(status().is3xxRedirection());
        Page page = pages(k, file).get(0);
        String url = "/kropyvnytskyi/archive/pages/" + page.getId() + "/image";
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get(url).with(as("official@kropyvnytskyi.demo"))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(as(ARCHIVIST))).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        mvc.perform(get("/dmytrivka/archive/pages/" + page.getId() + "/image").with(as("archivist@dmytrivka.demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutAnOcrEngineThePageIsKeptAndTheArchivistToldAndItCanBeRetried() throws Exception {
        ArchiveFile file = newFile(d, false);
        String archivist = "archivist@dmytrivka.demo";
        mvc.perform(multipart("/dmytrivka/archive/manage/files/" + file.getId() + "/scans")
                .file(new MockMultipartFile("scans", "a.png", "image/png", ScanSamples.png("Земельна ділянка"))).with(csrf()).with(as(archivist)))
                .andExpect(status().is3xxRedirection());
        Page page = pages(d, file).get(0);
        Ocr bogus = new Ocr("/nonexistent/bin/tesseract-" + Journey.suffix(), "ukr", Duration.ofSeconds(10));
        for (int i = 0; i < 20 && pages(d, file).get(0).getTextStatus() == Page.TextStatus.PENDING; i++) {
            CurrentCommunity.runAs(d, () -> reading.readPending(bogus));
        }
        assertThat(pages(d, file).get(0).getTextStatus()).isEqualTo(Page.TextStatus.NO_ENGINE);
        mvc.perform(get("/dmytrivka/archive/manage/pages/" + page.getId()).with(as(archivist))).andExpect(status().isOk())
                .andExpect(content().string(containsString("не встановлено розпізнавання тексту (OCR)")));
        mvc.perform(get("/dmytrivka/archive/manage/files/" + file.getId()).with(as(archivist))).andExpect(status().isOk())
                .andExpect(content().string(containsString("тексту ще немає")));
        mvc.perform(post("/dmytrivka/archive/manage/pages/" + page.getId() + "/retry").with(csrf()).with(as(archivist)))
                .andExpect(status().is3xxRedirection());
        assertThat(pages(d, file).get(0).getTextStatus()).isEqualTo(Page.TextStatus.PENDING);
    }

    @Test
    void tesseractReadsARenderedUkrainianLine() throws Exception {
        Ocr configured = reading.ocr();
        Ocr.Result probe = configured.read(ScanSamples.png("Перевірка"));
        assumeThat(probe.status()).as("tesseract with Ukrainian data installed").isEqualTo(Page.TextStatus.DONE);
        ArchiveFile file = newFile(k, false);
        mvc.perform(multipart(BASE + "/files/" + file.getId() + "/scans")
                .file(new MockMultipartFile("scans", "line.png", "image/png", ScanSamples.png("Архівна довідка видана Коваленку")))
                .with(csrf()).with(as(ARCHIVIST))).andExpect(status().is3xxRedirection());
        for (int i = 0; i < 30 && pages(k, file).get(0).getTextStatus() == Page.TextStatus.PENDING; i++) {
            CurrentCommunity.runAs(k, () -> reading.readPending(configured));
        }
        Page page = pages(k, file).get(0);
        assertThat(page.getTextStatus()).isEqualTo(Page.TextStatus.DONE);
        assertThat(page.getTextSource()).isEqualTo(Page.Source.OCR);
        assertThat(page.getText().toLowerCase()).containsAnyOf("довідка", "архівна", "коваленку");
    }
}
