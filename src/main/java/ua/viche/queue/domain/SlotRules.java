package ua.viche.queue.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import ua.viche.platform.Dates;

/**
 * When slots exist: the office's hours, its own closed days, the working-day calendar (Monday to
 * Friday), the service's duration in slot units, and the booking horizon that opens one more day
 * each day at the release hour. Pure: the caller passes the calendar and the moment.
 *
 * @param horizonDays how many days ahead slots open (today counts as day 0)
 * @param releaseHour the hour (Kyiv time) at which the next day is released
 * @param unitMinutes the slot grid; a booking holds whole units
 */
public record SlotRules(int horizonDays, int releaseHour, int unitMinutes) {

    public SlotRules {
        if (horizonDays < 0 || releaseHour < 0 || releaseHour > 23 || unitMinutes < 5 || 60 % unitMinutes != 0) {
            throw new IllegalArgumentException("bad slot rules");
        }
    }

    /** The last day that may be booked at this moment. */
    public LocalDate lastBookableDay(Instant now) {
        ZonedDateTime local = now.atZone(Dates.KYIV);
        LocalDate today = local.toLocalDate();
        return local.getHour() >= releaseHour ? today.plusDays(horizonDays) : today.plusDays(horizonDays - 1L);
    }

    /** Whether the office receives visitors on the day. */
    public boolean open(OfficeHours hours, Set<LocalDate> officeHolidays, Predicate<LocalDate> workingDay, LocalDate day) {
        if (!hours.opensOn(day.getDayOfWeek()) || officeHolidays.contains(day)) {
            return false;
        }
        boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        return !weekday || workingDay.test(day);
    }

    /** Whether the office receives visitors at the moment: an open day, between its opening and closing time. */
    public boolean openAt(OfficeHours hours, Set<LocalDate> officeHolidays, Predicate<LocalDate> workingDay, Instant at) {
        ZonedDateTime local = at.atZone(Dates.KYIV);
        if (!open(hours, officeHolidays, workingDay, local.toLocalDate())) {
            return false;
        }
        OfficeHours.Span span = hours.on(local.getDayOfWeek());
        LocalTime t = local.toLocalTime();
        return !t.isBefore(span.open()) && t.isBefore(span.close());
    }

    /** Days from today to the horizon on which the office is open. */
    public List<LocalDate> bookableDays(OfficeHours hours, Set<LocalDate> officeHolidays, Predicate<LocalDate> workingDay,
                                        Instant now) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate today = now.atZone(Dates.KYIV).toLocalDate();
        for (LocalDate d = today; !d.isAfter(lastBookableDay(now)); d = d.plusDays(1)) {
            if (open(hours, officeHolidays, workingDay, d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** Units a service of this duration holds. */
    public int units(int durationMinutes) {
        return (durationMinutes + unitMinutes - 1) / unitMinutes;
    }

    /**
     * Start times on the day for a service of the given duration: on the grid, ending by closing
     * time, not in the past and within the horizon. Empty when the office is closed that day.
     */
    public List<Instant> starts(OfficeHours hours, Set<LocalDate> officeHolidays, Predicate<LocalDate> workingDay,
                                LocalDate day, int durationMinutes, Instant now) {
        List<Instant> starts = new ArrayList<>();
        if (day.isAfter(lastBookableDay(now)) || !open(hours, officeHolidays, workingDay, day)) {
            return starts;
        }
        OfficeHours.Span span = hours.on(day.getDayOfWeek());
        Duration length = Duration.ofMinutes((long) units(durationMinutes) * unitMinutes);
        LocalDateTime t = LocalDateTime.of(day, span.open());
        LocalDateTime close = LocalDateTime.of(day, span.close());
        while (!t.plus(length).isAfter(close)) {
            Instant at = t.atZone(Dates.KYIV).toInstant();
            if (at.isAfter(now)) {
                starts.add(at);
            }
            t = t.plusMinutes(unitMinutes);
        }
        return starts;
    }

    /** The unit starts a booking at {@code start} of this duration holds. */
    public List<Instant> unitsOf(Instant start, int durationMinutes) {
        List<Instant> units = new ArrayList<>();
        for (int i = 0; i < units(durationMinutes); i++) {
            units.add(start.plus(Duration.ofMinutes((long) i * unitMinutes)));
        }
        return units;
    }

    /** Whether the instant lies on the grid of the day (minutes from midnight divisible by the unit). */
    public boolean onGrid(Instant at) {
        LocalTime t = at.atZone(Dates.KYIV).toLocalTime();
        return t.getSecond() == 0 && t.getNano() == 0 && (t.getHour() * 60 + t.getMinute()) % unitMinutes == 0;
    }
}
