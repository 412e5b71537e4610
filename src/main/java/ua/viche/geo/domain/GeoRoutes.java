package ua.viche.geo.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;

/**
 * Tourist routes: an object of a routes layer (the standard layer {@link StandardLayer#ROUTES})
 * with an ordered list of stops, each an object of the community's map. The route's line joins the
 * stops' points in order; its length is the sum of the great-circle distances between them
 * (haversine, {@link Geometries#distance}) and its walking time that length at
 * {@value #WALKING_METRES_PER_MINUTE} m a minute (4.5 km/h). Both are kept among the route's
 * attributes ({@code length_km}, {@code walking_minutes}) so that the layer's list, export and API
 * show them; difficulty and the accessible-route flag are the official's choice.
 */
@Service
public class GeoRoutes {

    /** Walking pace for the route's time: 4.5 km/h. */
    public static final int WALKING_METRES_PER_MINUTE = 75;
    /** Stops of one route at most. */
    public static final int MAX_STOPS = 40;

    private final GeoService geo;
    private final GeoEditing editing;
    private final MapObjectRepository objects;
    private final RouteDrawing drawing;
    private final JsonMapper json;
    private final AuditLog audit;

    GeoRoutes(GeoService geo, GeoEditing editing, MapObjectRepository objects, RouteDrawing drawing, JsonMapper json, AuditLog audit) {
        this.geo = geo;
        this.editing = editing;
        this.objects = objects;
        this.drawing = drawing;
        this.json = json;
        this.audit = audit;
    }

    /** A stop of a route: its place in the order, the object, its layer and the walk from the previous stop in metres. */
    public record Stop(int position, MapObject object, Layer layer, double fromPrevious) {

        public long walkingMinutes() { return GeoRoutes.walkingMinutes(fromPrevious); }
    }

    /** A route with its stops in order, its length in metres and its walking time in minutes. */
    public record Route(MapObject object, Layer layer, List<Stop> stops, double length, long walkingMinutes,
                        @Nullable String difficulty, boolean accessible) {

        public long getId() { return object.getId(); }

        public String name(Locale locale) { return object.name(locale); }
    }

    /** Whether the layer holds routes. */
    public static boolean holdsRoutes(Layer layer) {
        return StandardLayer.ROUTES.name().equals(layer.getStandard());
    }

