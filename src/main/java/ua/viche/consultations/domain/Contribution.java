package ua.viche.consultations.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a person wrote on a section: a comment, an amendment (new wording of the section, with the
 * reason for it, its word-level difference from the section and its supports and objections) or a
 * reply to either. A hidden one keeps its place but not its text on public pages.
 */
public record Contribution(long id, long sectionId, @Nullable Long parentId, Kind kind, long personId, String authorName,
                           String text, @Nullable String proposedText, Instant createdAt, boolean hidden,
                           @Nullable Decision decision, @Nullable String decisionReason, @Nullable Instant decidedAt,
                           int supports, int objections, List<WordDiff.Piece> diff, List<Contribution> replies) {

    public enum Kind { COMMENT, PROPOSAL, REPLY }

    /** An official's decision on an amendment. */
    public enum Decision { TAKEN, PARTLY, NOT_TAKEN }

    public static final int MAX_TEXT = 5_000;
    public static final int MAX_PROPOSAL = 50_000;

    public boolean proposal() {
        return kind == Kind.PROPOSAL;
    }

    public boolean decided() {
        return decision != null;
    }

    Contribution withReplies(List<Contribution> r) {
        return new Contribution(id, sectionId, parentId, kind, personId, authorName, text, proposedText, createdAt, hidden,
                decision, decisionReason, decidedAt, supports, objections, diff, List.copyOf(r));
    }

    Contribution withDiff(List<WordDiff.Piece> d) {
        return new Contribution(id, sectionId, parentId, kind, personId, authorName, text, proposedText, createdAt, hidden,
                decision, decisionReason, decidedAt, supports, objections, List.copyOf(d), replies);
    }
}
