package ua.viche.civic.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;

/**
 * What staff write for a news item: the category, Ukrainian title and body (required) and their
 * English versions (optional), a short summary, the moment of publication (now or later), whether it
 * is pinned, and the picture's text alternative (required with a picture).
 */
public record NewsInput(@Nullable NewsCategory category, String titleUk, String titleEn, String summaryUk, String summaryEn,
                        String bodyUk, String bodyEn, @Nullable Instant publishAt, boolean pinned, String imageAltUk,
                        String imageAltEn) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 600;
    public static final int MAX_BODY = 50_000;
    public static final int MAX_ALT = 300;

    public NewsInput {
        titleUk = titleUk.strip();
        titleEn = titleEn.strip();
        summaryUk = summaryUk.strip();
        summaryEn = summaryEn.strip();
        bodyUk = bodyUk.strip();
        bodyEn = bodyEn.strip();
        imageAltUk = imageAltUk.strip();
        imageAltEn = imageAltEn.strip();
    }

    /** Every fault at once; nothing is saved when there is any. {@code picture}: whether the item has or gets a picture. */
    void check(boolean picture) {
        List<Refusal.Fault> faults = new ArrayList<>();
        if (category == null) {
            faults.add(Refusal.Fault.of("category", "civic.news.error.category"));
        }
        if (titleUk.isEmpty() || titleUk.length() > MAX_TITLE || titleEn.length() > MAX_TITLE) {
            faults.add(Refusal.Fault.of("titleUk", "civic.news.error.title", MAX_TITLE));
        }
        if (summaryUk.length() > MAX_SUMMARY || summaryEn.length() > MAX_SUMMARY) {
            faults.add(Refusal.Fault.of("summaryUk", "civic.news.error.summary", MAX_SUMMARY));
        }
        if (bodyUk.isEmpty() || bodyUk.length() > MAX_BODY || bodyEn.length() > MAX_BODY) {
            faults.add(Refusal.Fault.of("bodyUk", "civic.news.error.body"));
        }
        if (!titleEn.isEmpty() && bodyEn.isEmpty()) {
            faults.add(Refusal.Fault.of("bodyEn", "civic.news.error.bodyEn"));
        }
        if (picture && imageAltUk.isEmpty()) {
            faults.add(Refusal.Fault.of("imageAltUk", "civic.news.error.alt"));
        }
        if (imageAltUk.length() > MAX_ALT || imageAltEn.length() > MAX_ALT) {
            faults.add(Refusal.Fault.of("imageAltUk", "civic.news.error.altLong", MAX_ALT));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
    }
}
