package ua.viche.civic.domain;

/** What kind of item a news item is; shown as a label and used as a filter. */
public enum NewsCategory {
    NEWS, ANNOUNCEMENT, OFFICIAL
}
