package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A civic initiative: proposed by a signed-in person, optionally on behalf of a verified
 * organisation they registered (its name kept as it was then); pending until staff publish it or
 * refuse it with a reason; once published it collects supporters and staff move it through its
 * stages to a result. Only a published one is public and found by the site search.
 */
@Entity
@Table(name = "civic_initiative")
@Indexed(index = "civic_initiative", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "title,titleEn,body,status,stage,result")))
public class Initiative implements SearchDocument {

    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_REASON = 2000;
    public static final int MAX_RESULT = 20_000;

    public enum Status { PENDING, PUBLISHED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String title;
    private @Nullable String titleEn;
    private String body;
    private @Nullable Long authorPersonId;
    private @Nullable Long authorAccountId;
    private @Nullable Long organisationId;
    private @Nullable String organisationName;
    @Enumerated(EnumType.STRING)
    private Status status;
    private @Nullable String refusalReason;
    @Enumerated(EnumType.STRING)
    private InitiativeStage stage;
    private String result;
    private Instant createdAt;
    private @Nullable Instant decidedAt;
    private Instant updatedAt;

    protected Initiative() {}

    Initiative(String title, @Nullable String titleEn, String body, long personId, long accountId, @Nullable Long organisationId, @Nullable String organisationName,
               Instant now) {
        this.title = title;
        this.titleEn = titleEn;
        this.body = body;
        this.authorPersonId = personId;
        this.authorAccountId = accountId;
        this.organisationId = organisationId;
        this.organisationName = organisationName;
        this.status = Status.PENDING;
        this.stage = InitiativeStage.PROPOSED;
        this.result = "";
        this.createdAt = now;
        this.updatedAt = now;
    }

    void publish(Instant now) {
        if (status != Status.PENDING) {
            throw Refusal.conflict("civic.initiative.error.decided");
        }
        this.status = Status.PUBLISHED;
        this.decidedAt = now;
        this.updatedAt = now;
    }

    void refuse(String reason, Instant now) {
        if (status != Status.PENDING) {
            throw Refusal.conflict("civic.initiative.error.decided");
        }
        String r = reason.strip();
        if (r.isEmpty() || r.length() > MAX_REASON) {
            throw Refusal.field("reason", "civic.initiative.error.reason", MAX_REASON);
        }
        this.status = Status.REFUSED;
        this.refusalReason = r;
        this.decidedAt = now;
        this.updatedAt = now;
    }

    void progress(InitiativeStage stage, String result, Instant now) {
        this.stage = stage;
        this.result = result;
        this.updatedAt = now;
    }

    /** The title in the reader's language: the English one for an English reader when there is one. */
    public String title(Locale locale) {
        return englishTitle(locale) ? titleEn : title;
    }

    /** The language of {@link #title(Locale)}, for the page's {@code lang} attribute. */
    public String titleLang(Locale locale) {
        return englishTitle(locale) ? "en" : "uk";
    }

    private boolean englishTitle(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null;
    }

    public boolean isPublic() {
        return status == Status.PUBLISHED;
    }

    /** Whether it collects supporters now: published and its course not over. */
    public boolean collecting() {
        return isPublic() && !stage.finished();
    }

    public String path() {
        return "initiatives/" + id;
    }

    public String url(String communitySlug) {
        return "/" + communitySlug + "/" + path();
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "civic_initiative"; }

    @Override public String searchTitle() { return title; }

    @Override public @Nullable String searchTitleEn() { return titleEn; }

    @Override public String searchText() { return body + "\n" + result; }

    @Override public SearchStatus searchStatus() { return stage.searchStatus(); }

    @Override public @Nullable LocalDate searchDate() { return Dates.day(createdAt); }

    @Override public @Nullable LocalDate searchPublicFrom() { return isPublic() ? LocalDate.EPOCH : null; }

    @Override public String searchPath() { return path(); }

    public Long getId() { return id; }
    @Override
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public @Nullable String getTitleEn() { return titleEn; }
    public String getBody() { return body; }
    public @Nullable Long getAuthorPersonId() { return authorPersonId; }
    public @Nullable Long getAuthorAccountId() { return authorAccountId; }
    public @Nullable Long getOrganisationId() { return organisationId; }
    public @Nullable String getOrganisationName() { return organisationName; }
    public Status getStatus() { return status; }
    public @Nullable String getRefusalReason() { return refusalReason; }
    public InitiativeStage getStage() { return stage; }
    public String getResult() { return result; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getDecidedAt() { return decidedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
