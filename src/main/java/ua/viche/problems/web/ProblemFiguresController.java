package ua.viche.problems.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.problems.domain.ProblemFigures;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.Csv;
import ua.viche.platform.Dates;

/** Problem reports in figures: the page with its charts, the CSV and the JSON twin. */
@Controller
class ProblemFiguresController {

    private final ProblemFigures figures;
    private final Charts charts;
    private final Clock clock;

    ProblemFiguresController(ProblemFigures figures, Charts charts, Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.clock = clock;
    }

    @GetMapping("/{community}/problems/figures")
    String page(@PathVariable("community") String slug, @RequestParam(name = "year", defaultValue = "0") int year,
                Locale locale, Model model) {
        ProblemFigures.Figures f = figures.of(year(year), locale);
        model.addAttribute("figures", f);
        model.addAttribute("years", IntStream.rangeClosed(thisYear() - 4, thisYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("byCategory", byCategory(f));
        model.addAttribute("byMonth", byMonth(f));
        return "problems/figures";
    }

    @GetMapping("/api/v1/{community}/problems/figures")
    @ResponseBody
    ProblemFigures.Figures api(@PathVariable("community") String slug,
                               @RequestParam(name = "year", defaultValue = "0") int year, Locale locale) {
        return figures.of(year(year), locale);
    }

    @GetMapping(value = "/{community}/problems/figures.csv", produces = "text/csv;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> csv(@PathVariable("community") String slug,
                               @RequestParam(name = "year", defaultValue = "0") int year, Locale locale) {
        ProblemFigures.Figures f = figures.of(year(year), locale);
        Csv csv = new Csv().row(List.of("year", "breakdown", "value", "reports", "open", "resolved", "closed"));
        for (ProblemFigures.Row r : f.byCategory()) {
            csv.row(List.of(f.year(), "category", r.label(), r.total(), r.open(), r.resolved(), r.closed()));
        }
        for (ProblemFigures.Month m : f.byMonth()) {
            csv.row(List.of(f.year(), "month", m.month(), m.reported(), "", m.resolved(), ""));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"problems-" + slug + "-" + f.year() + ".csv\"")
                .body(csv.toString());
    }

    private Chart byCategory(ProblemFigures.Figures f) {
        List<ProblemFigures.Row> rows = f.byCategory();
        return charts.chart("by-category", Chart.Kind.STACKED_BAR, "problem.figures.byCategory",
                "problem.figures.byCategory.description", rows.stream().map(ProblemFigures.Row::label).toList(),
                List.of(charts.series("problem.figures.open", rows.stream().map(ProblemFigures.Row::open).toList()),
                        charts.series("problem.figures.resolved", rows.stream().map(ProblemFigures.Row::resolved).toList()),
                        charts.series("problem.figures.closed", rows.stream().map(ProblemFigures.Row::closed).toList())));
    }

    private Chart byMonth(ProblemFigures.Figures f) {
        List<String> months = f.byMonth().stream().map(m -> charts.text("month.short." + m.month())).toList();
        return charts.chart("by-month", Chart.Kind.LINE, "problem.figures.byMonth", "problem.figures.byMonth.description",
                months, List.of(charts.series("problem.figures.reported", f.byMonth().stream().map(ProblemFigures.Month::reported).toList()),
                        charts.series("problem.figures.resolved", f.byMonth().stream().map(ProblemFigures.Month::resolved).toList())));
    }

    private int year(int asked) {
        return asked < 2000 || asked > thisYear() ? thisYear() : asked;
    }

    private int thisYear() {
        return LocalDate.now(clock.withZone(Dates.KYIV)).getYear();
    }
}
