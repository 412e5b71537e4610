package ua.viche.monitoring.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import ua.viche.monitoring.domain.IndicatorCalculation;
import ua.viche.monitoring.domain.IndicatorCalculation.Value;
import ua.viche.monitoring.domain.IndicatorReporting;
import ua.viche.monitoring.domain.ProgrammeReport;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.monitoring.domain.ProgrammeService.IndicatorView;
import ua.viche.monitoring.domain.ProgrammeService.ProgrammeView;
import ua.viche.monitoring.domain.Task;
import ua.viche.monitoring.domain.TaskReporting;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.ThreadClock;

/** The public programme page (priorities and their indicators) and each indicator's page with its chart. */
@Controller
@RequestMapping("/{community}/programme")
class ProgrammeController {

    private final ProgrammeService programmes;
    private final Charts charts;
    private final ProgrammeReport report;
    private final TaskReporting tasks;
    private final ProgrammePdf pdf;
    private final ThreadClock clock;
    private final IndicatorReporting indicators;

    ProgrammeController(ProgrammeService programmes, Charts charts, ProgrammeReport report, TaskReporting tasks, ProgrammePdf pdf,
                        ThreadClock clock, IndicatorReporting indicators) {
        this.indicators = indicators;
        this.pdf = pdf;
        this.clock = clock;
        this.tasks = tasks;
        this.report = report;
        this.programmes = programmes;
        this.charts = charts;
    }

    @GetMapping
    String programme(@PathVariable("community") String slug, Model model) {
        programmes.current().flatMap(p -> programmes.view(p.getId())).ifPresent(v -> {
            model.addAttribute("view", v);
            if (!v.tasks().isEmpty()) {
                model.addAttribute("budgetChart", budgetChart(v));
            }
        });
        return "monitoring/programme";
    }

    /** A task of the programme: who, when, how funded, its budget lines, and its progress; the form for those who record it. */
    @GetMapping("/tasks/{code:[0-9.]+}")
    String task(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        ProgrammeView view = currentView();
        Task task = view.tasks().stream().filter(t -> t.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        model.addAttribute("view", view);
        model.addAttribute("task", task);
        model.addAttribute("mayRecord", tasks.mayRecord(task));
        model.addAttribute("statuses", Task.Status.values());
        model.addAttribute("sources", Task.Source.values());
        return "monitoring/task";
    }

    /** The community's current programme as its pages show it; 404 when it has none. */
    private ProgrammeView currentView() {
        return programmes.current().flatMap(p -> programmes.view(p.getId())).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
    }

    /** The money planned and spent by year (the budget table beside it shows the same). */
    private Chart budgetChart(ProgrammeView view) {
        List<ProgrammeService.BudgetYear> years = view.budget();
        return charts.chart("programme-budget", Chart.Kind.LINE, "monitoring.budget.chart.title", "monitoring.budget.chart.description",
                years.stream().map(y -> String.valueOf(y.year())).toList(),
                List.of(charts.series("monitoring.budget.planned", years.stream().map(ProgrammeService.BudgetYear::planned).toList()),
                        charts.series("monitoring.budget.actual", years.stream().map(ProgrammeService.BudgetYear::actual).toList())));
    }

    /** The yearly report in the shape of the annexes, as a spreadsheet. */
    @GetMapping(value = "/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable("community") String slug) {
        ProgrammeView view = currentView();
        return download(report.xlsx(view), "programme-" + slug + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /** The report as a PDF, in the reader's language. */
    @GetMapping(value = "/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable("community") String slug) {
        ProgrammeView view = currentView();
        return download(pdf.render(view, clock.instant()), "programme-" + slug + ".pdf", "application/pdf");
    }

    /** Every accepted quarterly value, as open data. */
    @GetMapping(value = "/values.csv")
    ResponseEntity<byte[]> values(@PathVariable("community") String slug) {
        ProgrammeView view = currentView();
        return download(report.valuesCsv(view).getBytes(StandardCharsets.UTF_8), "programme-" + slug + "-values.csv",
                "text/csv;charset=UTF-8");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    @GetMapping("/indicators/{code:[A-Za-z0-9.]+}")
    String indicator(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        ProgrammeView view = currentView();
        IndicatorView indicator = view.indicator(code).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        model.addAttribute("view", view);
        model.addAttribute("i", indicator);
        model.addAttribute("mayRecord", indicators.mayRecord(indicator.indicator()));
        if (indicator.indicator().formula() != null) {
            List<String> codes = indicator.indicator().formula().letters().values().stream().distinct().sorted()
                    .filter(c -> view.figures().stream().anyMatch(f -> f.getCode().equals(c) && f.getComputed() != null)).toList();
            if (!codes.isEmpty()) {
                model.addAttribute("computedCodes", String.join(", ", codes));
                model.addAttribute("computedAt", clock.instant());
            }
        }
        if (indicator.indicator().getType() == IndicatorCalculation.Type.NUMBER) {
            model.addAttribute("chart", chart(view, indicator));
        }
        return "monitoring/indicator";
    }

    /** Targets as printed and as the formula gives them from the forecasts, and the actual values, by year (the table beside it shows them). */
    private Chart chart(ProgrammeView view, IndicatorView i) {
        List<Integer> years = view.programme().years();
        List<String> labels = years.stream().map(String::valueOf).toList();
        List<Chart.Series> series = new ArrayList<>();
        series.add(charts.series("monitoring.chart.published", years.stream().map(y -> number(i.published().get(y))).toList()));
        if (i.indicator().getFormula() != null) {
            series.add(charts.series("monitoring.chart.computed",
                    years.stream().map(y -> rounded(i.planned().computed().get(y), i.published().get(y))).toList()));
        }
        if (i.hasActual()) {
            series.add(charts.series("monitoring.chart.actual",
                    years.stream().map(y -> rounded(i.actual().get(y), i.published().get(y))).toList()));
        }
        return charts.chart("indicator-" + i.indicator().getCode(), Chart.Kind.LINE, "monitoring.chart.title",
                "monitoring.chart.description", labels, series);
    }

    static @Nullable BigDecimal number(@Nullable Value v) {
        return v == null || v.number() == null ? null : v.number();
    }

    /** A value at the precision the programme prints the year's value with (two decimals when none is printed). */
    static @Nullable BigDecimal rounded(@Nullable Value value, @Nullable Value printed) {
        BigDecimal n = number(value);
        int scale = printed != null && printed.number() != null ? Math.max(printed.number().scale(), 0) : 2;
        return n == null ? null : n.setScale(scale, RoundingMode.HALF_UP);
    }
}
