package ua.viche.petitions.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.petitions.domain.PetitionFigures;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.Charts;
import ua.viche.platform.Csv;
import ua.viche.platform.Dates;

/** Open data of published petitions (CSV, JSON) and the figures page. */
@Controller
@RequestMapping("/{community}/petitions")
class PetitionOpenData {

    private final PetitionService petitions;
    private final PetitionFigures figures;
    private final Clock clock;
    private final Charts charts;

    PetitionOpenData(PetitionService petitions, PetitionFigures figures, Clock clock, Charts charts) {
        this.charts = charts;
        this.petitions = petitions;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping(value = "/export.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@PathVariable("community") String slug) {
        Csv csv = new Csv().row(List.of("id", "title", "status", "author", "signature_count", "threshold", "published_at",
                "collection_ends_at", "threshold_reached_at", "answer_due_at", "answer_outcome", "answer_text",
                "answer_document_url", "answered_at", "url"));
        for (PetitionView v : views(slug)) {
            csv.row(Arrays.asList(v.id(), v.title(), v.status().toLowerCase(), v.authorName(), v.signatureCount(),
                    v.threshold(), v.publishedAt(), v.collectionEndsAt(), v.thresholdReachedAt(), v.answerDueAt(),
                    v.answerOutcome(), v.answerText(), v.answerDocumentUrl(), v.answeredAt(), v.url()));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-petitions.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    @GetMapping(value = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<PetitionApi.Detail> json(@PathVariable("community") String slug) {
        return views(slug).stream().map(PetitionApi.Detail::of).toList();
    }

    @GetMapping("/figures")
    String figures(@PathVariable("community") String slug, @RequestParam(name = "year", defaultValue = "0") int year,
                   Model model) {
        int current = LocalDate.now(clock.withZone(Dates.KYIV)).getYear();
        int y = year < 2000 || year > current ? current : year;
        PetitionFigures.Figures shown = figures.of(y);
        model.addAttribute("figures", shown);
        model.addAttribute("byStatus", charts.bar("by-status", "petitions.figures.byStatus",
                "petitions.figures.byStatus.description", "petitions.figures.count",
                shown.byStatus().keySet().stream().map(s -> charts.text("petition.status." + s)).toList(),
                List.copyOf(shown.byStatus().values())));
        model.addAttribute("years", IntStream.rangeClosed(current - 5, current).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        return "petitions/figures";
    }

    private List<PetitionView> views(String slug) {
        Instant now = Instant.now(clock);
        return petitions.allPublic().stream().map(p -> PetitionView.of(p, now, slug)).toList();
    }
}
