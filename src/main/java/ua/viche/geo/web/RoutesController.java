package ua.viche.geo.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.geo.GeoModule;
import ua.viche.geo.domain.GeoRoutes;
import ua.viche.geo.domain.GeoService;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.QrSvg;
import ua.viche.platform.VicheSettings;

/**
 * Tourist routes: the list, a route's page (its stops in order with the walk between them, the
 * line on the map), a printable page, and the route as GeoJSON and GPX; the JSON twins are under
 * {@code /api/v1/{community}/geo/routes}.
 */
@Controller
class RoutesController {

    private final GeoRoutes routes;
    private final GeoService geo;
    private final JsonMapper json;
    private final VicheSettings settings;

    RoutesController(GeoRoutes routes, GeoService geo, JsonMapper json, VicheSettings settings) {
        this.routes = routes;
        this.geo = geo;
        this.json = json;
        this.settings = settings;
    }

    @GetMapping("/{community}/routes")
    String list(@PathVariable("community") String slug, Model model) {
        model.addAttribute("routes", routes.publicRoutes());
        return "geo/routes";
    }

    @GetMapping("/{community}/routes/{id:\\d+}")
    String route(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        GeoRoutes.Route route = routes.publicRoute(id);
        model.addAttribute("route", route);
        model.addAttribute("area", geo.area());
        model.addAttribute("tiles", GeoModule.TILES.value(CurrentCommunity.require()));
        model.addAttribute("attribution", GeoModule.ATTRIBUTION.value(CurrentCommunity.require()));
        return "geo/route";
    }

    @GetMapping("/{community}/routes/{id:\\d+}/print")
    String print(@PathVariable("community") String slug, @PathVariable("id") long id, Model model, Locale locale) {
        GeoRoutes.Route route = routes.publicRoute(id);
        String url = settings.baseUrl() + "/" + slug + "/routes/" + id;
        model.addAttribute("route", route);
        model.addAttribute("url", url);
        model.addAttribute("qr", QrSvg.of(url, route.name(locale), 200));
        return "geo/route-print";
    }

    @GetMapping(value = "/{community}/routes/{id:\\d+}/route.geojson", produces = "application/geo+json")
    ResponseEntity<String> geoJsonFile(@PathVariable("community") String slug, @PathVariable("id") long id) {
        return MapController.attachment(geoJson(routes.publicRoute(id)), slug + "-route-" + id + ".geojson", "application/geo+json");
    }

    @GetMapping(value = "/{community}/routes/{id:\\d+}/route.gpx", produces = "application/gpx+xml;charset=UTF-8")
    ResponseEntity<String> gpxFile(@PathVariable("community") String slug, @PathVariable("id") long id) {
        return MapController.attachment(gpx(routes.publicRoute(id)), slug + "-route-" + id + ".gpx", "application/gpx+xml;charset=UTF-8");
    }

    // ---- JSON twins

    record RouteJson(long id, String name, String nameUk, String nameEn, long lengthMetres, long walkingMinutes, String difficulty,
                     boolean accessible, int stopCount, String url, String geojson, String gpx, List<StopJson> stops) {}

    record StopJson(int position, long id, String name, String nameEn, String layer, double lat, double lon, long fromPreviousMetres,
                    String url) {}

    static RouteJson json(GeoRoutes.Route r, Locale locale, boolean withStops) {
        String c = "/" + CurrentCommunity.require().slug();
        List<StopJson> stops = withStops ? r.stops().stream().map(s -> new StopJson(s.position(), s.object().getId(), s.object().getNameUk(),
                s.object().getNameEn(), s.layer().getSlug(), s.object().getLatitude(), s.object().getLongitude(), Math.round(s.fromPrevious()),
                c + "/map/" + s.layer().getSlug() + "/" + s.object().getId())).toList() : List.of();
        String api = "/api/v1" + c + "/geo/routes/" + r.getId();
        return new RouteJson(r.getId(), r.name(locale), r.object().getNameUk(), r.object().getNameEn(), Math.round(r.length()),
                r.walkingMinutes(), r.difficulty() == null ? "" : r.difficulty(), r.accessible(), r.stops().size(), c + "/routes/" + r.getId(),
                api + "/geojson", api + "/gpx", stops);
    }

