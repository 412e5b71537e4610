package ua.viche.monitoring.domain;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * The programme's reporting calendar: a quarter's figures are due by a day of the month after the
 * quarter (the 5th unless the community sets another); when that day is not a working day, by the
 * next working day (a pure function of the day and the working-day rule it is given).
 */
public final class Quarters {

    private Quarters() {}

    /** A quarter of a year. */
    public record Quarter(int year, int quarter) implements Comparable<Quarter> {

        public Quarter {
            if (quarter < 1 || quarter > 4) {
                throw new IllegalArgumentException("quarter " + quarter);
            }
        }

        public LocalDate firstDay() { return LocalDate.of(year, quarter * 3 - 2, 1); }

        public LocalDate lastDay() { return firstDay().plusMonths(3).minusDays(1); }

        public Quarter previous() { return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1); }

        /** The quarter a day falls in. */
        public static Quarter of(LocalDate day) { return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1); }

        @Override
        public int compareTo(Quarter o) {
            return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
        }
    }

    /** The day a quarter's values are due: the given day of the month after the quarter, or the next working day. */
    public static LocalDate due(Quarter q, int dayOfMonth, Predicate<LocalDate> workingDay) {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("due day " + dayOfMonth);
        }
        LocalDate day = q.lastDay().plusDays(dayOfMonth);
        while (!workingDay.test(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The latest quarter that has ended by {@code today} (its values can be entered). */
    public static Quarter lastEnded(LocalDate today) {
        return Quarter.of(today).previous();
    }
}
