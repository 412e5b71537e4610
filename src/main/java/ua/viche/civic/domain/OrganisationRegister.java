package ua.viche.civic.domain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.civic.CivicModule;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Csv;
import ua.viche.platform.FileStore;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * The register of civil-society organisations: a signed-in person registers one, moderators (or the
 * community admin) verify or refuse it with a reason, audited; the public sees verified ones, with
 * filters, and as open data. An organisation's logo (optional, PNG or JPEG) is a platform attachment
 * owned by {@code ('civic', 'organisation-logo', id)}, stored without metadata.
 */
@Service
public class OrganisationRegister {

    /** Who decides on registrations. */
    public static final Role[] STAFF = {Role.MODERATOR, Role.COMMUNITY_ADMIN};

    /** A logo: one PNG or JPEG of up to 2 MB, named by its type. */
    static final Attachments.Policy LOGO = new Attachments.Policy(Attachments.Policy.PHOTOS.types(), 1, 2L * 1024 * 1024, false);

    private final OrganisationRepository organisations;
    private final Attachments attachments;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Clock clock;

    OrganisationRegister(OrganisationRepository organisations, Attachments attachments, Identity identity, AccessControl access,
                         AuditLog audit, Mailer mailer, Clock clock) {
        this.organisations = organisations;
        this.attachments = attachments;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** The filters of the public register: a legal form, a field of activity, words of the name or the code. */
    public record Filter(@Nullable LegalForm legalForm, @Nullable Field field, String words) {

        public static final Filter NONE = new Filter(null, null, "");

        /** Reads the filters from a request's parameters; an unknown form or field is bad input. */
        public static Filter parse(@Nullable String legalForm, @Nullable String field, @Nullable String words) {
            try {
                return new Filter(legalForm == null || legalForm.isBlank() ? null : LegalForm.valueOf(legalForm),
                        field == null || field.isBlank() ? null : Field.valueOf(field),
                        words == null ? "" : words.strip());
            } catch (IllegalArgumentException e) {
                throw Refusal.badInput("civic.error.filter");
            }
        }
    }

    static Attachments.Owner logoOwner(long id) {
        return new Attachments.Owner("civic", "organisation-logo", id);
    }

    @Transactional
    public Organisation register(Organisation.Details details) {
        return register(details, null);
    }

    /** Registers an organisation (with its logo, if given), audited; every fault refused, nothing saved. */
    @Transactional
    public Organisation register(Organisation.Details details, FileStore.@Nullable Upload logo) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!CivicModule.SELF_REGISTRATION.value()) {
            throw Refusal.of("civic.error.registrationClosed");
        }
        Organisation o = Organisation.register(details, person.personId(), person.accountId(), Instant.now(clock));
        checkLogo(logo);
        if (organisations.existsByEdrpouAndStatusNot(o.getEdrpou(), Organisation.Status.REFUSED)) {
            throw Refusal.field("edrpou", "civic.error.duplicate").status(Refusal.CONFLICT);
        }
        try {
            organisations.saveAndFlush(o);
        } catch (DataIntegrityViolationException e) { // registered by someone else a moment ago
            throw Refusal.field("edrpou", "civic.error.duplicate").status(Refusal.CONFLICT);
        }
        if (logo != null) {
            attachments.store(logoOwner(o.getId()), LOGO, List.of(logo));
        }
        audit.recordByResident("civic.organisation.registered", "civic_organisation", o.getId(), o.getEdrpou());
        return o;
    }

    private static void checkLogo(FileStore.@Nullable Upload logo) {
        if (logo != null) {
            LOGO.refusal(List.of(logo), 0).ifPresent(r -> { throw Refusal.field("logo", "civic.error.logo." + r.key()); });
        }
    }

    /**
     * Gives an organisation a new logo or takes it away ({@code drop}): its registrant or staff, audited.
     * A logo that breaks the rule is refused and the old one stays.
     */
    @Transactional
    public Organisation changeLogo(long id, FileStore.@Nullable Upload logo, boolean drop) {
        Organisation o = organisations.lock(id).orElseThrow(() -> new NotFoundException("civic.error.noOrganisation"));
        if (!isStaff() && !isRegistrant(o)) {
            AccessControl.requireUser();
            throw new AccessDeniedException("the registrant or staff only");
        }
        if (logo == null && !drop) {
            throw Refusal.field("logo", "civic.error.logo.missing");
        }
        checkLogo(logo);
        attachments.deleteAll(List.of(logoOwner(id)));
        if (logo != null) {
            attachments.store(logoOwner(id), LOGO, List.of(logo));
        }
        String action = logo != null ? "civic.organisation.logoChanged" : "civic.organisation.logoRemoved";
        if (isStaff()) {
            audit.record(action, "civic_organisation", id, null);
        } else {
            audit.recordByResident(action, "civic_organisation", id, null);
        }
        return o;
    }

    /**
     * Changes an organisation's details (not its EDRPOU code): its registrant or staff, checked as at
     * registration, audited. A verified organisation stays verified, a new name too (the audit notes
     * the old and the new one). A fault is refused on its field and nothing changes.
     */
    @Transactional
    public Organisation change(long id, Organisation.Details details) {
        Organisation o = organisations.lock(id).orElseThrow(() -> new NotFoundException("civic.error.noOrganisation"));
        if (!mayEdit(o)) {
            AccessControl.requireUser();
            throw new AccessDeniedException("the registrant or staff only");
        }
        String before = o.getName();
        o.change(details);
        organisations.flush();
        String note = before.equals(o.getName()) ? null
                : "name: " + before + " → " + o.getName() + (o.isPublic() ? " (stays verified)" : "");
        if (isStaff()) {
            audit.record("civic.organisation.changed", "civic_organisation", id, note);
        } else {
            audit.recordByResident("civic.organisation.changed", "civic_organisation", id, note);
        }
        return o;
    }

    /** An organisation the current user may change: its registrant or staff. */
    @Transactional(readOnly = true)
    public Organisation forEditing(long id) {
        Organisation o = visible(id);
        if (!isStaff() && !isRegistrant(o)) {
            AccessControl.requireUser();
            throw new AccessDeniedException("the registrant or staff only");
        }
        return o;
    }

    /** Whether the current user may change the organisation (its registrant or staff). */
    public boolean mayEdit(Organisation o) {
        return isStaff() || isRegistrant(o);
    }

    /** The organisation's logo, if it has one. */
    public Optional<Attachment> logo(Organisation o) {
        return attachments.list(logoOwner(o.getId())).stream().findFirst();
    }

    /** The logos of many organisations at once, by organisation. */
    public Map<Long, Attachment> logos(List<Organisation> list) {
        Map<Long, Attachment> byOrganisation = new HashMap<>();
        if (!list.isEmpty()) {
            attachments.list("civic", "organisation-logo", list.stream().map(Organisation::getId).toList())
                    .forEach(a -> byOrganisation.putIfAbsent(a.getOwnerId(), a));
        }
        return byOrganisation;
    }

    /** Serves the logo of an organisation the current user may see. */
    @Transactional(readOnly = true)
    public ResponseEntity<InputStreamResource> downloadLogo(long id, long fileId) throws IOException {
        Organisation o = visible(id);
        Attachment a = attachments.find(List.of(logoOwner(id)), fileId).orElseThrow(() -> new NotFoundException("civic.error.noOrganisation"));
        return attachments.download(a, o.isPublic() ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic() : CacheControl.noStore());
    }

    /** The address of a logo. */
    public static String logoUrl(Organisation o, Attachment logo, String slug) {
        return o.url(slug) + "/logo/" + logo.getId();
    }

    @Transactional
    public Organisation verify(long id) {
        access.require(STAFF);
        Organisation o = organisations.lock(id).orElseThrow(() -> new NotFoundException("civic.error.noOrganisation"));
        o.verify(Instant.now(clock));
        audit.record("civic.organisation.verified", "civic_organisation", id, null);
        notifyRegistrant(o, "civic.mail.verified");
        return o;
    }

    @Transactional
    public Organisation refuse(long id, String reason) {
        access.require(STAFF);
        Organisation o = organisations.lock(id).orElseThrow(() -> new NotFoundException("civic.error.noOrganisation"));
        o.refuse(reason, Instant.now(clock));
        audit.record("civic.organisation.refused", "civic_organisation", id, o.getRefusalReason());
        notifyRegistrant(o, "civic.mail.refused");
        return o;
    }

    private void notifyRegistrant(Organisation o, String key) {
        Long account = o.getCreatedByAccountId();
        if (account == null) {
            return;
        }
        identity.person(account).map(Identity.PersonRef::email).ifPresent(email -> mailer.send(email, Locale.forLanguageTag("uk"), key,
                o.getName(), o.getRefusalReason() == null ? "" : o.getRefusalReason()));
    }

    @Transactional(readOnly = true)
    public Page<Organisation> publicRegister(Filter filter, int page, int size) {
        Set<LegalForm> forms = filter.legalForm() == null ? EnumSet.allOf(LegalForm.class) : EnumSet.of(filter.legalForm());
        return organisations.find(Organisation.Status.VERIFIED, forms, filter.field() == null ? "" : filter.field().name(),
                filter.words().toLowerCase(Locale.ROOT), Paging.of(page, size));
    }

    /** An organisation as the current user may see it: verified ones by anyone, others by the registrant and staff. */
    @Transactional(readOnly = true)
    public Organisation visible(long id) {
        Organisation o = organisations.findById(id).orElseThrow(() -> new NotFoundException("civic.error.noOrganisation"));
        if (o.isPublic() || isStaff() || isRegistrant(o)) {
            return o;
        }
        throw new NotFoundException("civic.error.noOrganisation");
    }

    private boolean isRegistrant(Organisation o) {
        return o.getCreatedByAccountId() != null
                && AccessControl.currentUser().map(u -> u.accountId() == o.getCreatedByAccountId()).orElse(false);
    }

    public boolean isStaff() {
        return access.currentUserHasAny(List.of(STAFF));
    }

    @Transactional(readOnly = true)
    public List<Organisation> pending() {
        access.require(STAFF);
        return organisations.findByStatusOrderByCreatedAtAscIdAsc(Organisation.Status.PENDING);
    }

    /** The current person's registrations, newest first. */
    @Transactional(readOnly = true)
    public List<Organisation> mine() {
        return identity.currentPerson().map(p -> organisations.findByCreatedByPersonIdOrderByCreatedAtDesc(p.personId()))
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<Organisation> verified() {
        return organisations.findByStatusOrderByNameAscIdAsc(Organisation.Status.VERIFIED);
    }

    /** The verified organisations as open data (CSV): no person's name, only what the organisation published. */
    @Transactional(readOnly = true)
    public String csv() {
        Csv csv = new Csv().row(List.of("id", "name", "edrpou", "legal_form", "fields", "email", "phone", "website", "address",
                "verified_at"));
        for (Organisation o : verified()) {
            csv.row(Arrays.asList(o.getId(), o.getName(), o.getEdrpou(), o.getLegalForm().name(), o.getFields(), o.getEmail(),
                    o.getPhone(), o.getWebsite(), o.getAddress(), o.getDecidedAt()));
        }
        return csv.toString();
    }
}
