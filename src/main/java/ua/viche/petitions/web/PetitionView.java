package ua.viche.petitions.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import ua.viche.petitions.domain.Petition;
import ua.viche.platform.RichText;

/**
 * What pages and the API show of a petition (never the entity itself). {@code collecting} is the
 * petition's own rule at the moment shown ({@link Petition#collecting}): its period may have ended
 * before the expiry job has closed it, and then it takes no signature and offers none.
 */
public record PetitionView(long id, String title, String text, String status, String authorName,
                           int signatureCount, int threshold, int progressPercent, long daysLeft,
                           @Nullable Instant submittedAt, @Nullable Instant moderationDueAt,
                           @Nullable Instant publishedAt, @Nullable Instant collectionEndsAt,
                           @Nullable Instant thresholdReachedAt, @Nullable Instant answerDueAt,
                           @Nullable String answerOutcome, @Nullable String answerText, @Nullable String answerDocumentUrl,
                           @Nullable Instant answeredAt, @Nullable String rejectionReason, boolean hidden,
                           boolean answerOverdue, boolean moderationOverdue, String url, boolean collecting) {

    private static final RichText RICH_TEXT = new RichText();

    static PetitionView of(Petition p, Instant now, String communitySlug) {
        int threshold = p.getThreshold() == null ? 0 : p.getThreshold();
        int progress = threshold == 0 ? 0 : (int) Math.min(100, p.getSignatureCount() * 100L / threshold);
        return new PetitionView(p.getId(), p.getTitle(), p.getText(), p.getStatus().name(), p.getAuthorName(),
                p.getSignatureCount(), threshold, progress, p.daysLeft(now), p.getSubmittedAt(), p.getModerationDueAt(),
                p.getPublishedAt(), p.getCollectionEndsAt(), p.getThresholdReachedAt(), p.getAnswerDueAt(),
                p.getAnswerOutcome() == null ? null : p.getAnswerOutcome().name(), p.getAnswerText(), p.getAnswerDocumentUrl(), p.getAnsweredAt(), p.getRejectionReason(), p.getHiddenAt() != null,
                p.answerOverdue(now), p.moderationOverdue(now), "/" + communitySlug + "/petitions/" + p.slug(),
                p.collecting(now));
    }

    /** The text as cleaned HTML, rendered only when a page shows it (not for lists and exports). */
    public String textHtml() {
        return RICH_TEXT.html(text);
    }

    public @Nullable String answerHtml() {
        return answerText == null ? null : RICH_TEXT.html(answerText);
    }
}
