package ua.viche.civic.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ua.viche.civic.domain.NewsCategory;
import ua.viche.civic.domain.NewsInput;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;

/**
 * The staff's news form as a {@link NewsInput}: the moment of publication as a day and a time in
 * Kyiv time (both empty: now; a day alone: its start).
 */
final class NewsForm {

    private NewsForm() {}

    static NewsInput read(Map<String, String> f) {
        return new NewsInput(category(f.getOrDefault("category", "")), f.getOrDefault("titleUk", ""), f.getOrDefault("titleEn", ""),
                f.getOrDefault("summaryUk", ""), f.getOrDefault("summaryEn", ""), f.getOrDefault("bodyUk", ""), f.getOrDefault("bodyEn", ""),
                moment(f.getOrDefault("publishDay", ""), f.getOrDefault("publishTime", "")), "true".equals(f.get("pinned")),
                f.getOrDefault("imageAltUk", ""), f.getOrDefault("imageAltEn", ""));
    }

    private static @Nullable NewsCategory category(String text) {
        try {
            return text.isBlank() ? null : NewsCategory.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Instant moment(String day, String time) {
        if (day.isBlank() && time.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field("publishDay", "civic.news.error.day");
        }
        LocalTime t;
        try {
            t = time.isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field("publishTime", "civic.news.error.time");
        }
        return ZonedDateTime.of(d, t, Dates.KYIV).toInstant();
    }
}
