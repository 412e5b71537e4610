package ua.viche.geo.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.geo.domain.GeoEvents;
import ua.viche.geo.domain.GeoPhotos;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.MapObject;
import ua.viche.platform.Attachments;
import ua.viche.platform.QrSvg;
import ua.viche.platform.VicheSettings;

/**
 * What a visitor takes along: an object's GPX (a route as a track, a place as a waypoint) and a
 * printable plate with a QR code of the object's page, for a sight's door or a route's start.
 */
@Controller
class TourismController {

    private final GeoService geo;
    private final GeoEvents events;
    private final GeoPhotos photos;
    private final JsonMapper json;
    private final VicheSettings settings;
    private final Attachments attachments;

    TourismController(GeoService geo, GeoEvents events, GeoPhotos photos, JsonMapper json, VicheSettings settings, Attachments attachments) {
        this.attachments = attachments;
        this.geo = geo;
        this.events = events;
        this.photos = photos;
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

    // ---- events at places, as a page, iCalendar and JSON

    @GetMapping(value = "/{community}/map/{layer:[a-z0-9][a-z0-9-]+}/{id:\\d+}/events.ics", produces = "text/calendar;charset=UTF-8")
    ResponseEntity<String> objectCalendar(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug,
                                          @PathVariable("id") long id) {
        geo.publicLayer(layerSlug);
        MapObject o = geo.publicObject(layerSlug, id);
        return MapController.attachment(calendar(slug, events.of(o.getId(), false)), slug + "-" + layerSlug + "-" + id + ".ics",
                "text/calendar;charset=UTF-8");
    }

    @GetMapping(value = "/{community}/map/events.ics", produces = "text/calendar;charset=UTF-8")
    ResponseEntity<String> communityCalendar(@PathVariable("community") String slug) {
        return MapController.attachment(calendar(slug, events.upcoming(MAX_EVENTS)), slug + "-events.ics", "text/calendar;charset=UTF-8");
    }

    private String calendar(String slug, List<GeoEvents.Event> list) {
        String base = settings.baseUrl();
        String host = URI.create(base).getHost();
        return GeoEvents.iCalendar(list, base, slug, host == null ? "viche" : host);
    }

    /** Events one page or calendar lists at most. */
    static final int MAX_EVENTS = 500;

    @GetMapping("/{community}/map/events")
    String eventsPage(@PathVariable("community") String slug, Model model) {
        model.addAttribute("events", events.upcoming(MAX_EVENTS));
        return "geo/events";
    }

    /** An event; a repeating one as its next occurrence, with how it repeats ({@code none}, {@code weekly}, {@code monthly}) and until when. */
    record EventJson(long id, String title, String titleUk, String titleEn, String starts, String ends, String place, String url,
                     double lat, double lon, String repeats, @Nullable String until) {}

    @GetMapping("/api/v1/{community}/geo/events")
    @ResponseBody
    List<EventJson> eventsJson(@PathVariable("community") String slug, Locale locale) {
        return events.upcoming(MAX_EVENTS).stream().map(e -> new EventJson(e.id(), e.title(locale), e.titleUk(), e.titleEn(),
                e.startsAt().toString(), e.endsAt().toString(), e.place(locale), "/" + slug + "/" + e.path(), e.lat(), e.lon(),
                e.repeats().name().toLowerCase(Locale.ROOT), e.until() == null ? null : e.until().toString())).toList();
    }

    // ---- photos

    @GetMapping("/{community}/map/{layer:[a-z0-9][a-z0-9-]+}/{id:\\d+}/photos/{photo:\\d+}")
    ResponseEntity<InputStreamResource> photo(@PathVariable("community") String slug, @PathVariable("layer") String layerSlug,
                                              @PathVariable("id") long id, @PathVariable("photo") long photoId) throws IOException {
        geo.publicLayer(layerSlug);
        MapObject o = geo.publicObject(layerSlug, id);
        return attachments.download(photos.photo(o.getId(), photoId).file(), CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }
}
