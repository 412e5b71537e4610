package ua.viche.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whether the signed-in person may take an action that counts people in a community: who they
 * are ({@code person}, null for a visitor), the level the community requires, and residency if it
 * requires that. {@link #reasonKey()} names the message that tells the user what is missing.
 * {@code declaredResidency} is true when the person is a resident only by their own declaration of
 * an address (not a verified address or the census list), which counted actions record and show.
 */
public record Eligibility(Identity.@Nullable PersonRef person, AssuranceLevel level, AssuranceLevel required,
                          boolean resident, boolean residencyRequired, boolean declaredResidency) {

    public Eligibility(Identity.@Nullable PersonRef person, AssuranceLevel level, AssuranceLevel required,
                       boolean resident, boolean residencyRequired) {
        this(person, level, required, resident, residencyRequired, false);
    }

    /** Whether what is missing is residency alone (the page then explains how to declare an address). */
    public boolean residencyMissing() {
        return signedIn() && level.atLeast(required) && residencyRequired && !resident;
    }

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
