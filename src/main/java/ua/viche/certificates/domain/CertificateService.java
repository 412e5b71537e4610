package ua.viche.certificates.domain;

import ua.viche.platform.Refusal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.certificates.CertificatesModule;
import ua.viche.identity.Eligibility;
import ua.viche.identity.Identity;
import ua.viche.platform.Paging;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AppealTerms;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.FileStore;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;
import org.springframework.core.env.Environment;

/**
 * The certificate use cases for the current community: a person orders, archivists work the queue
 * (take, extend, refuse, issue, revoke; each action audited and the applicant told by e-mail),
 * anyone verifies a code. The applicant sees only their own orders; others get 404. Rules live in
 * {@link CertificateOrder} and {@link AppealTerms}.
 */
@Service
public class CertificateService {

    private static final Logger log = LoggerFactory.getLogger(CertificateService.class);
    /** Certificates are the archive's official documents: written in Ukrainian whatever the page's language. */
    private static final Locale UK = Locale.forLanguageTag("uk");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final CertificateOrderRepository orders;
    private final CertificatePdf pdf;
    private final FileStore files;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final WorkingDays days;
    private final Clock clock;
    private final VicheSettings settings;
    private final MessageSource messages;
    private final Environment environment;

    CertificateService(CertificateOrderRepository orders, CertificatePdf pdf, FileStore files, JdbcTemplate jdbc, Identity identity,
                       AccessControl access, AuditLog audit, Mailer mailer, WorkingDays days, Clock clock,
                       VicheSettings settings, MessageSource messages, Environment environment) {
        this.environment = environment;
        this.orders = orders;
        this.pdf = pdf;
        this.files = files;
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.days = days;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
    }

    // ---- applicants

    /**
     * Registers an order of the signed-in person at the community's assurance level; the name is the
     * verified one. Refuses (nothing saved) a request with missing or wrong facts.
     */
    @Transactional
    public CertificateOrder order(CertificateOrder.Request request) {
        Eligibility e = eligibility();
        if (!e.allowed()) {
            throw Refusal.of(e.reasonKey());
        }
        Identity.PersonRef person = e.signedInPerson();
        List<Refusal.Fault> problems = CertificateOrder.problems(request, today());
        if (!problems.isEmpty()) {
            throw Refusal.all(problems);
        }
        Instant now = Instant.now(clock);
        LocalDate registeredOn = AppealTerms.registrationDay(now, CertificatesModule.CLOSES.value(), days);
        // the number is taken in this transaction: a refused order rolls it back, so numbers have no gaps
        CertificateOrder o = orders.save(CertificateOrder.register(nextNumber(registeredOn.getYear()),
                new CertificateOrder.Applicant(person.personId(), person.accountId(), person.name(), request.email()),
                request, now, registeredOn, today(), days));
        tell(o, "mail.certificate.received", o.getNumber(), day(o.getDueOn()), link(o));
        return o;
    }

    /** Whether the signed-in person may order: the community's assurance level (residency is not asked). */
    public Eligibility eligibility() {
        Eligibility e = identity.eligibility();
        return new Eligibility(e.person(), e.level(), e.required(), true, false);
    }

    public Optional<Identity.PersonRef> currentPerson() {
        return identity.currentPerson();
    }

    /** The signed-in person's orders, newest first. */
    @Transactional(readOnly = true)
    public List<CertificateOrder> mine() {
        return identity.currentPerson().map(p -> orders.findByApplicantPersonIdOrderByReceivedAtDesc(p.personId()))
                .orElse(List.of());
    }

    /** An order the current user may see: their own, or any for an archivist. Others: 404. */
    @Transactional(readOnly = true)
    public CertificateOrder visible(long id) {
        boolean archivist = isArchivist();
        Long person = identity.currentPerson().map(Identity.PersonRef::personId).orElse(null);
        return orders.findById(id).filter(o -> archivist || (person != null && person.equals(o.getApplicantPersonId())))
                .orElseThrow(CertificateService::notFound);
    }

