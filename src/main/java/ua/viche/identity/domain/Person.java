package ua.viche.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A human being. Several accounts' sign-ins lead to one person when the tax number matches. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Keyed hash of the РНОКПП; the number itself is never stored. */
    private @Nullable String taxHash;
    private @Nullable String lastName;
    private @Nullable String givenName;
    private @Nullable String middleName;
    private @Nullable String address;
    /** KATOTTG code of the verified address, as the identity provider gave it. */
    private @Nullable String katottg;
    private @Nullable Instant verifiedAt;
    private @Nullable String verifiedBy;
    private @Nullable LocalDate birthDate;
    private Instant createdAt = Instant.now();

    protected Person() {}

    public static Person unverified() {
        return new Person();
    }

    public void verify(VerifiedIdentity identity, Instant at) {
        this.taxHash = identity.taxHash();
        this.lastName = identity.lastName();
        this.givenName = identity.givenName();
        this.middleName = identity.middleName();
        this.address = identity.address();
        this.katottg = identity.katottg();
        this.verifiedAt = at;
        this.verifiedBy = identity.provider();
        if (identity.birthDate() != null) {
            this.birthDate = identity.birthDate();
        }
    }

    /** Removes what identifies the person; the row stays so that counted actions stay counted. */
    public void anonymise() {
        taxHash = null;
        lastName = null;
        givenName = null;
        middleName = null;
        address = null;
        katottg = null;
        birthDate = null;
    }

    public @Nullable LocalDate getBirthDate() { return birthDate; }

    public boolean verified() { return verifiedAt != null; }

    public String fullName() {
        return fullName(lastName, givenName, middleName);
    }

    /** Last, given and middle name as one, leaving out the parts not known. */
    static String fullName(@Nullable String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(part);
            }
        }
        return b.toString();
    }

    public Long getId() { return id; }
    public @Nullable String getTaxHash() { return taxHash; }
    public @Nullable String getLastName() { return lastName; }
    public @Nullable String getGivenName() { return givenName; }
    public @Nullable String getMiddleName() { return middleName; }
    public @Nullable String getAddress() { return address; }
    public @Nullable String getKatottg() { return katottg; }
    public @Nullable Instant getVerifiedAt() { return verifiedAt; }
    public @Nullable String getVerifiedBy() { return verifiedBy; }
}
