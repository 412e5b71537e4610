package ua.viche.geo.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Opening hours in the common subset of the OpenStreetMap notation: {@code 24/7}, or rules
 * separated by {@code ;}, each days ({@code Mo-Fr}, {@code Sa,Su}, {@code Mo}) and times
 * ({@code 08:00-17:00}, {@code 08:00-12:00,13:00-17:00}) or {@code off}. A later rule replaces an
 * earlier one for its days. An interval may end at 24:00.
 */
public final class OpeningHours {

    private static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

    private record Interval(LocalTime from, @Nullable LocalTime to) { // to null: midnight

        boolean contains(LocalTime t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    /** Whether it is open at a moment and, if it is, when it closes (null: at midnight or later); if not, when it opens today. */
    public record State(boolean open, @Nullable LocalTime closes, @Nullable LocalTime opens) {}

    private final boolean always;
    private final Map<DayOfWeek, List<Interval>> week;

    private OpeningHours(boolean always, Map<DayOfWeek, List<Interval>> week) {
        this.always = always;
        this.week = week;
    }

    public static Optional<OpeningHours> parse(String text) {
        String t = text.strip();
        if (t.equals("24/7")) {
            return Optional.of(new OpeningHours(true, Map.of()));
        }
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        try {
            for (String rule : t.split(";")) {
                String r = rule.strip();
                int space = r.indexOf(' ');
                if (space < 0) {
                    return Optional.empty();
                }
                List<DayOfWeek> days = days(r.substring(0, space).strip());
                List<Interval> intervals = intervals(r.substring(space + 1).strip());
                for (DayOfWeek d : days) {
                    week.put(d, intervals);
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return week.isEmpty() ? Optional.empty() : Optional.of(new OpeningHours(false, week));
    }

    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.strip().split("-");
            int from = day(range[0]);
            int to = range.length == 2 ? day(range[1]) : from;
            if (range.length > 2 || to < from) {
                throw new IllegalArgumentException(spec);
            }
            for (int i = from; i <= to; i++) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        return days;
    }

    private static int day(String s) {
        int i = DAYS.indexOf(s.strip());
        if (i < 0) {
            throw new IllegalArgumentException(s);
        }
        return i;
    }

    private static List<Interval> intervals(String spec) {
        if (spec.equals("off")) {
            return List.of();
        }
        List<Interval> list = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] ft = part.strip().split("-");
            if (ft.length != 2) {
                throw new IllegalArgumentException(spec);
            }
            LocalTime from = LocalTime.parse(ft[0].strip());
            LocalTime to = ft[1].strip().equals("24:00") ? null : LocalTime.parse(ft[1].strip());
            if (to != null && !to.isAfter(from)) {
                throw new IllegalArgumentException(spec);
            }
            list.add(new Interval(from, to));
        }
        return list;
    }

    public State at(LocalDateTime when) {
        if (always) {
            return new State(true, null, null);
        }
        LocalTime t = when.toLocalTime();
        LocalTime opens = null;
        for (Interval i : week.getOrDefault(when.getDayOfWeek(), List.of())) {
            if (i.contains(t)) {
                return new State(true, i.to(), null);
            }
            if (i.from().isAfter(t) && (opens == null || i.from().isBefore(opens))) {
                opens = i.from();
            }
        }
        return new State(false, null, opens);
    }
}
