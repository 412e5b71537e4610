package ua.viche.search;

/**
 * Where a found item stands, in words every module shares so that one facet covers them all: a
 * petition collecting signatures and a problem report being fixed are both {@link #OPEN} or
 * {@link #IN_WORK} to the person searching.
 */
public enum SearchStatus {
    /** Open to take part in: collecting signatures, voting, accepting reports. */
    OPEN,
    /** Being worked on: under consideration, in progress, being implemented. */
    IN_WORK,
    /** Finished with a result: answered, resolved, won and built. */
    DONE,
    /** Finished without one: rejected, expired, lost, a duplicate. */
    CLOSED,
    /** Reference material that has no course: an archive page, a CNAP service, an office. */
    REFERENCE
}
