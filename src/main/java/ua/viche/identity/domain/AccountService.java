package ua.viche.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.AssuranceLevel;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Mailer;
import ua.viche.platform.Refusal;
import ua.viche.platform.Sessions;

/**
 * Local accounts and their life cycle: registration, e-mail confirmation, password reset, change
 * of e-mail, external sign-in (creating or joining a person by tax-number hash) and deletion.
 */
@Service
public class AccountService {

    /** The refusal of an external identity that already belongs to another account. */
    public static final String IDENTITY_CONFLICT = "idgovua.error.conflict";

    static final Duration CONFIRM_VALIDITY = Duration.ofHours(48);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final PersonRepository persons;
    private final ExternalLoginRepository externalLogins;
    private final EmailTokenRepository tokens;
    private final ResidencyRepository residencies;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final ObjectProvider<PersonalData> personalData;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final Sessions sessions;

    AccountService(AccountRepository accounts, PersonRepository persons, ExternalLoginRepository externalLogins,
                   EmailTokenRepository tokens, ResidencyRepository residencies, PasswordEncoder passwords,
                   Mailer mailer, ObjectProvider<PersonalData> personalData, Clock clock, JdbcTemplate jdbc,
                   Sessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.persons = persons;
        this.externalLogins = externalLogins;
        this.tokens = tokens;
        this.residencies = residencies;
        this.passwords = passwords;
        this.mailer = mailer;
        this.personalData = personalData;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Registers an account and mails a confirmation link. If the address is taken, the owner is
     * told by mail instead, and the caller cannot tell the difference (no account enumeration): the
     * answer is the same, and so is the costly work (the password is hashed and a mail written either way).
     */
    @Transactional
    public void register(String email, String password, String name, Locale locale, String baseUrl) {
        String normalised = Account.normalise(email);
        String passwordHash = passwords.encode(password);
        Optional<Account> existing = accounts.findByEmail(normalised);
        if (existing.isPresent()) {
            mailer.send(normalised, locale, "mail.exists", baseUrl + "/account/signin", baseUrl + "/account/reset");
            return;
        }
        Person person = persons.save(Person.unverified());
        Account account = new Account(normalised, passwordHash, name.strip(), person);
        account.setLocale(locale.getLanguage());
        accounts.save(account);
        String token = issue(account, EmailToken.Purpose.CONFIRM, null, CONFIRM_VALIDITY);
        mailer.send(normalised, locale, "mail.confirm", account.getDisplayName(), baseUrl + "/account/confirm?token=" + token);
    }

    /** Confirms the address behind a confirmation link; false if the link is unknown, used or expired. */
    @Transactional
    public boolean confirm(String token) {
        return use(token, EmailToken.Purpose.CONFIRM).map(t -> {
            accounts.findById(t.getAccountId()).ifPresent(a -> a.confirmEmail(Instant.now(clock)));
            return true;
        }).orElse(false);
    }

    /** Sends a new confirmation link to the account's current address. */
    @Transactional
    public void resendConfirmation(long accountId, Locale locale, String baseUrl) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.getEmail() != null && account.getEmailConfirmedAt() == null) {
            String token = issue(account, EmailToken.Purpose.CONFIRM, null, CONFIRM_VALIDITY);
            mailer.send(account.getEmail(), locale, "mail.confirm", account.getDisplayName(),
                    baseUrl + "/account/confirm?token=" + token);
        }
    }

    /**
     * Mails a reset link if the address belongs to an account, else tells the address that no account
     * uses it. The caller learns nothing either way: the same answer, and the same work (a mail written).
     */
    @Transactional
    public void requestReset(String email, Locale locale, String baseUrl) {
        String normalised = Account.normalise(email);
        Optional<Account> found = accounts.findByEmail(normalised);
        if (found.isEmpty()) {
            mailer.send(normalised, locale, "mail.resetUnknown", baseUrl + "/account/register");
            return;
        }
        Account account = found.get();
        String token = issue(account, EmailToken.Purpose.RESET, null, RESET_VALIDITY);
        mailer.send(normalised, locale, "mail.reset", account.getDisplayName(), baseUrl + "/account/reset/confirm?token=" + token);
    }

    /** Whether a reset link is still usable (to show the form or an error). */
    @Transactional(readOnly = true)
    public boolean resetUsable(String token) {
        return tokens.findByTokenHash(hash(token)).map(t -> t.usable(EmailToken.Purpose.RESET, Instant.now(clock))).orElse(false);
    }

    /**
     * Sets a new password through a reset link; the link also confirms the address. Every session
     * the account is signed in with ends, except the caller's own ({@code keepSessionId}, may be null).
     */
    @Transactional
    public boolean reset(String token, String newPassword, @Nullable String keepSessionId) {
        return use(token, EmailToken.Purpose.RESET).map(t -> {
            Account account = accounts.findById(t.getAccountId()).orElseThrow();
            account.changePassword(passwords.encode(newPassword));
            if (account.getEmailConfirmedAt() == null) {
                account.confirmEmail(Instant.now(clock));
            }
            sessions.endAllOf(account.getId(), keepSessionId);
            return true;
        }).orElse(false);
    }

    /**
     * Changes the password of a signed-in account that knows its current one; every other session
     * the account is signed in with ends ({@code keepSessionId}: the caller's own). False if the
     * current password is wrong or the account has none (it signs in through a provider).
     */
    @Transactional
    public boolean changePassword(long accountId, String currentPassword, String newPassword, @Nullable String keepSessionId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.getPasswordHash() == null || !passwords.matches(currentPassword, account.getPasswordHash())) {
            return false;
        }
        account.changePassword(passwords.encode(newPassword));
        sessions.endAllOf(accountId, keepSessionId);
        return true;
    }

    /** Starts a change of address: a link goes to the new address; the old one is told. */
    @Transactional
    public boolean requestEmailChange(long accountId, String newEmail, Locale locale, String baseUrl) {
        String normalised = Account.normalise(newEmail);
        Account account = accounts.findById(accountId).orElseThrow();
        if (accounts.findByEmail(normalised).isPresent()) {
            return false;
        }
        String token = issue(account, EmailToken.Purpose.CHANGE_EMAIL, normalised, CONFIRM_VALIDITY);
        mailer.send(normalised, locale, "mail.changeEmail", account.getDisplayName(),
                baseUrl + "/account/email/confirm?token=" + token);
        if (account.getEmail() != null) {
            mailer.send(account.getEmail(), locale, "mail.changeEmailNotice", account.getDisplayName(), normalised);
        }
        return true;
    }

    /** Completes a change of address; false if the link is bad or the address got taken meanwhile. */
    @Transactional
    public boolean confirmEmailChange(String token) {
        return use(token, EmailToken.Purpose.CHANGE_EMAIL).map(t -> {
            String newEmail = t.getNewEmail();
            if (newEmail == null || accounts.findByEmail(newEmail).isPresent()) {
                return false;
            }
            accounts.findById(t.getAccountId()).orElseThrow().changeEmail(newEmail, Instant.now(clock));
            return true;
        }).orElse(false);
    }

    /**
     * The person with this tax-number hash, or a new verified person without an account (recorded by
     * an official who saw the person's documents, e.g. for a paper vote at a CNAP).
     */
    @Transactional
    public Person personByTaxHash(VerifiedIdentity identity) {
        return persons.findByTaxHash(Objects.requireNonNull(identity.taxHash())).orElseGet(() -> {
            Person p = Person.unverified();
            p.verify(identity, Instant.now(clock));
            return persons.save(p);
        });
    }

    /**
     * Signs in with an identity vouched for by an external provider. The account is found by the
     * provider's subject, else by the person's tax-number hash, else created. If someone is
     * already signed in, the identity is attached to their account instead.
     *
     * @throws Refusal {@link #IDENTITY_CONFLICT} when the identity already belongs to another account
     */
    @Transactional
    public Account signInExternal(VerifiedIdentity identity, @Nullable Long signedInAccountId) {
        Instant now = Instant.now(clock);
        Optional<Account> byLogin = externalLogins.findByProviderAndSubject(identity.provider(), identity.subject())
                .flatMap(l -> accounts.findById(l.getAccountId()));
        Optional<Person> byTax = identity.taxHash() == null ? Optional.empty() : persons.findByTaxHash(identity.taxHash());
        Optional<Account> known = byLogin.or(() -> byTax.flatMap(p -> accounts.findByPersonId(p.getId())));

        if (signedInAccountId != null) {
            Account current = accounts.findById(signedInAccountId).orElseThrow();
            if (known.isPresent() && !known.get().getId().equals(current.getId())) {
                throw Refusal.conflict(IDENTITY_CONFLICT);
            }
            attach(current, identity, now);
            return current;
        }
        if (known.isPresent()) {
            attach(known.get(), identity, now);
            return known.get();
        }
        // a person recorded without an account (a paper vote at a CNAP) gets the account
        Person person = byTax.orElseGet(() -> persons.save(Person.unverified()));
        String email = identity.email() != null && accounts.findByEmail(Account.normalise(identity.email())).isEmpty()
                ? identity.email() : null;
        Account account = accounts.save(new Account(email, null, identity.displayName(), person));
        if (email != null) {
            account.confirmEmail(now);
        }
        attach(account, identity, now);
        return account;
    }

    private void attach(Account account, VerifiedIdentity identity, Instant now) {
        if (identity.verified()) {
            account.getPerson().verify(identity, now);
            account.rename(identity.displayName());
        }
        if (externalLogins.findByProviderAndSubject(identity.provider(), identity.subject()).isEmpty()) {
            externalLogins.save(new ExternalLogin(account.getId(), identity.provider(), identity.subject()));
        }
    }

    /**
     * Deletes the account: every module's {@link PersonalData} erases what it holds, in this
     * transaction (a failure anywhere leaves the account whole); sign-in data, tokens, roles and
     * declarations go; the person row is anonymised and stays, so that signatures and votes already
     * counted stay counted. Returns what the modules kept as the law requires.
     */
    @Transactional
    public List<PersonalData.Erasure> delete(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        Person person = account.getPerson();
        AccountDeleted deleted = new AccountDeleted(accountId, person.getId(), account.getEmail());
        List<PersonalData.Erasure> kept = personalData.orderedStream().map(p -> p.erase(deleted))
                .filter(e -> !e.keptRecords().isEmpty()).toList();
        if (account.getEmail() != null) {
            mailer.forget(account.getEmail());
        }
        residencies.deleteByPersonId(person.getId());
        accounts.delete(account);
        person.anonymise();
        return kept;
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long accountId) {
        return accounts.findById(accountId);
    }

    /**
     * The account and its person as plain values, read in one statement of plain SQL without an
     * entity manager: signing and voting ask this on every counted action (decision 0025). Reads
     * what is committed, so not a change made through JPA in the caller's unflushed transaction.
     */
    public Optional<Summary> summary(long accountId) {
        return summaries("a.id = ?", accountId).stream().findFirst();
    }

    /** The accounts with these e-mail addresses, as {@link #summary}, in one statement (demo data in bulk). */
    public List<Summary> summaries(Collection<String> emails) {
        return summaries("a.email = any (?)", (Object) emails.stream().map(Account::normalise).toArray(String[]::new));
    }

    /** The e-mail addresses and languages of the accounts of these persons (those with an address). */
    public List<Contact> contacts(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select a.person_id, a.email, a.locale from account a where a.person_id = any (?) and a.email is not null"
                + " order by a.person_id", (rs, i) -> new Contact(rs.getLong(1), rs.getString(2), rs.getString(3)),
                (Object) personIds.toArray(Long[]::new));
    }

    /** Where to write to a person, and in which language. */
    public record Contact(long personId, String email, String locale) {}

    private List<Summary> summaries(String where, Object argument) {
        return jdbc.query("select a.id, a.email, a.display_name, a.email_confirmed_at is not null, p.id, p.verified_at is not null,"
                + " p.last_name, p.given_name, p.middle_name, p.birth_date, p.tax_hash, p.katottg"
                + " from account a join person p on p.id = a.person_id where " + where, (rs, i) -> {
                    boolean verified = rs.getBoolean(6);
                    long personId = rs.getLong(5);
                    return new Summary(rs.getLong(1), personId, rs.getString(2),
                            verified ? Person.fullName(rs.getString(7), rs.getString(8), rs.getString(9)) : rs.getString(3),
                            Account.assurance(verified, rs.getBoolean(4)), rs.getObject(10, LocalDate.class),
                            new ResidencyService.Claim(personId, rs.getString(11), verified ? rs.getString(12) : null));
                }, argument);
    }

    /**
     * An account as other modules see it: the name to show (the verified full name, else the name
     * the account gave), its level, and what its residency is decided from.
     */
    public record Summary(long accountId, long personId, @Nullable String email, String name, AssuranceLevel level,
                          @Nullable LocalDate birthDate, ResidencyService.Claim residency) {}

    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(Account.normalise(email));
    }

    private String issue(Account account, EmailToken.Purpose purpose, @Nullable String newEmail, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new EmailToken(account.getId(), purpose, hash(token), newEmail, Instant.now(clock).plus(validity)));
        return token;
    }

    private Optional<EmailToken> use(String token, EmailToken.Purpose purpose) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return tokens.lockByTokenHash(hash(token)).filter(t -> t.usable(purpose, now)).map(t -> {
            t.use(now);
            return t;
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
