package ua.viche.identity;

/**
 * Whether the signed-in person may take an action that counts people in a community: the level
 * the community requires, and residency if it requires that. {@link #reasonKey()} names the
 * message that tells the user what is missing.
 */
public record Eligibility(boolean signedIn, AssuranceLevel level, AssuranceLevel required,
                          boolean resident, boolean residencyRequired) {

    public boolean allowed() {
        return signedIn && level.atLeast(required) && (resident || !residencyRequired);
    }

    public String reasonKey() {
        if (!signedIn) {
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
