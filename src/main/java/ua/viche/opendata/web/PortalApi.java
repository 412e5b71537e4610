package ua.viche.opendata.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.opendata.domain.Dataset;
import ua.viche.opendata.domain.Register;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;

/** The JSON twin of the portal's pages: the catalogue with the same filters and facets, and a dataset. */
@RestController
@RequestMapping("/api/v1/{community}/opendata")
class PortalApi {

    private final Register register;

    PortalApi(Register register) {
        this.register = register;
    }

    record ResourceJson(String id, String name, String format, String mediaType, @Nullable Long size, @Nullable String sha256,
                        String modified, long downloads, String url, boolean generated) {}

    record DatasetJson(String id, String name, String identifier, String title, String titleUk, String titleEn, String description,
                       String theme, String themeUri, String frequency, String frequencyUri, String licence, String status,
                       @Nullable String due, @Nullable String department, @Nullable String contactEmail, List<String> keywords,
                       String legalBasis, String origin, String modified, @Nullable String updated, String page, List<ResourceJson> resources) {}

    static DatasetJson json(Community c, Register.Entry e, Locale locale) {
        Dataset d = e.dataset();
        String base = "/" + c.slug() + "/opendata/" + d.getName();
        return new DatasetJson(d.getUuid().toString(), d.getName(), d.getIdentifier(), d.title(locale), d.getTitleUk(), d.getTitleEn(),
                d.description(locale), d.getTheme().name(), d.getTheme().uri(), d.getFrequency().name(), d.getFrequency().uri(),
                d.getLicence().id(), e.status().name().toLowerCase(Locale.ROOT), d.dueDay().map(Object::toString).orElse(null),
                e.department() == null ? null : e.department().name(locale), d.getContactEmail(), d.keywordList(), d.getLegalBasis(),
                d.getOrigin().name().toLowerCase(Locale.ROOT), d.getModifiedAt().toString(),
                d.getUpdatedAt() == null ? null : d.getUpdatedAt().toString(), base,
                e.resources().stream().map(r -> new ResourceJson(r.getUuid().toString(), r.getName(), r.getFormat().name(), r.getMediaType(),
                        r.getSizeBytes(), r.getSha256(), r.getModifiedAt().toString(), r.getDownloads(),
                        base + "/resources/" + r.getId() + "/download", r.isGenerated())).toList());
    }

    @GetMapping("/datasets")
    Map<String, Object> datasets(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                                 @RequestParam(name = "theme", required = false) @Nullable String theme,
                                 @RequestParam(name = "department", required = false) @Nullable Long department,
                                 @RequestParam(name = "format", required = false) @Nullable String format,
                                 @RequestParam(name = "frequency", required = false) @Nullable String frequency, Locale locale) {
        Community c = CurrentCommunity.require();
        PortalController.Found found = PortalController.find(register, PortalController.filters(q, theme, department, format, frequency), locale);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", found.total());
        out.put("facets", found.facets());
        out.put("datasets", found.rows().stream().map(e -> json(c, e, locale)).toList());
        return out;
    }

    @GetMapping("/datasets/{name}")
    DatasetJson dataset(@PathVariable("community") String slug, @PathVariable("name") String name, Locale locale) {
        Register.Entry e = register.publicEntry(name).filter(x -> x.dataset().getName().equals(name))
                .orElseThrow(() -> new NotFoundException("dataset"));
        return json(CurrentCommunity.require(), e, locale);
    }
}
