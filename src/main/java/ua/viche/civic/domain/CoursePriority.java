package ua.viche.civic.domain;

/**
 * The vulnerable groups a community may give priority on its digital-literacy courses (setting
 * {@code civic.coursePriorityGroups}). A person says which group they belong to when they register
 * (or the hotline operator asks them); the group's staff check it at the first lesson. Age is
 * checked at once when the person's date of birth is known.
 */
public enum CoursePriority {
    OLDER_PEOPLE, DISABILITY, IDP, VETERANS, LARGE_FAMILIES;

    /** The age from which a person belongs to {@link #OLDER_PEOPLE}. */
    public static final int OLDER_FROM = 60;
}
