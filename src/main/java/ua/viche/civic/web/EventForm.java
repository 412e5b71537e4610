package ua.viche.civic.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ua.viche.civic.domain.EventInput;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;

/**
 * The event form as an {@link EventInput}: the day and times in Kyiv time, the organisation (its id,
 * optional), the place's point (latitude and longitude in decimal degrees, optional), and the
 * programme one session a line, {@code 10:00-11:30 | Назва | Title | Спікери} (title in English and
 * speakers optional).
 */
final class EventForm {

    private EventForm() {}

    static EventInput read(Map<String, String> f) {
        LocalDate day = date(f.getOrDefault("day", ""));
        Instant starts = at(day, time(f.getOrDefault("startTime", ""), "startTime"));
        Instant ends = at(day, time(f.getOrDefault("endTime", ""), "endTime"));
        int seats;
        try {
            seats = Integer.parseInt(f.getOrDefault("seats", "").strip());
        } catch (NumberFormatException e) {
            throw Refusal.field("seats", "civic.error.seats");
        }
        return new EventInput(f.getOrDefault("titleUk", ""), f.getOrDefault("titleEn", ""), f.getOrDefault("summaryUk", ""),
                f.getOrDefault("summaryEn", ""), starts, ends, f.get("place"), f.get("onlineUrl"), seats,
                organisation(f.getOrDefault("organisation", "")), programme(day, f.getOrDefault("programme", "")),
                coordinate(f.getOrDefault("latitude", "")), coordinate(f.getOrDefault("longitude", "")));
    }

    private static @Nullable Long organisation(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw Refusal.field("organisation", "civic.error.eventOrganisation");
        }
    }

    /** A latitude or longitude in decimal degrees, a comma accepted for the point. */
    private static @Nullable Double coordinate(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip().replace(',', '.'));
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.field("latitude", "civic.error.point");
    }

    private static List<EventInput.Session> programme(LocalDate day, String text) {
        List<EventInput.Session> sessions = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            String[] times = parts[0].strip().split("\\s*[-–]\\s*");
            if (parts.length < 2 || times.length != 2) {
                throw Refusal.field("programme", "civic.error.programmeLine", line.strip());
            }
            sessions.add(new EventInput.Session(at(day, time(times[0], "programme")), at(day, time(times[1], "programme")),
                    parts[1].strip(), parts.length > 2 ? parts[2].strip() : "", parts.length > 3 ? parts[3].strip() : ""));
        }
        return sessions;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field("day", "civic.error.day");
        }
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field(field, "civic.error.time");
        }
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, Dates.KYIV).toInstant();
    }
}
