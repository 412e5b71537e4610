package ua.viche.geo.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/**
 * Draws a route through its stops: the line joining their points in order, its length and walking
 * time (see {@link GeoRoutes}). Used when the stops are set, and again when a place a route stops at
 * moves or is deleted, so that a route's line never runs through a point that is no longer its stop.
 */
@Component
class RouteDrawing {

    private final GeoService geo;
    private final MapObjectRepository objects;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    RouteDrawing(GeoService geo, MapObjectRepository objects, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.geo = geo;
        this.objects = objects;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The ids of the route's stops in order. */
    List<Long> stopIds(long routeId) {
        return jdbc.queryForList("select stop_id from geo_route_stop where community_id = ? and route_id = ? order by position",
                Long.class, CurrentCommunity.require().id(), routeId);
    }

    /**
     * Writes the stops and draws the route through them: at least two different places, each an
     * object of this community's map other than a route, at most {@value GeoRoutes#MAX_STOPS}. The line,
     * its length and walking time follow; nothing changes when a stop is refused.
     */
    void write(MapObject route, List<Long> stopIds) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(stopIds));
        if (ids.size() < 2) {
            throw Refusal.field("stop", "geo.error.routeStops");
        }
        if (ids.size() > GeoRoutes.MAX_STOPS) {
            throw Refusal.field("stop", "geo.error.routeTooManyStops", GeoRoutes.MAX_STOPS);
        }
        long community = CurrentCommunity.require().id();
        List<MapObject> stops = new ArrayList<>();
        for (Long id : ids) {
            MapObject s = objects.findById(id).filter(o -> o.getCommunityId() == community)
                    .orElseThrow(() -> Refusal.field("stop", "geo.error.routeStopUnknown", id));
            if (s.getId().equals(route.getId()) || GeoRoutes.holdsRoutes(geo.layer(s.getLayerId()))) {
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
        values.put("walking_minutes", Long.toString(GeoRoutes.walkingMinutes(length)));
        route.drawRoute(shape, geo.attributesJson(values), clock.instant());
        objects.save(route);
        jdbc.update("delete from geo_route_stop where community_id = ? and route_id = ?", community, route.getId());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {community, route.getId(), i + 1, ids.get(i)});
        }
        jdbc.batchUpdate("insert into geo_route_stop (community_id, route_id, position, stop_id) values (?, ?, ?, ?)", rows);
    }

    /**
     * Draws again every route that stops at this place: after it moved, or, before it is deleted,
     * without it. A route left with fewer than two stops keeps the line it had (there is no line
     * through one point) and shows its one stop until the official adds more.
     */
    void redrawThrough(long placeId, boolean deleting) {
        List<Long> routes = jdbc.queryForList("select distinct route_id from geo_route_stop where community_id = ? and stop_id = ?",
                Long.class, CurrentCommunity.require().id(), placeId);
        for (Long routeId : routes) {
            List<Long> ids = new ArrayList<>(stopIds(routeId));
            if (deleting) {
                ids.remove(placeId);
            }
            if (ids.size() >= 2) {
                write(objects.findById(routeId).orElseThrow(), ids);
            }
        }
    }
}
