package ua.viche.consultations.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.identity.Participation;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.platform.Slugs;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A consultation on a draft decision and its rules. It is published with its period (opens, closes,
 * the last day inclusive) and the report's deadline; residents take part while the period runs
 * ({@link #discussion()}); after the end it awaits the report until {@link #publishReport} makes it
 * {@link Status#REPORTED}. Its phase for lists and pages is {@link #phase(Instant)}.
 */
@Entity
@Table(name = "consultation")
@Indexed(index = "consultation", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "title,summary,bodyText,status,hiddenAt,opensAt,reportText")))
public class Consultation implements SearchDocument {

    public enum Status { PUBLISHED, REPORTED }

    /** Where a consultation stands for the public. */
    public enum Phase { ANNOUNCED, OPEN, AWAITING_REPORT, REPORTED }

    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String title;
    private String summary;
    /** The current version's sections as plain text, for the search (written with the sections). */
    private String bodyText;
    private @Nullable Long departmentId;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PUBLISHED;

    private int draftVersion = 1;
    private boolean residencyRequired;
    private int minimumAge;
    private Instant opensAt;
    private Instant closesAt;
    private Instant reportDueAt;
    private Instant createdAt;
    private @Nullable Long createdByAccountId;
    private @Nullable String reportText;
    private @Nullable String finalText;
    private @Nullable Instant reportPublishedAt;
    private @Nullable Instant hiddenAt;
    private @Nullable String hiddenReason;

    @Version
    private long version;

    protected Consultation() {}

    /**
     * A consultation open from the start of {@code firstDay} to the end of {@code lastDay} (Kyiv time),
     * at least {@code minimumDays} calendar days counting both; the report is due {@code reportDays}
     * calendar days after the end. A period that has already ended cannot be published.
     */
    public Consultation(String title, String summary, @Nullable Long departmentId, LocalDate firstDay, LocalDate lastDay,
                        int minimumDays, int reportDays, boolean residencyRequired, int minimumAge,
                        @Nullable Long createdByAccountId, Instant now) {
        this.title = title.strip();
        this.summary = summary.strip();
        this.bodyText = "";
        this.departmentId = departmentId;
        this.residencyRequired = residencyRequired;
        if (minimumAge < 0 || minimumAge > 120) {
            throw Refusal.field("minimumAge", "consultation.error.minimumAge");
        }
        this.minimumAge = minimumAge;
        this.createdAt = now;
        this.createdByAccountId = createdByAccountId;
        period(firstDay, lastDay, minimumDays, reportDays, now);
    }

    private void period(LocalDate firstDay, LocalDate lastDay, int minimumDays, int reportDays, Instant now) {
        long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        if (days < minimumDays) {
            throw Refusal.field("lastDay", "consultation.error.periodTooShort", minimumDays);
        }
        if (lastDay.isBefore(Dates.day(now))) {
            throw Refusal.field("lastDay", "consultation.error.periodOver");
        }
        this.opensAt = firstDay.atStartOfDay(Dates.KYIV).toInstant();
        this.closesAt = Dates.endOfDay(lastDay);
        this.reportDueAt = Dates.endOfDay(lastDay.plusDays(reportDays));
    }

    /** When residents may comment, propose and support: the period, unless the consultation was hidden. */
    public Participation.Window discussion() {
        if (hiddenAt != null || status == Status.REPORTED) {
            return Participation.Window.closed();
        }
        return new Participation.Window(opensAt, closesAt);
    }

    public Phase phase(Instant now) {
        if (status == Status.REPORTED) {
            return Phase.REPORTED;
        }
        if (now.isBefore(opensAt)) {
            return Phase.ANNOUNCED;
        }
        return Dates.within(now, closesAt) ? Phase.OPEN : Phase.AWAITING_REPORT;
    }

    /** Whether the report is late: the period ended, the deadline passed, and no report was published. */
    public boolean reportOverdue(Instant now) {
        return status == Status.PUBLISHED && !Dates.within(now, reportDueAt);
    }

    /** A new version of the draft: only while the consultation has no report. */
    void nextVersion(String bodyText) {
        require(status == Status.PUBLISHED, "consultation.error.reported");
        draftVersion++;
        this.bodyText = bodyText;
    }

    /** The first version's plain text, for the search (written with its sections). */
    public void firstVersion(String bodyText) {
        this.bodyText = bodyText;
    }

    /** Publishes the report: only after the end of the period, once. The caller checked every amendment has a decision. */
    public void publishReport(String reportText, String finalText, Instant now) {
        require(status == Status.PUBLISHED, "consultation.error.reported");
        require(!Dates.within(now, closesAt), "consultation.error.stillOpen");
        require(!reportText.isBlank(), "consultation.error.reportRequired");
        status = Status.REPORTED;
        this.reportText = reportText.strip();
        this.finalText = finalText.strip();
        reportPublishedAt = now;
    }

    void hide(Instant now, String reason) {
        require(hiddenAt == null, "consultation.error.hidden");
        require(!reason.isBlank(), "consultation.error.reasonRequired");
        hiddenAt = now;
        hiddenReason = reason.strip();
    }

    public boolean publiclyVisible() {
        return hiddenAt == null;
    }

    public String slug() {
        return id + "-" + Slugs.of(title, 60);
    }

    public String url(String communitySlug) {
        return "/" + communitySlug + "/consultations/" + slug();
    }

    /** Days left to take part, today included (1 on the last day, 0 after the end or before the start). */
    public long daysLeft(Instant now) {
        if (phase(now) != Phase.OPEN) {
            return 0;
        }
        return ChronoUnit.DAYS.between(Dates.day(now), Dates.day(closesAt)) + 1;
    }

    private static void require(boolean condition, String messageKey) {
        if (!condition) {
            throw Refusal.of(messageKey);
        }
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getBodyText() { return bodyText; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public Status getStatus() { return status; }
    public int getDraftVersion() { return draftVersion; }
    public boolean isResidencyRequired() { return residencyRequired; }
    public int getMinimumAge() { return minimumAge; }
    public Instant getOpensAt() { return opensAt; }
    public Instant getClosesAt() { return closesAt; }
    public Instant getReportDueAt() { return reportDueAt; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Long getCreatedByAccountId() { return createdByAccountId; }
    public @Nullable String getReportText() { return reportText; }
    public @Nullable String getFinalText() { return finalText; }
    public @Nullable Instant getReportPublishedAt() { return reportPublishedAt; }
    public @Nullable Instant getHiddenAt() { return hiddenAt; }
    public @Nullable String getHiddenReason() { return hiddenReason; }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "consultation"; }

    @Override public String searchTitle() { return title; }

    @Override
    public String searchText() {
        String text = summary + "\n\n" + bodyText;
        return reportText == null ? text : text + "\n\n" + reportText;
    }

    @Override
    public SearchStatus searchStatus() {
        return status == Status.REPORTED ? SearchStatus.DONE
                : Dates.within(Instant.now(), closesAt) ? SearchStatus.OPEN : SearchStatus.IN_WORK;
    }

    /** The period's end, while it is ahead: then an open consultation becomes one awaiting its report. */
    @Override
    public @Nullable Instant searchStatusChanges() {
        return status != Status.REPORTED && Instant.now().isBefore(closesAt) ? closesAt : null;
    }

    @Override public @Nullable LocalDate searchDate() { return Dates.day(opensAt); }

    @Override
    public @Nullable LocalDate searchPublicFrom() {
        return publiclyVisible() ? LocalDate.EPOCH : null;
    }

    @Override public String searchPath() { return "consultations/" + slug(); }
}
