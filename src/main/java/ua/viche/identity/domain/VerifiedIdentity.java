package ua.viche.identity.domain;

import org.jspecify.annotations.Nullable;

/** What an external identity provider vouched for; the tax number arrives already hashed. */
public record VerifiedIdentity(String provider, String subject, @Nullable String taxHash, @Nullable String lastName,
                               @Nullable String givenName, @Nullable String middleName, @Nullable String email,
                               @Nullable String address, boolean verified) {

    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? (email == null ? provider : email) : name;
    }
}
