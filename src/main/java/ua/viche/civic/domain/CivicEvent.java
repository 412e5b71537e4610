package ua.viche.civic.domain;

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
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * An event of the community (a forum, a meeting, hearings): its time, place (with its point on the
 * map, if given) or online link, the verified organisation that posted it (if any), its programme
 * (sessions, read apart) and a roster of seats with a waiting list ({@link Seats}).
 */
@Entity
@Table(name = "civic_event")
@Indexed(index = "civic_event", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "titleUk,titleEn,summaryUk,place,startsAt,published")))
public class CivicEvent implements SearchDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String titleUk;
    private String titleEn;
    private String summaryUk;
    private String summaryEn;
    private Instant startsAt;
    private Instant endsAt;
    private @Nullable String place;
    private @Nullable String onlineUrl;
    private @Nullable Double latitude;
    private @Nullable Double longitude;
    private long rosterId;
    private @Nullable Long organisationId;
    private boolean published;
    private Instant createdAt;
    private Instant updatedAt;

    protected CivicEvent() {}

    CivicEvent(EventInput in, long rosterId, Instant now) {
        this.titleUk = in.titleUk();
        this.titleEn = in.titleEn();
        this.summaryUk = in.summaryUk();
        this.summaryEn = in.summaryEn();
        this.startsAt = in.startsAt();
        this.endsAt = in.endsAt();
        this.place = in.place();
        this.onlineUrl = in.onlineUrl();
        this.latitude = in.latitude();
        this.longitude = in.longitude();
        this.rosterId = rosterId;
        this.organisationId = in.organisationId();
        this.published = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && !titleEn.isBlank() ? titleEn : titleUk;
    }

    public String summary(Locale locale) {
        return "en".equals(locale.getLanguage()) && !summaryEn.isBlank() ? summaryEn : summaryUk;
    }

    /** Off the site from now on (see {@code CivicEvents.withdraw}). */
    void withdraw(Instant now) {
        this.published = false;
        this.updatedAt = now;
    }

    /** Registration is taken until the event starts. */
    public boolean registrationOpen(Instant now) {
        return published && now.isBefore(startsAt);
    }

    public boolean past(Instant now) {
        return !now.isBefore(endsAt);
    }

    public String url(String slug) {
        return "/" + slug + "/events/" + id;
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "civic_event"; }

    @Override public String searchTitle() { return titleUk; }

    @Override public @Nullable String searchTitleEn() { return titleEn; }

    @Override public String searchText() { return summaryUk + "\n" + (place == null ? "" : place); }

    /** Open while it is ahead as of the indexing, done after. */
    @Override public SearchStatus searchStatus() { return Instant.now().isBefore(startsAt) ? SearchStatus.OPEN : SearchStatus.DONE; }

    /** The start, while it is ahead: then the event is no longer open. */
    @Override public @Nullable Instant searchStatusChanges() { return Instant.now().isBefore(startsAt) ? startsAt : null; }

    @Override public @Nullable LocalDate searchDate() { return Dates.day(startsAt); }

    @Override public @Nullable LocalDate searchPublicFrom() { return published ? LocalDate.EPOCH : null; }

    @Override public String searchPath() { return "events/" + id; }

    public Long getId() { return id; }
    @Override
    public Long getCommunityId() { return communityId; }
    public String getTitleUk() { return titleUk; }
    public String getTitleEn() { return titleEn; }
    public String getSummaryUk() { return summaryUk; }
    public String getSummaryEn() { return summaryEn; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public @Nullable String getPlace() { return place; }
    public @Nullable String getOnlineUrl() { return onlineUrl; }
    public @Nullable Double getLatitude() { return latitude; }
    public @Nullable Double getLongitude() { return longitude; }

    /** Whether the place has a point on the map. */
    public boolean hasPoint() { return latitude != null && longitude != null; }
    public long getRosterId() { return rosterId; }
    public @Nullable Long getOrganisationId() { return organisationId; }
    public boolean isPublished() { return published; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
