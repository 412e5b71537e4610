package ua.viche.certificates.domain;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;
import ua.viche.platform.Refusal.Fault;
import ua.viche.platform.AppealTerms;
import ua.viche.platform.WorkingDays;

/**
 * An order for an archive certificate and its rules. States: received → in work → ready (issued)
 * or refused (with a reason); received may be refused at once. The due day is 30 calendar days
 * from registration and may be extended, with a reason, to at most 45 (the appeals law's terms,
 * {@link AppealTerms}). An issued certificate may later be revoked (with a reason); its PDF stays.
 */
@Entity
@Table(name = "certificate_order")
public class CertificateOrder {

    /** What the person receives. */
    public enum Output { CERTIFICATE, EXTRACT, COPY }

    /** What the certificate is about; each topic needs its own facts. */
    public enum Topic { SERVICE, SALARY, DECISION, LAND, OTHER }

    public enum Delivery { DOWNLOAD, PICKUP }

    public enum Status { RECEIVED, IN_WORK, READY, REFUSED }

    /** The status people are shown: an issued certificate that was later revoked is revoked, not ready. */
    public enum Shown { RECEIVED, IN_WORK, READY, REVOKED, REFUSED }

    /** A place of a template still to be filled in: text in square brackets, e.g. «[фонд, опис, справа, аркуші]». */
    private static final Pattern TEMPLATE_BLANK = Pattern.compile("\\[[^\\[\\]\\n]*]");

    public static final Set<Status> OPEN = EnumSet.of(Status.RECEIVED, Status.IN_WORK);
    public static final int MAX_REASON = 2000;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_DETAILS = 4000;
    public static final int FIRST_YEAR = 1900;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String number;

    @Enumerated(EnumType.STRING)
    private Output output;

    @Enumerated(EnumType.STRING)
    private Topic topic;

    @Enumerated(EnumType.STRING)
    private Delivery delivery;

    @Enumerated(EnumType.STRING)
    private Status status = Status.RECEIVED;

    private @Nullable Long applicantPersonId;
    private @Nullable Long applicantAccountId;
    private String applicantName;
    private String applicantEmail;
    private @Nullable String organisation;
    private @Nullable String position;
    private @Nullable Integer yearFrom;
    private @Nullable Integer yearTo;
    private @Nullable String decisionNumber;
    private @Nullable LocalDate decisionDate;
    private @Nullable String land;
    private @Nullable String details;
    private Instant receivedAt;
    private LocalDate registeredOn;
    private LocalDate dueOn;
    private @Nullable String extendedReason;
    private @Nullable Instant extendedAt;
    private @Nullable Long archivistAccountId;
    private @Nullable String archivistName;
    private @Nullable String refusedReason;
    private @Nullable Instant refusedAt;
    private @Nullable String certificateText;
    private @Nullable Instant issuedAt;
    private @Nullable String issuedByName;
    private @Nullable String verifyCode;
    private @Nullable String pdfKey;
    private @Nullable String pdfSha256;
    private @Nullable Long pdfSize;
    private @Nullable Instant revokedAt;
    private @Nullable String revokedReason;

    @Version
    private long version;

    protected CertificateOrder() {}

    /** Who orders: the verified person's name and the e-mail for notices. */
    public record Applicant(@Nullable Long personId, @Nullable Long accountId, String name, String email) {}

    /** The facts the archivist needs to search the holdings; which are required depends on the topic. */
    public record Facts(@Nullable String organisation, @Nullable String position, @Nullable Integer yearFrom,
                        @Nullable Integer yearTo, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
                        @Nullable String land, @Nullable String details) {

        public static Facts none() {
            return new Facts(null, null, null, null, null, null, null, null);
        }
    }

    /** What an order asks for. */
    public record Request(@Nullable Output output, @Nullable Topic topic, Facts facts, @Nullable Delivery delivery,
                          String email) {}

