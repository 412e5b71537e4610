package ua.viche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import ua.viche.identity.Participation.Answer;
import ua.viche.identity.Participation.Participant;
import ua.viche.identity.Participation.Reason;
import ua.viche.identity.Participation.Requirements;
import ua.viche.identity.Participation.Window;
import ua.viche.platform.Dates;

/** The participation rule as a pure function: no Spring, no database. */
class ParticipationTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 4);
    private static final Instant END = Dates.endOfDay(LAST_DAY);
    private static final Instant NOON = LAST_DAY.atTime(12, 0).atZone(Dates.KYIV).toInstant();
    private static final Window UNTIL_END = Window.until(END);
    private static final Requirements VERIFIED_RESIDENT = new Requirements(AssuranceLevel.VERIFIED, true, 0);

    private static Participant person(AssuranceLevel level, LocalDate born, ResidencyBasis residency) {
        return Participant.signedIn(new Identity.PersonRef(7, 8, "Олена Коваленко", "o@example.org", level, born), residency);
    }

    private static final Participant RESIDENT = person(AssuranceLevel.VERIFIED, LocalDate.of(1990, 5, 1), ResidencyBasis.CENSUS);

    private static Reason reason(Answer a) {
        return a.reason();
    }

    @Test
    void aVerifiedResidentMayTakePartWithinTheWindow() {
        Answer a = Participation.decide(RESIDENT, VERIFIED_RESIDENT, UNTIL_END, NOON, false);
        assertThat(a.allowed()).isTrue();
        assertThat(a.reasonKey()).isEqualTo("eligibility.ok");
        assertThat(a.signedInPerson().personId()).isEqualTo(7);
        assertThat(a.declaredResidency()).isFalse();
    }

    @Test
    void theEndMomentItselfIsWithinAndTheNextIsNot() {
        assertThat(Participation.decide(RESIDENT, VERIFIED_RESIDENT, UNTIL_END, END, false).allowed()).isTrue();
        Answer after = Participation.decide(RESIDENT, VERIFIED_RESIDENT, UNTIL_END, END.plus(1, ChronoUnit.MICROS), false);
        assertThat(reason(after)).isEqualTo(Reason.CLOSED);
        assertThat(after.open()).isFalse();
        assertThat(reason(Participation.decide(RESIDENT, VERIFIED_RESIDENT, UNTIL_END, END.plusNanos(1), false)))
                .isEqualTo(Reason.CLOSED);
        // the end is the last microsecond of the last day, Kyiv time: the next day is closed
        Instant nextMidnight = LAST_DAY.plusDays(1).atStartOfDay(Dates.KYIV).toInstant();
        assertThat(reason(Participation.decide(RESIDENT, VERIFIED_RESIDENT, UNTIL_END, nextMidnight, false)))
                .isEqualTo(Reason.CLOSED);
    }

    @Test
    void aWindowOfDaysOpensAtTheStartOfItsFirstDay() {
        Window days = Window.days(LocalDate.of(2026, 12, 1), LAST_DAY);
        Instant start = LocalDate.of(2026, 12, 1).atStartOfDay(Dates.KYIV).toInstant();
        assertThat(reason(Participation.decide(RESIDENT, VERIFIED_RESIDENT, days, start.minusNanos(1), false)))
                .isEqualTo(Reason.NOT_OPEN_YET);
        assertThat(Participation.decide(RESIDENT, VERIFIED_RESIDENT, days, start, false).allowed()).isTrue();
        assertThat(Participation.decide(RESIDENT, VERIFIED_RESIDENT, days, END, false).allowed()).isTrue();
        assertThat(reason(Participation.decide(RESIDENT, VERIFIED_RESIDENT, days, END.plusNanos(1), false)))
                .isEqualTo(Reason.CLOSED);
        assertThat(reason(Participation.decide(RESIDENT, VERIFIED_RESIDENT, Window.notYetOpen(), NOON, false)))
                .isEqualTo(Reason.NOT_OPEN_YET);
        assertThat(reason(Participation.decide(RESIDENT, VERIFIED_RESIDENT, Window.closed(), NOON, false)))
                .isEqualTo(Reason.CLOSED);
        assertThat(Participation.decide(RESIDENT, VERIFIED_RESIDENT, Window.ALWAYS, Instant.MAX, false).allowed()).isTrue();
    }

    @Test
    void eachMissingConditionIsNamedInOrder() {
        assertThat(reason(Participation.decide(Participant.VISITOR, VERIFIED_RESIDENT, UNTIL_END, NOON, false)))
                .isEqualTo(Reason.NOT_SIGNED_IN);
        // closed comes before anything about the person: nothing they do can help
        assertThat(reason(Participation.decide(Participant.VISITOR, VERIFIED_RESIDENT, Window.closed(), NOON, false)))
                .isEqualTo(Reason.CLOSED);
        Participant unconfirmed = person(AssuranceLevel.NONE, LocalDate.of(1990, 5, 1), null);
        assertThat(reason(Participation.decide(unconfirmed, VERIFIED_RESIDENT, UNTIL_END, NOON, false)))
                .isEqualTo(Reason.NOT_VERIFIED);
        assertThat(reason(Participation.decide(unconfirmed, new Requirements(AssuranceLevel.EMAIL_CONFIRMED, false, 0),
                UNTIL_END, NOON, false))).isEqualTo(Reason.EMAIL_NOT_CONFIRMED);
        Participant outsider = person(AssuranceLevel.VERIFIED, LocalDate.of(1990, 5, 1), null);
        Answer notResident = Participation.decide(outsider, VERIFIED_RESIDENT, UNTIL_END, NOON, false);
        assertThat(reason(notResident)).isEqualTo(Reason.NOT_RESIDENT);
        assertThat(notResident.residencyMissing()).isTrue();
        assertThat(notResident.reasonKey()).isEqualTo("eligibility.residency");
        assertThat(Participation.decide(outsider, new Requirements(AssuranceLevel.VERIFIED, false, 0), UNTIL_END, NOON, false)
                .allowed()).isTrue();
    }

    @Test
    void somebodyWhoTookPartIsToldSoBeforeAnythingAboutThemChanged() {
        Participant lapsed = person(AssuranceLevel.VERIFIED, LocalDate.of(1990, 5, 1), null);
        Answer done = Participation.decide(lapsed, VERIFIED_RESIDENT, UNTIL_END, NOON, true);
        assertThat(done.alreadyDone()).isTrue();
        assertThat(done.open()).isTrue();
        assertThat(reason(Participation.decide(lapsed, VERIFIED_RESIDENT, UNTIL_END, END.plusNanos(1), true)))
                .isEqualTo(Reason.CLOSED);
    }

    @Test
    void theAgeCountsFullYearsOnTheDayOfTheActionInKyiv() {
        Requirements adults = new Requirements(AssuranceLevel.VERIFIED, false, 18);
        Participant turnsEighteenOnTheLastDay = person(AssuranceLevel.VERIFIED, LAST_DAY.minusYears(18), null);
        Instant dayBefore = Dates.endOfDay(LAST_DAY.minusDays(1));
        assertThat(reason(Participation.decide(turnsEighteenOnTheLastDay, adults, UNTIL_END, dayBefore, false)))
                .isEqualTo(Reason.TOO_YOUNG);
        assertThat(Participation.decide(turnsEighteenOnTheLastDay, adults, UNTIL_END, dayBefore.plusNanos(1_000), false)
                .allowed()).isTrue();
        Participant unknownAge = Participant.signedIn(new Identity.PersonRef(9, 10, "Без дати", null, AssuranceLevel.VERIFIED,
                null), null);
        assertThat(reason(Participation.decide(unknownAge, adults, UNTIL_END, NOON, false))).isEqualTo(Reason.AGE_UNKNOWN);
        assertThat(Participation.decide(unknownAge, new Requirements(AssuranceLevel.VERIFIED, false, 0), UNTIL_END, NOON, false)
                .allowed()).isTrue();
    }

    @Test
    void aDocumentedPersonIsIdentifiedWithoutAnAccount() {
        Answer a = Participation.decide(Participant.documented(LocalDate.of(1970, 1, 1), ResidencyBasis.DECLARED),
                new Requirements(AssuranceLevel.VERIFIED, true, 16), UNTIL_END, NOON, false);
        assertThat(a.allowed()).isTrue();
        assertThat(a.declaredResidency()).isTrue();
        assertThat(a.signedIn()).isFalse();
    }

    @Test
    void aModuleWordsReasonsAndRefusesWithThem() {
        Map<Reason, String> wording = Map.of(Reason.CLOSED, "petition.error.notCollecting");
        Answer closed = Participation.decide(RESIDENT, VERIFIED_RESIDENT, UNTIL_END, END.plusNanos(1), false).worded(wording);
        assertThat(closed.reasonKey()).isEqualTo("petition.error.notCollecting");
        assertThatThrownBy(() -> closed.require(IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("petition.error.notCollecting");
        Answer visitor = Participation.decide(Participant.VISITOR, VERIFIED_RESIDENT, UNTIL_END, NOON, false).worded(wording);
        assertThat(visitor.reasonKey()).isEqualTo("eligibility.signIn");
        assertThatThrownBy(() -> visitor.require(IllegalStateException::new)).isInstanceOf(AccessDeniedException.class);
        Answer ok = Participation.decide(RESIDENT, VERIFIED_RESIDENT, UNTIL_END, NOON, false).worded(wording);
        assertThat(ok.require(IllegalStateException::new)).isSameAs(ok);
    }

    @Test
    void eligibilityGivesTheSameAnswerAsTheRule() {
        Identity.PersonRef unverified = new Identity.PersonRef(1, 2, "Н", null, AssuranceLevel.EMAIL_CONFIRMED, null);
        Eligibility e = new Eligibility(unverified, AssuranceLevel.EMAIL_CONFIRMED, AssuranceLevel.VERIFIED, false, true);
        assertThat(e.allowed()).isFalse();
        assertThat(e.reasonKey()).isEqualTo("eligibility.verify");
        Eligibility outsider = new Eligibility(unverified, AssuranceLevel.EMAIL_CONFIRMED, AssuranceLevel.EMAIL_CONFIRMED, false, true);
        assertThat(outsider.residencyMissing()).isTrue();
        assertThat(new Eligibility(null, AssuranceLevel.NONE, AssuranceLevel.NONE, false, false).reasonKey())
                .isEqualTo("eligibility.signIn");
    }
}
