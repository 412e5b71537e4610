package ua.viche.opendata.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.search.SearchAnalysis;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A dataset of the community's register: what it is (titles and descriptions in both languages,
 * keywords, theme, legal basis, licence), who answers for it (department and contact e-mail), how
 * often it is updated and what it covers, and where it stands. It is overdue when published and its
 * frequency has passed since its last update ({@link #shownStatus}). {@code uuid} is the id
 * harvesters keep; {@code name} is its address and CKAN name. Public (in the API, the catalogue and
 * the search) while published.
 */
@Entity
@Table(name = "opendata_dataset")
@Indexed(index = "opendata_dataset", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "titleUk,titleEn,descriptionUk,keywords,status,issuedAt")))
public class Dataset implements SearchDocument {

    public enum Status { PLANNED, PUBLISHED, WITHDRAWN }

    /** What a page shows: the stored status, with a published dataset past its due day as overdue. */
    public enum Shown { PLANNED, PUBLISHED, OVERDUE, WITHDRAWN }

    /** Where the dataset comes from: the Resolution 835 list, the community's own, or a module's export. */
    public enum Origin { RESOLUTION, OWN, GENERATED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private UUID uuid;
    private String name;
    private String identifier;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN)
    private String titleUk;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN)
    private String titleEn;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN)
    private String descriptionUk;

    private String descriptionEn;
    private @Nullable Long departmentId;
    private @Nullable String contactEmail;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN)
    private String keywords;

    @Enumerated(EnumType.STRING)
    private Theme theme;

    private String legalBasis;

    @Enumerated(EnumType.STRING)
    private Licence licence;

    @Enumerated(EnumType.STRING)
    private Frequency frequency;

    private @Nullable LocalDate temporalFrom;
    private @Nullable LocalDate temporalTo;
    private String spatial;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Origin origin;

    private @Nullable String sourceModule;
    private Instant createdAt;
    private Instant modifiedAt;
    private @Nullable Instant issuedAt;
    private @Nullable Instant updatedAt;
    private @Nullable Instant remindedAt;

    protected Dataset() {}

    public Dataset(String name, Origin origin, Instant now) {
        this.uuid = UUID.randomUUID();
        this.name = name;
        this.identifier = name;
        this.origin = origin;
        this.status = Status.PLANNED;
        this.licence = Licence.CC_BY_4_0;
        this.frequency = Frequency.ANNUAL;
        this.theme = Theme.GOVE;
        this.titleUk = "";
        this.titleEn = "";
        this.descriptionUk = "";
        this.descriptionEn = "";
        this.keywords = "";
        this.legalBasis = "";
        this.spatial = "";
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** The stored status, and overdue for a published dataset whose frequency has passed since it was last updated. */
    public Shown shownStatus(LocalDate today) {
        return switch (status) {
            case PLANNED -> Shown.PLANNED;
            case WITHDRAWN -> Shown.WITHDRAWN;
            case PUBLISHED -> dueDay().filter(today::isAfter).isPresent() ? Shown.OVERDUE : Shown.PUBLISHED;
        };
    }

    /** The last day of the current period: its frequency after the last update; empty when it is never due or never updated. */
    public Optional<LocalDate> dueDay() {
        Instant last = updatedAt != null ? updatedAt : issuedAt;
        if (last == null || origin == Origin.GENERATED) {
            return Optional.empty();
        }
        return frequency.dueAfter(Dates.day(last));
    }

    public boolean isPublic() {
        return status == Status.PUBLISHED;
    }

    public List<String> keywordList() {
        return Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && !titleEn.isBlank() ? titleEn : titleUk;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) && !descriptionEn.isBlank() ? descriptionEn : descriptionUk;
    }

    // ---- changes, each marks the metadata modified

    public void describe(String titleUk, String titleEn, String descriptionUk, String descriptionEn, String keywords, Theme theme,
                         String legalBasis, Licence licence, Frequency frequency, @Nullable Long departmentId, @Nullable String contactEmail,
                         @Nullable LocalDate temporalFrom, @Nullable LocalDate temporalTo, String spatial, String identifier, Instant now) {
        this.titleUk = titleUk;
        this.titleEn = titleEn;
        this.descriptionUk = descriptionUk;
        this.descriptionEn = descriptionEn;
        this.keywords = keywords;
        this.theme = theme;
        this.legalBasis = legalBasis;
        this.licence = licence;
        this.frequency = frequency;
        this.departmentId = departmentId;
        this.contactEmail = contactEmail;
        this.temporalFrom = temporalFrom;
        this.temporalTo = temporalTo;
        this.spatial = spatial;
        this.identifier = identifier;
        this.modifiedAt = now;
    }

    /** New data arrived (a version of a resource): published if it was planned, on time again. */
    public void updated(Instant at) {
        if (status == Status.PLANNED) {
            status = Status.PUBLISHED;
        }
        if (issuedAt == null) {
            issuedAt = at;
        }
        updatedAt = at;
        modifiedAt = at;
        remindedAt = null;
    }

    public void withdraw(Instant now) {
        status = Status.WITHDRAWN;
        modifiedAt = now;
    }

    public void publishAgain(Instant now) {
        status = Status.PUBLISHED;
        if (issuedAt == null) {
            issuedAt = now;
        }
        modifiedAt = now;
    }

    public void generatedBy(String module) {
        this.sourceModule = module;
    }

    public void reminded(Instant at) {
        this.remindedAt = at;
    }

    /** For the demo: the dataset as it stood after an update at a past moment. */
    public void backdate(Instant issued, Instant updated) {
        this.createdAt = issued;
        this.issuedAt = issued;
        this.updatedAt = updated;
        this.modifiedAt = updated;
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "opendata_dataset"; }

    @Override public String searchTitle() { return titleUk; }

    @Override public @Nullable String searchTitleEn() { return titleEn; }

    @Override
    public String searchText() {
        return descriptionUk + "\n" + keywords;
    }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return issuedAt == null ? null : Dates.day(issuedAt); }

    @Override public @Nullable LocalDate searchPublicFrom() { return status == Status.PUBLISHED ? LocalDate.EPOCH : null; }

    @Override public String searchPath() { return "opendata/" + name; }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public UUID getUuid() { return uuid; }
    public String getName() { return name; }
    public String getIdentifier() { return identifier; }
    public String getTitleUk() { return titleUk; }
    public String getTitleEn() { return titleEn; }
    public String getDescriptionUk() { return descriptionUk; }
    public String getDescriptionEn() { return descriptionEn; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public @Nullable String getContactEmail() { return contactEmail; }
    public String getKeywords() { return keywords; }
    public Theme getTheme() { return theme; }
    public String getLegalBasis() { return legalBasis; }
    public Licence getLicence() { return licence; }
    public Frequency getFrequency() { return frequency; }
    public @Nullable LocalDate getTemporalFrom() { return temporalFrom; }
    public @Nullable LocalDate getTemporalTo() { return temporalTo; }
    public String getSpatial() { return spatial; }
    public Status getStatus() { return status; }
    public Origin getOrigin() { return origin; }
    public @Nullable String getSourceModule() { return sourceModule; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getModifiedAt() { return modifiedAt; }
    public @Nullable Instant getIssuedAt() { return issuedAt; }
    public @Nullable Instant getUpdatedAt() { return updatedAt; }
    public @Nullable Instant getRemindedAt() { return remindedAt; }
}
