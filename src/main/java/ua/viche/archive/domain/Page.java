package ua.viche.archive.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A page (аркуш) of a file: its scan (an image, or one page of an uploaded PDF) and the text read
 * from it. Text comes from the PDF's text layer or from OCR in the background; until then the page
 * is kept with its status saying why it has no text yet.
 */
@Entity
@Table(name = "archive_page")
@Indexed(index = "archive_page", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "text,number,file.title,file.number,file.inventory.number,file.inventory.fond.number,file.dateFrom,file.dateTo,file.personalData,file.accessOverride")))
public class Page implements SearchDocument {

    /** Where the text came from. */
    public enum Source { PDF, OCR, MANUAL, NONE }

    /** Whether the text is there: waiting for OCR, done, no OCR engine on this server, OCR failed. */
    public enum TextStatus { PENDING, DONE, NO_ENGINE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "file_id")
    private ArchiveFile file;

    private int number;
    private String scanKey;
    private String scanName;
    private String scanType;
    private long scanSize;
    /** The page's index within a PDF scan (0-based); null for an image. */
    private @Nullable Integer scanPage;
    /** Indexed once, as the site search's text ({@code site_text}), which the reading room's search also reads. */
    private String text = "";

    @Enumerated(EnumType.STRING)
    private Source textSource;

    @Enumerated(EnumType.STRING)
    private TextStatus textStatus;

    private Instant createdAt;
    private Instant updatedAt;

    protected Page() {}

    public Page(ArchiveFile file, int number, Scan scan, Instant now) {
        this.file = file;
        this.number = number;
        this.scanKey = scan.key();
        this.scanName = scan.name();
        this.scanType = scan.contentType();
        this.scanSize = scan.size();
        this.scanPage = scan.pdfPage();
        this.textSource = Source.NONE;
        this.textStatus = TextStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A stored scan: the file store's key, name and type; for a PDF, which of its pages. */
    public record Scan(String key, String name, String contentType, long size, @Nullable Integer pdfPage) {}

    /** Records the text read from the scan (or typed by the archivist). */
    public void text(String text, Source source, Instant now) {
        this.text = text.strip();
        this.textSource = source;
        this.textStatus = TextStatus.DONE;
        this.updatedAt = now;
    }

    /** Records why there is no text yet. */
    public void noText(TextStatus status, Instant now) {
        this.textStatus = status;
        this.updatedAt = now;
    }

    /** «Ф. Р-123, оп. 1, спр. 45, арк. 12». */
    public String cipher() {
        Inventory i = file.getInventory();
        return Cipher.of(i.getFond().getNumber(), i.getNumber(), file.getNumber(), number);
    }

    // ---- the file's values in the page's search document (see ArchiveIndex)

    @GenericField(name = ArchiveIndex.FOND, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "inventory")}))
    public Long getIndexFond() {
        return file.getIndexFond();
    }

    @GenericField(name = ArchiveIndex.DECADE, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = {
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateFrom")}),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateTo")})})
    public List<Integer> getIndexDecades() {
        return file.getIndexDecades();
    }

    @KeywordField(name = ArchiveIndex.LANGUAGE, aggregable = Aggregable.YES, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "language")}))
    public String getIndexLanguage() {
        return file.getIndexLanguage();
    }

    @GenericField(name = ArchiveIndex.TERM, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "terms")}))
    public List<Long> getIndexTermIds() {
        return file.getIndexTermIds();
    }

    @GenericField(name = ArchiveIndex.DATE, sortable = Sortable.YES)
    @IndexingDependency(derivedFrom = {
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateFrom")}),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateTo")})})
    public @Nullable LocalDate getIndexDate() {
        return file.getIndexDate();
    }

    @GenericField(name = ArchiveIndex.OPEN_FROM, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = {
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateFrom")}),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateTo")}),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "personalData")}),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "accessOverride")})})
    public LocalDate getIndexOpenFrom() {
        return file.getIndexOpenFrom();
    }

    @GenericField(name = ArchiveIndex.HIT_FILE, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "file")))
    public Long getHitFile() {
        return file.getId();
    }

    @GenericField(name = ArchiveIndex.HIT_PAGE, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "number")))
    public Integer getHitPage() {
        return number;
    }

    @KeywordField(name = ArchiveIndex.HIT_CIPHER, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "number")),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "number")}),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "inventory"),
                    @PropertyValue(propertyName = "number")}),
            @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "inventory"),
                    @PropertyValue(propertyName = "fond"), @PropertyValue(propertyName = "number")})})
    public String getHitCipher() {
        return cipher();
    }

    @KeywordField(name = ArchiveIndex.HIT_TITLE, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "title")}))
    public String getHitTitle() {
        return file.getTitle();
    }

    @GenericField(name = ArchiveIndex.DATE_FROM, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateFrom")}))
    public @Nullable LocalDate getHitDateFrom() {
        return file.getDateFrom();
    }

    @GenericField(name = ArchiveIndex.DATE_TO, projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(derivedFrom = @ObjectPath({@PropertyValue(propertyName = "file"), @PropertyValue(propertyName = "dateTo")}))
    public @Nullable LocalDate getHitDateTo() {
        return file.getDateTo();
    }

    public Long getId() { return id; }

    @Override
    public Long getCommunityId() { return communityId; }
    public ArchiveFile getFile() { return file; }
    public int getNumber() { return number; }
    public String getScanKey() { return scanKey; }
    public String getScanName() { return scanName; }
    public String getScanType() { return scanType; }
    public long getScanSize() { return scanSize; }
    public @Nullable Integer getScanPage() { return scanPage; }
    public String getText() { return text; }
    public Source getTextSource() { return textSource; }
    public TextStatus getTextStatus() { return textStatus; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "archive_page"; }

    @Override public String searchTitle() { return file.searchTitle() + ", № " + number; }

    @Override public String searchText() { return text; }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return file.getIndexDate(); }

    @Override public LocalDate searchPublicFrom() { return file.getIndexOpenFrom(); }

    @Override public String searchPath() { return "archive/files/" + file.getId() + "/pages/" + number; }
}
