package ua.viche.geo.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.geo.domain.Access;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.Layer;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/**
 * The geoportal's JSON: public layers, a layer's features as GeoJSON (filtered by a bounding box,
 * accessibility attributes and words), and the nearest objects to a point with their distance in
 * metres.
 */
@RestController
@RequestMapping("/api/v1/{community}/geo")
class GeoApi {

    /** Nearest objects one request returns at most. */
    static final int MAX_NEAREST = 100;

    private final GeoService geo;
    private final JsonMapper json;

    GeoApi(GeoService geo, JsonMapper json) {
        this.geo = geo;
        this.json = json;
    }

    record LayerJson(long id, String slug, String name, String nameUk, String nameEn, List<String> geometryTypes, long count,
                     String colour, String shape, String label, String features) {}

    static List<LayerJson> layerJson(GeoService geo, Locale locale) {
        Map<Long, Long> counts = geo.counts();
        Map<Long, List<String>> types = geo.geometryTypes();
        String slug = CurrentCommunity.require().slug();
        return geo.publicLayers().stream().map(l -> new LayerJson(l.getId(), l.getSlug(), l.name(locale), l.getNameUk(), l.getNameEn(),
                types.getOrDefault(l.getId(), List.of()), counts.getOrDefault(l.getId(), 0L), l.getColour(), l.getShape().name().toLowerCase(Locale.ROOT),
                l.getLabel(), "/api/v1/" + slug + "/geo/layers/" + l.getSlug() + "/features")).toList();
    }

    @GetMapping("/layers")
    List<LayerJson> layers(@PathVariable("community") String slug, Locale locale) {
        return layerJson(geo, locale);
    }

    @GetMapping(value = "/layers/{slug}/features", produces = "application/geo+json")
    ResponseEntity<String> features(@PathVariable("community") String community, @PathVariable("slug") String slug,
                                    @RequestParam(name = "bbox", required = false) @Nullable String bbox,
                                    @RequestParam(name = "access", required = false) @Nullable List<String> access,
                                    @RequestParam(name = "q", defaultValue = "") String q) {
        Layer layer = geo.publicLayer(slug);
        GeoService.Box box = null;
        if (bbox != null && !bbox.isBlank()) {
            box = GeoService.Box.parse(bbox).orElseThrow(() -> Refusal.badInput("geo.error.bbox"));
        }
        GeoService.Found found = geo.find(new GeoService.Query(List.of(layer.getId()), Access.parseStrict(access == null ? List.of() : access),
                q, null, box, true), 0, GeoService.MAX_ROWS);
        return collection(found.rows());
    }

    @GetMapping(value = "/nearest", produces = "application/geo+json")
    ResponseEntity<String> nearest(@PathVariable("community") String community, @RequestParam(name = "lat") double lat,
                                   @RequestParam(name = "lon") double lon,
                                   @RequestParam(name = "layer", required = false) @Nullable List<String> layerSlugs,
                                   @RequestParam(name = "access", required = false) @Nullable List<String> access,
                                   @RequestParam(name = "q", defaultValue = "") String q,
                                   @RequestParam(name = "limit", defaultValue = "10") int limit) {
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            throw Refusal.badInput("geo.error.point");
        }
        List<Long> layers = new ArrayList<>();
        if (layerSlugs != null) {
            for (String s : layerSlugs) {
                for (String part : s.split(",")) {
                    layers.add(geo.publicLayer(part.strip()).getId());
                }
            }
        }
        GeoService.Found found = geo.find(new GeoService.Query(layers, Access.parseStrict(access == null ? List.of() : access), q,
                new GeoService.Point(lat, lon), null, true), 0, Math.max(1, Math.min(limit, MAX_NEAREST)));
        return collection(found.rows());
    }

    private ResponseEntity<String> collection(List<GeoService.Row> rows) {
        StringBuilder s = new StringBuilder(64 + rows.size() * 300).append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (GeoService.Row r : rows) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("layer", r.layerSlug());
            p.put("name", r.nameUk());
            p.put("name_en", r.nameEn());
            p.put("address", r.address());
            p.put("url", "/" + CurrentCommunity.require().slug() + "/" + r.path());
            if (r.distance() != null) {
                p.put("distance", Math.round(r.distance()));
            }
            for (Access a : Access.values()) {
                p.put("access_" + a.key(), r.answer(a).key());
            }
            p.put("attributes", json.readTree(r.attributes()));
            s.append(first ? "" : ",").append("{\"type\":\"Feature\",\"id\":").append(r.id()).append(",\"geometry\":")
                    .append(r.geometry()).append(",\"properties\":").append(json.writeValueAsString(p)).append('}');
            first = false;
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(s.append("]}").toString());
    }
}
