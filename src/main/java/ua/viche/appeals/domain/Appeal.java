package ua.viche.appeals.domain;

import ua.viche.platform.Refusal;

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
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.AppealTerms;
import ua.viche.platform.WorkingDays;
import java.util.Objects;

/**
 * A citizen's appeal and its rules. States: registered → in work (an executor is assigned) →
 * answered → closed; registered or in work → returned (required details missing, within 10 days).
 * The due day is set at registration (30 days, 15 when no further study is needed) and may be
 * extended, with a reason, to at most 45 days from registration.
 */
@Entity
@Table(name = "appeal")
public class Appeal {

    public enum Kind { PROPOSAL, APPLICATION, COMPLAINT }

    public enum Channel {
        WEB, HOTLINE, PETITION, PAPER, BOT;

        /** Whether the appeal arrived in electronic form (the programme's KPI counts these). */
        public boolean electronic() {
            return this == WEB || this == PETITION || this == BOT;
        }
    }

    public enum Status { REGISTERED, IN_WORK, ANSWERED, CLOSED, RETURNED }

    public static final Set<Status> OPEN = EnumSet.of(Status.REGISTERED, Status.IN_WORK);

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_REASON = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String registrationNumber;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Status status = Status.REGISTERED;

    private @Nullable Long applicantPersonId;
    private @Nullable Long applicantAccountId;
    private String applicantName;
    private String applicantAddress;
    private @Nullable String applicantEmail;
    private @Nullable String applicantPhone;
    private @Nullable String benefit;
    private String subject;
    private String text;
    private @Nullable Long categoryId;
    private @Nullable Long departmentId;
    private @Nullable Long executorAccountId;
    private @Nullable String executorName;
    private @Nullable Long registeredByAccountId;
    private boolean urgent;
    private Instant receivedAt;
    private LocalDate registeredOn;
    private LocalDate dueOn;
    private @Nullable String extendedReason;
    private @Nullable Instant extendedAt;
    private @Nullable String answerText;
    private @Nullable Instant answeredAt;
    private @Nullable String answeredByName;
    private @Nullable String returnedReason;
    private @Nullable Instant returnedAt;
    private @Nullable Instant closedAt;
    private @Nullable Instant remindedAt;
    private @Nullable Short rating;
    private @Nullable String ratingComment;
    private @Nullable Instant ratedAt;
    private @Nullable Long parentAppealId;
    private @Nullable Long sourcePetitionId;

    @Version
    private long version;

    protected Appeal() {}

    /** Who the appeal is from: the law requires a name and a place of residence. */
    public record Applicant(@Nullable Long personId, @Nullable Long accountId, String name, String address,
                            @Nullable String email, @Nullable String phone, @Nullable String benefit) {}

    /** What the appeal says and where it goes. */
    public record Content(Kind kind, String subject, String text, @Nullable Long categoryId, @Nullable Long departmentId) {}

    /**
     * Registers an appeal received at a moment; the number is taken by the caller. Refuses an
     * anonymous appeal or one without its substance.
     */
    public static Appeal register(String number, Channel channel, Applicant applicant, Content content, Instant receivedAt,
                                  LocalDate registeredOn, WorkingDays days) {
        require(!applicant.name().isBlank() && applicant.name().length() <= 300, "appeal.error.name");
        require(!applicant.address().isBlank() && applicant.address().length() <= 500, "appeal.error.address");
        require(!content.subject().isBlank() && content.subject().length() <= MAX_SUBJECT, "appeal.error.subject");
        require(!content.text().isBlank() && content.text().length() <= MAX_TEXT, "appeal.error.text");
        // An electronic appeal needs an e-mail address; a call or a letter needs some contact for the answer.
        require(!(channel == Channel.WEB || channel == Channel.BOT) || hasText(applicant.email()), "appeal.error.email");
        require(!(channel == Channel.HOTLINE || channel == Channel.PAPER) || hasText(applicant.email())
                || hasText(applicant.phone()), "appeal.error.contact");
        Appeal a = new Appeal();
        a.registrationNumber = number;
        a.channel = channel;
        a.kind = content.kind();
        a.applicantPersonId = applicant.personId();
        a.applicantAccountId = applicant.accountId();
        a.applicantName = applicant.name().strip();
        a.applicantAddress = applicant.address().strip();
        a.applicantEmail = blankToNull(applicant.email());
        a.applicantPhone = blankToNull(applicant.phone());
        a.benefit = blankToNull(applicant.benefit());
        a.subject = content.subject().strip();
        a.text = content.text().strip();
        a.categoryId = content.categoryId();
        a.departmentId = content.departmentId();
        a.receivedAt = receivedAt;
        a.registeredOn = registeredOn;
        a.dueOn = AppealTerms.due(registeredOn, AppealTerms.DAYS, days);
        return a;
    }

    /** Links the appeal to the appeal it complains about. */
    void complaintAbout(Appeal parent) {
        this.parentAppealId = parent.getId();
    }

    /** Marks the petition the appeal came from. */
    void forwardedFrom(long petitionId) {
        this.sourcePetitionId = petitionId;
    }

    void registeredBy(long accountId) {
        this.registeredByAccountId = accountId;
    }

    public boolean open() {
        return OPEN.contains(status);
    }

    public boolean overdue(LocalDate today) {
        return open() && today.isAfter(dueOn);
    }

    public boolean dueSoon(LocalDate today, int days) {
        return open() && !overdue(today) && !dueOn.isAfter(today.plusDays(days));
    }

