package ua.viche.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as Ukrainians write them (dd.MM.yyyy, 24-hour), in Kyiv time, on pages of both
 * languages; and the one rule for when a period ends.
 *
 * <p>A period of n days runs from the day it starts (that day counted as its first) to the end of its
 * last day, Kyiv time: a petition published on 06.09 for 90 days collects until the end of 04.12. The
 * end is stored as the last microsecond of the last day (the database keeps microseconds; a value
 * rounded up would be the next day), so the end's {@link #date} is the last day, and a moment is
 * within the period while it is not after the end ({@link #within}).
 */
@Component("dates")
public class Dates {

    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** The end of a day, Kyiv time: its last microsecond. */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(KYIV).toInstant().minusNanos(1_000);
    }

    /** The end of a period of {@code days} days that starts at this moment, its day counted as the first. */
    public static Instant periodEnd(Instant start, int days) {
        return endOfDay(start.atZone(KYIV).toLocalDate().plusDays(days - 1L));
    }

    /** Whether a moment is within a period that ends at {@code end}. */
    public static boolean within(Instant now, Instant end) {
        return !now.isAfter(end);
    }

    /** The day of a moment, Kyiv time. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(KYIV).toLocalDate();
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(KYIV));
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(KYIV));
    }

    /** Machine-readable form for {@code <time datetime>}. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
