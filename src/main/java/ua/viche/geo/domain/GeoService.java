package ua.viche.geo.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.search.SharedIndex;

/**
 * Reading the geoportal: layers, objects, and the one query behind the map's list, the API's
 * features and the nearest objects: layers AND accessibility attributes AND words, optionally a
 * bounding box, sorted by distance from a point (haversine, in SQL) or by name.
 */
@Service
public class GeoService {

    /** Objects a single query returns at most (a whole layer in the API). */
    public static final int MAX_ROWS = 20_000;
    /** Words find at most this many objects (by name and address, best first). */
    static final int MAX_TEXT_HITS = 5_000;
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private final LayerRepository layers;
    private final MapObjectRepository objects;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SharedIndex index;


    GeoService(LayerRepository layers, MapObjectRepository objects, JdbcTemplate jdbc, JsonMapper json, Clock clock, SharedIndex index) {
        this.index = index;
        this.layers = layers;
        this.objects = objects;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The community's area, or Ukraine's rectangle when it has not set one. */
    public Community.Area area() {
        return CurrentCommunity.require().area().orElse(Community.Area.UKRAINE);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(KYIV));
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    @Transactional(readOnly = true)
    public List<Layer> layers() {
        return layers.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public List<Layer> publicLayers() {
        return layers().stream().filter(Layer::isPublished).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Layer> layer(String slug) {
        return layers.findBySlug(slug);
    }

    /** A public layer, or 404. */
    @Transactional(readOnly = true)
    public Layer publicLayer(String slug) {
        return layers.findBySlug(slug).filter(Layer::isPublished).orElseThrow(() -> new NotFoundException("geo.error.noLayer"));
    }

    @Transactional(readOnly = true)
    public Layer layer(long id) {
        return layers.findById(id).orElseThrow(() -> new NotFoundException("geo.error.noLayer"));
    }

    /** An object of a public layer, by the layer's slug and its id, or 404. */
    @Transactional(readOnly = true)
    public MapObject publicObject(String layerSlug, long id) {
        return objects.findById(id).filter(o -> o.isLayerPublished() && o.getLayerSlug().equals(layerSlug))
                .orElseThrow(() -> new NotFoundException("geo.error.noObject"));
    }

    @Transactional(readOnly = true)
    public MapObject object(long id) {
        return objects.findById(id).orElseThrow(() -> new NotFoundException("geo.error.noObject"));
    }

    @Transactional(readOnly = true)
    public List<MapObject> objectsOf(long layerId) {
        return objects.findByLayerIdOrderById(layerId);
    }

    /** Objects per layer id, for the layers' list. */
    public Map<Long, Long> counts() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.query("select layer_id, count(*) from geo_object where community_id = ? group by layer_id",
                rs -> { counts.put(rs.getLong(1), rs.getLong(2)); }, CurrentCommunity.require().id());
        return counts;
    }

    /** Geometry types per layer id (in the order Point, LineString, Polygon). */
    public Map<Long, List<String>> geometryTypes() {
        Map<Long, List<String>> types = new LinkedHashMap<>();
        jdbc.query("select layer_id, geometry_type from geo_object where community_id = ? group by layer_id, geometry_type "
                        + "order by layer_id, case geometry_type when 'Point' then 0 when 'LineString' then 1 else 2 end",
                rs -> { types.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); },
                CurrentCommunity.require().id());
        return types;
    }

    /**
     * How many objects of the layer answer yes, no and "unknown" to each accessibility attribute:
     * per answer, a count for each attribute in {@link Access} order.
     */
    @Transactional(readOnly = true)
    public Map<Access.Answer, List<Long>> accessCounts(long layerId) {
        List<String> columns = new ArrayList<>();
        for (Access.Answer answer : Access.Answer.values()) {
            for (Access a : Access.values()) {
                columns.add("count(*) filter (where substr(access, " + a.column() + ", 1) = '" + answer.letter() + "')");
            }
        }
        return jdbc.query("select " + String.join(", ", columns) + " from geo_object where community_id = ? and layer_id = ?", rs -> {
            rs.next();
            Map<Access.Answer, List<Long>> counts = new LinkedHashMap<>();
            int column = 1;
            for (Access.Answer answer : Access.Answer.values()) {
                List<Long> values = new ArrayList<>();
                for (int i = 0; i < Access.values().length; i++) {
                    values.add(rs.getLong(column++));
                }
                counts.put(answer, values);
            }
            return counts;
        }, CurrentCommunity.require().id(), layerId);
    }

    public Map<String, String> attributeValues(String attributesJson) {
        return json.readValue(attributesJson, MAP);
    }

    public String attributesJson(Map<String, String> values) {
        return json.writeValueAsString(values);
    }

    public OpeningHours.@Nullable State hoursNow(String hours) {
        return OpeningHours.parse(hours).map(h -> h.at(now())).orElse(null);
    }

    // ---- the query

    /** A point to measure from. */
    public record Point(double lat, double lon) {}

    /** A latitude/longitude box. */
    public record Box(double minLat, double minLon, double maxLat, double maxLon) {

        /** GeoJSON's order: {@code minLon,minLat,maxLon,maxLat}; empty when unreadable. */
        public static Optional<Box> parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String[] p = text.split(",");
            if (p.length != 4) {
                return Optional.empty();
            }
            try {
                double minLon = Double.parseDouble(p[0].strip());
                double minLat = Double.parseDouble(p[1].strip());
                double maxLon = Double.parseDouble(p[2].strip());
                double maxLat = Double.parseDouble(p[3].strip());
                if (!(minLat <= maxLat && minLon <= maxLon && Math.abs(minLat) <= 90 && Math.abs(maxLat) <= 90
                        && Math.abs(minLon) <= 180 && Math.abs(maxLon) <= 180)) {
                    return Optional.empty();
                }
                return Optional.of(new Box(minLat, minLon, maxLat, maxLon));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** What to find: every condition must hold (an empty list of layers is every layer the query may see). */
    public record Query(List<Long> layerIds, List<Access> access, String words, @Nullable Point from, @Nullable Box box,
                        boolean publicOnly) {

        public Query {
            layerIds = List.copyOf(layerIds);
            access = List.copyOf(access);
        }
    }

    /** An object as lists and the API show it, with its distance in metres from the query's point (or null). */
    public record Row(long id, long layerId, String layerSlug, String nameUk, String nameEn, @Nullable String address,
                      String geometryType, String geometry, double lat, double lon, String attributes, String access,
                      @Nullable Double distance) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
        }

        public Access.Answer answer(Access a) {
            return a.in(access);
        }

        public String path() {
            return "map/" + layerSlug + "/" + id;
        }
    }

    /** One page of the query's rows and how many there are in all. */
    public record Found(List<Row> rows, long total) {}

    @Transactional(readOnly = true)
    public Found find(Query q, int offset, int limit) {
        long community = CurrentCommunity.require().id();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" from geo_object where community_id = ?");
        args.add(community);
        if (q.publicOnly()) {
            where.append(" and layer_published");
        }
        if (!q.layerIds().isEmpty()) {
            where.append(" and layer_id = any(?)");
            args.add(longs(q.layerIds()));
        }
        for (Access a : q.access()) {
            where.append(" and substr(access, ").append(a.column()).append(", 1) = 'Y'");
        }
        if (!q.words().isBlank()) {
            List<Long> ids = textMatches(q.words(), "nameUk", "nameEn", "address");
            if (ids.isEmpty()) {
                return new Found(List.of(), 0);
            }
            where.append(" and id = any(?)");
            args.add(longs(ids));
        }
        Box box = q.box();
        if (box != null) {
            where.append(" and max_lat >= ? and min_lat <= ? and max_lon >= ? and min_lon <= ?");
            args.addAll(List.of(box.minLat(), box.maxLat(), box.minLon(), box.maxLon()));
        }
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        Point from = q.from();
        List<Object> selectArgs = new ArrayList<>();
        String distance = "null::double precision";
        if (from != null) {
            distance = "2 * " + Geometries.EARTH_RADIUS + " * asin(least(1, sqrt(power(sin(radians(latitude - ?) / 2), 2)"
                    + " + cos(radians(?)) * cos(radians(latitude)) * power(sin(radians(longitude - ?) / 2), 2))))";
            selectArgs.addAll(List.of(from.lat(), from.lat(), from.lon()));
        }
        selectArgs.addAll(args);
        selectArgs.add(Math.max(0, Math.min(limit, MAX_ROWS)));
        selectArgs.add(Math.max(0, offset));
        String sql = "select id, layer_id, layer_slug, name_uk, name_en, address, geometry_type, geometry, latitude, longitude,"
                + " attributes, access, " + distance + " as distance" + where
                + (from != null ? " order by distance, id" : " order by name_uk, id") + " limit ? offset ?";
        List<Row> rows = jdbc.query(sql, GeoService::row, selectArgs.toArray());
        return new Found(rows, total == null ? 0 : total);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        double d = rs.getDouble(13);
        Double distance = rs.wasNull() ? null : d;
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getDouble(10), rs.getString(11), rs.getString(12),
                distance);
    }

    private Array longs(List<Long> ids) {
        return jdbc.execute((ConnectionCallback<Array>) c -> c.createArrayOf("bigint", ids.toArray()));
    }

    /** Ids of the current community's objects whose fields match the words (Ukrainian morphology, every word). */
    @Transactional(readOnly = true)
    public List<Long> textMatches(String words, String... fields) {
        String text = words.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        String matching = text;
        long community = CurrentCommunity.require().id();
        return index.search(session -> session.search(MapObject.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool().must(f.simpleQueryString().fields(fields).matching(matching).defaultOperator(BooleanOperator.AND))
                        .filter(SharedIndex.community(f, community)))
                .fetchHits(MAX_TEXT_HITS));
    }

    /** A place typed as an address: the object of a public layer whose address matches it best; empty when none does. */
    @Transactional(readOnly = true)
    public Optional<Row> locate(String address) {
        if (address.isBlank()) {
            return Optional.empty();
        }
        for (Long id : textMatches(address, "address")) {
            Optional<Row> row = jdbc.query("select id, layer_id, layer_slug, name_uk, name_en, address, geometry_type, geometry,"
                    + " latitude, longitude, attributes, access, null::double precision from geo_object"
                    + " where community_id = ? and id = ? and layer_published", GeoService::row,
                    CurrentCommunity.require().id(), id).stream().findFirst();
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }
}
