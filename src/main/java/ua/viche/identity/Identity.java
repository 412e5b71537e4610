package ua.viche.identity;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.Person;
import ua.viche.identity.domain.ResidencyService;
import ua.viche.identity.domain.RoleService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.identity.domain.VicheUser;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;

/**
 * What other modules ask of identity: who is signed in, which person that is, and whether they
 * may take an action that counts people (the community's assurance level and residency rule).
 */
@Service
public class Identity {

    private final AccountService accounts;
    private final ResidencyService residency;
    private final RoleService roles;
    private final TaxNumberHasher hasher;

    Identity(AccountService accounts, ResidencyService residency, RoleService roles,
             TaxNumberHasher hasher) {
        this.accounts = accounts;
        this.residency = residency;
        this.roles = roles;
        this.hasher = hasher;
    }

    /** A person identified by an official from their documents (no account needed). */
    public record DocumentedPerson(long personId, String name, @Nullable LocalDate birthDate) {}

    /**
     * The person with this tax number (РНОКПП), found by its keyed hash or recorded as verified by
     * the official who saw the documents; the same person as any account later signing in with it.
     * Throws {@link IllegalArgumentException} for a malformed number.
     */
    @Transactional
    public DocumentedPerson personByTaxNumber(String taxNumber, String lastName, String givenName, String middleName) {
        String digits = taxNumber.strip();
        if (!TaxNumberHasher.valid(digits) || lastName.isBlank() || givenName.isBlank()) {
            throw new IllegalArgumentException("tax number and name required");
        }
        String hash = hasher.hash(digits);
        Person p = accounts.personByTaxHash(new VerifiedIdentity("document",
                hash, hash, lastName.strip(), givenName.strip(), middleName.strip(), null, null, true,
                TaxNumberHasher.birthDate(digits, LocalDate.now()).orElse(null)));
        return new DocumentedPerson(p.getId(), p.fullName(), p.getBirthDate());
    }

    /** Whether a person lives in the current community (by the community's residency rules). */
    public boolean isResident(long personId) {
        return residency.isResident(personId);
    }

    /** On what a person lives in the current community, if they do (by the community's residency rules). */
    public Optional<ResidencyBasis> residency(long personId) {
        return residency.basis(personId);
    }

    /**
     * People who hold the role in the current community for the department (or for the whole
     * community), by name: the officials an appeal can be assigned to.
     */
    public List<PersonRef> staff(Role role, @Nullable Long departmentId) {
        return roles.grants().stream()
                .filter(g -> g.getRole() == role && (g.getDepartmentId() == null || g.getDepartmentId().equals(departmentId)))
                .map(g -> g.getAccountId()).distinct()
                .flatMap(id -> accounts.summary(id).map(Identity::ref).stream())
                .sorted(Comparator.comparing(PersonRef::name, Communities.UKRAINIAN_ORDER))
                .toList();
    }

