package ua.viche.problems.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import ua.viche.platform.Csv;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.problems.domain.ProblemService;

/** Open data of problem reports: CSV (formula-safe) and GeoJSON (located reports only). */
@Controller
@RequestMapping("/{community}/problems")
class ProblemOpenData {

    private final ProblemService problems;

    ProblemOpenData(ProblemService problems) {
        this.problems = problems;
    }

    @GetMapping(value = "/export.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@PathVariable("community") String slug) {
        Csv csv = new Csv().row(List.of("id", "category_code", "category", "status", "latitude", "longitude", "address",
                "description", "reporter", "created_at", "updated_at", "url"));
        for (ProblemView v : views(slug)) {
            csv.row(Arrays.asList(v.id(), v.categoryCode(), v.categoryUk(), v.status().toLowerCase(), v.latitude(), v.longitude(),
                    v.address(), v.description(), v.reporterName(), v.createdAt(), v.updatedAt(), v.url()));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-problems.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    @GetMapping(value = "/export.geojson", produces = "application/geo+json")
    ResponseEntity<Map<String, Object>> geojson(@PathVariable("community") String slug) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (ProblemView v : views(slug)) {
            if (!v.located()) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", v.id());
            properties.put("category_code", v.categoryCode());
            properties.put("category", v.categoryUk());
            properties.put("status", v.status().toLowerCase());
            properties.put("address", v.address());
            properties.put("description", v.description());
            properties.put("created_at", v.createdAt().toString());
            properties.put("updated_at", v.updatedAt().toString());
            properties.put("url", v.url());
            features.add(Map.of("type", "Feature",
                    "geometry", Map.of("type", "Point", "coordinates", List.of(v.longitude(), v.latitude())),
                    "properties", properties));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    private List<ProblemView> views(String slug) {
        Map<Long, ProblemCategory> byId = ProblemView.byId(problems.categories());
        return problems.all().stream().map(r -> ProblemView.of(r, byId.get(r.getCategoryId()), slug)).toList();
    }
}
