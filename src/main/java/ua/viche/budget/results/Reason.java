package ua.viche.budget.results;

/** Why a project won or did not. */
public enum Reason {
    /** Won under {@link Method#GREEDY} or {@link Method#APPROVAL_LIMIT}. */
    WON_BY_VOTES,
    /** Won in the equal-shares phase: its supporters' shares paid for it. */
    WON_EQUAL_SHARES,
    /** Won in the greedy completion after the equal-shares phase. */
    WON_COMPLETION,
    /** Equal shares: its supporters' shares could not pay for it, nor did it fit in the money left. */
    NOT_AFFORDABLE,
    /** It did not fit in the money left when its turn came (or costs more than the whole budget). */
    OVER_BUDGET,
    /** {@link Method#APPROVAL_LIMIT}: it fitted, but the limit of winners was already reached. */
    OVER_PROJECT_LIMIT,
    /** Nobody voted for it; such a project never wins. */
    NO_VOTES
}