    /** Sends the appeal to another category and department; the executor, if any, is released. */
    public void route(@Nullable Long categoryId, @Nullable Long departmentId) {
        requireOpen();
        boolean moved = !Objects.equals(this.departmentId, departmentId);
        this.categoryId = categoryId;
        this.departmentId = departmentId;
        if (moved) {
            executorAccountId = null;
            executorName = null;
            status = Status.REGISTERED;
        }
    }

    public void assign(long accountId, String name) {
        requireOpen();
        executorAccountId = accountId;
        executorName = name;
        status = Status.IN_WORK;
    }

    /** The appeal needs no further study: the term becomes 15 days (never longer than it was). */
    public void markUrgent(WorkingDays days) {
        requireOpen();
        require(!urgent, "appeal.error.alreadyUrgent");
        urgent = true;
        LocalDate shorter = AppealTerms.due(registeredOn, AppealTerms.URGENT_DAYS, days);
        if (shorter.isBefore(dueOn)) {
            dueOn = shorter;
        }
    }

    /** Extends the term to a later day, at most 45 days from registration in total, with a reason. */
    public void extend(LocalDate newDue, String reason, Instant now, WorkingDays days) {
        requireOpen();
        require(!reason.isBlank() && reason.length() <= MAX_REASON, "appeal.error.reason");
        require(newDue.isAfter(dueOn), "appeal.error.extensionEarlier");
        require(!newDue.isAfter(AppealTerms.extensionCap(registeredOn, days)), "appeal.error.extensionCap");
        dueOn = newDue;
        extendedReason = reason.strip();
        extendedAt = now;
    }

    public void answer(String text, String by, Instant now) {
        requireOpen();
        require(!text.isBlank() && text.length() <= MAX_TEXT, "appeal.error.answer");
        answerText = text.strip();
        answeredByName = by;
        answeredAt = now;
        status = Status.ANSWERED;
    }

    /** Returns an appeal lacking the required details, with the reason, within 10 days of registration. */
    public void returnToApplicant(String reason, LocalDate today, Instant now, WorkingDays days) {
        requireOpen();
        require(!reason.isBlank() && reason.length() <= MAX_REASON, "appeal.error.reason");
        require(!today.isAfter(AppealTerms.returnBy(registeredOn, days)), "appeal.error.returnLate");
        returnedReason = reason.strip();
        returnedAt = now;
        status = Status.RETURNED;
    }

    public void close(Instant now) {
        require(status == Status.ANSWERED, "appeal.error.notAnswered");
        closedAt = now;
        status = Status.CLOSED;
    }

    /** The applicant rates the answer once (1–5, optional comment). */
    public void rate(int value, @Nullable String comment, Instant now) {
        require(status == Status.ANSWERED || status == Status.CLOSED, "appeal.error.notAnswered");
        require(rating == null, "appeal.error.alreadyRated");
        require(value >= 1 && value <= 5, "appeal.error.rating");
        require(comment == null || comment.length() <= MAX_REASON, "appeal.error.ratingComment");
        rating = (short) value;
        ratingComment = blankToNull(comment);
        ratedAt = now;
    }

    /** Whether the applicant may complain about the answer (once it is given). */
    public boolean answerAppealable() {
        return status == Status.ANSWERED || status == Status.CLOSED;
    }

    void reminded(Instant now) {
        remindedAt = now;
    }

    private void requireOpen() {
        require(open(), "appeal.error.notOpen");
    }

    private static void require(boolean condition, String key) {
        if (!condition) {
            throw Refusal.of(key);
        }
    }

    private static boolean hasText(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getRegistrationNumber() { return registrationNumber; }
    public Kind getKind() { return kind; }
    public Channel getChannel() { return channel; }
    public Status getStatus() { return status; }
    public @Nullable Long getApplicantPersonId() { return applicantPersonId; }
    public @Nullable Long getApplicantAccountId() { return applicantAccountId; }
    public String getApplicantName() { return applicantName; }
    public String getApplicantAddress() { return applicantAddress; }
    public @Nullable String getApplicantEmail() { return applicantEmail; }
    public @Nullable String getApplicantPhone() { return applicantPhone; }
    public @Nullable String getBenefit() { return benefit; }
    public String getSubject() { return subject; }
    public String getText() { return text; }
    public @Nullable Long getCategoryId() { return categoryId; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public @Nullable Long getExecutorAccountId() { return executorAccountId; }
    public @Nullable String getExecutorName() { return executorName; }
    public boolean isUrgent() { return urgent; }
    public Instant getReceivedAt() { return receivedAt; }
    public LocalDate getRegisteredOn() { return registeredOn; }
    public LocalDate getDueOn() { return dueOn; }
    public @Nullable String getExtendedReason() { return extendedReason; }
    public @Nullable Instant getExtendedAt() { return extendedAt; }
    public @Nullable String getAnswerText() { return answerText; }
    public @Nullable Instant getAnsweredAt() { return answeredAt; }
    public @Nullable String getAnsweredByName() { return answeredByName; }
    public @Nullable String getReturnedReason() { return returnedReason; }
    public @Nullable Instant getReturnedAt() { return returnedAt; }
    public @Nullable Instant getClosedAt() { return closedAt; }
    public @Nullable Instant getRemindedAt() { return remindedAt; }
    public @Nullable Short getRating() { return rating; }
    public @Nullable String getRatingComment() { return ratingComment; }
    public @Nullable Instant getRatedAt() { return ratedAt; }
    public @Nullable Long getParentAppealId() { return parentAppealId; }
    public @Nullable Long getSourcePetitionId() { return sourcePetitionId; }
    public boolean hasBenefit() { return benefit != null; }
}
