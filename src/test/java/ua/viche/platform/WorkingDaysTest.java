package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import ua.viche.IntegrationTest;

@IntegrationTest
class WorkingDaysTest {

    @Autowired WorkingDays days;
    @Autowired JdbcTemplate jdbc;
    @Autowired SharedCaches caches;

    @Test
    void inPeacetimePublicHolidaysAreDaysOff() {
        WorkingDays peace = new WorkingDays(jdbc, new VicheSettings("target/unused", "", "false", "", false, new MockEnvironment()), caches);
        assertThat(peace.isWorkingDay(LocalDate.of(2026, 8, 24))).isFalse();
        assertThat(peace.plusWorkingDays(LocalDate.of(2026, 8, 21), 1)).isEqualTo(LocalDate.of(2026, 8, 25));
        assertThat(peace.isWorkingDay(LocalDate.of(2026, 6, 1))).isTrue();
    }

    @Test
    void orthodoxEasterDates() {
        assertThat(WorkingDays.orthodoxEaster(2024)).isEqualTo(LocalDate.of(2024, 5, 5));
        assertThat(WorkingDays.orthodoxEaster(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.orthodoxEaster(2026)).isEqualTo(LocalDate.of(2026, 4, 12));
        assertThat(WorkingDays.holidays(2026)).contains(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 8, 24),
                LocalDate.of(2026, 12, 25)).doesNotContain(LocalDate.of(2026, 1, 7));
    }

    @Test
    void weekendsAreSkippedAndUnderMartialLawHolidaysAreWorkingDays() {
        assertThat(days.martialLaw()).isTrue();
        // Friday 21 Aug 2026 + 2 working days: Monday 24 Aug (Independence Day, worked under martial law), Tuesday 25
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 8, 21), 1)).isEqualTo(LocalDate.of(2026, 8, 24));
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 8, 21), 2)).isEqualTo(LocalDate.of(2026, 8, 25));
        // 10 working days from Monday 23 Nov 2026 end on Monday 7 Dec
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 11, 23), 10)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
    }

    @Test
    void cabinetTransfersOverrideTheRules() {
        LocalDate saturday = LocalDate.of(2031, 3, 15);
        LocalDate friday = LocalDate.of(2031, 3, 14);
        days.override(saturday, true, "робоча субота");
        days.override(friday, false, "вихідний");
        try {
            assertThat(days.isWorkingDay(saturday)).isTrue();
            assertThat(days.isWorkingDay(friday)).isFalse();
            assertThat(days.plusWorkingDays(LocalDate.of(2031, 3, 13), 1)).isEqualTo(saturday);
            assertThat(days.overrides(2031)).hasSize(2);
        } finally {
            days.removeOverride(saturday);
            days.removeOverride(friday);
        }
        assertThat(days.isWorkingDay(saturday)).isFalse();
    }
}
