package ua.viche.archive.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;
import ua.viche.search.SearchAnalysis;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A file (справа) of an inventory, with its description and access. A file with confidential
 * personal data is closed to the public for 75 years from its latest document's date; the
 * archivist may open it earlier (the person's or heirs' consent) or close any file, always with a
 * reason. A closed file is seen only by archivists: not its description in search, never its text.
 */
@Entity
@BatchSize(size = 32)
@Table(name = "archive_file")
@Indexed(index = "archive_file", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "title,number,inventory.number,inventory.fond.number,terms,dateFrom,dateTo,personalData,accessOverride")))
public class ArchiveFile implements SearchDocument {

    /** The archivist's decision that overrides the computed access. */
    public enum Override { OPEN, CLOSED }

    public static final int CLOSED_YEARS = 75;
    public static final int MAX_NUMBER = 20;
    public static final int MAX_TITLE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "inventory_id")
    private Inventory inventory;

    private String number;

    @FullTextField(name = ArchiveIndex.TITLE, analyzer = SearchAnalysis.UKRAINIAN, highlightable = Highlightable.ANY)
    @KeywordField(name = ArchiveIndex.HIT_TITLE, projectable = Projectable.YES, searchable = Searchable.NO)
    private String title;

    @GenericField(name = ArchiveIndex.DATE_FROM, projectable = Projectable.YES, searchable = Searchable.NO)
    private @Nullable LocalDate dateFrom;
    @GenericField(name = ArchiveIndex.DATE_TO, projectable = Projectable.YES, searchable = Searchable.NO)
    private @Nullable LocalDate dateTo;
    private int extent;
    private String language = "uk";
    private boolean personalData;

    @Enumerated(EnumType.STRING)
    @Column(name = "access_override")
    private @Nullable Override accessOverride;

    private @Nullable String overrideReason;

    @BatchSize(size = 32)
    @ManyToMany
    @JoinTable(name = "archive_file_term", joinColumns = @JoinColumn(name = "file_id"),
            inverseJoinColumns = @JoinColumn(name = "term_id"))
    private Set<Term> terms = new LinkedHashSet<>();

    /** The file's pages (the inverse side: a change of the file reindexes its pages). */
    @BatchSize(size = 32)
    @OneToMany(mappedBy = "file")
    private List<Page> pages = new ArrayList<>();

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected ArchiveFile() {}

    public ArchiveFile(Inventory inventory, Description d, Instant now) {
        this.inventory = inventory;
        this.createdAt = now;
        change(d, now);
    }

    /** What an archivist writes about a file. */
    public record Description(String number, String title, @Nullable LocalDate dateFrom, @Nullable LocalDate dateTo,
                              int extent, String language, boolean personalData) {}

    public void change(Description d, Instant now) {
        this.number = d.number().strip();
        this.title = d.title().strip();
        this.dateFrom = d.dateFrom();
        this.dateTo = d.dateTo();
        this.extent = d.extent();
        this.language = d.language();
        this.personalData = d.personalData();
        this.updatedAt = now;
    }

    public Description description() {
        return new Description(number, title, dateFrom, dateTo, extent, language, personalData);
    }

    /** Opens or closes the file against the computed rule, or (null) returns to the rule; a reason is required. */
    public void overrideAccess(@Nullable Override decision, @Nullable String reason, Instant now) {
        if (decision != null && (reason == null || reason.isBlank())) {
            throw Refusal.of("archive.error.reasonRequired");
        }
        this.accessOverride = decision;
        this.overrideReason = decision == null ? null : reason.strip();
        this.updatedAt = now;
    }

    /**
     * The first day the file is open to the public, or null when it is open already by its nature;
     * {@link LocalDate#MAX} when it stays closed until an archivist opens it.
     */
    public @Nullable LocalDate closedUntil() {
        if (accessOverride == Override.OPEN) {
            return null;
        }
        if (accessOverride == Override.CLOSED) {
            return LocalDate.MAX;
        }
        if (!personalData) {
            return null;
        }
        LocalDate latest = dateTo != null ? dateTo : dateFrom;
        return latest == null ? LocalDate.MAX : latest.plusYears(CLOSED_YEARS);
    }

    public boolean isClosed(LocalDate today) {
        LocalDate until = closedUntil();
        return until != null && today.isBefore(until);
    }

    /** «Ф. Р-123, оп. 1, спр. 45». */
    public String cipher() {
        return Cipher.of(inventory.getFond().getNumber(), inventory.getNumber(), number, null);
    }

    // ---- what the search index holds (see ArchiveIndex); pages carry the same values

    @FullTextField(name = ArchiveIndex.TERMS, analyzer = SearchAnalysis.UKRAINIAN)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "terms")))
    public List<String> getIndexTermNames() {
        return terms.stream().map(Term::getName).toList();
    }

    @FullTextField(name = ArchiveIndex.CIPHER, analyzer = SearchAnalysis.UKRAINIAN)
    @KeywordField(name = ArchiveIndex.HIT_CIPHER, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "number")),
            @ObjectPath({@PropertyValue(propertyName = "inventory"), @PropertyValue(propertyName = "number")}),
            @ObjectPath({@PropertyValue(propertyName = "inventory"), @PropertyValue(propertyName = "fond"),
                    @PropertyValue(propertyName = "number")})})
    public String getIndexCipher() {
        return cipher();
    }

    @GenericField(name = ArchiveIndex.FOND, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "inventory")))
    public Long getIndexFond() {
        return inventory.getFond().getId();
    }

    @GenericField(name = ArchiveIndex.DECADE, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "dateFrom")),
            @ObjectPath(@PropertyValue(propertyName = "dateTo"))})
    public List<Integer> getIndexDecades() {
        return ArchiveIndex.decades(dateFrom, dateTo);
    }

    @KeywordField(name = ArchiveIndex.LANGUAGE, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "language")))
    public String getIndexLanguage() {
        return language;
    }

    @GenericField(name = ArchiveIndex.TERM, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "terms")))
    public List<Long> getIndexTermIds() {
        return terms.stream().map(Term::getId).toList();
    }

    @GenericField(name = ArchiveIndex.DATE, sortable = Sortable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "dateFrom")),
            @ObjectPath(@PropertyValue(propertyName = "dateTo"))})
    public @Nullable LocalDate getIndexDate() {
        return dateFrom != null ? dateFrom : dateTo;
    }

    /** The first day the public may see the file ({@link ArchiveIndex#ALWAYS} / {@link ArchiveIndex#NEVER}). */
    @GenericField(name = ArchiveIndex.OPEN_FROM, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "dateFrom")),
            @ObjectPath(@PropertyValue(propertyName = "dateTo")),
            @ObjectPath(@PropertyValue(propertyName = "personalData")),
            @ObjectPath(@PropertyValue(propertyName = "accessOverride"))})
    public LocalDate getIndexOpenFrom() {
        return ArchiveIndex.openFrom(closedUntil());
    }

    @GenericField(name = ArchiveIndex.HIT_FILE, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO) // an id does not change
    public Long getHitFile() {
        return id;
    }

    /** A file's document is no page: the field stays empty, but exists as in the pages' index. */
    @GenericField(name = ArchiveIndex.HIT_PAGE, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public @Nullable Integer getHitPage() {
        return null;
    }

    public Long getId() { return id; }

    public Long getCommunityId() { return communityId; }

    public Inventory getInventory() { return inventory; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public @Nullable LocalDate getDateFrom() { return dateFrom; }
    public @Nullable LocalDate getDateTo() { return dateTo; }
    public int getExtent() { return extent; }
    public String getLanguage() { return language; }
    public boolean isPersonalData() { return personalData; }
    public @Nullable Override getAccessOverride() { return accessOverride; }
    public @Nullable String getOverrideReason() { return overrideReason; }
    public Set<Term> getTerms() { return terms; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    // ---- site search (decision 0041)

    // (no @Override here: this class has an enum of that name)
    public String searchKind() { return "archive_file"; }

    public String searchTitle() { return cipher() + " — " + title; }

    public String searchText() { return String.join("\n", getIndexTermNames()); }

    public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    public @Nullable LocalDate searchDate() { return getIndexDate(); }

    public LocalDate searchPublicFrom() { return getIndexOpenFrom(); }

    public String searchPath() { return "archive/files/" + id; }
}
