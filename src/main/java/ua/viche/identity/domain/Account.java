package ua.viche.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ua.viche.identity.AssuranceLevel;

/** A way to sign in: e-mail and password and/or external logins, leading to one person. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private @Nullable String email;
    private @Nullable String passwordHash;
    private String displayName;
    private @Nullable Instant emailConfirmedAt;

    @OneToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    private boolean platformAdmin;
    private String locale = "uk";
    private Instant createdAt = Instant.now();

    protected Account() {}

    public Account(@Nullable String email, @Nullable String passwordHash, String displayName, Person person) {
        this.email = email == null ? null : normalise(email);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.person = person;
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public AssuranceLevel assurance() {
        return assurance(person.verified(), emailConfirmedAt != null);
    }

    /** The level of an account whose person is verified or not and whose e-mail is confirmed or not. */
    static AssuranceLevel assurance(boolean verified, boolean emailConfirmed) {
        if (verified) {
            return AssuranceLevel.VERIFIED;
        }
        return emailConfirmed ? AssuranceLevel.EMAIL_CONFIRMED : AssuranceLevel.NONE;
    }

    public void confirmEmail(Instant at) { emailConfirmedAt = at; }

    public void changeEmail(String newEmail, Instant at) {
        email = normalise(newEmail);
        emailConfirmedAt = at;
    }

    public void changePassword(String hash) { passwordHash = hash; }

    public void rename(String name) { displayName = name; }

    public void linkPerson(Person person) { this.person = person; }

    public void makePlatformAdmin() { platformAdmin = true; }

    public void revokePlatformAdmin() { platformAdmin = false; }

    /** Addresses in this domain belong to demo accounts, which exist only while the demo is on. */
    public static final String DEMO_DOMAIN = ".demo";

    /** A demo account (staff or resident made by the demo data): its address is in the {@value #DEMO_DOMAIN} domain. */
    public boolean isDemo() {
        return email != null && email.endsWith(DEMO_DOMAIN);
    }

    public void setLocale(String locale) { this.locale = locale; }

    public Long getId() { return id; }
    public @Nullable String getEmail() { return email; }
    public @Nullable String getPasswordHash() { return passwordHash; }
    public String getDisplayName() { return displayName; }
    public @Nullable Instant getEmailConfirmedAt() { return emailConfirmedAt; }
    public Person getPerson() { return person; }
    public boolean isPlatformAdmin() { return platformAdmin; }
    public String getLocale() { return locale; }
    public Instant getCreatedAt() { return createdAt; }
}