    /**
     * Everything wrong with a request, field by field, in the order of the form: the choices, the
     * facts its topic needs (years between {@value #FIRST_YEAR} and this year, from ≤ to; a decision
     * date not in the future), the e-mail. Empty when the request may be registered.
     */
    public static List<Fault> problems(Request r, LocalDate today) {
        List<Fault> p = new ArrayList<>();
        if (r.output() == null) {
            p.add(Fault.of("output", "certificate.error.output"));
        }
        if (r.topic() == null) {
            p.add(Fault.of("topic", "certificate.error.topic"));
        }
        Facts f = r.facts();
        Topic t = r.topic();
        if (t == Topic.SERVICE || t == Topic.SALARY) {
            need(p, f.organisation(), 300, "organisation");
            if (t == Topic.SERVICE) {
                need(p, f.position(), 200, "position");
            }
            year(p, f.yearFrom(), "yearFrom", today);
            year(p, f.yearTo(), "yearTo", today);
            if (f.yearFrom() != null && f.yearTo() != null && f.yearFrom() > f.yearTo()) {
                p.add(Fault.of("yearTo", "certificate.error.yearOrder"));
            }
        }
        if (t == Topic.DECISION) {
            need(p, f.decisionNumber(), 50, "decisionNumber");
            if (f.decisionDate() == null) {
                p.add(Fault.of("decisionDate", "certificate.error.decisionDate"));
            }
        }
        if (t == Topic.LAND) {
            need(p, f.land(), 500, "land");
        }
        if (f.decisionDate() != null && (f.decisionDate().isAfter(today) || f.decisionDate().getYear() < FIRST_YEAR)) {
            p.add(Fault.of("decisionDate", "certificate.error.decisionDateRange"));
        }
        if (t == Topic.OTHER && (f.details() == null || f.details().strip().length() < 20)) {
            p.add(Fault.of("details", "certificate.error.detailsOther"));
        } else if (f.details() != null && f.details().length() > MAX_DETAILS) {
            p.add(Fault.of("details", "certificate.error.detailsLong"));
        }
        if (r.delivery() == null) {
            p.add(Fault.of("delivery", "certificate.error.delivery"));
        }
        if (!r.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || r.email().length() > 254) {
            p.add(Fault.of("email", "certificate.error.email"));
        }
        return p;
    }

    private static void need(List<Fault> p, @Nullable String value, int max, String field) {
        if (value == null || value.isBlank()) {
            p.add(Fault.of(field, "certificate.error." + field));
        } else if (value.length() > max) {
            p.add(Fault.of(field, "certificate.error.tooLong"));
        }
    }

    private static void year(List<Fault> p, @Nullable Integer year, String field, LocalDate today) {
        if (year == null) {
            p.add(Fault.of(field, "certificate.error.year"));
        } else if (year < FIRST_YEAR || year > today.getYear()) {
            p.add(Fault.of(field, "certificate.error.yearRange"));
        }
    }

    /** Registers an order received at a moment with a number taken by the caller; refuses a request with problems. */
    public static CertificateOrder register(String number, Applicant applicant, Request request, Instant receivedAt,
                                            LocalDate registeredOn, LocalDate today, WorkingDays days) {
        List<Fault> problems = problems(request, today);
        if (!problems.isEmpty()) {
            throw Refusal.all(problems);
        }
        require(!applicant.name().isBlank(), "certificate.error.name");
        CertificateOrder o = new CertificateOrder();
        o.number = number;
        o.output = request.output();
        o.topic = request.topic();
        o.delivery = request.delivery();
        o.applicantPersonId = applicant.personId();
        o.applicantAccountId = applicant.accountId();
        o.applicantName = applicant.name().strip();
        o.applicantEmail = request.email().strip();
        // only the facts the topic uses are kept, so a changed choice leaves nothing stale behind
        Facts f = request.facts();
        Topic t = request.topic();
        boolean work = t == Topic.SERVICE || t == Topic.SALARY;
        o.organisation = work || t == Topic.DECISION ? blankToNull(f.organisation()) : null;
        o.position = work ? blankToNull(f.position()) : null;
        o.yearFrom = work ? f.yearFrom() : null;
        o.yearTo = work ? f.yearTo() : null;
        o.decisionNumber = t == Topic.DECISION || t == Topic.LAND ? blankToNull(f.decisionNumber()) : null;
        o.decisionDate = t == Topic.DECISION || t == Topic.LAND ? f.decisionDate() : null;
        o.land = t == Topic.LAND ? blankToNull(f.land()) : null;
        o.details = blankToNull(f.details());
        o.receivedAt = receivedAt;
        o.registeredOn = registeredOn;
        o.dueOn = AppealTerms.due(registeredOn, AppealTerms.DAYS, days);
        return o;
    }

    public boolean open() {
        return OPEN.contains(status);
    }

    public boolean overdue(LocalDate today) {
        return open() && today.isAfter(dueOn);
    }

