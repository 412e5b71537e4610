package ua.viche.problems.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a report stands: new → acknowledged → in progress → resolved | rejected | duplicate. */
public enum ProblemStatus {
    NEW, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, REJECTED, DUPLICATE;

    public static final Set<ProblemStatus> OPEN = EnumSet.of(NEW, ACKNOWLEDGED, IN_PROGRESS);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** Whether an official may move a report from this state to the other (closed states are final). */
    public boolean canMoveTo(ProblemStatus next) {
        return open() && next.ordinal() > ordinal();
    }

    /** The Open311 status: {@code open} or {@code closed}. */
    public String open311() {
        return open() ? "open" : "closed";
    }
}
