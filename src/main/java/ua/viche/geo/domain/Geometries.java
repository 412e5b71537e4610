package ua.viche.geo.domain;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.Community;
import ua.viche.platform.Refusal;

/**
 * Reads and checks a GeoJSON geometry (RFC 7946: longitude first): a Point, LineString or Polygon
 * whose every position lies inside the community's area; a polygon's rings closed, of four
 * positions or more, not crossing themselves or each other (JTS's validity check). A geometry
 * whose positions lie outside the area but would lie inside with latitude and longitude swapped
 * is refused as such, since that is the usual mistake.
 */
public final class Geometries {

    /** Positions of one geometry at most (a long route or a detailed polygon). */
    public static final int MAX_POSITIONS = 5000;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** A checked geometry: its type, its GeoJSON text, a point on it (for distances and markers) and its bounding box. */
    public record Shape(String type, String geoJson, double lat, double lon, double minLat, double minLon, double maxLat, double maxLon) {

        public static Shape point(double lat, double lon) {
            return new Shape("Point", "{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}", lat, lon, lat, lon, lat, lon);
        }
    }

    private Geometries() {}

    /** A point from latitude and longitude (as a form or a CSV gives them), checked like any geometry. */
    public static Shape point(double lat, double lon, Community.Area area) {
        return check(FACTORY.createPoint(new Coordinate(lon, lat)), area);
    }

    /** A GeoJSON geometry object given as text. */
    public static Shape parse(String text, JsonMapper json, Community.Area area) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw Refusal.field("geometry", "geo.error.geometryUnreadable");
        }
        return parse(node, area);
    }

    public static Shape parse(JsonNode node, Community.Area area) {
        if (node == null || !node.isObject()) {
            throw Refusal.field("geometry", "geo.error.geometryUnreadable");
        }
        String type = node.path("type").asString("");
        JsonNode c = node.path("coordinates");
        Geometry g = switch (type) {
            case "Point" -> FACTORY.createPoint(position(c));
            case "LineString" -> {
                Coordinate[] line = positions(c);
                if (line.length < 2 || FACTORY.createLineString(line).getLength() == 0) {
                    throw Refusal.field("geometry", "geo.error.lineTooShort");
                }
                yield FACTORY.createLineString(line);
            }
            case "Polygon" -> {
                if (!c.isArray() || c.isEmpty()) {
                    throw Refusal.field("geometry", "geo.error.geometryUnreadable");
                }
                LinearRing shell = ring(c.get(0));
                LinearRing[] holes = new LinearRing[c.size() - 1];
                for (int i = 1; i < c.size(); i++) {
                    holes[i - 1] = ring(c.get(i));
                }
                yield FACTORY.createPolygon(shell, holes);
            }
            default -> throw Refusal.field("geometry", "geo.error.geometryType", type);
        };
        return check(g, area);
    }

    private static Shape check(Geometry g, Community.Area area) {
        Coordinate[] all = g.getCoordinates();
        if (all.length > MAX_POSITIONS) {
            throw Refusal.field("geometry", "geo.error.tooManyPositions", MAX_POSITIONS);
        }
        boolean inside = true;
        boolean swappedInside = true;
        for (Coordinate p : all) {
            inside &= area.contains(p.y, p.x);
            swappedInside &= area.contains(p.x, p.y);
        }
        if (!inside) {
            throw swappedInside ? Refusal.field("geometry", "geo.error.swapped") : Refusal.field("geometry", "geo.error.outside");
        }
        if (!g.isValid()) {
            TopologyValidationError error = new IsValidOp(g).getValidationError();
            if (error != null && (error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                    || error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION)) {
                throw Refusal.field("geometry", "geo.error.selfIntersection");
            }
            throw Refusal.field("geometry", "geo.error.invalidRings");
        }
        Point p = g instanceof Point point ? point : g.getInteriorPoint();
        Envelope e = g.getEnvelopeInternal();
        return new Shape(g.getGeometryType(), geoJson(g), p.getY(), p.getX(), e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX());
    }

    private static LinearRing ring(JsonNode node) {
        Coordinate[] ring = positions(node);
        if (ring.length < 4) {
            throw Refusal.field("geometry", "geo.error.ringTooShort");
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            throw Refusal.field("geometry", "geo.error.ringOpen");
        }
        return FACTORY.createLinearRing(ring);
    }

    private static Coordinate[] positions(JsonNode node) {
        if (!node.isArray()) {
            throw Refusal.field("geometry", "geo.error.geometryUnreadable");
        }
        if (node.size() > MAX_POSITIONS) {
            throw Refusal.field("geometry", "geo.error.tooManyPositions", MAX_POSITIONS);
        }
        List<Coordinate> list = new ArrayList<>();
        for (JsonNode p : node) {
            list.add(position(p));
        }
        return list.toArray(new Coordinate[0]);
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw Refusal.field("geometry", "geo.error.geometryUnreadable");
        }
        double lon = p.get(0).doubleValue();
        double lat = p.get(1).doubleValue();
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            throw Refusal.field("geometry", "geo.error.outside");
        }
        return new Coordinate(lon, lat);
    }

    /** GeoJSON text of a checked geometry (positions rounded to 7 decimals, about a centimetre). */
    static String geoJson(Geometry g) {
        StringBuilder s = new StringBuilder("{\"type\":\"").append(g.getGeometryType()).append("\",\"coordinates\":");
        if (g instanceof Point p) {
            appendPosition(s, p.getCoordinate());
        } else if (g instanceof Polygon poly) {
            s.append('[');
            appendLine(s, poly.getExteriorRing().getCoordinates());
            for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                s.append(',');
                appendLine(s, poly.getInteriorRingN(i).getCoordinates());
            }
            s.append(']');
        } else {
            appendLine(s, g.getCoordinates());
        }
        return s.append('}').toString();
    }

    private static void appendLine(StringBuilder s, Coordinate[] line) {
        s.append('[');
        for (int i = 0; i < line.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            appendPosition(s, line[i]);
        }
        s.append(']');
    }

    private static void appendPosition(StringBuilder s, Coordinate c) {
        s.append('[').append(round(c.x)).append(',').append(round(c.y)).append(']');
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    /** The great-circle distance in metres (haversine, on a sphere of the Earth's mean radius, 6,371,008.8 m). */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public static final double EARTH_RADIUS = 6_371_008.8;
}
