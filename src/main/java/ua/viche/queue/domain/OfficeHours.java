package ua.viche.queue.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Opening hours of an office by day of the week, written as {@code mon=08:00-17:00;sat=08:00-15:00}
 * (days without an entry are closed).
 */
public record OfficeHours(Map<DayOfWeek, Span> days) {

    /** Opening and closing time of one day. */
    public record Span(LocalTime open, LocalTime close) {
        public Span {
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("closing time must be after opening time");
            }
        }
    }

    public static OfficeHours parse(String text) {
        Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.strip().split("=");
            String[] times = kv[1].strip().split("-");
            days.put(day(kv[0].strip()), new Span(LocalTime.parse(times[0].strip()), LocalTime.parse(times[1].strip())));
        }
        return new OfficeHours(days);
    }

    public Span on(DayOfWeek day) {
        return days.get(day);
    }

    public boolean opensOn(DayOfWeek day) {
        return days.containsKey(day);
    }

    public String format() {
        return days.entrySet().stream().map(e -> e.getKey().name().substring(0, 3).toLowerCase(Locale.ROOT) + "="
                + e.getValue().open() + "-" + e.getValue().close()).collect(Collectors.joining(";"));
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day " + s);
    }
}
