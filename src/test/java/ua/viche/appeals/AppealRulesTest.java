package ua.viche.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.viche.IntegrationTest;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealDeadlines;
import ua.viche.appeals.domain.AppealException;
import ua.viche.platform.Dates;
import ua.viche.platform.WorkingDays;

/** The appeals law's terms: registration day, 30/15 calendar days, extension cap, return window; the states. */
@IntegrationTest
class AppealRulesTest {

    private static final LocalTime CLOSES = LocalTime.of(18, 0);

    @Autowired WorkingDays days;

    private static Instant kyiv(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, Dates.KYIV).toInstant();
    }

    private Appeal appeal(LocalDate registeredOn) {
        return Appeal.register("К-2026-000001", Appeal.Channel.WEB,
                new Appeal.Applicant(1L, 1L, "Коваленко Олена Петрівна", "м. Кропивницький, вул. Шкільна, 3", "o@example.org", null, null),
                new Appeal.Content(Appeal.Kind.APPLICATION, "Освітлення", "Не працює освітлення на вулиці.", 1L, 2L),
                registeredOn.atStartOfDay(Dates.KYIV).toInstant(), registeredOn, days);
    }

    @Test
    void appealsOutsideWorkingHoursAreRegisteredOnTheNextWorkingDay() {
        // Tuesday 24 Nov 2026: before closing → that day; after closing → Wednesday
        assertThat(AppealDeadlines.registrationDay(kyiv(2026, 11, 24, 9, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(AppealDeadlines.registrationDay(kyiv(2026, 11, 24, 17, 59), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(AppealDeadlines.registrationDay(kyiv(2026, 11, 24, 18, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 25));
        // Early morning of a working day counts for that day
        assertThat(AppealDeadlines.registrationDay(kyiv(2026, 11, 24, 6, 30), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 24));
        // Friday evening and the weekend → Monday
        assertThat(AppealDeadlines.registrationDay(kyiv(2026, 11, 27, 19, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(AppealDeadlines.registrationDay(kyiv(2026, 11, 28, 11, 0), CLOSES, days)).isEqualTo(LocalDate.of(2026, 11, 30));
        // Late on 31 December (Kyiv) is the next year's appeal even though it is still 31 December in UTC
        assertThat(AppealDeadlines.registrationDay(kyiv(2026, 12, 31, 23, 30), CLOSES, days)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void termsRunInCalendarDaysAndEndOnAWorkingDay() {
        // 24 Nov + 30 days = 24 Dec 2026 (Thursday)
        assertThat(AppealDeadlines.due(LocalDate.of(2026, 11, 24), 30, days)).isEqualTo(LocalDate.of(2026, 12, 24));
        // 2 Nov + 30 = 2 Dec (Wednesday); urgent: 2 Nov + 15 = 17 Nov (Tuesday)
        assertThat(AppealDeadlines.due(LocalDate.of(2026, 11, 2), 30, days)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(AppealDeadlines.due(LocalDate.of(2026, 11, 2), 15, days)).isEqualTo(LocalDate.of(2026, 11, 17));
        // 5 Nov + 30 = 5 Dec, a Saturday → Monday 7 Dec
        assertThat(AppealDeadlines.due(LocalDate.of(2026, 11, 5), 30, days)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(appeal(LocalDate.of(2026, 11, 5)).getDueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void extensionIsCappedAt45DaysWithAReason() {
        Appeal a = appeal(LocalDate.of(2026, 11, 2));
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        assertThatThrownBy(() -> a.extend(LocalDate.of(2026, 12, 10), " ", now, days))
                .isInstanceOf(AppealException.class).hasMessage("appeal.error.reason");
        assertThatThrownBy(() -> a.extend(LocalDate.of(2026, 12, 1), "Потрібне обстеження", now, days))
                .hasMessage("appeal.error.extensionEarlier");
        // 2 Nov + 45 = 17 Dec: allowed; 18 Dec is not
        assertThatThrownBy(() -> a.extend(LocalDate.of(2026, 12, 18), "Потрібне обстеження", now, days))
                .hasMessage("appeal.error.extensionCap");
        a.extend(LocalDate.of(2026, 12, 17), "Потрібне обстеження", now, days);
        assertThat(a.getDueOn()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(a.getExtendedReason()).isEqualTo("Потрібне обстеження");
    }

    @Test
    void urgentShortensTheTermTo15Days() {
        Appeal a = appeal(LocalDate.of(2026, 11, 2));
        a.markUrgent(days);
        assertThat(a.getDueOn()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(a.isUrgent()).isTrue();
        assertThatThrownBy(() -> a.markUrgent(days)).hasMessage("appeal.error.alreadyUrgent");
    }

    @Test
    void returnOnlyWithinTenDays() {
        Instant now = Instant.parse("2026-11-10T10:00:00Z");
        Appeal late = appeal(LocalDate.of(2026, 11, 2));
        // 2 Nov + 10 = 12 Nov: returning on 13 Nov is too late
        assertThatThrownBy(() -> late.returnToApplicant("Немає суті", LocalDate.of(2026, 11, 13), now, days))
                .hasMessage("appeal.error.returnLate");
        late.returnToApplicant("Немає суті", LocalDate.of(2026, 11, 12), now, days);
        assertThat(late.getStatus()).isEqualTo(Appeal.Status.RETURNED);
        assertThatThrownBy(() -> late.answer("Відповідь", "Посадова особа", now)).hasMessage("appeal.error.notOpen");
    }

    @Test
    void statesAnswerRateClose() {
        Instant now = Instant.parse("2026-11-10T10:00:00Z");
        Appeal a = appeal(LocalDate.of(2026, 11, 2));
        assertThat(a.open()).isTrue();
        assertThat(a.overdue(LocalDate.of(2026, 12, 2))).isFalse();
        assertThat(a.overdue(LocalDate.of(2026, 12, 3))).isTrue();
        assertThat(a.dueSoon(LocalDate.of(2026, 11, 29), 3)).isTrue();
        assertThat(a.dueSoon(LocalDate.of(2026, 11, 28), 3)).isFalse();
        assertThatThrownBy(() -> a.rate(5, null, now)).hasMessage("appeal.error.notAnswered");
        assertThatThrownBy(() -> a.close(now)).hasMessage("appeal.error.notAnswered");
        a.assign(7, "Посадова особа");
        assertThat(a.getStatus()).isEqualTo(Appeal.Status.IN_WORK);
        a.route(1L, 3L);
        assertThat(a.getStatus()).isEqualTo(Appeal.Status.REGISTERED);
        assertThat(a.getExecutorName()).isNull();
        assertThatThrownBy(() -> a.answer(" ", "Посадова особа", now)).hasMessage("appeal.error.answer");
        a.answer("Освітлення відновлено.", "Посадова особа", now);
        assertThat(a.overdue(LocalDate.of(2027, 1, 1))).isFalse();
        assertThatThrownBy(() -> a.rate(6, null, now)).hasMessage("appeal.error.rating");
        a.rate(4, "Дякую", now);
        assertThatThrownBy(() -> a.rate(5, null, now)).hasMessage("appeal.error.alreadyRated");
        a.close(now);
        assertThat(a.getStatus()).isEqualTo(Appeal.Status.CLOSED);
        assertThat(a.answerAppealable()).isTrue();
    }

    @Test
    void anonymousAndIncompleteAppealsAreRefused() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        Appeal.Content content = new Appeal.Content(Appeal.Kind.PROPOSAL, "Тема", "Текст звернення достатньої довжини.", 1L, 1L);
        assertThatThrownBy(() -> Appeal.register("x", Appeal.Channel.WEB,
                new Appeal.Applicant(1L, 1L, " ", "адреса", "o@example.org", null, null), content, Instant.now(), day, days))
                .hasMessage("appeal.error.name");
        assertThatThrownBy(() -> Appeal.register("x", Appeal.Channel.WEB,
                new Appeal.Applicant(1L, 1L, "Ім’я", "", "o@example.org", null, null), content, Instant.now(), day, days))
                .hasMessage("appeal.error.address");
        assertThatThrownBy(() -> Appeal.register("x", Appeal.Channel.WEB,
                new Appeal.Applicant(1L, 1L, "Ім’я", "адреса", null, "+380501234567", null), content, Instant.now(), day, days))
                .hasMessage("appeal.error.email");
        assertThatThrownBy(() -> Appeal.register("x", Appeal.Channel.HOTLINE,
                new Appeal.Applicant(null, null, "Ім’я", "адреса", null, null, null), content, Instant.now(), day, days))
                .hasMessage("appeal.error.contact");
        assertThat(Appeal.register("x", Appeal.Channel.HOTLINE,
                new Appeal.Applicant(null, null, "Ім’я", "адреса", null, "+380501234567", null), content, Instant.now(), day, days)
                .getChannel().electronic()).isFalse();
    }
}