    public boolean issued() {
        return status == Status.READY;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The status to show in lists, on the order's page and in the API. */
    public Shown shownStatus() {
        return revoked() ? Shown.REVOKED : Shown.valueOf(status.name());
    }

    /** An archivist takes the order into work. */
    public void take(long accountId, String name) {
        require(status == Status.RECEIVED, "certificate.error.notReceived");
        archivistAccountId = accountId;
        archivistName = name;
        status = Status.IN_WORK;
    }

    /** Extends the term to a later day, at most 45 days from registration in total, with a reason. */
    public void extend(LocalDate newDue, String reason, Instant now, WorkingDays days) {
        require(open(), "certificate.error.notOpen");
        require(!reason.isBlank() && reason.length() <= MAX_REASON, "certificate.error.reason");
        require(newDue.isAfter(dueOn), "certificate.error.extensionEarlier");
        require(!newDue.isAfter(AppealTerms.extensionCap(registeredOn, days)), "certificate.error.extensionCap");
        dueOn = newDue;
        extendedReason = reason.strip();
        extendedAt = now;
    }

    /** Checks the text before the PDF is made from it: not empty, not too long, every template place filled in. */
    public static void checkText(String text) {
        require(!text.isBlank() && text.length() <= MAX_TEXT, "certificate.error.text");
        // a draft made from a template keeps «[…]» where the archivist must write the particulars
        require(!TEMPLATE_BLANK.matcher(text).find(), "certificate.error.blanksUnfilled");
    }

    /** A certificate is never dated before the order it answers was received. */
    public void checkIssueMoment(Instant now) {
        require(!now.isBefore(receivedAt), "certificate.error.issuedBeforeRequest");
    }

    /** Records the issued certificate: its text, who issued it, its verify code and the stored PDF. */
    public void issue(String text, String by, String code, String pdfKey, String sha256, long size, Instant now) {
        require(status == Status.IN_WORK, "certificate.error.notInWork");
        checkText(text);
        checkIssueMoment(now);
        certificateText = text.strip();
        issuedByName = by;
        verifyCode = code;
        this.pdfKey = pdfKey;
        pdfSha256 = sha256;
        pdfSize = size;
        issuedAt = now;
        status = Status.READY;
    }

    public void refuse(String reason, Instant now) {
        require(open(), "certificate.error.notOpen");
        require(!reason.isBlank() && reason.length() <= MAX_REASON, "certificate.error.reason");
        refusedReason = reason.strip();
        refusedAt = now;
        status = Status.REFUSED;
    }

    /** Revokes an issued certificate: verification then says so, with the date and the reason. */
    public void revoke(String reason, Instant now) {
        require(status == Status.READY, "certificate.error.notIssued");
        require(revokedAt == null, "certificate.error.alreadyRevoked");
        require(!reason.isBlank() && reason.length() <= MAX_REASON, "certificate.error.reason");
        revokedReason = reason.strip();
        revokedAt = now;
    }

    /** The applicant's initials only, as verification shows them (e.g. «Б. М. С.»). */
    public String applicantInitials() {
        StringBuilder s = new StringBuilder();
        for (String part : applicantName.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                s.append(s.isEmpty() ? "" : " ").append(part.codePoints().limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
            }
        }
        return s.toString();
    }

    private static void require(boolean condition, String key) {
        if (!condition) {
            throw Refusal.of(key);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getNumber() { return number; }
    public Output getOutput() { return output; }
    public Topic getTopic() { return topic; }
    public Delivery getDelivery() { return delivery; }
    public Status getStatus() { return status; }
    public @Nullable Long getApplicantPersonId() { return applicantPersonId; }
    public @Nullable Long getApplicantAccountId() { return applicantAccountId; }
    public String getApplicantName() { return applicantName; }
    public String getApplicantEmail() { return applicantEmail; }
    public @Nullable String getOrganisation() { return organisation; }
    public @Nullable String getPosition() { return position; }
    public @Nullable Integer getYearFrom() { return yearFrom; }
    public @Nullable Integer getYearTo() { return yearTo; }
    public @Nullable String getDecisionNumber() { return decisionNumber; }
    public @Nullable LocalDate getDecisionDate() { return decisionDate; }
    public @Nullable String getLand() { return land; }
    public @Nullable String getDetails() { return details; }
    public Instant getReceivedAt() { return receivedAt; }
    public LocalDate getRegisteredOn() { return registeredOn; }
    public LocalDate getDueOn() { return dueOn; }
    public @Nullable String getExtendedReason() { return extendedReason; }
    public @Nullable Instant getExtendedAt() { return extendedAt; }
    public @Nullable Long getArchivistAccountId() { return archivistAccountId; }
    public @Nullable String getArchivistName() { return archivistName; }
    public @Nullable String getRefusedReason() { return refusedReason; }
    public @Nullable Instant getRefusedAt() { return refusedAt; }
    public @Nullable String getCertificateText() { return certificateText; }
    public @Nullable Instant getIssuedAt() { return issuedAt; }
    public @Nullable String getIssuedByName() { return issuedByName; }
    public @Nullable String getVerifyCode() { return verifyCode; }
    public @Nullable String getPdfKey() { return pdfKey; }
    public @Nullable String getPdfSha256() { return pdfSha256; }
    public @Nullable Long getPdfSize() { return pdfSize; }
    public @Nullable Instant getRevokedAt() { return revokedAt; }
    public @Nullable String getRevokedReason() { return revokedReason; }
}
