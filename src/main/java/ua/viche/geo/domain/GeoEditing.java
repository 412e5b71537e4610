package ua.viche.geo.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * What officials do with the map: the community admin enables standard layers, creates layers and
 * decides their departments; an official describes the layers of their departments and edits their
 * objects (a grant for the whole community, or the admin, covers every layer). Objects come from a form, a GeoJSON
 * feature or a CSV row as the same named values, checked the same way.
 */
@Service
public class GeoEditing {

    private final LayerRepository layers;
    private final MapObjectRepository objects;
    private final GeoService geo;
    private final AccessControl access;
    private final Communities communities;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final Attachments attachments;
    private final JdbcTemplate jdbc;
    private final RouteDrawing drawing;

    GeoEditing(LayerRepository layers, MapObjectRepository objects, GeoService geo, AccessControl access,
               Communities communities, JsonMapper json, AuditLog audit, Clock clock, Attachments attachments, JdbcTemplate jdbc,
               RouteDrawing drawing) {
        this.drawing = drawing;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.layers = layers;
        this.objects = objects;
        this.geo = geo;
        this.access = access;
        this.communities = communities;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the current user may edit objects; empty when nowhere. */
    public Optional<AccessControl.Scope> scope() {
        return access.scope(Role.COMMUNITY_ADMIN, Role.OFFICIAL);
    }

    public boolean isAdmin() {
        return access.currentUserHas(Role.COMMUNITY_ADMIN);
    }

    public boolean canEdit(Layer layer) {
        return scope().map(s -> s.covers(layer.getDepartmentId())).orElse(false);
    }

    /** The layer, if the current user may edit its objects; else access denied. */
    public Layer requireEditable(long layerId) {
        Layer layer = geo.layer(layerId);
        if (!canEdit(layer)) {
            throw new AccessDeniedException("not this layer's department");
        }
        return layer;
    }

    /** An object of a layer the signed-in official may edit; refused for another layer's or community's object. */
    public MapObject requireEditableObject(long layerId, long objectId) {
        Layer layer = requireEditable(layerId);
        MapObject o = geo.object(objectId);
        if (o.getLayerId() != layer.getId() || o.getCommunityId() != CurrentCommunity.require().id()) {
            throw new AccessDeniedException("not this layer's object");
        }
        return o;
    }

    // ---- layers (community admin)

    @Transactional
    public Layer enable(StandardLayer standard) {
        access.require(Role.COMMUNITY_ADMIN);
        return enableStandard(standard);
    }

    /** Enables a standard layer (public, its department found by its words); for the demo too. Does nothing if its slug is taken. */
    @Transactional
    public Layer enableStandard(StandardLayer standard) {
        Optional<Layer> existing = layers.findBySlug(standard.slug());
        if (existing.isPresent()) {
            return existing.get();
        }
        Long department = departmentFor(standard.departmentWords());
        Layer layer = new Layer(standard.slug(), standard, clock.instant());
        layer.describe(standard.nameUk(), standard.nameEn(), standard.icon(), standard.colour(), standard.shape(), standard.label(),
                department, true, standard.attributes(), standard.ordinal() * 10);
        return layers.save(layer);
    }

    private @Nullable Long departmentFor(List<String> words) {
        for (String w : words) {
            for (Department d : communities.departments()) {
                if (d.nameUk().toLowerCase().contains(w)) {
                    return d.id();
                }
            }
        }
        return null;
    }

    /** The description of a layer, as the form sends it. */
    public record LayerInput(String slug, String nameUk, String nameEn, String icon, String colour, Layer.Shape shape, String label,
                             @Nullable Long departmentId, boolean published, String attributes, int position) {}

    /**
     * Creates a layer (the community admin) or describes one: the admin any layer, an official of the
     * layer's department their own, all but its department, which only the admin changes.
     */
    @Transactional
    public Layer saveLayer(@Nullable Long id, LayerInput in) {
        Layer layer = null;
        if (id == null) {
            access.require(Role.COMMUNITY_ADMIN);
        } else {
            layer = requireEditable(id);
            if (!isAdmin() && !Objects.equals(in.departmentId(), layer.getDepartmentId())) {
                throw Refusal.field("departmentId", "geo.error.departmentAdminOnly");
            }
        }
        if (in.departmentId() != null && communities.department(in.departmentId()).isEmpty()) {
            throw Refusal.field("departmentId", "geo.error.department");
        }
        List<AttributeSpec> schema = AttributeSpec.parseLines(in.attributes());
        if (layer == null) {
            if (layers.findBySlug(in.slug()).isPresent()) {
                throw Refusal.field("slug", "geo.error.slugTaken");
            }
            layer = new Layer(in.slug(), null, clock.instant());
        }
        boolean wasPublished = id != null && layer.isPublished();
        layer.describe(in.nameUk(), in.nameEn(), in.icon(), in.colour(), in.shape(), in.label(), in.departmentId(), in.published(),
                schema, in.position());
        layer = layers.save(layer);
        if (id != null && wasPublished != in.published()) {
            for (MapObject o : objects.findByLayerIdOrderById(id)) {
                o.layerPublished(in.published()); // re-indexed for the site search as the transaction commits
            }
        }
        audit.record(id == null ? "geo.layer.created" : "geo.layer.updated", "geo_layer", layer.getId(), layer.getSlug());
        return layer;
    }

    // ---- objects (the layer's department)

    /** An object's values by name, as a form, a GeoJSON feature's properties or a CSV row give them. */
    public record ObjectInput(Map<String, String> values, @Nullable JsonNode geometry) {

        public ObjectInput {
            values = Map.copyOf(values);
        }

        String get(String name) {
            return values.getOrDefault(name, "").strip();
        }
    }

    /** Checks an object's values against the layer: the geometry (a GeoJSON one, else latitude and longitude), attributes, answers. */
    public MapObject.Content content(Layer layer, ObjectInput in) {
        Geometries.Shape shape;
        if (in.geometry() != null) {
            shape = Geometries.parse(in.geometry(), geo.area());
        } else if (!in.get("geometry").isEmpty()) {
            shape = Geometries.parse(in.get("geometry"), json, geo.area());
        } else {
            double lat = coordinate(in.get("latitude"), "latitude", 90);
            double lon = coordinate(in.get("longitude"), "longitude", 180);
            shape = Geometries.point(lat, lon, geo.area());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (AttributeSpec spec : layer.attributes()) {
            String v = spec.check(in.get(spec.key()));
            if (!v.isEmpty()) {
                values.put(spec.key(), v);
            }
        }
        StringBuilder letters = new StringBuilder();
        for (Access a : Access.values()) {
            String raw = in.get("access_" + a.key());
            Access.Answer answer = Access.Answer.parse(raw).orElseThrow(() -> Refusal.field("access_" + a.key(), "geo.error.answer", raw));
            letters.append(answer.letter());
        }
        LocalDate checked = null;
        if (!in.get("access_checked").isEmpty()) {
            try {
                checked = LocalDate.parse(in.get("access_checked"));
            } catch (DateTimeParseException e) {
                throw Refusal.field("accessChecked", "geo.error.accessChecked");
            }
            if (checked.isAfter(geo.today())) { // checked on a day still to come (the community's day, Kyiv)
                throw Refusal.field("accessChecked", "geo.error.accessChecked");
            }
        }
        return new MapObject.Content(in.get("name_uk"), in.get("name_en"), in.get("address"), in.get("description_uk"),
                in.get("description_en"), shape, geo.attributesJson(values), letters.toString(), in.get("access_note"), checked);
    }

    private static double coordinate(String text, String field, double limit) {
        if (text.isEmpty()) {
            throw Refusal.field(field, "geo.error.noLocation");
        }
        try {
            double v = Double.parseDouble(text.replace(',', '.'));
            if (!Double.isFinite(v) || Math.abs(v) > limit) {
                throw Refusal.field(field, "geo.error.outside");
            }
            return v;
        } catch (NumberFormatException e) {
            throw Refusal.field(field, "geo.error.coordinate");
        }
    }

    @Transactional
    public MapObject saveObject(long layerId, @Nullable Long id, ObjectInput in) {
        Layer layer = requireEditable(layerId);
        MapObject.Content content = content(layer, in);
        MapObject object = id == null ? new MapObject(layer, clock.instant()) : geo.object(id);
        if (object.getLayerId() != layer.getId()) {
            throw new AccessDeniedException("not this layer's object");
        }
        object.update(content, clock.instant());
        object = objects.save(object);
        if (id != null) {
            drawing.redrawThrough(object.getId(), false);
        }
        audit.record(id == null ? "geo.object.created" : "geo.object.updated", "geo_object", object.getId(), object.getNameUk());
        return object;
    }

    @Transactional
    public void deleteObject(long layerId, long id) {
        Layer layer = requireEditable(layerId);
        MapObject object = geo.object(id);
        if (object.getLayerId() != layer.getId()) {
            throw new AccessDeniedException("not this layer's object");
        }
        // the photos' files go with it (their rows and the events go by the foreign keys)
        attachments.deleteAll(jdbc.queryForList("select id from geo_photo where object_id = ?", Long.class, id).stream()
                .map(GeoPhotos::owner).toList());
        drawing.redrawThrough(id, true);
        objects.delete(object);
        audit.record("geo.object.deleted", "geo_object", id, object.getNameUk());
    }

    /** Saves checked contents as new objects of the layer (an import that passed every row). */
    @Transactional
    public int addAll(long layerId, List<MapObject.Content> contents) {
        Layer layer = requireEditable(layerId);
        for (MapObject.Content c : contents) {
            MapObject o = new MapObject(layer, clock.instant());
            o.update(c, clock.instant());
            objects.save(o);
        }
        audit.record("geo.layer.imported", "geo_layer", layerId, contents.size() + "");
        return contents.size();
    }
}
