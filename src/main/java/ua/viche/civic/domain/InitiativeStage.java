package ua.viche.civic.domain;

import ua.viche.search.SearchStatus;

/** Where an initiative stands: proposed, under review, in progress, implemented or declined. */
public enum InitiativeStage {
    PROPOSED, UNDER_REVIEW, IN_PROGRESS, IMPLEMENTED, DECLINED;

    /** Whether the initiative's course is over (no more supporters are collected). */
    public boolean finished() {
        return this == IMPLEMENTED || this == DECLINED;
    }

    SearchStatus searchStatus() {
        return switch (this) {
            case PROPOSED -> SearchStatus.OPEN;
            case UNDER_REVIEW, IN_PROGRESS -> SearchStatus.IN_WORK;
            case IMPLEMENTED -> SearchStatus.DONE;
            case DECLINED -> SearchStatus.CLOSED;
        };
    }
}
