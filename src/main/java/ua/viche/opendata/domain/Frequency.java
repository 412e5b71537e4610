package ua.viche.opendata.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How often a dataset is updated, from the EU frequency vocabulary
 * ({@code http://publications.europa.eu/resource/authority/frequency/…}), with the period after
 * which a published dataset not updated since is overdue (none for irregular, never and continuous
 * updates the platform makes itself).
 */
public enum Frequency {
    DAILY(0, 1), WEEKLY(0, 7), MONTHLY(1, 0), QUARTERLY(3, 0), ANNUAL_2(6, 0), ANNUAL(12, 0), IRREG(0, 0),
    UPDATE_CONT(0, 0), NEVER(0, 0);

    private final int months;
    private final int days;

    Frequency(int months, int days) {
        this.months = months;
        this.days = days;
    }

    public String uri() {
        return "http://publications.europa.eu/resource/authority/frequency/" + name();
    }

    /** The last day a dataset updated on {@code updated} is still on time; empty when it is never due. */
    public Optional<LocalDate> dueAfter(LocalDate updated) {
        if (months == 0 && days == 0) {
            return Optional.empty();
        }
        return Optional.of(updated.plusMonths(months).plusDays(days));
    }

    /** Whether updates are due on a schedule at all (irregular, continuous and never are not). */
    public boolean scheduled() {
        return months != 0 || days != 0;
    }

    /** A calendar period of the schedule, first and last day included. */
    public record Period(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /**
     * The calendar periods of a year in which one update is due: its months, quarters, halves or the
     * year itself; for weekly updates the weeks (Monday to Sunday) that start in the year; every day
     * for daily ones; none when updates are not scheduled.
     */
    public List<Period> periods(int year) {
        List<Period> out = new ArrayList<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        if (months > 0) {
            for (LocalDate s = first; s.getYear() == year; s = s.plusMonths(months)) {
                out.add(new Period(s, s.plusMonths(months).minusDays(1)));
            }
        } else if (days > 0) {
            LocalDate s = days == 7 ? first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)) : first;
            for (; s.getYear() == year; s = s.plusDays(days)) {
                out.add(new Period(s, s.plusDays(days - 1L)));
            }
        }
        return out;
    }

    /** The period right after this one, as long as it. */
    public Period next(Period p) {
        LocalDate start = p.end().plusDays(1);
        return new Period(start, months > 0 ? start.plusMonths(months).minusDays(1) : start.plusDays(days - 1L));
    }
}
