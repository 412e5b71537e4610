package ua.viche.platform.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Community;

@Entity
@Table(name = "community")
public class CommunityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String nameUk;
    private String nameEn;

    @Enumerated(EnumType.STRING)
    private Community.Kind kind;

    private int population;
    private @Nullable String regionUk;
    private @Nullable String regionEn;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String addressUk;
    private @Nullable String addressEn;
    private @Nullable String website;
    private @Nullable String host;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, String> settings = new HashMap<>();

    private Instant createdAt = Instant.now();

    protected CommunityEntity() {}

    public CommunityEntity(CommunityForm form) {
        this.slug = form.getSlug();
        update(form);
    }

    public void update(CommunityForm form) {
        this.nameUk = form.getNameUk().trim();
        this.nameEn = form.getNameEn().trim();
        this.kind = form.getKind();
        this.population = form.getPopulation();
        this.regionUk = blankToNull(form.getRegionUk());
        this.regionEn = blankToNull(form.getRegionEn());
        this.email = blankToNull(form.getEmail());
        this.phone = blankToNull(form.getPhone());
        this.addressUk = blankToNull(form.getAddressUk());
        this.addressEn = blankToNull(form.getAddressEn());
        this.website = blankToNull(form.getWebsite());
        this.host = form.getHost() == null || form.getHost().isBlank() ? null : form.getHost().trim().toLowerCase();
    }

    public void putSetting(String key, String value) {
        settings = new HashMap<>(settings);
        settings.put(key, value);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }

    public String getSlug() { return slug; }

    public Community toView() {
        return new Community(id, slug, nameUk, nameEn, kind, population, regionUk, regionEn, email, phone,
                addressUk, addressEn, website, host, Map.copyOf(settings));
    }
}
