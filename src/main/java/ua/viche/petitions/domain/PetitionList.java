package ua.viche.petitions.domain;

import java.util.EnumSet;
import java.util.Set;

/** The public lists of petitions. */
public enum PetitionList {
    ACTIVE(EnumSet.of(Petition.Status.COLLECTING)),
    CONSIDERATION(EnumSet.of(Petition.Status.CONSIDERATION)),
    ANSWERED(EnumSet.of(Petition.Status.ANSWERED)),
    ARCHIVED(EnumSet.of(Petition.Status.EXPIRED));

    private final Set<Petition.Status> statuses;

    PetitionList(Set<Petition.Status> statuses) {
        this.statuses = statuses;
    }

    public Set<Petition.Status> statuses() {
        return statuses;
    }

    public static PetitionList parse(String value) {
        for (PetitionList l : values()) {
            if (l.name().equalsIgnoreCase(value)) {
                return l;
            }
        }
        return ACTIVE;
    }
}
