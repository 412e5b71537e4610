package ua.viche.identity;

/** How sure the platform is of who the person is. Actions that count people require a level. */
public enum AssuranceLevel {
    /** Signed in, e-mail not yet confirmed. */
    NONE,
    /** E-mail address confirmed by a link. */
    EMAIL_CONFIRMED,
    /** Identity verified by an external provider (ID.GOV.UA: КЕП, BankID, Дія.Підпис). */
    VERIFIED;

    public boolean atLeast(AssuranceLevel required) {
        return ordinal() >= required.ordinal();
    }
}
