package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import ua.viche.monitoring.domain.Quarters;
import ua.viche.monitoring.domain.Quarters.Quarter;

class QuartersTest {

    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    @Test
    void aQuartersValuesAreDueOnTheFifthOrTheNextWorkingDay() {
        assertThat(Quarters.due(new Quarter(2026, 3), 5, WEEKDAYS)).isEqualTo(LocalDate.of(2026, 10, 5)); // a Monday
        assertThat(Quarters.due(new Quarter(2025, 1), 5, WEEKDAYS)).isEqualTo(LocalDate.of(2025, 4, 7)); // the 5th a Saturday
        assertThat(Quarters.due(new Quarter(2026, 2), 5, WEEKDAYS)).isEqualTo(LocalDate.of(2026, 7, 6)); // the 5th a Sunday
        assertThat(Quarters.due(new Quarter(2025, 4), 5, WEEKDAYS)).isEqualTo(LocalDate.of(2026, 1, 5));
        Set<LocalDate> holiday = Set.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6));
        assertThat(Quarters.due(new Quarter(2025, 4), 5, WEEKDAYS.and(d -> !holiday.contains(d)))).isEqualTo(LocalDate.of(2026, 1, 7));
    }

    @Test
    void aCommunityMaySetAnotherDayOfTheMonth() {
        assertThat(Quarters.due(new Quarter(2026, 3), 10, WEEKDAYS)).isEqualTo(LocalDate.of(2026, 10, 12)); // the 10th a Saturday
        assertThat(Quarters.due(new Quarter(2026, 1), 1, WEEKDAYS)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThatThrownBy(() -> Quarters.due(new Quarter(2026, 1), 0, WEEKDAYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quarters.due(new Quarter(2026, 1), 29, WEEKDAYS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theQuarterToReportIsTheLastEnded() {
        assertThat(Quarters.lastEnded(LocalDate.of(2026, 12, 7))).isEqualTo(new Quarter(2026, 3));
        assertThat(Quarters.lastEnded(LocalDate.of(2026, 1, 1))).isEqualTo(new Quarter(2025, 4));
        assertThat(Quarters.lastEnded(LocalDate.of(2026, 3, 31))).isEqualTo(new Quarter(2025, 4));
        assertThat(new Quarter(2026, 1).lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    }
}
