package ua.viche.opendata.domain;

import java.time.LocalDate;
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
}
