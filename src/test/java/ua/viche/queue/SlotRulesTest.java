package ua.viche.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import ua.viche.platform.Dates;
import ua.viche.platform.WorkingDays;
import ua.viche.queue.domain.Codes;
import ua.viche.queue.domain.OfficeHours;
import ua.viche.queue.domain.SlotRules;

/** Slot computation: hours, closed days, the working-day calendar, durations, the horizon and its release hour. */
class SlotRulesTest {

    private static final OfficeHours HOURS = OfficeHours.parse(
            "mon=08:00-17:00;tue=08:00-17:00;wed=08:00-20:00;thu=08:00-17:00;fri=08:00-16:00;sat=08:00-15:00");
    /** Peace-time calendar: public holidays are days off. */
    private static final Predicate<LocalDate> PEACE = d -> !WorkingDays.holidays(d.getYear()).contains(d);
    /** Martial law: public holidays are working days. */
    private static final Predicate<LocalDate> MARTIAL = d -> true;
    private static final SlotRules RULES = new SlotRules(21, 8, 15);

    private static Instant kyiv(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(Dates.KYIV).toInstant();
    }

    @Test
    void startsFollowTheHoursAndTheDuration() {
        Instant now = kyiv(2026, 12, 1, 7, 0); // Tuesday
        LocalDate wed = LocalDate.of(2026, 12, 2);
        List<Instant> fifteen = RULES.starts(HOURS, Set.of(), PEACE, wed, 15, now);
        assertThat(fifteen).hasSize(48); // 08:00 … 19:45
        assertThat(fifteen.get(0)).isEqualTo(kyiv(2026, 12, 2, 8, 0));
        assertThat(fifteen.get(47)).isEqualTo(kyiv(2026, 12, 2, 19, 45));
        List<Instant> twenty = RULES.starts(HOURS, Set.of(), PEACE, wed, 20, now); // two units: must end by 20:00
        assertThat(twenty.get(twenty.size() - 1)).isEqualTo(kyiv(2026, 12, 2, 19, 30));
        assertThat(RULES.units(20)).isEqualTo(2);
        assertThat(RULES.unitsOf(kyiv(2026, 12, 2, 9, 0), 20)).containsExactly(kyiv(2026, 12, 2, 9, 0), kyiv(2026, 12, 2, 9, 15));
        // Saturday closes at 15:00; Sunday closed
        assertThat(RULES.starts(HOURS, Set.of(), PEACE, LocalDate.of(2026, 12, 5), 30, now)).hasSize(27); // 08:00 … 14:30 on the 15-minute grid
        assertThat(RULES.starts(HOURS, Set.of(), PEACE, LocalDate.of(2026, 12, 6), 15, now)).isEmpty();
    }

    @Test
    void noStartsInThePastOfToday() {
        Instant now = kyiv(2026, 12, 2, 12, 10);
        List<Instant> starts = RULES.starts(HOURS, Set.of(), PEACE, LocalDate.of(2026, 12, 2), 15, now);
        assertThat(starts.get(0)).isEqualTo(kyiv(2026, 12, 2, 12, 15));
    }

    @Test
    void holidaysAndClosedDays() {
        Instant now = kyiv(2026, 12, 20, 9, 0);
        LocalDate christmas = LocalDate.of(2026, 12, 25); // Friday, a public holiday
        assertThat(RULES.starts(HOURS, Set.of(), PEACE, christmas, 15, now)).isEmpty();
        assertThat(RULES.starts(HOURS, Set.of(), MARTIAL, christmas, 15, now)).isNotEmpty();
        LocalDate closed = LocalDate.of(2026, 12, 23);
        assertThat(RULES.starts(HOURS, Set.of(closed), MARTIAL, closed, 15, now)).isEmpty();
        assertThat(RULES.bookableDays(HOURS, Set.of(closed), PEACE, now)).doesNotContain(christmas, closed, LocalDate.of(2026, 12, 27))
                .contains(LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 28));
    }

    @Test
    void theHorizonOpensOneMoreDayAtTheReleaseHour() {
        Instant beforeRelease = kyiv(2026, 12, 1, 7, 59);
        Instant afterRelease = kyiv(2026, 12, 1, 8, 0);
        assertThat(RULES.lastBookableDay(beforeRelease)).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(RULES.lastBookableDay(afterRelease)).isEqualTo(LocalDate.of(2026, 12, 22));
        LocalDate last = LocalDate.of(2026, 12, 22); // Tuesday
        assertThat(RULES.starts(HOURS, Set.of(), MARTIAL, last, 15, beforeRelease)).isEmpty();
        assertThat(RULES.starts(HOURS, Set.of(), MARTIAL, last, 15, afterRelease)).isNotEmpty();
        assertThat(new SlotRules(7, 0, 30).lastBookableDay(afterRelease)).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThatThrownBy(() -> new SlotRules(21, 8, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gridAndHoursFormat() {
        assertThat(RULES.onGrid(kyiv(2026, 12, 2, 9, 45))).isTrue();
        assertThat(RULES.onGrid(kyiv(2026, 12, 2, 9, 40))).isFalse();
        assertThat(OfficeHours.parse(HOURS.format())).isEqualTo(HOURS);
        assertThat(HOURS.on(DayOfWeek.WEDNESDAY).close()).isEqualTo(LocalTime.of(20, 0));
        assertThatThrownBy(() -> OfficeHours.parse("mon=17:00-08:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAreUnambiguous() {
        for (int i = 0; i < 200; i++) {
            String code = Codes.next();
            assertThat(code).hasSize(8).doesNotContain("0", "O", "1", "I", "L");
            assertThat(Codes.normalise(Codes.pretty(code).toLowerCase())).isEqualTo(code);
        }
        assertThat(Codes.normalise("ABCD-EFG0")).isEmpty();
        assertThat(Codes.normalise("short")).isEmpty();
    }

    @Test
    void openAtOnlyOnOpenDaysBetweenOpeningAndClosing() {
        // Tuesday 1 Dec 2026, 08:00-17:00
        assertThat(RULES.openAt(HOURS, Set.of(), PEACE, kyiv(2026, 12, 1, 7, 59))).isFalse();
        assertThat(RULES.openAt(HOURS, Set.of(), PEACE, kyiv(2026, 12, 1, 8, 0))).isTrue();
        assertThat(RULES.openAt(HOURS, Set.of(), PEACE, kyiv(2026, 12, 1, 16, 59))).isTrue();
        assertThat(RULES.openAt(HOURS, Set.of(), PEACE, kyiv(2026, 12, 1, 17, 0))).isFalse();
        // the office's own closed day, and a Sunday it does not open
        assertThat(RULES.openAt(HOURS, Set.of(LocalDate.of(2026, 12, 1)), PEACE, kyiv(2026, 12, 1, 11, 0))).isFalse();
        assertThat(RULES.openAt(HOURS, Set.of(), PEACE, kyiv(2026, 12, 6, 11, 0))).isFalse();
        // a weekday that is not a working day in the calendar
        assertThat(RULES.openAt(HOURS, Set.of(), d -> !d.equals(LocalDate.of(2026, 12, 1)), kyiv(2026, 12, 1, 11, 0))).isFalse();
    }
}
