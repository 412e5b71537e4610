package ua.viche.civic.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.civic.CivicModule;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Csv;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * The register of civil-society organisations: a signed-in person registers one, moderators (or the
 * community admin) verify or refuse it with a reason, audited; the public sees verified ones, with
 * filters, and as open data.
 */
@Service
public class OrganisationRegister {

    /** Who decides on registrations. */
    public static final Role[] STAFF = {Role.MODERATOR, Role.COMMUNITY_ADMIN};

    private final OrganisationRepository organisations;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Clock clock;

    OrganisationRegister(OrganisationRepository organisations, Identity identity, AccessControl access, AuditLog audit, Mailer mailer,
                         Clock clock) {
        this.organisations = organisations;
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

    @Transactional
    public Organisation register(Organisation.Details details) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!CivicModule.SELF_REGISTRATION.value()) {
            throw Refusal.of("civic.error.registrationClosed");
        }
        Organisation o = Organisation.register(details, person.personId(), person.accountId(), Instant.now(clock));
        if (organisations.existsByEdrpouAndStatusNot(o.getEdrpou(), Organisation.Status.REFUSED)) {
            throw Refusal.field("edrpou", "civic.error.duplicate").status(Refusal.CONFLICT);
        }
        try {
            organisations.saveAndFlush(o);
        } catch (DataIntegrityViolationException e) { // registered by someone else a moment ago
            throw Refusal.field("edrpou", "civic.error.duplicate").status(Refusal.CONFLICT);
        }
        return o;
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
