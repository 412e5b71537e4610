package ua.viche.geo.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import ua.viche.platform.Refusal;

/**
 * A layer's objects out and in: GeoJSON (a FeatureCollection, properties named as the CSV's
 * columns) and CSV (a header row; a point as latitude and longitude, a line or polygon as a
 * GeoJSON geometry in the {@code geometry} column). An import checks every row first and writes
 * either all of them or none, with the reason for each refused row.
 */
@Service
public class GeoTransfer {

    /** Rows or features one import takes at most. */
    public static final int MAX_ROWS = 20_000;

    private final GeoService geo;
    private final GeoEditing editing;
    private final JsonMapper json;

    GeoTransfer(GeoService geo, GeoEditing editing, JsonMapper json) {
        this.geo = geo;
        this.editing = editing;
        this.json = json;
    }

    /** A refused row (1-based, as a person counts them: the CSV's header is row 1, a feature's number in the collection) and why. */
    public record Refused(int row, String key, List<Object> args) {}

    /** What an import did: how many objects it added (0 when any row was refused) and the refused rows. */
    public record Report(int rows, int imported, List<Refused> refused) {}

    /** The columns of a layer's CSV, in order (the GeoJSON's properties are the same, without coordinates and geometry). */
    public static List<String> columns(Layer layer) {
        List<String> c = new ArrayList<>(List.of("id", "name_uk", "name_en", "address", "latitude", "longitude", "geometry",
                "description_uk", "description_en"));
        layer.attributes().forEach(a -> c.add(a.key()));
        for (Access a : Access.values()) {
            c.add("access_" + a.key());
        }
        c.add("access_note");
        c.add("access_checked");
        return c;
    }

    private Map<String, @Nullable String> properties(Layer layer, MapObject o) {
        Map<String, @Nullable String> p = new LinkedHashMap<>();
        p.put("id", o.getId().toString());
        p.put("name_uk", o.getNameUk());
        p.put("name_en", o.getNameEn());
        p.put("address", o.getAddress());
        p.put("description_uk", o.getDescriptionUk());
        p.put("description_en", o.getDescriptionEn());
        Map<String, String> values = geo.attributeValues(o.getAttributes());
        layer.attributes().forEach(a -> p.put(a.key(), values.get(a.key())));
        for (Access a : Access.values()) {
            p.put("access_" + a.key(), o.answer(a).key());
        }
        p.put("access_note", o.getAccessNote());
        p.put("access_checked", o.getAccessChecked() == null ? null : o.getAccessChecked().toString());
        return p;
    }

    public String exportGeoJson(Layer layer) {
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (MapObject o : geo.objectsOf(layer.getId())) {
            s.append(first ? "" : ",").append("{\"type\":\"Feature\",\"id\":").append(o.getId())
                    .append(",\"geometry\":").append(o.getGeometry())
                    .append(",\"properties\":").append(json.writeValueAsString(properties(layer, o))).append('}');
            first = false;
        }
        return s.append("]}").toString();
    }

    public String exportCsv(Layer layer) {
        StringWriter out = new StringWriter();
        List<String> columns = columns(layer);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (MapObject o : geo.objectsOf(layer.getId())) {
                Map<String, @Nullable String> p = properties(layer, o);
                boolean point = o.getGeometryType().equals("Point");
                p.put("latitude", point ? Double.toString(o.getLatitude()) : null);
                p.put("longitude", point ? Double.toString(o.getLongitude()) : null);
                p.put("geometry", point ? null : o.getGeometry());
                List<@Nullable String> row = new ArrayList<>();
                columns.forEach(c -> row.add(p.get(c)));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public Report importGeoJson(long layerId, String text) {
        Layer layer = editing.requireEditable(layerId);
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw Refusal.field("file", "geo.error.importUnreadable");
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString("")) || !root.path("features").isArray()) {
            throw Refusal.field("file", "geo.error.notFeatureCollection");
        }
        JsonNode features = root.path("features");
        if (features.size() > MAX_ROWS) {
            throw Refusal.field("file", "geo.error.importTooLarge", MAX_ROWS);
        }
        List<MapObject.Content> good = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        int n = 0;
        for (JsonNode f : features) {
            n++;
            Map<String, String> values = new LinkedHashMap<>();
            if (f.path("properties").isObject()) {
                for (Map.Entry<String, JsonNode> e : ((ObjectNode) f.path("properties")).properties()) {
                    values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString(""));
                }
            }
            check(layer, new GeoEditing.ObjectInput(values, f.path("geometry").isObject() ? f.path("geometry") : null), n,
                    good, refused, f.path("geometry").isObject());
        }
        return finish(layerId, n, good, refused);
    }

    public Report importCsv(long layerId, String text) {
        Layer layer = editing.requireEditable(layerId);
        List<MapObject.Content> good = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        int n = 0;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("name_uk")) {
                throw Refusal.field("file", "geo.error.csvHeader");
            }
            for (CSVRecord r : parser) {
                n++;
                if (n > MAX_ROWS) {
                    throw Refusal.field("file", "geo.error.importTooLarge", MAX_ROWS);
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String h : header) {
                    values.put(h, r.isSet(h) ? r.get(h) : "");
                }
                check(layer, new GeoEditing.ObjectInput(values, null), (int) r.getRecordNumber() + 1, good, refused, true);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw Refusal.field("file", "geo.error.importUnreadable");
        }
        return finish(layerId, n, good, refused);
    }

    private void check(Layer layer, GeoEditing.ObjectInput in, int row, List<MapObject.Content> good, List<Refused> refused,
                       boolean hasGeometry) {
        try {
            if (!hasGeometry && in.values().getOrDefault("latitude", "").isBlank()) {
                throw Refusal.field("geometry", "geo.error.noLocation");
            }
            good.add(editing.content(layer, in));
        } catch (Refusal r) {
            refused.add(new Refused(row, r.messageKey(), List.of(r.arguments())));
        }
    }

    private Report finish(long layerId, int rows, List<MapObject.Content> good, List<Refused> refused) {
        if (rows == 0) {
            throw Refusal.field("file", "geo.error.importEmpty");
        }
        if (!refused.isEmpty()) {
            return new Report(rows, 0, refused);
        }
        return new Report(rows, editing.addAll(layerId, good), List.of());
    }
}
