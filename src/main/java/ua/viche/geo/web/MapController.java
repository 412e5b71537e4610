package ua.viche.geo.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.geo.GeoModule;
import ua.viche.geo.domain.Access;
import ua.viche.geo.domain.AttributeSpec;
import ua.viche.geo.domain.GeoEvents;
import ua.viche.geo.domain.GeoPhotos;
import ua.viche.geo.domain.GeoRoutes;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.GeoTransfer;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.MapObject;
import ua.viche.geo.domain.OpeningHours;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ModuleDescriptor;

/**
 * The public map and its list twin (the same filters in the query string: layers AND accessibility
 * AND words, sorted by distance from a point or an address), a layer's page with its open data, and
 * an object's page. The map is an enhancement; everything is in the list.
 */
@Controller
class MapController {

    static final int PAGE = 20;

    private final GeoService geo;
    private final GeoTransfer transfer;
    private final List<ModuleDescriptor> modules;
    private final MessageSource messages;
    private final GeoEvents events;
    private final GeoPhotos photos;
    private final Charts charts;

    MapController(GeoService geo, GeoTransfer transfer, List<ModuleDescriptor> modules, MessageSource messages, GeoEvents events,
                  GeoPhotos photos, Charts charts) {
        this.charts = charts;
        this.events = events;
        this.photos = photos;
        this.geo = geo;
        this.transfer = transfer;
        this.modules = modules;
        this.messages = messages;
    }

    @GetMapping("/{community}/map")
    String map(@PathVariable("community") String slug, @RequestParam(name = "layer", required = false) @Nullable List<String> layerSlugs,
               @RequestParam(name = "access", required = false) @Nullable List<String> access,
               @RequestParam(name = "q", defaultValue = "") String q, @RequestParam(name = "address", defaultValue = "") String address,
               @RequestParam(name = "lat", required = false) @Nullable Double lat, @RequestParam(name = "lon", required = false) @Nullable Double lon,
               @RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale) {
        return page(slug, null, layerSlugs == null ? List.of() : layerSlugs, access == null ? List.of() : access, q, address, lat, lon,
                page, model, locale);
    }

    @GetMapping("/{community}/map/{layer:[a-z0-9][a-z0-9-]+}")
    String layer(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug,
                 @RequestParam(name = "access", required = false) @Nullable List<String> access,
                 @RequestParam(name = "q", defaultValue = "") String q, @RequestParam(name = "address", defaultValue = "") String address,
                 @RequestParam(name = "lat", required = false) @Nullable Double lat, @RequestParam(name = "lon", required = false) @Nullable Double lon,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale) {
        Layer layer = geo.publicLayer(layerSlug);
        return page(slug, layer, List.of(layerSlug), access == null ? List.of() : access, q, address, lat, lon, page, model, locale);
    }

