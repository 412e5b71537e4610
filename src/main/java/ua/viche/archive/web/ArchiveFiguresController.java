package ua.viche.archive.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.archive.reading.ArchiveFigures;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.Csv;

/** The digitisation of the holdings in figures: the page with its charts, the CSV and the JSON twin. */
@Controller
class ArchiveFiguresController {

    private final ArchiveFigures figures;
    private final Charts charts;

    ArchiveFiguresController(ArchiveFigures figures, Charts charts) {
        this.figures = figures;
        this.charts = charts;
    }

    @GetMapping("/{community}/archive/figures")
    String page(@PathVariable("community") String slug, Model model) {
        ArchiveFigures.Figures f = figures.now();
        List<ArchiveFigures.Row> rows = f.fonds();
        model.addAttribute("figures", f);
        model.addAttribute("files", charts.chart("files", Chart.Kind.STACKED_BAR, "archive.figures.files",
                "archive.figures.files.description", rows.stream().map(ArchiveFigures.Row::cipher).toList(),
                List.of(charts.series("archive.figures.digitised", rows.stream().map(ArchiveFigures.Row::digitisedFiles).toList()),
                        charts.series("archive.figures.notDigitised", rows.stream().map(ArchiveFigures.Row::filesNotDigitised).toList()))));
        model.addAttribute("pages", charts.chart("pages", Chart.Kind.STACKED_BAR, "archive.figures.pages",
                "archive.figures.pages.description", rows.stream().map(ArchiveFigures.Row::cipher).toList(),
                List.of(charts.series("archive.figures.withText", rows.stream().map(ArchiveFigures.Row::pagesWithText).toList()),
                        charts.series("archive.figures.withoutText", rows.stream().map(ArchiveFigures.Row::pagesWithoutText).toList()))));
        return "archive/reading/figures";
    }

    @GetMapping("/api/v1/{community}/archive/figures")
    @ResponseBody
    ArchiveFigures.Figures api(@PathVariable("community") String slug) {
        return figures.now();
    }

    @GetMapping(value = "/{community}/archive/figures.csv", produces = "text/csv;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> csv(@PathVariable("community") String slug) {
        Csv csv = new Csv().row(List.of("fond", "title", "files", "digitised_files", "pages", "pages_with_text"));
        for (ArchiveFigures.Row r : figures.now().fonds()) {
            csv.row(List.of(r.cipher(), r.title(), r.files(), r.digitisedFiles(), r.pages(), r.pagesWithText()));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"archive-digitisation-" + slug + ".csv\"")
                .body(csv.toString());
    }
}
