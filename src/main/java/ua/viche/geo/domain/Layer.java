package ua.viche.geo.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;

/**
 * A layer of the community's map: its name, its symbol (colour, shape and a text label of up to
 * three characters), the department in charge of it, whether the public sees it, and the schema of
 * its objects' attributes. The slug is fixed once the layer exists (object pages are under it).
 */
@Entity
@Table(name = "geo_layer")
public class Layer {

    /** A marker's shape: with the label, what tells layers apart without colour. */
    public enum Shape { CIRCLE, SQUARE, TRIANGLE, DIAMOND, STAR }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    private static final Pattern ICON = Pattern.compile("[a-z0-9-]{1,30}");
    /** Slugs the map's own paths use. */
    public static final List<String> RESERVED = List.of("manage", "nearest", "export", "objects", "layers", "new", "events");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String slug;
    private String nameUk;
    private String nameEn;
    private @Nullable String standard;
    private String icon;
    private String colour;

    @Enumerated(EnumType.STRING)
    private Shape shape;

    private String label;
    private @Nullable Long departmentId;
    private boolean published;

    @Column(name = "attributes")
    private String attributeLines;

    private int position;
    private Instant createdAt;

    protected Layer() {}

    public Layer(String slug, @Nullable StandardLayer standard, Instant now) {
        if (!SLUG.matcher(slug).matches() || RESERVED.contains(slug)) {
            throw Refusal.field("slug", "geo.error.slug");
        }
        this.slug = slug;
        this.standard = standard == null ? null : standard.name();
        this.createdAt = now;
        this.nameUk = "";
        this.nameEn = "";
        this.icon = "place";
        this.colour = "#1d4e89";
        this.shape = Shape.CIRCLE;
        this.label = "•";
        this.attributeLines = "";
    }

    /** Sets everything but the slug; the attribute lines are checked by {@link AttributeSpec#parseLines}. */
    public void describe(String nameUk, String nameEn, String icon, String colour, Shape shape, String label,
                         @Nullable Long departmentId, boolean published, List<AttributeSpec> attributes, int position) {
        if (nameUk.isBlank() || nameEn.isBlank() || nameUk.length() > 200 || nameEn.length() > 200) {
            throw Refusal.field("nameUk", "geo.error.layerName");
        }
        if (!COLOUR.matcher(colour.toLowerCase(Locale.ROOT)).matches()) {
            throw Refusal.field("colour", "geo.error.colour");
        }
        if (!ICON.matcher(icon).matches()) {
            throw Refusal.field("icon", "geo.error.icon");
        }
        if (label.isBlank() || label.strip().length() > 3) {
            throw Refusal.field("label", "geo.error.label");
        }
        this.nameUk = nameUk.strip();
        this.nameEn = nameEn.strip();
        this.icon = icon;
        this.colour = colour.toLowerCase(Locale.ROOT);
        this.shape = shape;
        this.label = label.strip();
        this.departmentId = departmentId;
        this.published = published;
        this.attributeLines = String.join("\n", attributes.stream().map(AttributeSpec::line).toList());
        this.position = position;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }

    public List<AttributeSpec> attributes() {
        return AttributeSpec.parseLines(attributeLines);
    }

    public Long getId() { return id; }
    public long getCommunityId() { return communityId; }
    public String getSlug() { return slug; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public @Nullable String getStandard() { return standard; }
    public String getIcon() { return icon; }
    public String getColour() { return colour; }
    public Shape getShape() { return shape; }
    public String getLabel() { return label; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public boolean isPublished() { return published; }
    public String getAttributeLines() { return attributeLines; }
    public int getPosition() { return position; }
    public Instant getCreatedAt() { return createdAt; }
}
