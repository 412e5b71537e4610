package ua.viche.budget.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.budget.domain.BudgetFigures;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.results.Outcome;
import ua.viche.platform.Csv;

/** Open data of the budget: projects as CSV and GeoJSON, results as CSV, cycles as JSON (sums in hryvnias with kopecks). */
@RestController
class BudgetOpenData {

    private final BudgetService budget;
    private final BudgetFigures figures;
    private final BudgetApi api;

    BudgetOpenData(BudgetService budget, BudgetFigures figures, BudgetApi api) {
        this.budget = budget;
        this.figures = figures;
        this.api = api;
    }

    @GetMapping("/{community}/budget/cycles.json")
    List<BudgetApi.CycleJson> cycles(@PathVariable("community") String slug) {
        return api.cycles(slug);
    }

    @GetMapping(value = "/{community}/budget/cycles/{id:\\d+}/projects.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> projectsCsv(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Csv csv = new Csv().row(List.of("id", "category_id", "title", "status", "cost_uah", "revised_cost_uah", "latitude",
                "longitude", "address", "author", "submitted_at", "votes", "implementation", "spent_uah"));
        for (BudgetApi.ProjectJson p : api.projects(slug, id)) {
            csv.row(Arrays.asList(p.id(), p.categoryId(), p.title(), p.status(), uah(p.cost()),
                    p.revisedCost() == null ? null : uah(p.revisedCost()), p.latitude(), p.longitude(), p.address(), p.authorName(),
                    p.submittedAt(), p.votes(), p.implementation(), uah(p.spent())));
        }
        return attachment(csv.toString(), "budget-" + slug + "-" + id + "-projects.csv", "text/csv;charset=UTF-8");
    }

    @GetMapping(value = "/{community}/budget/cycles/{id:\\d+}/results.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> resultsCsv(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Csv csv = new Csv().row(List.of("category_id", "project_id", "votes", "cost_uah", "won", "reason", "round", "payers"));
        Cycle cycle = budget.cycle(id);
        Cycle.Phase phase = cycle.phase(budget.today());
        if (phase == Cycle.Phase.COUNTING || phase == Cycle.Phase.RESULTS) {
            for (Map.Entry<Long, Outcome> e : figures.results(id).entrySet()) {
                e.getValue().lines().forEach(l -> csv.row(List.of(e.getKey(), l.projectId(), l.votes(), uah(l.cost()), l.won(),
                        l.reason().name().toLowerCase(), l.round(), l.payers())));
            }
        }
        return attachment(csv.toString(), "budget-" + slug + "-" + id + "-results.csv", "text/csv;charset=UTF-8");
    }

    @GetMapping(value = "/{community}/budget/cycles/{id:\\d+}/projects.geojson", produces = "application/geo+json")
    Map<String, Object> projectsGeoJson(@PathVariable("community") String slug, @PathVariable("id") long id) {
        List<Map<String, Object>> features = api.projects(slug, id).stream().filter(p -> p.latitude() != null)
                .map(p -> Map.<String, Object>of("type", "Feature",
                        "geometry", Map.of("type", "Point", "coordinates", List.of(p.longitude(), p.latitude())),
                        "properties", Map.of("id", p.id(), "title", p.title(), "status", p.status(), "cost_uah", uah(p.cost()),
                                "url", p.url())))
                .toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static String uah(long kopecks) {
        return BigDecimal.valueOf(kopecks).movePointLeft(2).toPlainString();
    }

    private static ResponseEntity<String> attachment(String body, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

}
