package ua.viche.appeals.problems.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.appeals.problems.domain.ProblemFigures;
import ua.viche.platform.Chart;
import ua.viche.platform.Csv;
import ua.viche.platform.Dates;

/** Problem reports in figures: the page with its charts, the CSV and the JSON twin. */
@Controller
class ProblemFiguresController {

    private final ProblemFigures figures;
    private final MessageSource messages;
    private final Clock clock;

    ProblemFiguresController(ProblemFigures figures, MessageSource messages, Clock clock) {
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/{community}/problems/figures")
    String page(@PathVariable("community") String slug, @RequestParam(name = "year", defaultValue = "0") int year,
                Locale locale, Model model) {
        ProblemFigures.Figures f = figures.of(year(year), locale);
        model.addAttribute("figures", f);
        model.addAttribute("years", IntStream.rangeClosed(thisYear() - 4, thisYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("byCategory", byCategory(f, locale));
        model.addAttribute("byMonth", byMonth(f, locale));
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

    private Chart byCategory(ProblemFigures.Figures f, Locale locale) {
        List<ProblemFigures.Row> rows = f.byCategory();
        return Chart.of("by-category", Chart.Kind.STACKED_BAR, text("problem.figures.byCategory", locale),
                text("problem.figures.byCategory.description", locale), rows.stream().map(ProblemFigures.Row::label).toList(),
                List.of(new Chart.Series(text("problem.figures.open", locale), rows.stream().map(ProblemFigures.Row::open).toList()),
                        new Chart.Series(text("problem.figures.resolved", locale),
                                rows.stream().map(ProblemFigures.Row::resolved).toList()),
                        new Chart.Series(text("problem.figures.closed", locale),
                                rows.stream().map(ProblemFigures.Row::closed).toList())),
                locale);
    }

    private Chart byMonth(ProblemFigures.Figures f, Locale locale) {
        List<String> months = new ArrayList<>();
        for (ProblemFigures.Month m : f.byMonth()) {
            months.add(text("month.short." + m.month(), locale));
        }
        return Chart.of("by-month", Chart.Kind.LINE, text("problem.figures.byMonth", locale),
                text("problem.figures.byMonth.description", locale), months,
                List.of(new Chart.Series(text("problem.figures.reported", locale),
                                f.byMonth().stream().map(ProblemFigures.Month::reported).toList()),
                        new Chart.Series(text("problem.figures.resolved", locale),
                                f.byMonth().stream().map(ProblemFigures.Month::resolved).toList())),
                locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private int year(int asked) {
        return asked < 2000 || asked > thisYear() ? thisYear() : asked;
    }

    private int thisYear() {
        return LocalDate.now(clock.withZone(Dates.KYIV)).getYear();
    }
}
