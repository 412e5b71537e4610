package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.monitoring.domain.ProgrammeImport;
import ua.viche.opendata.domain.GeneratedDatasets;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/** The demo programme on its public page and in JSON; another community's page; a refused load saves nothing. */
@IntegrationTest
class ProgrammePagesTest {

    @Autowired MockMvc mvc;
    @Autowired ProgrammeImport imports;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired GeneratedDatasets generated;

    @Test
    void theProgrammePageShowsPrioritiesIndicatorsAndFlagsTheDocumentsDiscrepancies() throws Exception {
        mvc.perform(get("/kropyvnytskyi/programme")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Програма цифрового розвитку на 2025–2027 роки")))
                .andExpect(content().string(containsString("Цифровізація публічних послуг")))
                .andExpect(content().string(containsString("86,25")))
                .andExpect(content().string(containsString("(за формулою: 11,95)")))
                .andExpect(content().string(containsString("(за формулою: 10,28 %)")));
        mvc.perform(get("/kropyvnytskyi/programme").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Digitalisation of public services")))
                .andExpect(content().string(containsString("(the formula gives 11.95)")));
        mvc.perform(get("/kropyvnytskyi/programme/indicators/1.3")).andExpect(status().isOk())
                .andExpect(content().string(containsString("(A/(A+B))*100")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("65,76")))
                .andExpect(content().string(not(containsString("Розбіжність із формулою"))));
        mvc.perform(get("/kropyvnytskyi/programme/indicators/9.9")).andExpect(status().isNotFound());
        // a yes/no indicator has no chart, only its table
        mvc.perform(get("/kropyvnytskyi/programme/indicators/1.4")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Так"))).andExpect(content().string(not(containsString("<svg"))));
    }

    @Test
    void theApiGivesEveryIndicatorWithItsComputedValuesAndDiscrepancies() throws Exception {
        mvc.perform(get("/api/v1/kropyvnytskyi/programme")).andExpect(status().isOk())
                .andExpect(jsonPath("$.firstYear").value(2025)).andExpect(jsonPath("$.priorities.length()").value(5));
        mvc.perform(get("/api/v1/kropyvnytskyi/programme/indicators")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(51))
                .andExpect(jsonPath("$[?(@.code == '1.3')].dynamics").value("1.08"))
                .andExpect(jsonPath("$[?(@.code == '1.3')].letters.A").value("1.5"))
                .andExpect(jsonPath("$[?(@.code == '1.3')].nameUk").value(
                        "% зареєстрованих документів структурних підрозділів ОМС, які підписуються цифровим підписом Керівника"))
                .andExpect(jsonPath("$[?(@.code == '1.3')].unit").value("%"))
                .andExpect(jsonPath("$[?(@.code == '1.3')].formula").value("(A/(A+B))*100"))
                .andExpect(jsonPath("$[?(@.code == '1.3')].baseline").value(65.76))
                .andExpect(jsonPath("$[?(@.code == '1.3')].targets.2025").value(67.67))
                .andExpect(jsonPath("$[?(@.code == '1.3')].targets.2027").value(67.89))
                .andExpect(jsonPath("$[?(@.code == '1.3')].targets.2024").doesNotExist())
                .andExpect(jsonPath("$[?(@.code == '1.3')].actual.2025").exists())
                .andExpect(jsonPath("$[?(@.code == '1.4')].baseline").value(true))
                .andExpect(jsonPath("$[?(@.code == '4.1')].discrepancies[0].where").value("2024"))
                .andExpect(jsonPath("$[?(@.code == '4.1')].discrepancies[3].where").value("2027"))
                .andExpect(jsonPath("$[?(@.code == '5.4')].discrepancies[0].published").value("10.33"))
                .andExpect(jsonPath("$[?(@.code == '2.14')].dynamics").value("reached 2025"));
    }

    @Test
    void theSpreadsheetReadBackHoldsTheValuesThePageAndTheApiShow() throws Exception {
        byte[] xlsx = mvc.perform(get("/kropyvnytskyi/programme/report.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/programme/indicators")).andReturn().getResponse().getContentAsString();
        BigDecimal actual2025 = new BigDecimal(JsonPath.<List<Object>>read(json, "$[?(@.code == '1.3')].actual.2025").get(0).toString());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("Індикатори");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Row row = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals("1.3")) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(header.indexOf("Базове 2024")).getNumericCellValue()).isEqualTo(65.76);
            assertThat(row.getCell(header.indexOf("Ціль 2027")).getNumericCellValue()).isEqualTo(67.89);
            assertThat(row.getCell(header.indexOf("Фактично 2025")).getNumericCellValue()).isCloseTo(actual2025.doubleValue(), within(1e-9));
            assertThat(row.getCell(header.indexOf("Динаміка (обчислено)")).getStringCellValue()).isEqualTo("1.08");
            assertThat(book.getSheet("Показники").getPhysicalNumberOfRows()).isEqualTo(50);
        }
        mvc.perform(get("/kropyvnytskyi/programme/indicators/1.3")).andExpect(content().string(containsString(
                actual2025.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ','))));
        mvc.perform(get("/kropyvnytskyi/programme/values.csv")).andExpect(status().isOk())
                .andExpect(content().string(containsString("figure_code,figure_name,unit,year,quarter,value,accepted_at")))
                .andExpect(content().string(containsString("1.1,")));
        // both are open data: the portal's generated dataset of the module, harvested through its CKAN API
        CurrentCommunity.runAs(communities.bySlug("kropyvnytskyi").orElseThrow(), generated::sync);
        mvc.perform(get("/kropyvnytskyi/api/3/action/package_show").param("id", "monitoring")).andExpect(status().isOk())
                .andExpect(jsonPath("$.result.resources[?(@.name == 'programme-values.csv')].format").value("CSV"))
                .andExpect(jsonPath("$.result.resources[?(@.name == 'programme-report.xlsx')].format").value("XLSX"));
    }

    @Test
    void anotherCommunityHasNoneOfItAndABadLoadSavesNothing() throws Exception {
        mvc.perform(get("/sievierodonetsk/programme")).andExpect(status().isOk())
                .andExpect(content().string(containsString("ще не оприлюднила")))
                .andExpect(content().string(not(containsString("Цифровізація публічних послуг"))));
        mvc.perform(get("/api/v1/sievierodonetsk/programme/indicators")).andExpect(status().isNotFound());
        // the village has its own, smaller programme: its IT strategy's e-service targets
        mvc.perform(get("/dmytrivka/programme")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Стратегія розвитку інформаційних технологій Дмитрівської ОТГ")))
                .andExpect(content().string(not(containsString("Цифровізація публічних послуг"))));
        mvc.perform(get("/api/v1/dmytrivka/programme/indicators")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(6))
                .andExpect(jsonPath("$[?(@.code == '1.1')].formula").value("(A/B)*100"))
                .andExpect(jsonPath("$[?(@.code == '1.1')].published.2022").value(50))
                .andExpect(jsonPath("$[?(@.code == '1.2')].published.2022").value(500))
                .andExpect(jsonPath("$[?(@.code == '1.1')].discrepancies.length()").value(0))
                .andExpect(jsonPath("$[?(@.code == '1.2')].discrepancies.length()").value(0));

        long before = jdbc.queryForObject("select count(*) from monitoring_programme", Long.class);
        ProgrammeImport.Tables bad = new ProgrammeImport.Tables(
                List.of(Map.of("number", "1", "name", "Пріоритет")),
                List.of(Map.of("code", "1.1", "name", "Усього", "never_zero", "так", "baseline", "10", "2025", "десять"),
                        Map.of("code", "1.2", "name", "Частина", "baseline", "5", "2025", "6")),
                List.of(Map.of("priority", "1", "code", "1.1", "name", "Частка", "unit", "%", "formula", "(A/C)*100",
                                "A", "1.2", "B", "1.1"),
                        Map.of("priority", "1", "code", "1.2", "name", "Обернена", "unit", "%", "formula", "(A/B)*100",
                                "A", "1.1", "B", "1.2"),
                        Map.of("priority", "2", "code", "1.3", "name", "Невідомий", "unit", "%", "formula", "A*100",
                                "A", "9.9")));
        CurrentCommunity.runAs(communities.bySlug("dmytrivka").orElseThrow(), () ->
                assertThatThrownBy(() -> imports.load(new ProgrammeImport.Header("Стратегія", "", 2025, 2027, "", ""), bad))
                        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.faults()).extracting(Refusal.Fault::key)
                                .containsExactlyInAnyOrder("monitoring.error.number", "monitoring.error.formulaLetter",
                                        "monitoring.error.zeroDivisor", "monitoring.error.unknownFigure",
                                        "monitoring.error.unknownPriority")));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_programme", Long.class)).isEqualTo(before);
    }
}
