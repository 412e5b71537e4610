package ua.viche.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.IntegrationTest;
import ua.viche.petitions.domain.Petition;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.platform.WorkingDays;

/** The petition's states and deadlines, on the entity itself (the calendar is the real one). */
@IntegrationTest
class PetitionRulesTest {

    @Autowired WorkingDays days;

    private static final Instant MONDAY_NOON = LocalDate.of(2026, 11, 23).atTime(12, 0).atZone(Dates.KYIV).toInstant();

    private Petition draft() {
        return new Petition(1, 1L, "Автор", "a@example.org", "Назва", "Текст петиції ".repeat(5), MONDAY_NOON);
    }

    @Test
    void moderationIsDueInTwoWorkingDaysAndOnlyDraftsChange() {
        Petition p = draft();
        p.submit(MONDAY_NOON, days, 2);
        assertThat(p.getStatus()).isEqualTo(Petition.Status.MODERATION);
        assertThat(p.getModerationDueAt().atZone(Dates.KYIV).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThatThrownBy(() -> p.edit("Інша", "інший текст")).isInstanceOf(Refusal.class);
        Instant friday = LocalDate.of(2026, 11, 27).atTime(15, 0).atZone(Dates.KYIV).toInstant();
        Petition late = draft();
        late.submit(friday, days, 2);
        assertThat(late.getModerationDueAt().atZone(Dates.KYIV).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(late.moderationOverdue(friday.plus(Duration.ofDays(5)))).isTrue();
    }

    @Test
    void thresholdOnTheBoundaryMovesToConsiderationWithTenWorkingDays() {
        Petition p = draft();
        p.submit(MONDAY_NOON, days, 2);
        p.publish(MONDAY_NOON, 3, 90);
        Instant t = MONDAY_NOON.plus(Duration.ofHours(1));
        assertThat(p.counted(1, t, days, 10)).isFalse();
        assertThat(p.counted(2, t, days, 10)).isFalse();
        assertThat(p.counted(1, t, days, 10)).isFalse();
        assertThat(p.counted(2, t, days, 10)).isFalse();
        assertThat(p.getStatus()).isEqualTo(Petition.Status.COLLECTING);
        assertThat(p.counted(3, t, days, 10)).isTrue();
        assertThat(p.getSignatureCount()).isEqualTo(3);
        assertThat(p.getStatus()).isEqualTo(Petition.Status.CONSIDERATION);
        assertThat(p.getAnswerDueAt().atZone(Dates.KYIV).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(p.collecting(t)).isFalse();
        assertThat(p.counted(4, t, days, 10)).as("counted again after the move: no second move").isFalse();
        assertThat(p.getSignatureCount()).isEqualTo(4);
        assertThat(p.answerOverdue(LocalDate.of(2026, 12, 7).atTime(23, 0).atZone(Dates.KYIV).toInstant())).isFalse();
        assertThat(p.answerOverdue(LocalDate.of(2026, 12, 8).atTime(9, 0).atZone(Dates.KYIV).toInstant())).isTrue();
        p.answer(t, Petition.Outcome.PARTLY, "Відповідь", null);
        assertThat(p.getStatus()).isEqualTo(Petition.Status.ANSWERED);
        assertThat(p.answerOverdue(t.plus(Duration.ofDays(60)))).isFalse();
    }

    @Test
    void collectionEndsAfterThePeriodBelowTheThreshold() {
        Petition p = draft();
        p.submit(MONDAY_NOON, days, 2);
        p.publish(MONDAY_NOON, 500, 90);
        // 90 days from Monday 23.11 (its first day) end with Saturday 20.02, at midnight Kyiv time
        Instant end = LocalDate.of(2027, 2, 21).atStartOfDay(Dates.KYIV).toInstant();
        assertThat(p.collecting(end.minusSeconds(1))).isTrue();
        assertThat(p.daysLeft(MONDAY_NOON)).isEqualTo(90);
        assertThat(p.daysLeft(end.minusSeconds(1))).as("the last day is a day left").isEqualTo(1);
        assertThat(p.expireIfDue(end.minusSeconds(1))).isFalse();
        assertThat(p.collecting(end)).isFalse();
        assertThat(p.counted(500, end, days, 10)).as("the threshold after the period's end moves nothing").isFalse();
        assertThat(p.expireIfDue(end)).isTrue();
        assertThat(p.getStatus()).isEqualTo(Petition.Status.EXPIRED);
        assertThat(p.expireIfDue(end.plusSeconds(60))).isFalse();
    }

    @Test
    void rejectionAndHidingNeedAReason() {
        Petition p = draft();
        assertThatThrownBy(() -> p.publish(MONDAY_NOON, 500, 90)).isInstanceOf(Refusal.class);
        p.submit(MONDAY_NOON, days, 2);
        assertThatThrownBy(() -> p.reject(MONDAY_NOON, " ")).isInstanceOf(Refusal.class);
        p.publish(MONDAY_NOON, 500, 90);
        assertThatThrownBy(() -> p.hide(MONDAY_NOON, "")).isInstanceOf(Refusal.class);
        p.hide(MONDAY_NOON, "Заклики до насильства");
        assertThat(p.publiclyVisible()).isFalse();
        assertThat(p.collecting(MONDAY_NOON.plusSeconds(5))).isFalse();
    }

    /** One rule for a period's end: the end of its last day, Kyiv time, the day of the start counted as the first. */
    @Test
    void aPeriodEndsAtTheEndOfItsLastDayAndShowsThatDay(@Autowired JdbcTemplate jdbc,
                                                        @Autowired Dates dates) {
        Instant published = LocalDate.of(2026, 9, 6).atTime(10, 0).atZone(Dates.KYIV).toInstant();
        Petition p = draft();
        p.submit(published, days, 2);
        p.publish(published, 500, 90);
        Instant lastEvening = LocalDate.of(2026, 12, 4).atTime(23, 59, 59).atZone(Dates.KYIV).toInstant();
        assertThat(Dates.day(p.getCollectionEndsAt())).isEqualTo(LocalDate.of(2026, 12, 4)); // a Friday
        assertThat(p.collecting(lastEvening)).isTrue();
        assertThat(p.collecting(lastEvening.plusSeconds(1))).isFalse();
        assertThat(p.expireIfDue(lastEvening)).isFalse();
        // what pages show is the stored end: as PostgreSQL keeps it, it is still the last day
        for (Instant end : new Instant[] {p.getCollectionEndsAt(), days.deadline(published, 10), p.getModerationDueAt()}) {
            Instant stored = jdbc.queryForObject("select ?::timestamptz", Timestamp.class,
                    Timestamp.from(end)).toInstant();
            assertThat(dates.date(stored)).isEqualTo(dates.date(end));
            assertThat(Dates.day(stored)).isEqualTo(Dates.day(end));
        }
        assertThat(dates.date(p.getCollectionEndsAt())).isEqualTo("04.12.2026");
        assertThat(p.expireIfDue(lastEvening.plusSeconds(1))).isTrue();
    }
}
