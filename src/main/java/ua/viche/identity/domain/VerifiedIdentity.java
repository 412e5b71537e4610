package ua.viche.identity.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an external identity provider vouched for; the tax number arrives already hashed. {@code katottg}
 * is the KATOTTG code of the address, when the provider gave a well-formed one.
 */
public record VerifiedIdentity(String provider, String subject, @Nullable String taxHash, @Nullable String lastName,
                               @Nullable String givenName, @Nullable String middleName, @Nullable String email,
                               @Nullable String address, boolean verified, @Nullable LocalDate birthDate,
                               @Nullable String katottg) {

    public VerifiedIdentity {
        katottg = katottg == null || !Settlement.validCode(katottg) ? null : katottg.strip();
    }

    public VerifiedIdentity(String provider, String subject, @Nullable String taxHash, @Nullable String lastName,
                            @Nullable String givenName, @Nullable String middleName, @Nullable String email,
                            @Nullable String address, boolean verified, @Nullable LocalDate birthDate) {
        this(provider, subject, taxHash, lastName, givenName, middleName, email, address, verified, birthDate, null);
    }

    public VerifiedIdentity(String provider, String subject, @Nullable String taxHash, @Nullable String lastName,
                            @Nullable String givenName, @Nullable String middleName, @Nullable String email,
                            @Nullable String address, boolean verified) {
        this(provider, subject, taxHash, lastName, givenName, middleName, email, address, verified, null);
    }

    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? (email == null ? provider : email) : name;
    }
}
