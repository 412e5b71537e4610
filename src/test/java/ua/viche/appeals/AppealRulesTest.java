package ua.viche.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.viche.IntegrationTest;
import ua.viche.appeals.domain.Appeal;
import ua.viche.platform.Refusal;
import ua.viche.platform.Dates;
import ua.viche.platform.WorkingDays;

/** The appeal's rules: due day, extension cap, return window, the states (the terms themselves: AppealTermsTest). */
@IntegrationTest
class AppealRulesTest {

    @Autowired WorkingDays days;

    private Appeal appeal(LocalDate registeredOn) {
        return Appeal.register("К-2026-000001", Appeal.Channel.WEB,
                new Appeal.Applicant(1L, 1L, "Коваленко Олена Петрівна", "м. Кропивницький, вул. Шкільна, 3", "o@example.org", null, null),
                new Appeal.Content(Appeal.Kind.APPLICATION, "Освітлення", "Не працює освітлення на вулиці.", 1L, 2L),
                registeredOn.atStartOfDay(Dates.KYIV).toInstant(), registeredOn, days);
    }

    @Test
    void theDueDayIsSetAtRegistration() {
        // 5 Nov + 30 = 5 Dec, a Saturday → Monday 7 Dec
        assertThat(appeal(LocalDate.of(2026, 11, 5)).getDueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void extensionIsCappedAt45DaysWithAReason() {
        Appeal a = appeal(LocalDate.of(2026, 11, 2));
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        assertThatThrownBy(() -> a.extend(LocalDate.of(2026, 12, 10), " ", now, days))
                .isInstanceOf(Refusal.class).hasMessage("appeal.error.reason");
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
