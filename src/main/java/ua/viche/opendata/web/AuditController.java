package ua.viche.opendata.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.YearlyAudit;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.Department;
import ua.viche.platform.Refusal;

/**
 * The yearly audit of the register (decision 0053): the page (with a chart of the due updates by
 * department: on time, late, missed), its spreadsheet and its JSON twin.
 */
@Controller
@Refusal.Back("/{community}/opendata/manage")
class AuditController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final YearlyAudit audit;
    private final Register register;
    private final Charts charts;

    AuditController(YearlyAudit audit, Register register, Charts charts) {
        this.audit = audit;
        this.register = register;
        this.charts = charts;
    }

    private int year(@Nullable Integer year) {
        return year == null ? register.today().getYear() : year;
    }

    @GetMapping("/{community}/opendata/manage/audit")
    String page(@PathVariable("community") String slug, @RequestParam(name = "year", required = false) @Nullable Integer year, Model model,
                Locale locale) {
        YearlyAudit.Report report = audit.report(year(year));
        model.addAttribute("report", report);
        model.addAttribute("chart", chart(report, locale));
        return "opendata/audit";
    }

    /** The due updates of each department's datasets as stacked bars: on time, late, missed. */
    private Chart chart(YearlyAudit.Report report, Locale locale) {
        List<YearlyAudit.Total> rows = report.departments();
        List<String> labels = rows.stream().map(t -> t.department() == null ? charts.text("opendata.field.noDepartment")
                : t.department().name(locale)).toList();
        return charts.chart("audit-chart", Chart.Kind.STACKED_BAR, "opendata.audit.chart", "opendata.audit.chart.description", labels,
                List.of(charts.series("opendata.audit.onTime", rows.stream().map(YearlyAudit.Total::onTime).toList()),
                        charts.series("opendata.audit.late", rows.stream().map(YearlyAudit.Total::late).toList()),
                        charts.series("opendata.audit.missed", rows.stream().map(YearlyAudit.Total::missed).toList())));
    }

    @GetMapping("/{community}/opendata/manage/audit.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable("community") String slug, @RequestParam(name = "year", required = false) @Nullable Integer year,
                                Locale locale) {
        YearlyAudit.Report report = audit.report(year(year));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("opendata-audit-" + slug + "-" + report.year() + ".xlsx").build().toString())
                .body(audit.xlsx(report, locale));
    }

    record CountsJson(String name, String id, String title, @Nullable String department, String frequency, boolean scheduled, int due,
                      int made, int onTime, int late, int missed, @Nullable String lastUpdate, String status, @Nullable String dueDay) {}

    record TotalJson(@Nullable Long departmentId, @Nullable String department, int datasets, int due, int made, int onTime, int late,
                     int missed, @Nullable Integer onTimePercent) {}

    @GetMapping("/api/v1/{community}/opendata/audit")
    @ResponseBody
    Map<String, Object> json(@PathVariable("community") String slug, @RequestParam(name = "year", required = false) @Nullable Integer year,
                             Locale locale) {
        YearlyAudit.Report report = audit.report(year(year));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", report.year());
        out.put("asOf", report.asOf().toString());
        out.put("datasets", report.lines().stream().map(l -> line(l, locale)).toList());
        out.put("departments", report.departments().stream().map(t -> total(t, locale)).toList());
        out.put("total", total(report.total(), locale));
        out.put("overdueNow", report.overdueNow().stream().map(l -> line(l, locale)).toList());
        return out;
    }

    private static CountsJson line(YearlyAudit.Line l, Locale locale) {
        YearlyAudit.Counts c = l.counts();
        return new CountsJson(l.dataset().getName(), l.dataset().getUuid().toString(), l.dataset().title(locale),
                l.department() == null ? null : l.department().name(locale), l.dataset().getFrequency().name(), l.scheduled(), c.due(),
                c.made(), c.onTime(), c.late(), c.missed(), c.lastUpdate() == null ? null : c.lastUpdate().toString(),
                l.status().name().toLowerCase(Locale.ROOT), l.dataset().dueDay().map(Object::toString).orElse(null));
    }

    private static TotalJson total(YearlyAudit.Total t, Locale locale) {
        Department d = t.department();
        return new TotalJson(d == null ? null : d.id(), d == null ? null : d.name(locale), t.datasets(), t.due(), t.made(), t.onTime(),
                t.late(), t.missed(), t.onTimePercent());
    }
}
