package ua.viche.geo.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;
import ua.viche.search.SearchAnalysis;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * An object on a layer: a checked geometry (with a point on it and its bounding box), its name in
 * both languages, address, description, attribute values (JSON, checked against the layer's
 * schema) and the shared accessibility answers, one letter each (see {@link Access}). Found by
 * name and address with Ukrainian morphology, in the map's filter and in the site search while its
 * layer is public.
 */
@Entity
@Table(name = "geo_object")
@Indexed(index = "geo_object", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "nameUk,nameEn,address,descriptionUk,layerPublished,updatedAt")))
public class MapObject implements SearchDocument {

    public static final int MAX_NAME = 300;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_DESCRIPTION = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long layerId;
    private String layerSlug;
    private boolean layerPublished;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN)
    private String nameUk;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN)
    private String nameEn;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN)
    private @Nullable String address;

    private @Nullable String descriptionUk;
    private @Nullable String descriptionEn;
    private String geometryType;
    private String geometry;
    private double latitude;
    private double longitude;
    private double minLat;
    private double minLon;
    private double maxLat;
    private double maxLon;
    private String attributes;
    private String access;
    private @Nullable String accessNote;
    private @Nullable LocalDate accessChecked;
    private Instant createdAt;
    private Instant updatedAt;

    protected MapObject() {}

    public MapObject(Layer layer, Instant now) {
        this.layerId = layer.getId();
        this.layerSlug = layer.getSlug();
        this.layerPublished = layer.isPublished();
        this.createdAt = now;
        this.updatedAt = now;
        this.nameUk = "";
        this.nameEn = "";
        this.geometryType = "Point";
        this.geometry = "";
        this.attributes = "{}";
        this.access = Access.NONE_KNOWN;
    }

    /** What an official or an import gives for an object, already checked where a type of its own does it. */
    public record Content(String nameUk, String nameEn, @Nullable String address, @Nullable String descriptionUk,
                          @Nullable String descriptionEn, Geometries.Shape shape, String attributesJson, String access,
                          @Nullable String accessNote, @Nullable LocalDate accessChecked) {}

    public void update(Content c, Instant now) {
        if (c.nameUk().isBlank() || c.nameUk().length() > MAX_NAME || c.nameEn().length() > MAX_NAME) {
            throw Refusal.field("nameUk", "geo.error.name");
        }
        if (c.address() != null && c.address().length() > MAX_ADDRESS) {
            throw Refusal.field("address", "geo.error.address");
        }
        if ((c.descriptionUk() != null && c.descriptionUk().length() > MAX_DESCRIPTION)
                || (c.descriptionEn() != null && c.descriptionEn().length() > MAX_DESCRIPTION)) {
            throw Refusal.field("descriptionUk", "geo.error.description");
        }
        if (c.accessNote() != null && c.accessNote().length() > 1000) {
            throw Refusal.field("accessNote", "geo.error.accessNote");
        }
        this.nameUk = c.nameUk().strip();
        this.nameEn = c.nameEn().isBlank() ? this.nameUk : c.nameEn().strip();
        this.address = blankToNull(c.address());
        this.descriptionUk = blankToNull(c.descriptionUk());
        this.descriptionEn = blankToNull(c.descriptionEn());
        Geometries.Shape s = c.shape();
        this.geometryType = s.type();
        this.geometry = s.geoJson();
        this.latitude = s.lat();
        this.longitude = s.lon();
        this.minLat = s.minLat();
        this.minLon = s.minLon();
        this.maxLat = s.maxLat();
        this.maxLon = s.maxLon();
        this.attributes = c.attributesJson();
        this.access = c.access();
        this.accessNote = blankToNull(c.accessNote());
        this.accessChecked = c.accessChecked();
        this.updatedAt = now;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }

    public @Nullable String description(Locale locale) {
        return "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionUk;
    }

    public Access.Answer answer(Access a) {
        return a.in(access);
    }

    /** A route's line, drawn through its stops, with its length and walking time among the attributes. */
    void drawRoute(Geometries.Shape line, String attributesJson, Instant now) {
        this.geometryType = line.type();
        this.geometry = line.geoJson();
        this.latitude = line.lat();
        this.longitude = line.lon();
        this.minLat = line.minLat();
        this.minLon = line.minLon();
        this.maxLat = line.maxLat();
        this.maxLon = line.maxLon();
        this.attributes = attributesJson;
        this.updatedAt = now;
    }

    void layerPublished(boolean published) {
        this.layerPublished = published;
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "geo_object"; }

    @Override public String searchTitle() { return nameUk; }

    @Override public @Nullable String searchTitleEn() { return nameEn; }

    @Override
    public String searchText() {
        return (address == null ? "" : address) + "\n" + (descriptionUk == null ? "" : descriptionUk);
    }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return null; }

    @Override public @Nullable LocalDate searchPublicFrom() { return layerPublished ? LocalDate.EPOCH : null; }

    @Override public String searchPath() { return "map/" + layerSlug + "/" + id; }

    public Long getId() { return id; }
    @Override
    public Long getCommunityId() { return communityId; }
    public long getLayerId() { return layerId; }
    public String getLayerSlug() { return layerSlug; }
    public boolean isLayerPublished() { return layerPublished; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public @Nullable String getAddress() { return address; }
    public @Nullable String getDescriptionUk() { return descriptionUk; }
    public @Nullable String getDescriptionEn() { return descriptionEn; }
    public String getGeometryType() { return geometryType; }
    public String getGeometry() { return geometry; }
    public double getLatitude() { return latitude; }
    public double getLongitude() { return longitude; }
    public double getMinLat() { return minLat; }
    public double getMinLon() { return minLon; }
    public double getMaxLat() { return maxLat; }
    public double getMaxLon() { return maxLon; }
    public String getAttributes() { return attributes; }
    public String getAccess() { return access; }
    public @Nullable String getAccessNote() { return accessNote; }
    public @Nullable LocalDate getAccessChecked() { return accessChecked; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