    /**
     * Runs work as if the account with this e-mail were signed in (demo data, jobs acting for a
     * person), restoring the previous sign-in afterwards.
     */
    public <T> T callAs(String email, Supplier<T> work) {
        VicheUser user = accounts.findByEmail(email).map(VicheUser::new)
                .orElseThrow(() -> new IllegalArgumentException("no account " + email));
        SecurityContext previous =
                SecurityContextHolder.getContext();
        SecurityContext context =
                SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** E-mail of the n-th (from 1) verified demo resident of a community (demo data only). */
    public static String demoResident(String communitySlug, int n) {
        return DemoResidents.email(communitySlug, n);
    }

    /** The first {@code count} verified demo residents of a community, in order, read at once (demo data only). */
    public List<PersonRef> demoResidents(String communitySlug, int count) {
        List<String> emails = IntStream.rangeClosed(1, count).mapToObj(n -> demoResident(communitySlug, n))
                .toList();
        Map<String, PersonRef> found = new HashMap<>();
        accounts.summaries(emails).forEach(a -> found.put(a.email(), ref(a)));
        return emails.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * The signed-in person, if any (no database work for visitors who are not signed in). Read with
     * plain SQL: what is committed, so not an account changed in the caller's unflushed transaction.
     */
    public Optional<PersonRef> currentPerson() {
        return AccessControl.currentUser().flatMap(u -> accounts.summary(u.accountId())).map(Identity::ref);
    }

    /** Where to write to each of these persons (those whose account has an e-mail address), in the language they chose. */
    public List<Contact> contacts(Collection<Long> personIds) {
        return accounts.contacts(personIds).stream()
                .map(c -> new Contact(c.personId(), c.email(), Locale.forLanguageTag(c.locale()))).toList();
    }

    /** A person's e-mail address and the language of the site they chose, for notices in that language. */
    public record Contact(long personId, String email, Locale locale) {}

    public Optional<PersonRef> person(long accountId) {
        return accounts.summary(accountId).map(Identity::ref);
    }

    /**
     * Who is signed in and whether they may take a counted action in the current community, from
     * one read of the account, with residency required as the community's identity setting says.
     */
    public Eligibility eligibility() {
        return eligibility(communityRequiresResidency());
    }

    /** Whether the current community requires residency for every counted action (its identity setting). */
    public boolean communityRequiresResidency() {
        return IdentityModule.RESIDENCY_REQUIRED.value();
    }

    /**
     * Who is signed in and whether they may take a counted action in the current community, the
     * caller saying whether the action needs residency (a module's own setting). The residency
     * register is read only where residency is required ({@code resident} is false otherwise; ask
     * {@link #isResident(long)} for a stricter rule). Plain SQL only, so that a counted action can
     * run in a plain JDBC transaction (decision 0025).
     */
    public Eligibility eligibility(boolean residencyRequired) {
        Community community = CurrentCommunity.require();
        AssuranceLevel required = requiredLevel(community);
        Optional<AccountService.Summary> account = AccessControl.currentUser().flatMap(u -> accounts.summary(u.accountId()));
        if (account.isEmpty()) {
            return new Eligibility(null, AssuranceLevel.NONE, required, false, residencyRequired);
        }
        AccountService.Summary a = account.get();
        Optional<ResidencyBasis> basis = residencyRequired ? residency.basis(a.residency()) : Optional.empty();
        return new Eligibility(ref(a), a.level(), required, basis.isPresent(), residencyRequired,
                basis.filter(b -> b == ResidencyBasis.DECLARED).isPresent());
    }

    /**
     * What the current community asks of a person taking part in an action: its assurance level,
     * residency when the action needs it or the community's identity setting asks it of every counted
     * action, and the action's minimum age (0: none).
     */
    public Participation.Requirements requirements(boolean residency, int minimumAge) {
        return new Participation.Requirements(requiredLevel(CurrentCommunity.require()),
                residency || communityRequiresResidency(), minimumAge);
    }

    /**
     * Who is signed in, as {@link Participation} needs them: one read of the account, and of the
     * residency register only where the requirements ask residency. Plain SQL only, so that a counted
     * action can run in a plain JDBC transaction (decision 0025).
     */
    public Participation.Participant participant(Participation.Requirements requirements) {
        Optional<AccountService.Summary> account = AccessControl.currentUser().flatMap(u -> accounts.summary(u.accountId()));
        if (account.isEmpty()) {
            return Participation.Participant.VISITOR;
        }
        AccountService.Summary a = account.get();
        return Participation.Participant.signedIn(ref(a),
                requirements.residency() ? residency.basis(a.residency()).orElse(null) : null);
    }

    public static AssuranceLevel requiredLevel(Community community) {
        return IdentityModule.ASSURANCE.value(community);
    }

    private static PersonRef ref(AccountService.Summary a) {
        return new PersonRef(a.personId(), a.accountId(), a.name(), a.email(), a.level(), a.birthDate());
    }

    /** A person as other modules see them: ids, the name to show, e-mail for notices, level. */
    public record PersonRef(long personId, long accountId, String name, @Nullable String email,
                            AssuranceLevel level, @Nullable LocalDate birthDate) {

        /** Full years on a day; empty when the date of birth is not known. */
        public OptionalInt age(LocalDate on) {
            return birthDate == null ? OptionalInt.empty()
                    : OptionalInt.of(Period.between(birthDate, on).getYears());
        }
    }
}
