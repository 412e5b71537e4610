package ua.viche.geo.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    GeoRoutes(GeoService geo, GeoEditing editing, MapObjectRepository objects, JdbcTemplate jdbc, JsonMapper json, AuditLog audit,
              Clock clock) {
        this.geo = geo;
        this.editing = editing;
        this.objects = objects;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
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
        return jdbc.queryForList("select stop_id from geo_route_stop where community_id = ? and route_id = ? order by position",
                Long.class, CurrentCommunity.require().id(), routeId);
    }

    /** Sets the route's stops (for an official of its layer's department). */
    @Transactional
    public Route setStops(long routeId, List<Long> stopIds) {
        Route route = editableRoute(routeId);
        Route saved = writeStops(route.object(), stopIds);
        audit.record("geo.route.stops", "geo_object", routeId, stopIds.size() + "");
        return saved;
    }

    /**
     * Writes the stops and draws the route through them: at least two different places, each an
     * object of this community's map other than a route, at most {@value #MAX_STOPS}. The line,
     * its length and walking time follow; nothing changes when a stop is refused.
     */
    @Transactional
    public Route writeStops(MapObject route, List<Long> stopIds) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(stopIds));
        if (ids.size() < 2) {
            throw Refusal.field("stop", "geo.error.routeStops");
        }
        if (ids.size() > MAX_STOPS) {
            throw Refusal.field("stop", "geo.error.routeTooManyStops", MAX_STOPS);
        }
        List<MapObject> stops = new ArrayList<>();
        for (Long id : ids) {
            MapObject s = mine(id).orElseThrow(() -> Refusal.field("stop", "geo.error.routeStopUnknown", id));
            if (s.getId().equals(route.getId()) || holdsRoutes(geo.layer(s.getLayerId()))) {
                throw Refusal.field("stop", "geo.error.routeStopIsRoute", s.getNameUk());
            }
            stops.add(s);
        }
        StringBuilder line = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        double length = 0;
        for (int i = 0; i < stops.size(); i++) {
            MapObject s = stops.get(i);
            line.append(i == 0 ? "" : ",").append('[').append(s.getLongitude()).append(',').append(s.getLatitude()).append(']');
            if (i > 0) {
                MapObject p = stops.get(i - 1);
                length += Geometries.distance(p.getLatitude(), p.getLongitude(), s.getLatitude(), s.getLongitude());
            }
        }
        Geometries.Shape shape = Geometries.parse(line.append("]}").toString(), json, geo.area());
        Map<String, String> values = new LinkedHashMap<>(geo.attributeValues(route.getAttributes()));
        values.put("length_km", String.format(Locale.ROOT, "%.2f", length / 1000));
        values.put("walking_minutes", Long.toString(walkingMinutes(length)));
        route.drawRoute(shape, geo.attributesJson(values), clock.instant());
        objects.save(route);
        long community = CurrentCommunity.require().id();
        jdbc.update("delete from geo_route_stop where community_id = ? and route_id = ?", community, route.getId());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {community, route.getId(), i + 1, ids.get(i)});
        }
        jdbc.batchUpdate("insert into geo_route_stop (community_id, route_id, position, stop_id) values (?, ?, ?, ?)", rows);
        return route(route, geo.layer(route.getLayerId()));
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
