package ua.viche.queue.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
import ua.viche.platform.Charts;
import ua.viche.platform.Csv;
import ua.viche.platform.Dates;
import ua.viche.platform.Numbers;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.QueueFigures;

/** Open data of the service catalogue (CSV, JSON) and the figures page. */
@Controller
@RequestMapping("/{community}/cnap")
class QueueOpenData {

    private final Catalogue catalogue;
    private final QueueFigures figures;
    private final Clock clock;
    private final Charts charts;

    QueueOpenData(Catalogue catalogue, QueueFigures figures, Clock clock, Charts charts) {
        this.charts = charts;
        this.catalogue = catalogue;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping(value = "/export.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@PathVariable("community") String slug) {
        Csv csv = new Csv().row(List.of("code", "name_uk", "name_en", "category_uk", "category_en", "description", "documents",
                "cost", "duration_minutes", "office_ids"));
        for (QueueApi.ServiceItem s : items()) {
            csv.row(Arrays.asList(s.code(), s.nameUk(), s.nameEn(), s.categoryUk(), s.categoryEn(), s.description(),
                    String.join("; ", s.documents()), s.cost(), s.durationMinutes(),
                    String.join(" ", s.officeIds().stream().map(String::valueOf).toList())));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-cnap-services.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    @GetMapping(value = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<QueueApi.ServiceItem> json(@PathVariable("community") String slug) {
        return items();
    }

    private List<QueueApi.ServiceItem> items() {
        Map<Long, List<Long>> offices = catalogue.officesByService();
        return catalogue.allServices().stream().map(s -> QueueApi.ServiceItem.of(s, offices.getOrDefault(s.getId(), List.of())))
                .toList();
    }

    @GetMapping("/figures")
    String figuresPage(@PathVariable("community") String slug,
                       @RequestParam(name = "from", required = false) @Nullable LocalDate from,
                       @RequestParam(name = "to", required = false) @Nullable LocalDate to, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
        LocalDate t = to == null || to.isAfter(today.plusYears(1)) ? today : to;
        LocalDate f = from == null || from.isAfter(t) || from.isBefore(t.minusYears(5)) ? t.minusDays(29) : from;
        QueueFigures.Figures shown = figures.of(f, t);
        model.addAttribute("figures", shown);
        List<Integer> scores = List.of(5, 4, 3, 2, 1);
        model.addAttribute("ratings", charts.bar("ratings", "queue.figures.ratings", "queue.figures.ratings.description",
                "queue.figures.count", scores.stream().map(n -> charts.text("queue.figures.scoreOf", n)).toList(),
                scores.stream().map(n -> shown.ratingsByScore()[n - 1]).toList()));
        List<QueueFigures.OfficeWait> waits = figures.waitsByOffice(f, t, "en".equals(Numbers.locale().getLanguage()));
        model.addAttribute("waits", charts.bar("waits", "queue.figures.waits", "queue.figures.waits.description",
                "queue.figures.waits.minutes", waits.stream().map(QueueFigures.OfficeWait::office).toList(),
                waits.stream().map(QueueFigures.OfficeWait::averageWaitMinutes).toList()));
        return "queue/figures";
    }

}
