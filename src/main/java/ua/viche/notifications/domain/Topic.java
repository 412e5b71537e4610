package ua.viche.notifications.domain;

/** What a person may follow: what is their own in other modules, and what concerns the whole community. */
public enum Topic {
    OWN_PETITIONS, OWN_APPEALS, OWN_BOOKINGS, OWN_PROJECTS, OWN_PROBLEMS, NEWS, CONSULTATIONS, ALERTS;

    /** Whether a message of this topic may wake a person in their quiet hours (civil-protection alerts only). */
    public boolean ignoresQuietHours() {
        return this == ALERTS;
    }
}