    /** The stored PDF of an issued certificate, for its applicant and archivists only. */
    @Transactional(readOnly = true)
    public Download download(long id) {
        CertificateOrder o = visible(id);
        if (o.getPdfKey() == null) {
            throw notFound();
        }
        try {
            return new Download(o.getNumber() + ".pdf", o.getPdfSize() == null ? -1 : o.getPdfSize(), files.open(o.getPdfKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored certificate file to send. */
    public record Download(String fileName, long size, InputStream content) {}

    /** How many orders the community has (demo data is made once). */
    @Transactional(readOnly = true)
    public long count() {
        return orders.count();
    }

    // ---- verification

    /** What verification says of a code. */
    public enum State { VALID, REVOKED, UNKNOWN }

    public record Verification(State state, String code, @Nullable String number, @Nullable LocalDate issuedOn,
                               @Nullable String initials, CertificateOrder.@Nullable Output output,
                               CertificateOrder.@Nullable Topic topic, @Nullable String issuedBy,
                               @Nullable LocalDate revokedOn, @Nullable String revokedReason) {}

    /** Checks a typed code in the current community: valid, revoked, or unknown (also for another community's code). */
    @Transactional(readOnly = true)
    public Verification verify(String typed) {
        Optional<CertificateOrder> found = VerifyCode.normalise(typed).flatMap(orders::findByVerifyCode)
                .filter(CertificateOrder::issued);
        if (found.isEmpty()) {
            return new Verification(State.UNKNOWN, typed.strip(), null, null, null, null, null, null, null, null);
        }
        CertificateOrder o = found.get();
        return new Verification(o.revoked() ? State.REVOKED : State.VALID, VerifyCode.readable(o.getVerifyCode()), o.getNumber(),
                kyivDay(o.getIssuedAt()), o.applicantInitials(), o.getOutput(), o.getTopic(), o.getIssuedByName(),
                o.getRevokedAt() == null ? null : kyivDay(o.getRevokedAt()), o.getRevokedReason());
    }

    // ---- archivists

    /** Tabs of the archivists' queue. */
    public enum Tab { RECEIVED, IN_WORK, OVERDUE, READY, REFUSED }

    @Transactional(readOnly = true)
    public Page<CertificateOrder> queue(Tab tab, int page, int size) {
        requireArchivist();
        return queue(tab, Paging.of(page, size));
    }

    @Transactional(readOnly = true)
    public Map<Tab, Long> counts() {
        requireArchivist();
        Map<Tab, Long> counts = new EnumMap<>(Tab.class);
        for (Tab t : Tab.values()) {
            counts.put(t, queue(t, PageRequest.of(0, 1)).getTotalElements());
        }
        return counts;
    }

    private Page<CertificateOrder> queue(Tab tab, PageRequest page) {
        LocalDate first = LocalDate.of(1900, 1, 1);
        LocalDate last = LocalDate.of(9999, 12, 31);
        return switch (tab) {
            case RECEIVED -> orders.findQueue(Set.of(CertificateOrder.Status.RECEIVED), first, last, page);
            case IN_WORK -> orders.findQueue(Set.of(CertificateOrder.Status.IN_WORK), first, last, page);
            case OVERDUE -> orders.findQueue(CertificateOrder.OPEN, first, today().minusDays(1), page);
            case READY -> orders.findFinished(Set.of(CertificateOrder.Status.READY), page);
            case REFUSED -> orders.findFinished(Set.of(CertificateOrder.Status.REFUSED), page);
        };
    }

    @Transactional
    public CertificateOrder take(long id) {
        SignedInUser archivist = requireArchivist();
        CertificateOrder o = forAction(id);
        o.take(archivist.accountId(), archivist.displayName());
        audit.record("certificate.taken", "certificate_order", o.getId(), o.getNumber());
        tell(o, "mail.certificate.taken", o.getNumber(), day(o.getDueOn()), link(o));
        return o;
    }

    @Transactional
    public CertificateOrder extend(long id, LocalDate newDue, String reason) {
        requireArchivist();
        CertificateOrder o = forAction(id);
        o.extend(newDue, reason, Instant.now(clock), days);
        audit.record("certificate.extended", "certificate_order", o.getId(), o.getNumber() + " → " + newDue + ": " + reason.strip());
        tell(o, "mail.certificate.extended", o.getNumber(), day(o.getDueOn()), o.getExtendedReason(), link(o));
        return o;
    }

    @Transactional
    public CertificateOrder refuse(long id, String reason) {
        requireArchivist();
        CertificateOrder o = forAction(id);
        o.refuse(reason, Instant.now(clock));
        audit.record("certificate.refused", "certificate_order", o.getId(), o.getNumber() + ": " + reason.strip());
        tell(o, "mail.certificate.refused", o.getNumber(), o.getRefusedReason(), link(o));
        return o;
    }

    /**
     * Issues the certificate with the archivist's text: makes the PDF once (with a new verify code),
     * stores it, keeps its SHA-256, and tells the applicant where to get it.
     */
    @Transactional
    public CertificateOrder issue(long id, String text) {
        SignedInUser archivist = requireArchivist();
        CertificateOrder o = forAction(id);
        if (o.getStatus() != CertificateOrder.Status.IN_WORK) {
            throw Refusal.of("certificate.error.notInWork");
        }
        CertificateOrder.checkText(text);
        Instant now = Instant.now(clock);
        o.checkIssueMoment(now);
        String code = VerifyCode.generate();
        byte[] bytes;
        try {
            bytes = pdf.render(content(o, text.strip(), archivist.displayName(), code, now));
        } catch (IllegalStateException e) {
            log.error("Certificate {} not issued: {}", o.getNumber(), e.getMessage());
            throw Refusal.of("certificate.error.pdf");
        }
        String key;
        try {
            key = files.put(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        o.issue(text, archivist.displayName(), code, key, sha256(bytes), bytes.length, now);
        audit.record("certificate.issued", "certificate_order", o.getId(), o.getNumber() + " sha256 " + o.getPdfSha256());
        if (o.getDelivery() == CertificateOrder.Delivery.PICKUP) {
            tell(o, "mail.certificate.readyPickup", o.getNumber(), pickupPlace(), link(o));
        } else {
            tell(o, "mail.certificate.ready", o.getNumber(), link(o));
        }
        return o;
    }

    @Transactional
    public CertificateOrder revoke(long id, String reason) {
        requireArchivist();
        CertificateOrder o = forAction(id);
        o.revoke(reason, Instant.now(clock));
        audit.record("certificate.revoked", "certificate_order", o.getId(), o.getNumber() + ": " + reason.strip());
        tell(o, "mail.certificate.revoked", o.getNumber(), o.getRevokedReason(), link(o));
        return o;
    }

    /** The certificate's text prefilled from the template of its topic and output, with the order's facts. */
    public String draft(CertificateOrder o) {
        Object[] args = {o.getApplicantName(), orDash(o.getOrganisation()), orDash(o.getPosition()),
                o.getYearFrom() == null ? "—" : String.valueOf(o.getYearFrom()),
                o.getYearTo() == null ? "—" : String.valueOf(o.getYearTo()), orDash(o.getDecisionNumber()),
                o.getDecisionDate() == null ? "—" : day(o.getDecisionDate()), orDash(o.getLand()), orDash(o.getDetails()),
                CurrentCommunity.require().nameUk()};
        StringBuilder s = new StringBuilder(messages.getMessage("certificate.template." + o.getTopic(), args, UK));
        if (o.getTopic() == CertificateOrder.Topic.LAND && o.getDecisionNumber() != null) {
            s.append("\n").append(messages.getMessage("certificate.template.landDecision", args, UK));
        }
        if (o.getTopic() != CertificateOrder.Topic.OTHER && o.getDetails() != null) {
            s.append("\n").append(messages.getMessage("certificate.template.details", args, UK));
        }
        s.append("\n").append(messages.getMessage("certificate.template.output." + o.getOutput(), args, UK));
        return s.toString();
    }

    public boolean isArchivist() {
        return access.currentUserHas(Role.ARCHIVIST);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    /** The latest day an extension of this order may reach. */
    public LocalDate extensionCap(CertificateOrder o) {
        return AppealTerms.extensionCap(o.getRegisteredOn(), days);
    }

    /** Where paper certificates are picked up: the setting, else the community's address. */
    public String pickupPlace() {
        Community c = CurrentCommunity.require();
        String place = CertificatesModule.PICKUP.value(c);
        return !place.isBlank() ? place : c.addressUk() != null ? c.addressUk() : c.nameUk();
    }

    public static String url(CertificateOrder o) {
        return "/" + CurrentCommunity.require().slug() + "/archive/certificates/" + o.getId();
    }

    /**
     * The absolute verify URL the QR code encodes: the configured base URL or the current request's;
     * outside a request (demo data at start-up) the community's own domain, else this server's local port.
     */
    public String verifyUrl(String code) {
        Community c = CurrentCommunity.require();
        String path = "/" + c.slug() + "/archive/certificates/verify/" + VerifyCode.readable(code);
        String url = settings.absolute(path);
        if (!url.startsWith("/")) {
            return url;
        }
        if (c.host() != null && !c.host().isBlank()) {
            return "https://" + c.host() + path;
        }
        String port = environment.getProperty("local.server.port");
        return port == null ? url : "http://localhost:" + port + path;
    }

    // ---- internals

    private CertificatePdf.Content content(CertificateOrder o, String text, String archivist, String code, Instant now) {
        Community c = CurrentCommunity.require();
        List<String> header = new ArrayList<>();
        header.add(c.nameUk());
        if (c.addressUk() != null && !c.addressUk().isBlank()) {
            header.add(c.addressUk());
        }
        header.add(msg("certificate.pdf.archive"));
        return new CertificatePdf.Content(header, msg("certificate.pdf.title." + o.getOutput()),
                msg("certificate.pdf.number", o.getNumber(), day(kyivDay(now))),
                msg("certificate.pdf.applicant", o.getApplicantName()), text, msg("certificate.pdf.archivist", archivist),
                msg("certificate.pdf.verify"), verifyUrl(code), msg("certificate.pdf.code", VerifyCode.readable(code)), now);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, UK);
    }

    /** Takes the next number of the community and year, e.g. {@code АД-2026-000123}. */
    private String nextNumber(int year) {
        Community c = CurrentCommunity.require();
        Integer n = jdbc.queryForObject("insert into certificate_number (community_id, year, last_number) values (?, ?, 1)"
                + " on conflict (community_id, year) do update set last_number = certificate_number.last_number + 1"
                + " returning last_number", Integer.class, c.id(), year);
        String prefix = CertificatesModule.PREFIX.value(c);
        return "%s-%d-%06d".formatted(prefix.isEmpty() ? CertificatesModule.DEFAULT_PREFIX : prefix, year, n);
    }

    private SignedInUser requireArchivist() {
        return access.require(Role.ARCHIVIST);
    }

    private CertificateOrder forAction(long id) {
        return orders.findForUpdate(id).orElseThrow(CertificateService::notFound);
    }

    private void tell(CertificateOrder o, String key, Object... args) {
        mailer.send(o.getApplicantEmail(), UK, key, args);
    }

    private String link(CertificateOrder o) {
        return settings.absolute(url(o));
    }


    private static LocalDate kyivDay(Instant at) {
        return at.atZone(Dates.KYIV).toLocalDate();
    }

    private static String day(LocalDate d) {
        return d.format(DAY);
    }

    private static String orDash(@Nullable String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("certificate.notFound");
    }
}