    private String page(String slug, @Nullable Layer layer, List<String> layerSlugs, List<String> accessKeys, String q, String address,
                        @Nullable Double lat, @Nullable Double lon, int page, Model model, Locale locale) {
        List<Layer> layers = geo.publicLayers();
        List<Layer> chosen = layers.stream().filter(l -> layerSlugs.contains(l.getSlug())).toList();
        List<Access> access = Access.parseList(accessKeys);
        GeoService.Point from = null;
        boolean addressNotFound = false;
        // a point outside the community (a hand-made link, a click beyond its edge) is not measured from, and the page says so
        model.addAttribute("pointOutside", lat != null && lon != null && !geo.area().contains(lat, lon) && address.isBlank());
        if (lat != null && lon != null && geo.area().contains(lat, lon)) {
            from = new GeoService.Point(lat, lon);
        } else if (!address.isBlank()) {
            Optional<GeoService.Row> place = geo.locate(address);
            if (place.isPresent()) {
                from = new GeoService.Point(place.get().lat(), place.get().lon());
                model.addAttribute("locatedAt", place.get());
            } else {
                addressNotFound = true;
            }
        }
        int p = Math.max(0, Math.min(page, 1000));
        GeoService.Found found = geo.find(new GeoService.Query(chosen.stream().map(Layer::getId).toList(), access, q, from, null, true),
                p * PAGE, PAGE);
        Map<Long, Layer> byId = new LinkedHashMap<>();
        layers.forEach(l -> byId.put(l.getId(), l));
        model.addAttribute("layers", layers);
        model.addAttribute("layer", layer);
        model.addAttribute("chosen", chosen.stream().map(Layer::getSlug).toList());
        model.addAttribute("accessAll", Access.values());
        model.addAttribute("accessChosen", access);
        model.addAttribute("q", q);
        model.addAttribute("address", address);
        model.addAttribute("lat", from == null || lat == null ? null : lat);
        model.addAttribute("lon", from == null || lon == null ? null : lon);
        model.addAttribute("from", from);
        model.addAttribute("addressNotFound", addressNotFound);
        model.addAttribute("rows", found.rows().stream().map(r -> new ListItem(r, byId.get(r.layerId()))).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", (found.total() + PAGE - 1) / PAGE);
        String base = layer == null ? "/" + slug + "/map" : "/" + slug + "/map/" + layer.getSlug();
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        if (layer == null) {
            chosen.forEach(l -> b.queryParam("layer", l.getSlug()));
        }
        access.forEach(a -> b.queryParam("access", a.key()));
        if (!q.isBlank()) {
            b.queryParam("q", q);
        }
        if (!address.isBlank()) {
            b.queryParam("address", address);
        } else if (from != null) {
            b.queryParam("lat", from.lat()).queryParam("lon", from.lon());
        }
        model.addAttribute("pageHref", b.encode(StandardCharsets.UTF_8).build().toUriString());
        Community c = CurrentCommunity.require();
        model.addAttribute("area", geo.area());
        model.addAttribute("tiles", GeoModule.TILES.value(c));
        model.addAttribute("attribution", GeoModule.ATTRIBUTION.value(c));
        List<Map<String, String>> others = new ArrayList<>();
        for (ModuleDescriptor d : modules) {
            if (!d.name().equals("geo") && d.enabledIn(c)) {
                for (ModuleDescriptor.MapLayer l : d.mapLayers(c)) {
                    others.add(Map.of("key", l.key(), "title", messages.getMessage(l.titleKey(), l.titleArgs().toArray(), l.key(), locale),
                            "url", "/" + slug + "/" + l.path()));
                }
            }
        }
        model.addAttribute("otherLayers", others);
        model.addAttribute("hasRoutes", layers.stream().anyMatch(GeoRoutes::holdsRoutes));
        // the map marks every object the filters find (clustered), layer by layer from the features API
        List<Map<String, String>> featureLayers = new ArrayList<>();
        for (Layer l : layer != null ? List.of(layer) : chosen.isEmpty() ? layers : chosen) {
            UriComponentsBuilder f = UriComponentsBuilder.fromPath("/api/v1/" + slug + "/geo/layers/" + l.getSlug() + "/features");
            access.forEach(a -> f.queryParam("access", a.key()));
            if (!q.isBlank()) {
                f.queryParam("q", q);
            }
            featureLayers.add(Map.of("url", f.encode(StandardCharsets.UTF_8).build().toUriString(), "colour", l.getColour(),
                    "shape", l.getShape().name().toLowerCase(Locale.ROOT), "label", l.getLabel(), "name", l.name(locale)));
        }
        model.addAttribute("featureLayers", featureLayers);
        if (layer != null) {
            model.addAttribute("accessChart", accessChart(layer, locale));
        }
        return "geo/map";
    }

    /** The layer's places by their answer to each accessibility attribute (all its places, whatever the filters). */
    private Chart accessChart(Layer layer, Locale locale) {
        Map<Access.Answer, List<Long>> counts = geo.accessCounts(layer.getId());
        List<String> labels = Arrays.stream(Access.values()).map(a -> messages.getMessage("geo.access." + a.key(), null, locale)).toList();
        return charts.chart("access-chart", Chart.Kind.STACKED_BAR, "geo.chart.access", "geo.chart.accessDescription", labels,
                List.of(charts.series("geo.chart.yes", counts.get(Access.Answer.YES)), charts.series("geo.chart.no", counts.get(Access.Answer.NO)),
                        charts.series("geo.chart.unknown", counts.get(Access.Answer.UNKNOWN))));
    }

    /** A row of the list with its layer (for the symbol and the layer's name). */
    record ListItem(GeoService.Row row, Layer layer) {

        public List<Access> yes() {
            return Arrays.stream(Access.values()).filter(a -> row.answer(a) == Access.Answer.YES).toList();
        }
    }

    @GetMapping("/{community}/map/{layer:[a-z0-9][a-z0-9-]+}/{id:\\d+}")
    String object(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug, @PathVariable("id") long id,
                  Model model, Locale locale) {
        Layer layer = geo.publicLayer(layerSlug);
        MapObject o = geo.publicObject(layerSlug, id);
        Map<String, String> values = geo.attributeValues(o.getAttributes());
        List<Attribute> attributes = new ArrayList<>();
        OpeningHours.State hours = null;
        for (AttributeSpec spec : layer.attributes()) {
            String v = values.get(spec.key());
            if (v == null) {
                continue;
            }
            if (spec.type() == AttributeSpec.Type.HOURS && hours == null) {
                hours = geo.hoursNow(v);
            }
            String shown = switch (spec.type()) {
                case YES_NO -> messages.getMessage("geo.answer." + v, null, v, locale);
                case CHOICE -> messages.getMessage("geo.choice." + v, null, v, locale);
                default -> v;
            };
            attributes.add(new Attribute(spec, v, shown));
        }
        model.addAttribute("layer", layer);
        model.addAttribute("object", o);
        model.addAttribute("isRoute", GeoRoutes.holdsRoutes(layer));
        model.addAttribute("events", events.of(o.getId(), false));
        model.addAttribute("photos", photos.of(o.getId()));
        model.addAttribute("attributes", attributes);
        model.addAttribute("hours", hours);
        model.addAttribute("accessAll", Access.values());
        model.addAttribute("area", geo.area());
        model.addAttribute("tiles", GeoModule.TILES.value(CurrentCommunity.require()));
        model.addAttribute("attribution", GeoModule.ATTRIBUTION.value(CurrentCommunity.require()));
        model.addAttribute("reportHref", UriComponentsBuilder.fromPath("/" + slug + "/problems/new")
                .queryParam("latitude", o.getLatitude()).queryParam("longitude", o.getLongitude())
                .queryParam("address", o.getAddress() == null ? o.getNameUk() : o.getAddress() + " (" + o.getNameUk() + ")")
                .encode(StandardCharsets.UTF_8).build().toUriString());
        return "geo/object";
    }

    /** An attribute shown on an object's page: its schema, stored value and the value in words. */
    record Attribute(AttributeSpec spec, String value, String shown) {}

    @GetMapping(value = "/{community}/map/{layer:[a-z0-9][a-z0-9-]+}/export.geojson", produces = "application/geo+json")
    ResponseEntity<String> exportGeoJson(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug) {
        Layer layer = geo.publicLayer(layerSlug);
        return attachment(transfer.exportGeoJson(layer), slug + "-" + layerSlug + ".geojson", "application/geo+json");
    }

    @GetMapping(value = "/{community}/map/{layer:[a-z0-9][a-z0-9-]+}/export.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> exportCsv(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug) {
        Layer layer = geo.publicLayer(layerSlug);
        return attachment(transfer.exportCsv(layer), slug + "-" + layerSlug + ".csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/{community}/map/layers.json")
    @ResponseBody
    List<GeoApi.LayerJson> layersJson(@PathVariable("community") String slug, Locale locale) {
        return GeoApi.layerJson(geo, locale);
    }

    static ResponseEntity<String> attachment(String body, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