    @GetMapping("/api/v1/{community}/geo/routes")
    @ResponseBody
    List<RouteJson> apiList(@PathVariable("community") String slug, Locale locale) {
        return routes.publicRoutes().stream().map(r -> json(r, locale, false)).toList();
    }

    @GetMapping("/api/v1/{community}/geo/routes/{id:\\d+}")
    @ResponseBody
    RouteJson apiRoute(@PathVariable("community") String slug, @PathVariable("id") long id, Locale locale) {
        return json(routes.publicRoute(id), locale, true);
    }

    @GetMapping(value = "/api/v1/{community}/geo/routes/{id:\\d+}/geojson", produces = "application/geo+json")
    ResponseEntity<String> apiGeoJson(@PathVariable("community") String slug, @PathVariable("id") long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(geoJson(routes.publicRoute(id)));
    }

    @GetMapping(value = "/api/v1/{community}/geo/routes/{id:\\d+}/gpx", produces = "application/gpx+xml;charset=UTF-8")
    ResponseEntity<String> apiGpx(@PathVariable("community") String slug, @PathVariable("id") long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/gpx+xml;charset=UTF-8")).body(gpx(routes.publicRoute(id)));
    }

    /** The route's line (with its length, walking time, difficulty and flag) and its stops as numbered points. */
    private String geoJson(GeoRoutes.Route r) {
        String c = "/" + CurrentCommunity.require().slug();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "route");
        line.put("name", r.object().getNameUk());
        line.put("name_en", r.object().getNameEn());
        line.put("length_m", Math.round(r.length()));
        line.put("walking_minutes", r.walkingMinutes());
        line.put("difficulty", r.difficulty());
        line.put("accessible", r.accessible());
        line.put("stops", r.stops().size());
        line.put("url", c + "/routes/" + r.getId());
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":").append(r.getId())
                .append(",\"geometry\":").append(r.object().getGeometry()).append(",\"properties\":").append(json.writeValueAsString(line)).append('}');
        for (GeoRoutes.Stop stop : r.stops()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", "stop");
            p.put("stop", stop.position());
            p.put("name", stop.object().getNameUk());
            p.put("name_en", stop.object().getNameEn());
            p.put("layer", stop.layer().getSlug());
            p.put("from_previous_m", Math.round(stop.fromPrevious()));
            p.put("url", c + "/map/" + stop.layer().getSlug() + "/" + stop.object().getId());
            s.append(",{\"type\":\"Feature\",\"id\":").append(stop.object().getId()).append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(stop.object().getLongitude()).append(',').append(stop.object().getLatitude()).append("]},\"properties\":")
                    .append(json.writeValueAsString(p)).append('}');
        }
        return s.append("]}").toString();
    }

    /** The stops as numbered waypoints and the line through them as a track. */
    private String gpx(GeoRoutes.Route r) {
        List<Gpx.Point> stops = new ArrayList<>();
        for (GeoRoutes.Stop s : r.stops()) {
            stops.add(new Gpx.Point(s.object().getLatitude(), s.object().getLongitude(), s.position() + ". " + s.object().getNameUk()));
        }
        List<Gpx.Point> track = new ArrayList<>(stops);
        if (track.isEmpty() && r.object().getGeometryType().equals("LineString")) {
            for (JsonNode p : json.readTree(r.object().getGeometry()).path("coordinates")) {
                track.add(new Gpx.Point(p.get(1).doubleValue(), p.get(0).doubleValue(), ""));
            }
        }
        return Gpx.of(r.object().getNameUk(), stops, track);
    }
}
