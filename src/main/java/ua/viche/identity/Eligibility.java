package ua.viche.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whether the signed-in person may take an action that counts people in a community: who they
 * are ({@code person}, null for a visitor), the level the community requires, and residency if it
 * requires that. {@link #reasonKey()} names the message that tells the user what is missing.
 */
public record Eligibility(Identity.@Nullable PersonRef person, AssuranceLevel level, AssuranceLevel required,
                          boolean resident, boolean residencyRequired) {

    public boolean signedIn() {
        return person != null;
    }

    public boolean allowed() {
        return signedIn() && level.atLeast(required) && (resident || !residencyRequired);
    }

    /** The signed-in person; a visitor is sent to sign in. */
    public Identity.PersonRef signedInPerson() {
        if (person == null) {
            throw new AccessDeniedException("sign in");
        }
        return person;
    }

    public String reasonKey() {
        if (!signedIn()) {
            return "eligibility.signIn";
        }
        if (!level.atLeast(required)) {
            return required == AssuranceLevel.VERIFIED ? "eligibility.verify" : "eligibility.confirmEmail";
        }
        if (residencyRequired && !resident) {
            return "eligibility.residency";
        }
        return "eligibility.ok";
    }
}
