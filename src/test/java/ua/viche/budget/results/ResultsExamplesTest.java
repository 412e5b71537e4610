package ua.viche.budget.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Small hand-made cases: the greedy rule, the project limit, tie-breaks and refused input. */
class ResultsExamplesTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");

    /** A: 600 (5 votes), B: 500 (4), C: 300 (3), D: 200 (no votes), E: 2000 (6, more than the budget). */
    private static final List<Candidate> PROJECTS = List.of(
            new Candidate(1, 600, MONDAY),
            new Candidate(2, 500, MONDAY),
            new Candidate(3, 300, MONDAY),
            new Candidate(4, 200, MONDAY),
            new Candidate(5, 2000, MONDAY));

    private static final List<Ballot> BALLOTS = List.of(
            new Ballot(11, Set.of(1L, 2L, 3L, 5L)),
            new Ballot(12, Set.of(1L, 2L, 3L, 5L)),
            new Ballot(13, Set.of(1L, 2L, 3L, 5L)),
            new Ballot(14, Set.of(1L, 2L, 5L)),
            new Ballot(15, Set.of(1L, 5L)),
            new Ballot(16, Set.of(5L)));

    /**
     * Budget 1000: E (6 votes) costs more than the budget; A (600) wins, 400 left; B (500) does not
     * fit; C (300) still does, 100 left; D has no votes even though it would fit.
     */
    @Test
    void greedySkipsWhatDoesNotFitAndGoesOn() {
        Outcome outcome = Results.greedy(1000, PROJECTS, BALLOTS);

        assertThat(outcome.lines())
                .extracting(Line::projectId, Line::votes, Line::won, Line::reason, Line::round)
                .containsExactly(
                        tuple(1L, 5L, true, Reason.WON_BY_VOTES, 1),
                        tuple(3L, 3L, true, Reason.WON_BY_VOTES, 2),
                        tuple(5L, 6L, false, Reason.OVER_BUDGET, 0),
                        tuple(2L, 4L, false, Reason.OVER_BUDGET, 0),
                        tuple(4L, 0L, false, Reason.NO_VOTES, 0));
        assertThat(outcome.spent()).isEqualTo(900);
        assertThat(outcome.method()).isEqualTo(Method.GREEDY);
        assertThat(outcome.lines()).allSatisfy(line -> assertThat(line.pricePerSupporter()).isNull());
    }

    @Test
    void approvalLimitStopsAtTheLimitButStillSaysWhatDidNotFit() {
        Outcome one = Results.approvalWithLimit(1000, 1, PROJECTS, BALLOTS);
        assertThat(one.lines())
                .extracting(Line::projectId, Line::won, Line::reason)
                .containsExactly(
                        tuple(1L, true, Reason.WON_BY_VOTES),
                        tuple(5L, false, Reason.OVER_BUDGET),
                        tuple(2L, false, Reason.OVER_BUDGET),
                        tuple(3L, false, Reason.OVER_PROJECT_LIMIT),
                        tuple(4L, false, Reason.NO_VOTES));
        assertThat(one.spent()).isEqualTo(600);

        assertThat(Results.approvalWithLimit(1000, 0, PROJECTS, BALLOTS).winners()).isEmpty();
        assertThat(Results.of(Method.APPROVAL_LIMIT, 1000, 5, PROJECTS, BALLOTS).winners())
                .extracting(Line::projectId)
                .containsExactly(1L, 3L);
    }

    @Test
    void equalVotesGoToTheEarlierSubmissionThenToTheLowerId() {
        List<Ballot> both = List.of(new Ballot(1, Set.of(7L, 8L, 9L)));
        // 7 and 8 submitted on Tuesday, 9 on Monday; only one of them fits
        List<Candidate> three = List.of(
                new Candidate(8, 700, TUESDAY), new Candidate(7, 700, TUESDAY), new Candidate(9, 700, MONDAY));
        assertThat(Results.greedy(1000, three, both).winners()).extracting(Line::projectId).containsExactly(9L);

        List<Candidate> sameMoment = List.of(new Candidate(8, 700, TUESDAY), new Candidate(7, 700, TUESDAY));
        for (Method method : Method.values()) {
            Outcome outcome = Results.of(method, 1000, 3, sameMoment, List.of(new Ballot(1, Set.of(7L, 8L))));
            assertThat(outcome.lines()).extracting(Line::projectId).as(method.name()).containsExactly(7L, 8L);
            assertThat(outcome.winners()).extracting(Line::projectId).as(method.name()).containsExactly(7L);
        }
    }

    /**
     * Equal shares, equal rho: votes decide before the submission moment. Five voters, budget 500
     * (100 each). Round 1: P (400, voters 1-4, 100 each, rho 1/4) beats X (60, voters 1 and 5, rho
     * 1/2) and Y (60, voter 5, rho 1). Voters 1-4 are empty. Round 2: X can only be paid by voter 5
     * (60, rho 1), just like Y: equal rho, X has 2 votes against 1 and wins although Y was submitted
     * earlier and has the lower id. Voter 5 keeps 40 &lt; 60; the completion has 40 left.
     */
    @Test
    void equalSharesBreaksEqualRhoByVotesFirst() {
        List<Candidate> projects = List.of(
                new Candidate(30, 400, MONDAY), new Candidate(20, 60, TUESDAY), new Candidate(10, 60, MONDAY));
        List<Ballot> ballots = List.of(
                new Ballot(1, Set.of(30L, 20L)),
                new Ballot(2, Set.of(30L)),
                new Ballot(3, Set.of(30L)),
                new Ballot(4, Set.of(30L)),
                new Ballot(5, Set.of(20L, 10L)));

        Outcome outcome = Results.equalShares(500, projects, ballots);

        assertThat(outcome.lines())
                .extracting(Line::projectId, Line::reason, Line::round, Line::payers)
                .containsExactly(
                        tuple(30L, Reason.WON_EQUAL_SHARES, 1, 4),
                        tuple(20L, Reason.WON_EQUAL_SHARES, 2, 1),
                        tuple(10L, Reason.NOT_AFFORDABLE, 0, 0));
        assertThat(outcome.lines().get(1).pricePerSupporter()).isEqualByComparingTo("60");
        assertThat(outcome.spent()).isEqualTo(460);
    }

    @Test
    void equalSharesWithoutBallotsChoosesNothing() {
        Outcome outcome = Results.equalShares(1000, PROJECTS, List.of());
        assertThat(outcome.winners()).isEmpty();
        assertThat(outcome.lines()).extracting(Line::reason).containsOnly(Reason.NO_VOTES);
        assertThat(outcome.spent()).isZero();
    }

    @Test
    void refusesInputThatCannotBeCounted() {
        assertThatThrownBy(() -> new Candidate(1, -5, MONDAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Project 1 has cost -5");
        assertThatThrownBy(() -> new Candidate(1, 0, MONDAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Results.greedy(-1, PROJECTS, BALLOTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget must not be negative");
        assertThatThrownBy(() -> Results.approvalWithLimit(1000, -1, PROJECTS, BALLOTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must not be negative");
        List<Candidate> twice = List.of(new Candidate(1, 100, MONDAY), new Candidate(1, 200, TUESDAY));
        List<Ballot> unknown = List.of(new Ballot(42, Set.of(1L, 99L)));
        List<Ballot> sameVoter = List.of(new Ballot(42, Set.of(1L)), new Ballot(42, Set.of(2L)));
        for (Method method : Method.values()) {
            assertThatThrownBy(() -> Results.of(method, 1000, 3, twice, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Project 1 is listed more than once");
            assertThatThrownBy(() -> Results.of(method, 1000, 3, PROJECTS, unknown))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The ballot of voter 42 approves project 99, which is not a candidate");
            assertThatThrownBy(() -> Results.of(method, 1000, 3, PROJECTS, sameVoter))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Voter 42 has more than one ballot");
        }
    }
}
