package ua.viche.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The appeals law's terms, used by every module that answers a person within them (appeals,
 * archive certificates). Registration: an appeal received on a working day before the office
 * closes is registered that day; one received after closing or on a day off, on the next working
 * day. Terms run in calendar days from registration: 30 days, 15 for an appeal that needs no
 * further study, at most 45 in total when extended; an appeal without the required details is
 * returned within 10 days. A term that ends on a day off ends on the next working day.
 */
public final class AppealTerms {

    public static final int DAYS = 30;
    public static final int URGENT_DAYS = 15;
    public static final int MAX_DAYS = 45;
    public static final int RETURN_DAYS = 10;

    private AppealTerms() {}

    /** The day an appeal received at this moment is registered. */
    public static LocalDate registrationDay(Instant receivedAt, LocalTime closes, WorkingDays days) {
        ZonedDateTime at = receivedAt.atZone(Dates.KYIV);
        LocalDate day = at.toLocalDate();
        if (days.isWorkingDay(day) && at.toLocalTime().isBefore(closes)) {
            return day;
        }
        return days.plusWorkingDays(day, 1);
    }

    /** The last day of a term of {@code n} calendar days from registration. */
    public static LocalDate due(LocalDate registeredOn, int n, WorkingDays days) {
        LocalDate due = registeredOn.plusDays(n);
        while (!days.isWorkingDay(due)) {
            due = due.plusDays(1);
        }
        return due;
    }

    /** The latest day an extension may reach. */
    public static LocalDate extensionCap(LocalDate registeredOn, WorkingDays days) {
        return due(registeredOn, MAX_DAYS, days);
    }

    /** The last day to return an appeal that lacks the required details. */
    public static LocalDate returnBy(LocalDate registeredOn, WorkingDays days) {
        return due(registeredOn, RETURN_DAYS, days);
    }
}
