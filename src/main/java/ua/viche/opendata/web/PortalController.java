package ua.viche.opendata.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.opendata.domain.DatasetResource;
import ua.viche.opendata.domain.Format;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.GeneratedDatasets;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.opendata.domain.Version;
import ua.viche.platform.Attachments;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.NotFoundException;

/**
 * The public portal: the catalogue with facets (theme, department, format, frequency) and search
 * with Ukrainian morphology, a dataset's page with its resources, versions, download counts and a
 * preview of its CSV as a table (an uploaded one's latest version, else a generated one as its module
 * serves it), downloads (counted), and the page explaining the APIs; the JSON
 * twin is {@link PortalApi}.
 */
@Controller
class PortalController {

    static final int PAGE = 25;

    private final Register register;
    private final GeneratedDatasets generated;
    private final Attachments attachments;

    PortalController(Register register, GeneratedDatasets generated, Attachments attachments) {
        this.register = register;
        this.generated = generated;
        this.attachments = attachments;
    }

    /** The filters of the catalogue, as the query string gives them. */
    record Filters(String q, @Nullable Theme theme, @Nullable Long department, @Nullable Format format, @Nullable Frequency frequency) {}

    /** A facet's value with how many of the found datasets have it. */
    record FacetValue(String value, String label, long count, boolean chosen) {}

    record Found(List<Register.Entry> rows, Map<String, List<FacetValue>> facets, int total) {}

    static @Nullable <E extends Enum<E>> E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Filters filters(String q, @Nullable String theme, @Nullable Long department, @Nullable String format, @Nullable String frequency) {
        return new Filters(q.strip(), parse(Theme.class, theme), department, parse(Format.class, format), parse(Frequency.class, frequency));
    }

    /** The published datasets the filters find, by title, with facet counts over the words' matches. */
    static Found find(Register register, Filters f, Locale locale) {
        List<Register.Entry> all = register.published();
        if (!f.q().isEmpty()) {
            Set<Long> ids = register.textMatches(f.q());
            all = all.stream().filter(e -> ids.contains(e.dataset().getId())).toList();
        }
        List<Register.Entry> rows = all.stream()
                .filter(e -> f.theme() == null || e.dataset().getTheme() == f.theme())
                .filter(e -> f.department() == null || f.department().equals(e.dataset().getDepartmentId()))
                .filter(e -> f.format() == null || e.formats().contains(f.format()))
                .filter(e -> f.frequency() == null || e.dataset().getFrequency() == f.frequency())
                .sorted(Comparator.comparing((Register.Entry e) -> e.dataset().title(locale), Communities.UKRAINIAN_ORDER))
                .toList();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put("theme", facet(rows, e -> List.of(e.dataset().getTheme().name()), f.theme() == null ? null : f.theme().name(), v -> v));
        Map<String, String> departments = new TreeMap<>();
        rows.forEach(e -> {
            Department d = e.department();
            if (d != null) {
                departments.put(String.valueOf(d.id()), d.name(locale));
            }
        });
        facets.put("department", facet(rows, e -> e.department() == null ? List.of() : List.of(String.valueOf(e.department().id())),
                f.department() == null ? null : String.valueOf(f.department()), v -> departments.getOrDefault(v, v)));
        facets.put("format", facet(rows, e -> e.formats().stream().map(Enum::name).toList(), f.format() == null ? null : f.format().name(), v -> v));
        facets.put("frequency", facet(rows, e -> List.of(e.dataset().getFrequency().name()),
                f.frequency() == null ? null : f.frequency().name(), v -> v));
        return new Found(rows, facets, rows.size());
    }

    private static List<FacetValue> facet(List<Register.Entry> rows, Function<Register.Entry, List<String>> values,
                                          @Nullable String chosen, Function<String, String> label) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(e -> values.apply(e).forEach(v -> counts.merge(v, 1L, Long::sum)));
        List<FacetValue> out = new ArrayList<>();
        counts.forEach((v, n) -> out.add(new FacetValue(v, label.apply(v), n, v.equals(chosen))));
        return out;
    }

    @GetMapping("/{community}/opendata")
    String catalogue(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                     @RequestParam(name = "theme", required = false) @Nullable String theme,
                     @RequestParam(name = "department", required = false) @Nullable Long department,
                     @RequestParam(name = "format", required = false) @Nullable String format,
                     @RequestParam(name = "frequency", required = false) @Nullable String frequency,
                     @RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale) {
        Filters f = filters(q, theme, department, format, frequency);
        Found found = find(register, f, locale);
        int p = Math.max(0, Math.min(page, Math.max(0, (found.total() - 1) / PAGE)));
        model.addAttribute("filters", f);
        model.addAttribute("found", found);
        model.addAttribute("rows", found.rows().subList(Math.min(p * PAGE, found.total()), Math.min((p + 1) * PAGE, found.total())));
        model.addAttribute("page", p);
        model.addAttribute("pages", (found.total() + PAGE - 1) / PAGE);
        model.addAttribute("mayManage", register.mayManage());
        return "opendata/catalogue";
    }

    @GetMapping("/{community}/opendata/api")
    String api(@PathVariable("community") String slug, Model model) {
        return "opendata/api";
    }

    @GetMapping("/{community}/opendata/{name:[a-z0-9][a-z0-9_-]+}")
    String dataset(@PathVariable("community") String slug, @PathVariable("name") String name, Model model) {
        Register.Entry e = register.publicEntry(name).filter(x -> x.dataset().getName().equals(name))
                .orElseThrow(() -> new NotFoundException("dataset"));
        model.addAttribute("entry", e);
        model.addAttribute("d", e.dataset());
        Map<Long, List<Version>> versions = new LinkedHashMap<>();
        e.resources().forEach(r -> versions.put(r.getId(), register.versions(r)));
        model.addAttribute("versions", versions);
        DatasetResource csv = e.resources().stream().filter(r -> r.getFormat() == Format.CSV && r.isUploaded()).findFirst().orElse(null);
        List<List<String>> preview = csv == null ? List.of() : register.preview(csv);
        if (csv == null) {
            // a generated CSV: its first rows as the module serves them now
            csv = e.resources().stream().filter(r -> r.getFormat() == Format.CSV && r.isGenerated()).findFirst().orElse(null);
            preview = csv == null ? List.of() : generated.preview(csv);
        }
        model.addAttribute("previewOf", csv);
        model.addAttribute("preview", preview);
        return "opendata/dataset";
    }

    @GetMapping("/{community}/opendata/{name:[a-z0-9][a-z0-9_-]+}/resources/{id:\\d+}/download")
    @ResponseBody
    ResponseEntity<?> download(@PathVariable("community") String slug, @PathVariable("name") String name, @PathVariable("id") long id)
            throws IOException {
        DatasetResource r = register.publicResource(name, id).orElseThrow(() -> new NotFoundException("resource"));
        Community c = CurrentCommunity.require();
        if (r.isGenerated()) {
            register.counted(r);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/" + c.slug() + "/" + r.getExportPath())).build();
        }
        if (r.getUrl() != null) {
            register.counted(r);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(r.getUrl())).build();
        }
        var file = register.latestFile(r).orElseThrow(() -> new NotFoundException("file"));
        register.counted(r);
        ResponseEntity<InputStreamResource> answer = attachments.download(file, CacheControl.noCache());
        return answer;
    }
}
