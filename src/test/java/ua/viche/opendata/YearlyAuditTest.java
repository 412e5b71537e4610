package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.opendata.domain.Dataset;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.opendata.domain.YearlyAudit;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ChartTables;
import ua.viche.platform.Department;

/**
 * The yearly audit counted against datasets whose version history is known: a monthly and a
 * quarterly dataset of two departments made for the test, an annual one planned all year, one
 * registered mid-year, an irregular one; the counts by dataset and department in the service, the
 * JSON twin, the page (with its chart by department) and the spreadsheet (headers in the reader's language).
 */
@IntegrationTest
class YearlyAuditTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";
    private static final String DEPT_A = "Відділ аудиту наборів А";
    private static final String DEPT_B = "Відділ аудиту наборів Б";

    @Autowired MockMvc mvc;
    @Autowired Register register;
    @Autowired YearlyAudit audit;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    Community community;

    @BeforeEach
    void setUp() {
        community = communities.bySlug("kropyvnytskyi").orElseThrow();
        CurrentCommunity.runAs(community, () -> identity.callAs(ADMIN, () -> {
            if (register.all().stream().anyMatch(e -> e.dataset().getName().equals("audit-monthly"))) {
                return null;
            }
            communities.addDepartment(DEPT_A, "Audit department A", null, null);
            communities.addDepartment(DEPT_B, "Audit department B", null, null);
            long a = department(DEPT_A).id();
            long b = department(DEPT_B).id();
            // monthly: Jan, Feb on time; Mar late (April 20); Apr on time; May–Jul missed; Aug late (3 Sep); Sep on time;
            // Oct late (15 Nov); Nov on time; Dec late (5 January of the next year)
            made("audit-monthly", Frequency.MONTHLY, a, "2024-12-01", "2025-01-10", "2025-02-05", "2025-04-20", "2025-09-03", "2025-11-15",
                    "2026-01-05");
            // quarterly: Q1 on time (31 March); Q2 late and Q3 on time (both by 2 July); Q4 missed — and overdue now
            made("audit-quarterly", Frequency.QUARTERLY, b, "2024-12-01", "2025-03-31", "2025-07-02");
            // annual, in the register since 2024 and never published: the year's update missed
            made("audit-never", Frequency.ANNUAL, a, "2024-12-01");
            // annual, registered in June: not yet due in its first year
            made("audit-new", Frequency.ANNUAL, b, "2025-06-01");
            // irregular: updates counted, none due
            made("audit-irregular", Frequency.IRREG, b, "2024-12-01", "2025-05-05");
            return null;
        }));
    }

    private Department department(String name) {
        return communities.departments().stream().filter(d -> d.nameUk().equals(name)).findFirst().orElseThrow();
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T09:00:00Z");
    }

    /** A dataset registered on {@code registered} with one version uploaded on each of {@code updates}. */
    private void made(String name, Frequency frequency, long department, String registered, String... updates) {
        register.create(new Register.Input(name, "Набір для аудиту " + name, "Audit dataset " + name, "Опис " + name, "", "аудит",
                Theme.GOVE, "", Licence.CC_BY_4_0, frequency, department, null, null, null, "Кропивницький", name));
        Long resource = null;
        for (int i = 0; i < updates.length; i++) {
            Register.Uploaded u = register.upload(name, resource, "data.csv", ("n,value\n" + i + ",версія " + i + "\n").getBytes(StandardCharsets.UTF_8));
            resource = u.resource().getId();
            jdbc.update("update opendata_version set created_at = ? where resource_id = ? and number = ?", Timestamp.from(at(updates[i])),
                    resource, i + 1);
        }
        long id = community.id();
        jdbc.update("update opendata_dataset set created_at = ?, modified_at = ? where community_id = ? and name = ?",
                Timestamp.from(at(registered)), Timestamp.from(at(registered)), id, name);
        if (updates.length > 0) {
            jdbc.update("update opendata_dataset set issued_at = ?, updated_at = ?, modified_at = ? where community_id = ? and name = ?",
                    Timestamp.from(at(updates[0])), Timestamp.from(at(updates[updates.length - 1])),
                    Timestamp.from(at(updates[updates.length - 1])), id, name);
        }
    }

    private YearlyAudit.Report report(int year) {
        return CurrentCommunity.callAs(community, () -> identity.callAs(ADMIN, () -> audit.report(year)));
    }

    private static YearlyAudit.Counts counts(YearlyAudit.Report r, String name) {
        return r.lines().stream().filter(l -> l.dataset().getName().equals(name)).findFirst().orElseThrow().counts();
    }

    @Test
    void countsEachDatasetsUpdatesDueMadeOnTimeLateAndMissed() {
        YearlyAudit.Report r = report(2025);
        assertThat(counts(r, "audit-monthly")).isEqualTo(new YearlyAudit.Counts(12, 5, 5, 4, 3, LocalDate.of(2025, 11, 15)));
        assertThat(counts(r, "audit-quarterly")).isEqualTo(new YearlyAudit.Counts(4, 2, 2, 1, 1, LocalDate.of(2025, 7, 2)));
        assertThat(counts(r, "audit-never")).isEqualTo(new YearlyAudit.Counts(1, 0, 0, 0, 1, null));
        assertThat(counts(r, "audit-new")).isEqualTo(new YearlyAudit.Counts(0, 0, 0, 0, 0, null));
        assertThat(counts(r, "audit-irregular")).isEqualTo(new YearlyAudit.Counts(0, 1, 0, 0, 0, LocalDate.of(2025, 5, 5)));

        YearlyAudit.Total a = r.departments().stream().filter(t -> t.department() != null && t.department().nameUk().equals(DEPT_A))
                .findFirst().orElseThrow();
        assertThat(a).extracting("datasets", "due", "made", "onTime", "late", "missed").containsExactly(2, 13, 5, 5, 4, 4);
        assertThat(a.onTimePercent()).isEqualTo(38);
        YearlyAudit.Total b = r.departments().stream().filter(t -> t.department() != null && t.department().nameUk().equals(DEPT_B))
                .findFirst().orElseThrow();
        assertThat(b).extracting("datasets", "due", "made", "onTime", "late", "missed").containsExactly(3, 4, 3, 2, 1, 1);
        assertThat(r.total().due()).isEqualTo(r.lines().stream().mapToInt(l -> l.counts().due()).sum());

        assertThat(r.overdueNow()).extracting(l -> l.dataset().getName()).contains("audit-quarterly", "audit-monthly")
                .doesNotContain("audit-never", "audit-new", "audit-irregular");
        assertThat(r.overdueNow()).allMatch(l -> l.status() == Dataset.Shown.OVERDUE);

        // the year before: December 2024 was due for the monthly dataset registered on its first day, updated late (10 January)
        YearlyAudit.Report before = report(2024);
        assertThat(counts(before, "audit-monthly")).isEqualTo(new YearlyAudit.Counts(1, 0, 0, 1, 0, null));
        assertThat(before.lines()).noneMatch(l -> l.dataset().getName().equals("audit-new"));
    }

    @Test
    void theJsonTwinThePageAndTheSpreadsheetShowTheSameCountsWithHeadersInTheReadersLanguage() throws Exception {
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/opendata/audit").param("year", "2025")
                        .with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> monthly = JsonPath.read(json, "$.datasets[?(@.name == 'audit-monthly')]");
        assertThat(monthly.get(0)).containsEntry("due", 12).containsEntry("made", 5).containsEntry("onTime", 5).containsEntry("late", 4)
                .containsEntry("missed", 3).containsEntry("lastUpdate", "2025-11-15").containsEntry("status", "overdue");
        List<Map<String, Object>> deptB = JsonPath.read(json, "$.departments[?(@.department == '" + DEPT_B + "')]");
        assertThat(deptB.get(0)).containsEntry("due", 4).containsEntry("onTime", 2).containsEntry("late", 1).containsEntry("missed", 1);
        List<String> overdue = JsonPath.read(json, "$.overdueNow[*].name");
        assertThat(overdue).contains("audit-quarterly");

        String page = mvc.perform(get("/kropyvnytskyi/opendata/manage/audit").param("year", "2025").header("Accept-Language", "en")
                        .with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Open data yearly audit, 2025", "Audit department B", "Updates due");
        // the chart of the platform's component: by department, the due updates on time, late and missed, as its table says
        assertThat(ChartTables.assertChartsMatchTables(page)).isEqualTo(1);
        Element chartRow = Jsoup.parse(page).select("#audit-chart table tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals("Audit department B")).findFirst().orElseThrow();
        assertThat(chartRow.select("td").eachAttr("data-value")).containsExactly("2", "1", "1");
        assertThat(Jsoup.parse(page).selectFirst("#audit-chart figcaption").text()).isEqualTo("Scheduled updates by department");

        for (String language : List.of("uk", "en")) {
            byte[] xlsx = mvc.perform(get("/kropyvnytskyi/opendata/manage/audit.xlsx").param("year", "2025").header("Accept-Language", language)
                            .with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet datasets = book.getSheetAt(0);
                assertThat(datasets.getRow(0).getCell(4).getStringCellValue()).isEqualTo(language.equals("en") ? "Updates due" : "Мало бути оновлень");
                Row row = null;
                for (Row x : datasets) {
                    if (x.getRowNum() > 0 && x.getCell(1).getStringCellValue().equals("audit-monthly")) {
                        row = x;
                    }
                }
                assertThat(row).isNotNull();
                assertThat(List.of(row.getCell(4).getNumericCellValue(), row.getCell(5).getNumericCellValue(), row.getCell(6).getNumericCellValue(),
                        row.getCell(7).getNumericCellValue(), row.getCell(8).getNumericCellValue())).containsExactly(12.0, 5.0, 5.0, 4.0, 3.0);
                assertThat(book.getSheetAt(1).getSheetName()).isEqualTo(language.equals("en") ? "Departments" : "Підрозділи");
            }
        }
    }

    @Test
    void aResidentGetsNothingAndAYearOutsideTheRegisterIsRefused() throws Exception {
        mvc.perform(get("/api/v1/kropyvnytskyi/opendata/audit").param("year", "1990").with(TestAccounts.as(accounts, ADMIN)))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/v1/kropyvnytskyi/opendata/audit").param("year", "2025")
                .with(TestAccounts.as(accounts, "resident-007@kropyvnytskyi.demo"))).andExpect(status().is4xxClientError());
    }
}
