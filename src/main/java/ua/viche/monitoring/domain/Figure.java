package ua.viche.monitoring.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A monitoring figure (показник моніторингу, annex 3): code, name, unit, who provides it, and its
 * baseline and yearly forecasts as the programme states them. Indicators' formulas read figures by code.
 */
@Entity
@Table(name = "monitoring_figure")
public class Figure implements Named {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long programmeId;
    private String code;
    private String nameUk;
    private String nameEn;
    private String unit;
    private String provider;
    private @Nullable Long departmentId;
    private boolean neverZero;
    private @Nullable String computed;
    private int position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "monitoring_figure_plan", joinColumns = @JoinColumn(name = "figure_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "value")
    private Map<Integer, BigDecimal> plan = new TreeMap<>();

    protected Figure() {}

    Figure(long programmeId, String code, String nameUk, String nameEn, String unit, String provider,
           @Nullable Long departmentId, boolean neverZero, @Nullable String computed, int position, Map<Integer, BigDecimal> plan) {
        this.computed = computed;
        this.programmeId = programmeId;
        this.code = code;
        this.nameUk = nameUk;
        this.nameEn = nameEn;
        this.unit = unit;
        this.provider = provider;
        this.departmentId = departmentId;
        this.neverZero = neverZero;
        this.position = position;
        this.plan = new TreeMap<>(plan);
    }

    public Long getId() { return id; }
    public long getProgrammeId() { return programmeId; }
    public String getCode() { return code; }
    @Override public String getNameUk() { return nameUk; }
    @Override public String getNameEn() { return nameEn; }
    public String getUnit() { return unit; }
    public String getProvider() { return provider; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public boolean isNeverZero() { return neverZero; }
    /** The key of the platform's published figure this one is computed from; null when its department enters it. */
    public @Nullable String getComputed() { return computed; }
    public int getPosition() { return position; }
    /** Baseline and forecasts by year. */
    public Map<Integer, BigDecimal> getPlan() { return Map.copyOf(plan); }
}
