package ua.viche.geo.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.MapObject;
import ua.viche.platform.QrSvg;
import ua.viche.platform.VicheSettings;

/**
 * What a visitor takes along: an object's GPX (a route as a track, a place as a waypoint) and a
 * printable plate with a QR code of the object's page, for a sight's door or a route's start.
 */
@Controller
class TourismController {

    private final GeoService geo;
    private final JsonMapper json;
    private final VicheSettings settings;

    TourismController(GeoService geo, JsonMapper json, VicheSettings settings) {
        this.geo = geo;
        this.json = json;
        this.settings = settings;
    }

    @GetMapping(value = "/{community}/map/{layer:[a-z0-9][a-z0-9-]+}/{id:\\d+}/export.gpx", produces = "application/gpx+xml;charset=UTF-8")
    ResponseEntity<String> gpx(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug, @PathVariable("id") long id) {
        geo.publicLayer(layerSlug);
        MapObject o = geo.publicObject(layerSlug, id);
        JsonNode c = json.readTree(o.getGeometry()).path("coordinates");
        List<Gpx.Point> points = new ArrayList<>();
        if (o.getGeometryType().equals("Point")) {
            points.add(new Gpx.Point(c.get(1).doubleValue(), c.get(0).doubleValue(), o.getNameUk()));
        } else {
            for (JsonNode p : o.getGeometryType().equals("Polygon") ? c.get(0) : c) {
                points.add(new Gpx.Point(p.get(1).doubleValue(), p.get(0).doubleValue(), ""));
            }
        }
        String gpx = o.getGeometryType().equals("Point") ? Gpx.of(o.getNameUk(), points, List.of()) : Gpx.of(o.getNameUk(), List.of(), points);
        return MapController.attachment(gpx, slug + "-" + layerSlug + "-" + id + ".gpx", "application/gpx+xml;charset=UTF-8");
    }

    @GetMapping("/{community}/map/{layer:[a-z0-9][a-z0-9-]+}/{id:\\d+}/plate")
    String plate(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug, @PathVariable("id") long id,
                 Model model, Locale locale) {
        Layer layer = geo.publicLayer(layerSlug);
        MapObject o = geo.publicObject(layerSlug, id);
        String url = settings.baseUrl() + "/" + slug + "/map/" + layerSlug + "/" + id;
        model.addAttribute("layer", layer);
        model.addAttribute("object", o);
        model.addAttribute("url", url);
        model.addAttribute("qr", QrSvg.of(url, o.name(locale), 280));
        return "geo/plate";
    }
}
