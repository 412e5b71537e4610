package ua.viche.budget.results;

import java.time.Instant;
import java.util.Objects;

/**
 * A project competing in one category: cost in kopecks (hryvnia × 100, positive), and its
 * submission moment for tie-breaks.
 */
public record Candidate(long projectId, long cost, Instant submittedAt) {

    public Candidate {
        if (cost <= 0) {
            throw new IllegalArgumentException(
                    "Project " + projectId + " has cost " + cost + "; a cost must be positive (kopecks)");
        }
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
