package ua.viche.petitions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.identity.Participation;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.platform.Slugs;
import ua.viche.platform.WorkingDays;
import ua.viche.search.SearchAnalysis;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A petition and its rules. States: draft → moderation → rejected | collecting → (threshold reached)
 * consideration → answered; collecting → expired (forwarded as an appeal). A moderator may hide a
 * public petition for abuse; it keeps its state but leaves the public lists.
 */
@Entity
@Table(name = "petition")
@Indexed(index = "petition", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "title,text,status,publishedAt,hiddenAt,answerText")))
public class Petition implements SearchDocument {

    public enum Status { DRAFT, MODERATION, REJECTED, COLLECTING, CONSIDERATION, ANSWERED, EXPIRED }

    public enum Outcome { SUPPORTED, NOT_SUPPORTED, PARTLY }

    /** States the public sees. */
    public static final Set<Status> PUBLIC = EnumSet.of(Status.COLLECTING, Status.CONSIDERATION, Status.ANSWERED, Status.EXPIRED);

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN, highlightable = Highlightable.ANY)
    private String title;

    @FullTextField(analyzer = SearchAnalysis.UKRAINIAN, highlightable = Highlightable.ANY)
    private String text;

    private long authorPersonId;
    private @Nullable Long authorAccountId;
    private String authorName;
    private @Nullable String authorEmail;

    @Enumerated(EnumType.STRING)
    @KeywordField
    private Status status = Status.DRAFT;

    private Instant createdAt;
    private @Nullable Instant submittedAt;
    private @Nullable Instant moderationDueAt;
    private @Nullable Instant rejectedAt;
    private @Nullable String rejectionReason;
    private @Nullable Instant publishedAt;
    private @Nullable Instant collectionEndsAt;
    private @Nullable Integer threshold;
    /** Folded from the signature deltas by SQL only (see {@link PetitionSigning#fold}); never written from here. */
    @Column(insertable = false, updatable = false)
    private int signatureCount;
    /** Signatures and withdrawals not yet folded into {@link #signatureCount}, when the reader asked for them. */
    @Transient
    private int pendingSignatures;
    private @Nullable Instant thresholdReachedAt;
    private @Nullable Instant answerDueAt;

    @Enumerated(EnumType.STRING)
    private @Nullable Outcome answerOutcome;

    private @Nullable String answerText;
    private @Nullable String answerDocumentUrl;
    private @Nullable Instant answeredAt;
    private @Nullable Instant expiredAt;
    @GenericField
    private @Nullable Instant hiddenAt;
    private @Nullable String hiddenReason;

    @Version
    private long version;

    protected Petition() {}

    public Petition(long authorPersonId, @Nullable Long authorAccountId, String authorName, @Nullable String authorEmail,
                    String title, String text, Instant now) {
        this.authorPersonId = authorPersonId;
        this.authorAccountId = authorAccountId;
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.createdAt = now;
        edit(title, text);
    }

    /** Changes the text; only a draft can be changed. */
    public void edit(String title, String text) {
        require(status == Status.DRAFT, "petition.error.notDraft");
        this.title = title.strip();
        this.text = text.strip();
    }

    /** Sends the draft to moderation, due within the given number of working days. */
    public void submit(Instant now, WorkingDays days, int moderationDays) {
        require(status == Status.DRAFT, "petition.error.notDraft");
        status = Status.MODERATION;
        submittedAt = now;
        moderationDueAt = days.deadline(now, moderationDays);
    }

    /**
     * Publishes for signatures: the threshold and period are fixed at this moment. The period counts
     * the day of publication as its first and ends at the end of its last day ({@link Dates#periodEnd}).
     */
    public void publish(Instant now, int threshold, int periodDays) {
        require(status == Status.MODERATION, "petition.error.notInModeration");
        require(threshold > 0 && periodDays > 0, "petition.error.settings");
        status = Status.COLLECTING;
        publishedAt = now;
        this.threshold = threshold;
        collectionEndsAt = Dates.periodEnd(now, periodDays);
    }

    public void reject(Instant now, String reason) {
        require(status == Status.MODERATION, "petition.error.notInModeration");
        require(!reason.isBlank(), "petition.error.reasonRequired");
        status = Status.REJECTED;
        rejectedAt = now;
        rejectionReason = reason.strip();
    }

    /** Whether a signature can be added or withdrawn now: the moment is within {@link #signing()}. */
    public boolean collecting(Instant now) {
        return signing().contains(now);
    }

    /**
     * When the petition takes signatures: not yet while a draft or in moderation; while it collects
     * and is not hidden, until the end of its period (inclusive), whether or not the expiry job has
     * closed it yet; never otherwise.
     */
    public Participation.Window signing() {
        return signing(status, hiddenAt, collectionEndsAt);
    }

    /** The rule of {@link #signing()}, for a petition read as columns (signing reads only these). */
    static Participation.Window signing(Status status, @Nullable Instant hiddenAt, @Nullable Instant collectionEndsAt) {
        if (status == Status.DRAFT || status == Status.MODERATION) {
            return Participation.Window.notYetOpen();
        }
        if (status != Status.COLLECTING || hiddenAt != null || collectionEndsAt == null) {
            return Participation.Window.closed();
        }
        return Participation.Window.until(collectionEndsAt);
    }

    /**
     * Takes the petition's exact signature count (the caller holds a lock on this petition). A count
     * at or above the threshold moves a collecting petition to consideration, with the council's
     * deadline in working days.
     *
     * @return true if this count moved the petition to consideration
     */
    public boolean counted(int count, Instant now, WorkingDays days, int answerDays) {
        signatureCount = count;
        pendingSignatures = 0;
        if (collecting(now) && threshold != null && count >= threshold) {
            status = Status.CONSIDERATION;
            thresholdReachedAt = now;
            answerDueAt = days.deadline(now, answerDays);
            return true;
        }
        return false;
    }

    /** The signatures not yet folded into the stored count, so that this petition shows its exact count. */
    void pending(int signatures) {
        pendingSignatures = signatures;
    }

    /** The period ended below the threshold: not supported, forwarded as an appeal. */
    public boolean expireIfDue(Instant now) {
        if (status == Status.COLLECTING && collectionEndsAt != null && !Dates.within(now, collectionEndsAt)) {
            status = Status.EXPIRED;
            expiredAt = now;
            return true;
        }
        return false;
    }

    public void answer(Instant now, Outcome outcome, String text, @Nullable String documentUrl) {
        require(status == Status.CONSIDERATION, "petition.error.notInConsideration");
        require(!text.isBlank(), "petition.error.answerRequired");
        status = Status.ANSWERED;
        answerOutcome = outcome;
        answerText = text.strip();
        answerDocumentUrl = documentUrl == null || documentUrl.isBlank() ? null : documentUrl.strip();
        answeredAt = now;
    }

    public void hide(Instant now, String reason) {
        require(PUBLIC.contains(status) && hiddenAt == null, "petition.error.notPublic");
        require(!reason.isBlank(), "petition.error.reasonRequired");
        hiddenAt = now;
        hiddenReason = reason.strip();
    }

    public boolean publiclyVisible() {
        return publiclyVisible(status, hiddenAt);
    }

    static boolean publiclyVisible(Status status, @Nullable Instant hiddenAt) {
        return PUBLIC.contains(status) && hiddenAt == null;
    }

    public boolean answerOverdue(Instant now) {
        return status == Status.CONSIDERATION && answerDueAt != null && !Dates.within(now, answerDueAt);
    }

    public boolean moderationOverdue(Instant now) {
        return status == Status.MODERATION && moderationDueAt != null && !Dates.within(now, moderationDueAt);
    }

    /** Days left to collect, today included (1 on the last day, 0 after the end). */
    public long daysLeft(Instant now) {
        if (status != Status.COLLECTING || collectionEndsAt == null || !Dates.within(now, collectionEndsAt)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(Dates.day(now), Dates.day(collectionEndsAt)) + 1;
    }

    public String slug() {
        return id + "-" + Slugs.of(title, 60);
    }

    private static void require(boolean condition, String messageKey) {
        if (!condition) {
            throw Refusal.of(messageKey);
        }
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public String getText() { return text; }
    public long getAuthorPersonId() { return authorPersonId; }
    public @Nullable Long getAuthorAccountId() { return authorAccountId; }
    public String getAuthorName() { return authorName; }
    public @Nullable String getAuthorEmail() { return authorEmail; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getSubmittedAt() { return submittedAt; }
    public @Nullable Instant getModerationDueAt() { return moderationDueAt; }
    public @Nullable Instant getRejectedAt() { return rejectedAt; }
    public @Nullable String getRejectionReason() { return rejectionReason; }
    public @Nullable Instant getPublishedAt() { return publishedAt; }
    public @Nullable Instant getCollectionEndsAt() { return collectionEndsAt; }
    public @Nullable Integer getThreshold() { return threshold; }
    public int getSignatureCount() { return signatureCount + pendingSignatures; }
    public @Nullable Instant getThresholdReachedAt() { return thresholdReachedAt; }
    public @Nullable Instant getAnswerDueAt() { return answerDueAt; }
    public @Nullable Outcome getAnswerOutcome() { return answerOutcome; }
    public @Nullable String getAnswerText() { return answerText; }
    public @Nullable String getAnswerDocumentUrl() { return answerDocumentUrl; }
    public @Nullable Instant getAnsweredAt() { return answeredAt; }
    public @Nullable Instant getExpiredAt() { return expiredAt; }
    public @Nullable Instant getHiddenAt() { return hiddenAt; }
    public @Nullable String getHiddenReason() { return hiddenReason; }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "petition"; }

    @Override public String searchTitle() { return title; }

    @Override public String searchText() { return answerText == null ? text : text + "\n\n" + answerText; }

    @Override
    public SearchStatus searchStatus() {
        return switch (status) {
            case COLLECTING -> SearchStatus.OPEN;
            case CONSIDERATION -> SearchStatus.IN_WORK;
            case ANSWERED -> SearchStatus.DONE;
            default -> SearchStatus.CLOSED;
        };
    }

    @Override public @Nullable LocalDate searchDate() { return publishedAt == null ? null : Dates.day(publishedAt); }

    @Override
    public @Nullable LocalDate searchPublicFrom() {
        return publiclyVisible() ? LocalDate.EPOCH : null;
    }

    @Override public String searchPath() { return "petitions/" + slug(); }
}
