package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.viche.IntegrationTest;

/** The appeals law's terms: registration day, 30/15 calendar days ending on a working day, the 45-day cap. */
@IntegrationTest
class AppealTermsTest {

    private static final LocalTime CLOSES = LocalTime.of(18, 0);

    @Autowired WorkingDays days;

    private static Instant kyiv(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, Dates.KYIV).toInstant();
    }

    @Test
    void appealsOutsideWorkingHoursAreRegisteredOnTheNextWorkingDay() {
        // Tuesday 24 Nov 2026: before closing → that day; after closing → Wednesday
        assertThat(AppealTerms.registrationDay(kyiv(2026, 11, 24, 9, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(AppealTerms.registrationDay(kyiv(2026, 11, 24, 17, 59), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(AppealTerms.registrationDay(kyiv(2026, 11, 24, 18, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 25));
        // Early morning of a working day counts for that day
        assertThat(AppealTerms.registrationDay(kyiv(2026, 11, 24, 6, 30), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 24));
        // Friday evening and the weekend → Monday
        assertThat(AppealTerms.registrationDay(kyiv(2026, 11, 27, 19, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(AppealTerms.registrationDay(kyiv(2026, 11, 28, 11, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 30));
        // Late on 31 December (Kyiv) is the next year's appeal even though it is still 31 December in UTC
        assertThat(AppealTerms.registrationDay(kyiv(2026, 12, 31, 23, 30), CLOSES, days)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void termsRunInCalendarDaysAndEndOnAWorkingDay() {
        // 24 Nov + 30 days = 24 Dec 2026 (Thursday)
        assertThat(AppealTerms.due(LocalDate.of(2026, 11, 24), 30, days)).isEqualTo(LocalDate.of(2026, 12, 24));
        // 2 Nov + 30 = 2 Dec (Wednesday); urgent: 2 Nov + 15 = 17 Nov (Tuesday)
        assertThat(AppealTerms.due(LocalDate.of(2026, 11, 2), 30, days)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(AppealTerms.due(LocalDate.of(2026, 11, 2), 15, days)).isEqualTo(LocalDate.of(2026, 11, 17));
        // 5 Nov + 30 = 5 Dec, a Saturday → Monday 7 Dec
        assertThat(AppealTerms.due(LocalDate.of(2026, 11, 5), 30, days)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theExtensionCapAndTheReturnWindowRunFromRegistration() {
        // 2 Nov + 45 = 17 Dec (Thursday); 2 Nov + 10 = 12 Nov (Thursday)
        assertThat(AppealTerms.extensionCap(LocalDate.of(2026, 11, 2), days)).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(AppealTerms.returnBy(LocalDate.of(2026, 11, 2), days)).isEqualTo(LocalDate.of(2026, 11, 12));
    }
}
