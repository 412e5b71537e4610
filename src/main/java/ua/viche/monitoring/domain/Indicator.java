package ua.viche.monitoring.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.monitoring.domain.IndicatorCalculation.Type;
import ua.viche.monitoring.domain.IndicatorCalculation.WhenZero;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * An indicator of a programme (annex 2): code, name, unit, its formula over figures (letters and
 * the figure each stands for) or none, what it is when the formula divides by zero, and the
 * baseline, targets and dynamics as the programme document prints them (kept as printed text, so a
 * typing error in the document stays visible beside the computed value). Found by the site search
 * by its code, name, unit, formula and note.
 */
@Entity
@Table(name = "monitoring_indicator")
@Indexed(index = "programme_indicator", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "code,nameUk,nameEn,unit,formula,note")))
public class Indicator implements Named, SearchDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long programmeId;
    private long priorityId;
    private String code;
    private String nameUk;
    private String nameEn;
    private String unit;
    @Enumerated(EnumType.STRING)
    private Type type;
    private @Nullable String formula;
    private String letters;
    @Enumerated(EnumType.STRING)
    private WhenZero whenZero;
    private String publishedDynamics;
    private String note;
    private int position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "monitoring_indicator_plan", joinColumns = @JoinColumn(name = "indicator_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "published")
    private Map<Integer, String> published = new TreeMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "monitoring_indicator_actual", joinColumns = @JoinColumn(name = "indicator_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "value")
    private Map<Integer, String> actual = new TreeMap<>();

    protected Indicator() {}

    Indicator(long programmeId, long priorityId, String code, String nameUk, String nameEn, String unit, Type type,
              @Nullable Formula formula, WhenZero whenZero, Map<Integer, String> published, String publishedDynamics,
              String note, int position) {
        this.programmeId = programmeId;
        this.priorityId = priorityId;
        this.code = code;
        this.nameUk = nameUk;
        this.nameEn = nameEn;
        this.unit = unit;
        this.type = type;
        this.formula = formula == null ? null : formula.text();
        this.letters = formula == null ? "" : String.join(";", formula.letters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        this.whenZero = whenZero;
        this.published = new TreeMap<>(published);
        this.publishedDynamics = publishedDynamics;
        this.note = note;
        this.position = position;
    }

    /** The formula, or null for an indicator whose values are given rather than computed. */
    public @Nullable Formula formula() {
        if (formula == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : letters.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return Formula.parse(formula, map);
    }

    // ---- site search (decision 0041)

    @Override public Long getCommunityId() { return communityId; }

    @Override public String searchKind() { return "programme_indicator"; }

    @Override public String searchTitle() { return code + " " + nameUk; }

    @Override public @Nullable String searchTitleEn() { return nameEn.isBlank() ? null : code + " " + nameEn; }

    @Override
    public String searchText() {
        return String.join("\n", unit, formula == null ? "" : formula, note);
    }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return null; }

    /** Public as soon as the programme is loaded. */
    @Override public @Nullable LocalDate searchPublicFrom() { return LocalDate.EPOCH; }

    @Override public String searchPath() { return "programme/indicators/" + code; }

    public Long getId() { return id; }
    public long getProgrammeId() { return programmeId; }
    public long getPriorityId() { return priorityId; }
    public String getCode() { return code; }
    @Override public String getNameUk() { return nameUk; }
    @Override public String getNameEn() { return nameEn; }
    public String getUnit() { return unit; }
    public Type getType() { return type; }
    public @Nullable String getFormula() { return formula; }
    public WhenZero getWhenZero() { return whenZero; }
    public String getPublishedDynamics() { return publishedDynamics; }
    public String getNote() { return note; }
    public int getPosition() { return position; }
    /** Baseline and targets as printed, by year. */
    public Map<Integer, String> getPublished() { return Map.copyOf(published); }
    /** Actual values as the coordinator recorded them, by year (only for an indicator without a formula). */
    public Map<Integer, String> getActual() { return Map.copyOf(actual); }

    /** Records a year's actual value; a blank one removes it (not known). */
    void actual(int year, String value) {
        if (value.isBlank()) {
            actual.remove(year);
        } else {
            actual.put(year, value);
        }
    }
}