    /** The routes of the community's public routes layers, by name. */
    @Transactional(readOnly = true)
    public List<Route> publicRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Layer layer : geo.publicLayers()) {
            if (holdsRoutes(layer)) {
                for (MapObject o : objects.findByLayerIdOrderById(layer.getId())) {
                    routes.add(route(o, layer));
                }
            }
        }
        routes.sort((a, b) -> a.object().getNameUk().compareTo(b.object().getNameUk()));
        return routes;
    }

    /** A route of a public routes layer, or 404. */
    @Transactional(readOnly = true)
    public Route publicRoute(long id) {
        MapObject o = mine(id).filter(MapObject::isLayerPublished).orElseThrow(() -> new NotFoundException("geo.error.noRoute"));
        Layer layer = geo.layer(o.getLayerId());
        if (!holdsRoutes(layer) || !layer.isPublished()) {
            throw new NotFoundException("geo.error.noRoute");
        }
        return route(o, layer);
    }

    /** A route the current user may edit (its layer's department), or access denied. */
    @Transactional(readOnly = true)
    public Route editableRoute(long id) {
        MapObject o = mine(id).orElseThrow(() -> new NotFoundException("geo.error.noRoute"));
        Layer layer = editing.requireEditable(o.getLayerId());
        if (!holdsRoutes(layer)) {
            throw new NotFoundException("geo.error.noRoute");
        }
        return route(o, layer);
    }

    private Optional<MapObject> mine(long id) {
        long community = CurrentCommunity.require().id();
        return objects.findById(id).filter(o -> o.getCommunityId() == community);
    }

    private Route route(MapObject o, Layer layer) {
        List<Long> ids = stopIds(o.getId());
        Map<Long, MapObject> byId = new LinkedHashMap<>();
        objects.findAllById(ids).forEach(s -> byId.put(s.getId(), s));
        Map<Long, Layer> layers = new LinkedHashMap<>();
        List<Stop> stops = new ArrayList<>();
        MapObject previous = null;
        double length = 0;
        for (Long id : ids) {
            MapObject s = byId.get(id);
            if (s == null) {
                continue;
            }
            double step = previous == null ? 0
                    : Geometries.distance(previous.getLatitude(), previous.getLongitude(), s.getLatitude(), s.getLongitude());
            length += step;
            stops.add(new Stop(stops.size() + 1, s, layers.computeIfAbsent(s.getLayerId(), geo::layer), step));
            previous = s;
        }
        if (stops.isEmpty() && o.getGeometryType().equals("LineString")) {
            length = lineLength(json.readTree(o.getGeometry()).path("coordinates"));
        }
        Map<String, String> values = geo.attributeValues(o.getAttributes());
        return new Route(o, layer, stops, length, walkingMinutes(length), values.get("difficulty"), "yes".equals(values.get("accessible")));
    }

    private static double lineLength(JsonNode line) {
        double total = 0;
        for (int i = 1; i < line.size(); i++) {
            JsonNode a = line.get(i - 1);
            JsonNode b = line.get(i);
            total += Geometries.distance(a.get(1).doubleValue(), a.get(0).doubleValue(), b.get(1).doubleValue(), b.get(0).doubleValue());
        }
        return total;
    }

    /** Minutes to walk the length at 4.5 km/h, rounded up. */
    public static long walkingMinutes(double metres) {
        return (long) Math.ceil(metres / WALKING_METRES_PER_MINUTE);
    }

    /** The ids of the route's stops in order. */
    public List<Long> stopIds(long routeId) {
        return drawing.stopIds(routeId);
    }

    /** Sets the route's stops (for an official of its layer's department). */
    @Transactional
    public Route setStops(long routeId, List<Long> stopIds) {
        Route route = editableRoute(routeId);
        Route saved = writeStops(route.object(), stopIds);
        audit.record("geo.route.stops", "geo_object", routeId, stopIds.size() + "");
        return saved;
    }

    /** Writes the stops and draws the route through them (see {@link RouteDrawing#write}). */
    @Transactional
    public Route writeStops(MapObject route, List<Long> stopIds) {
        drawing.write(route, stopIds);
        return route(route, geo.layer(route.getLayerId()));
    }

    /**
     * Makes a new route of a routes layer from its name and attributes and its first stops, drawn
     * through them at once, so that no coordinates need to be typed. Nothing is saved when a stop
     * is refused.
     */
    @Transactional
    public MapObject create(long layerId, GeoEditing.ObjectInput in, List<Long> stopIds) {
        Layer layer = editing.requireEditable(layerId);
        if (!holdsRoutes(layer)) {
            throw new NotFoundException("geo.error.noRoute");
        }
        if (stopIds.isEmpty()) {
            throw Refusal.field("stop", "geo.error.routeStops");
        }
        MapObject first = mine(stopIds.get(0)).orElseThrow(() -> Refusal.field("stop", "geo.error.routeStopUnknown", stopIds.get(0)));
        // the route starts as its first stop's point; drawing it through the stops replaces that at once
        Map<String, String> values = new LinkedHashMap<>(in.values());
        values.remove("geometry");
        values.put("latitude", Double.toString(first.getLatitude()));
        values.put("longitude", Double.toString(first.getLongitude()));
        MapObject route = editing.saveObject(layerId, null, new GeoEditing.ObjectInput(values, null));
        drawing.write(route, stopIds);
        audit.record("geo.route.stops", "geo_object", route.getId(), stopIds.size() + "");
        return route;
    }

    /** Places a route may stop at: point objects of the community's public layers other than routes, by layer and name. */
    @Transactional(readOnly = true)
    public Map<Layer, List<MapObject>> candidates() {
        Map<Layer, List<MapObject>> m = new LinkedHashMap<>();
        for (Layer layer : geo.publicLayers()) {
            if (!holdsRoutes(layer)) {
                List<MapObject> list = new ArrayList<>(objects.findByLayerIdOrderById(layer.getId()));
                list.sort((a, b) -> a.getNameUk().compareTo(b.getNameUk()));
                m.put(layer, list);
            }
        }
        return m;
    }
}
