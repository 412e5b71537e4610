package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.RoleService;
import ua.viche.monitoring.domain.ProgrammeImport;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Annex 1 of the demo programme: the tasks and their budget on the public page, the task page, JSON
 * and the spreadsheet; the coordinator or the responsible department records progress and spending,
 * audited; anyone else and any bad amount is refused with nothing changed; a bad tasks table loads nothing.
 */
@IntegrationTest
class ProgrammeTasksTest {

    private static final String COORDINATOR = "official@kropyvnytskyi.demo";
    private static final String EDUCATION = DemoResidents.email("kropyvnytskyi", 473);
    private static final String RESIDENT = DemoResidents.email("kropyvnytskyi", 472);

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired RoleService roles;
    @Autowired Communities communities;
    @Autowired ProgrammeImport imports;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void educationOfficial() {
        CurrentCommunity.runAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> {
            Department education = communities.departments().stream().filter(d -> d.nameUk().equals("Управління освіти"))
                    .findFirst().orElseThrow();
            roles.grant(accounts.findByEmail(EDUCATION).orElseThrow().getId(), Role.OFFICIAL, education.id(), null);
        });
    }

    private long task(String code) {
        return jdbc.queryForObject("select t.id from monitoring_task t join monitoring_programme p on p.id = t.programme_id "
                + "join community c on c.id = p.community_id where c.slug = 'kropyvnytskyi' and t.code = ?", Long.class, code);
    }

    private BigDecimal actual(long task, int year) {
        return jdbc.queryForObject("select actual from monitoring_budget_line where task_id = ? and year = ? and source = 'CITY'",
                BigDecimal.class, task, year);
    }

    @Test
    void thePublicPageJsonAndSpreadsheetShowTheTasksAndTheirBudget() throws Exception {
        mvc.perform(get("/kropyvnytskyi/programme")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Фінансування програми")))
                .andExpect(content().string(containsString("068,950")))
                .andExpect(content().string(containsString("Розвиток системи електронного документообігу")))
                .andExpect(content().string(containsString("Не потребує фінансування")));
        mvc.perform(get("/kropyvnytskyi/programme").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("The programme’s funding")))
                .andExpect(content().string(containsString("4,068.950")));
        mvc.perform(get("/kropyvnytskyi/programme/tasks/1.2")).andExpect(status().isOk())
                .andExpect(content().string(containsString("726,694")))
                .andExpect(content().string(containsString("Виконавчі органи міської ради")))
                .andExpect(content().string(containsString("Місцевий бюджет")));
        mvc.perform(get("/kropyvnytskyi/programme/tasks/9.9")).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/programme/tasks/1.2")).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/kropyvnytskyi/programme")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks.length()").value(44))
                .andExpect(jsonPath("$.tasks[?(@.code == '1.5')].planned").value(40.0))
                .andExpect(jsonPath("$.tasks[?(@.code == '1.5')].period").value("2026-2027 роки"))
                .andExpect(jsonPath("$.tasks[?(@.code == '4.1')].priority").value("5"))
                .andExpect(jsonPath("$.tasks[?(@.code == '1.4')].funding").value("none"))
                .andExpect(jsonPath("$.budget[0].year").value(2025))
                .andExpect(jsonPath("$.budget[0].planned").value(4068.95))
                .andExpect(jsonPath("$.budget[2].plannedBySource.city").value(4157.484));

        byte[] xlsx = mvc.perform(get("/kropyvnytskyi/programme/report.xlsx")).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("Завдання");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Row row = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals("1.2")) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(header.indexOf("Заплановано 2026, тис. грн")).getNumericCellValue()).isEqualTo(1726.694);
            assertThat(row.getCell(header.indexOf("Джерело")).getStringCellValue()).isEqualTo("Місцевий бюджет");
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(45);
        }
    }

    @Test
    void thePdfReportHoldsTheIndicatorsTasksAndBudgetInTheReadersLanguage() throws Exception {
        byte[] pdf = mvc.perform(get("/kropyvnytskyi/programme/report.pdf")).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Програма цифрового розвитку на 2025–2027 роки").contains("Завдання 1.2")
                    .contains("Розбіжність із формулою").contains("Обсяги фінансування за роками").contains("068,950");
        }
        byte[] english = mvc.perform(get("/kropyvnytskyi/programme/report.pdf").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Digital Development Programme 2025–2027").contains("Task 1.2");
        }
        mvc.perform(get("/sievierodonetsk/programme/report.pdf")).andExpect(status().isNotFound());
    }

    @Test
    void theCoordinatorAndTheResponsibleDepartmentRecordProgressOthersAreRefused() throws Exception {
        long t26 = task("2.6");
        mvc.perform(post("/kropyvnytskyi/programme/manage/tasks/2.6").with(csrf()).with(TestAccounts.as(accounts, EDUCATION))
                        .param("task", String.valueOf(t26)).param("status", "UNDER_WAY").param("progress", "Запущено онлайн-реєстрацію до ЗДО.")
                        .param("actual-2026-city", "198,5").param("actual-2025-city", "57"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "monitoring.task.recorded"));
        assertThat(actual(t26, 2026)).isEqualByComparingTo("198.500");
        assertThat(actual(t26, 2025)).isEqualByComparingTo("57");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'monitoring.task.recorded' and object_id = ?",
                Long.class, String.valueOf(t26))).isPositive();
        mvc.perform(get("/kropyvnytskyi/programme/tasks/2.6")).andExpect(content().string(containsString("198,500")))
                .andExpect(content().string(containsString("Запущено онлайн-реєстрацію до ЗДО.")));

        // the education department does not answer for task 1.1; a resident answers for none
        long t11 = task("1.1");
        BigDecimal before = actual(t11, 2025);
        mvc.perform(post("/kropyvnytskyi/programme/manage/tasks/1.1").with(csrf()).with(TestAccounts.as(accounts, EDUCATION))
                        .param("task", String.valueOf(t11)).param("status", "DONE").param("actual-2025-city", "1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "monitoring.error.notYourTask"));
        mvc.perform(post("/kropyvnytskyi/programme/manage/tasks/1.1").with(csrf()).with(TestAccounts.as(accounts, RESIDENT))
                        .param("task", String.valueOf(t11)).param("status", "DONE").param("actual-2025-city", "1"))
                .andExpect(status().isForbidden());
        // a bad amount: refused, named, nothing changed
        mvc.perform(post("/kropyvnytskyi/programme/manage/tasks/1.1").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                        .param("task", String.valueOf(t11)).param("status", "DONE").param("actual-2025-city", "сімсот")
                        .param("actual-2026-city", "700"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "monitoring.error.spent"));
        assertThat(actual(t11, 2025)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select status from monitoring_task where id = ?", String.class, t11)).isNotEqualTo("DONE");
        // the coordinator may record any task; a source without a planned line gets one planned at nothing
        mvc.perform(post("/kropyvnytskyi/programme/manage/tasks/1.1").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                        .param("task", String.valueOf(t11)).param("status", "UNDER_WAY").param("actual-2025-city", "700,1")
                        .param("actual-2025-ita", "12"))
                .andExpect(status().is3xxRedirection());
        assertThat(actual(t11, 2025)).isEqualByComparingTo("700.1");
        assertThat(jdbc.queryForObject("select planned from monitoring_budget_line where task_id = ? and year = 2025 and source = 'ITA'",
                BigDecimal.class, t11)).isEqualByComparingTo("0");
        mvc.perform(get("/kropyvnytskyi/programme/tasks/1.1").with(TestAccounts.as(accounts, COORDINATOR)))
                .andExpect(content().string(containsString("Записати хід виконання")));
        mvc.perform(get("/kropyvnytskyi/programme/tasks/1.1").with(TestAccounts.as(accounts, RESIDENT)))
                .andExpect(content().string(not(containsString("Записати хід виконання"))));
    }

    @Test
    void aBadTasksTableLoadsNothing() {
        long before = jdbc.queryForObject("select count(*) from monitoring_programme", Long.class);
        ProgrammeImport.Tables tables = new ProgrammeImport.Tables(
                List.of(Map.of("number", "1", "name", "Пріоритет")),
                List.of(Map.of("code", "1.1", "name", "Усього", "never_zero", "так", "baseline", "10", "2025", "11")),
                List.of(Map.of("priority", "1", "code", "1.1", "name", "Частка", "unit", "одиниць", "baseline", "1", "2025", "2")),
                List.of(Map.of("priority", "1", "code", "1.1", "name", "Сайт", "funding", "budget", "city_2025", "десять"),
                        Map.of("priority", "2", "code", "1.2", "name", "Мережа", "funding", "none"),
                        Map.of("priority", "1", "code", "1.3", "name", "Курси", "funding", "budget", "city_2025", "10", "total", "12"),
                        Map.of("priority", "1", "code", "1.4", "name", "Сервери", "funding", "within", "city_2025", "5"),
                        Map.of("priority", "1", "code", "1.5", "name", "Хостинг", "funding", "як вийде"),
                        Map.of("priority", "1", "code", "1.6", "name", "Архів", "funding", "budget", "city_2030", "5")));
        CurrentCommunity.runAs(communities.bySlug("dmytrivka").orElseThrow(), () ->
                assertThatThrownBy(() ->
                                imports.load(new ProgrammeImport.Header("Стратегія", "", 2025, 2027, "", ""), tables))
                        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.faults()).extracting(Refusal.Fault::key)
                                .containsExactlyInAnyOrder("monitoring.error.amount", "monitoring.error.noBudget",
                                        "monitoring.error.taskPriority", "monitoring.error.total", "monitoring.error.unfundedBudget",
                                        "monitoring.error.funding", "monitoring.error.amountYear", "monitoring.error.noBudget")));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_programme", Long.class)).isEqualTo(before);
    }
}
