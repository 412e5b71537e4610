package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * A department uploads through the page: each bad file (wrong encoding, ragged rows, a formula cell, a
 * binary named .csv, JSON that does not parse) comes back as a report that names the fault by row and
 * column in the reader's language, and nothing is saved; a file of no known format or no file at all
 * is refused back to the form; a good file then becomes version 1 and publishes the dataset.
 */
@IntegrationTest
class OpendataUploadReportTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired Register register;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    private record Bad(String file, byte[] bytes, String uk, String en) {}

    private RequestBuilder upload(String dataset, String file, byte[] bytes, String language) {
        return multipart("/kropyvnytskyi/opendata/manage/" + dataset + "/upload")
                .file(new MockMultipartFile("file", file, "application/octet-stream", bytes))
                .header("Accept-Language", language).with(csrf()).with(TestAccounts.as(accounts, ADMIN));
    }

    private long saved(String dataset) {
        return jdbc.queryForObject("select count(*) from opendata_resource r join opendata_dataset d on d.id = r.dataset_id where d.name = ?",
                Long.class, dataset)
                + jdbc.queryForObject("select count(*) from opendata_version v join opendata_resource r on r.id = v.resource_id"
                + " join opendata_dataset d on d.id = r.dataset_id where d.name = ?", Long.class, dataset);
    }

    @Test
    void aBadFileIsReportedByRowAndColumnInTheReadersLanguageAndNothingIsSaved() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        String name = "upload-report-" + System.nanoTime();
        CurrentCommunity.runAs(k, () -> identity.callAs(ADMIN, () -> register.create(new Register.Input(name, "Набір для перевірки файлів",
                "Upload check dataset", "Опис", "", "перевірка", Theme.GOVE, "", Licence.CC_BY_4_0, Frequency.MONTHLY, null, null, null, null,
                "Кропивницький", name))));
        long attachments = jdbc.queryForObject("select count(*) from attachment where owner_module = 'opendata'", Long.class);
        List<Bad> bad = List.of(
                new Bad("cp1251.csv", "a,b\n1,Київ\n".getBytes(Charset.forName("windows-1251")),
                        "Файл не в кодуванні UTF-8 (перший неправильний символ у рядку 2)", "The file is not in UTF-8 (the first wrong character is in line 2)"),
                new Bad("ragged.csv", "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8),
                        "Рядок 3: колонок 1, а в заголовку 2.", "Row 3: 1 columns, while the header has 2."),
                new Bad("formula.csv", "a,b\n1,=SUM(A1:A2)\n".getBytes(StandardCharsets.UTF_8),
                        "Рядок 2, колонка 2: значення починається з", "Row 2, column 2: the value starts with"),
                new Bad("image.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'},
                        "схоже, двійковий файл, названий .csv", "it looks like a binary file named .csv"),
                new Bad("data.json", "{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8), "Файл не є правильним JSON.", "The file is not valid JSON."));
        for (Bad b : bad) {
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("uk", b.uk());
            expected.put("en", b.en());
            for (Map.Entry<String, String> language : expected.entrySet()) {
                MvcResult r = mvc.perform(upload(name, b.file(), b.bytes(), language.getKey())).andExpect(status().isOk()).andReturn();
                String page = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(page).as(b.file() + " " + language.getKey()).contains(language.getValue())
                        .contains(language.getKey().equals("uk") ? "Нічого не збережено" : "Nothing was saved")
                        .contains(language.getKey().equals("uk") ? "Файл не прийнято" : "File not accepted");
            }
        }
        assertThat(saved(name)).as("no resource, no version").isZero();
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'opendata'", Long.class)).isEqualTo(attachments);
        assertThat(jdbc.queryForObject("select status from opendata_dataset where name = ?", String.class, name)).isEqualTo("PLANNED");

        // a file of no known format and no file at all go back to the form with the refusal
        mvc.perform(upload(name, "notes.txt", "text".getBytes(StandardCharsets.UTF_8), "uk")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "opendata.error.format"));
        mvc.perform(upload(name, "empty.csv", new byte[0], "uk")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "opendata.error.noFile"));
        assertThat(saved(name)).isZero();

        // a good file is version 1 of a new resource, and the dataset is published
        mvc.perform(upload(name, "good.csv", "a,b\n1,-2.5\n".getBytes(StandardCharsets.UTF_8), "uk")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "opendata.manage.uploaded"));
        assertThat(saved(name)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select status from opendata_dataset where name = ?", String.class, name)).isEqualTo("PUBLISHED");
    }
}
