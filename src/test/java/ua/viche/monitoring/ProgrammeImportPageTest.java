package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.monitoring.domain.ProgrammeImport;

/**
 * A community admin loads a programme from a spreadsheet with one sheet per annex: Kropyvnytskyi's
 * tables, written into an XLSX, load whole into Sievierodonetsk; a spreadsheet with bad rows or a
 * file that is not one is refused with every fault listed, and nothing is saved.
 */
@IntegrationTest
class ProgrammeImportPageTest {

    private static final String PAGE = "/sievierodonetsk/programme/manage/import";
    private static final String ADMIN = "admin@sievierodonetsk.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    private static List<Map<String, String>> demo(String name) throws IOException {
        try (InputStream in = ProgrammeImportPageTest.class.getResourceAsStream("/monitoring/kropyvnytskyi/" + name + ".csv")) {
            return ProgrammeImport.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The tables as a council would keep them in a spreadsheet: numbers as numbers, with two decimals shown where printed so. */
    private static byte[] xlsx(Map<String, List<Map<String, String>>> sheets) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle twoDecimals = book.createCellStyle();
            twoDecimals.setDataFormat(book.createDataFormat().getFormat("0.00"));
            for (Map.Entry<String, List<Map<String, String>>> e : sheets.entrySet()) {
                Sheet sheet = book.createSheet(e.getKey());
                List<String> header = List.copyOf(e.getValue().get(0).keySet());
                Row top = sheet.createRow(0);
                for (int c = 0; c < header.size(); c++) {
                    top.createCell(c).setCellValue(header.get(c));
                }
                for (int r = 0; r < e.getValue().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    for (int c = 0; c < header.size(); c++) {
                        String v = e.getValue().get(r).get(header.get(c));
                        boolean number = v.matches("-?\\d+(\\.\\d+)?") && !header.get(c).matches("code|priority|number|A|B");
                        if (number) {
                            Cell cell = row.createCell(c);
                            cell.setCellValue(Double.parseDouble(v));
                            if (v.matches("-?\\d+\\.\\d\\d")) {
                                cell.setCellStyle(twoDecimals);
                            }
                        } else {
                            row.createCell(c).setCellValue(v);
                        }
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private RequestBuilder upload(byte[] file) {
        return multipart(PAGE).file(new MockMultipartFile("file", "programme.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
                .with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("titleUk", "Програма цифрового розвитку громади")
                .param("titleEn", "Digital development programme").param("firstYear", "2025").param("lastYear", "2027")
                .param("coordinator", "Відділ автоматизованих систем управління та технічного обслуговування");
    }

    private long programmes() {
        return jdbc.queryForObject("select count(*) from monitoring_programme p join community c on c.id = p.community_id "
                + "where c.slug = 'sievierodonetsk'", Long.class);
    }

    @Test
    void aSpreadsheetLoadsWholeOrNotAtAll() throws Exception {
        mvc.perform(get(PAGE).with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Завантаження програми з таблиць")));
        mvc.perform(get(PAGE).with(TestAccounts.as(accounts, "official@sievierodonetsk.demo"))).andExpect(status().isForbidden());
        long before = programmes();

        List<Map<String, String>> figures = new ArrayList<>(demo("figures"));
        for (int i = 0; i < 2; i++) {
            Map<String, String> broken = new LinkedHashMap<>(figures.get(i));
            broken.put("2025", "багато");
            figures.set(i, broken);
        }
        Map<String, List<Map<String, String>>> bad = new LinkedHashMap<>();
        bad.put("priorities", demo("priorities"));
        bad.put("figures", figures);
        bad.put("indicators", demo("indicators"));
        mvc.perform(upload(xlsx(bad))).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("error", "monitoring.error.number"))
                .andExpect(flash().attribute("errors", hasSize(2)));
        mvc.perform(upload("не таблиця".getBytes(StandardCharsets.UTF_8))).andExpect(flash().attribute("error", "monitoring.error.spreadsheet"));
        Map<String, List<Map<String, String>>> noSheet = new LinkedHashMap<>();
        noSheet.put("priorities", demo("priorities"));
        noSheet.put("figures", demo("figures"));
        mvc.perform(upload(xlsx(noSheet))).andExpect(flash().attribute("error", "monitoring.error.sheet"));
        assertThat(programmes()).isEqualTo(before);

        Map<String, List<Map<String, String>>> good = new LinkedHashMap<>();
        good.put("priorities", demo("priorities"));
        good.put("figures", demo("figures"));
        good.put("indicators", demo("indicators"));
        mvc.perform(upload(xlsx(good))).andExpect(redirectedUrl("/sievierodonetsk/programme"))
                .andExpect(flash().attribute("message", "monitoring.imported"));
        assertThat(programmes()).isEqualTo(before + 1);
        // the printed precision survives the spreadsheet: 86,25 stays 86,25 and 100,00 stays as printed
        mvc.perform(get("/sievierodonetsk/programme")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Програма цифрового розвитку громади")))
                .andExpect(content().string(containsString("86,25")))
                .andExpect(content().string(containsString("(за формулою: 11,95)")));
    }
}
