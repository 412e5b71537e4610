package ua.viche.consultations.domain;

import java.util.Locale;

/** The public lists of consultations: open (or announced), closed and awaiting the report, with the report. */
public enum ConsultationList {
    OPEN, AWAITING, REPORTED;

    /** The list named in an address; an unknown name is the open list. */
    public static ConsultationList parse(String name) {
        for (ConsultationList l : values()) {
            if (l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        return OPEN;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
