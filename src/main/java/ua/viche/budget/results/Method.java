package ua.viche.budget.results;

/** How the winners of a budget category are chosen; see {@link Results}. */
public enum Method {
    /** Most votes first; each project that still fits in the money left wins. */
    GREEDY,
    /** Like {@link #GREEDY}, but with at most a given number of winners. */
    APPROVAL_LIMIT,
    /** The Method of Equal Shares (cost utilities), completed by the greedy rule. */
    EQUAL_SHARES
}
