package ua.viche.budget.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two worked examples of the Method of Equal Shares published on equalshares.net
 * ("Explanation of the Method of Equal Shares", Example 1 and Example 2 (more complicated);
 * source: https://equalshares.net/explanation, repository equalshares/equalshares.net,
 * docs/explanation.mdx). 11 voters, budget 1100 (here in kopecks: 110 000), five projects:
 *
 * <pre>
 * id project      cost   voters (Example 1)        voters (Example 2)
 *  1 bike path     700   1 2 3 4 5 6 11   (7)      1 2 3 4 5 6       (6)
 *  2 outdoor gym   400   1 2 3 4 5 6      (6)      1 2 3 4 5 6 11    (7)
 *  3 new park      250   2 4 5 7 10       (5)      same
 *  4 playground    200   7 8 9 10         (4)      same
 *  5 kids' library 100   7 9 10           (3)      same
 * </pre>
 *
 * The numbers are reproduced by hand in each test (in hryvnias for readability; the code works in
 * kopecks). Each voter's share is 1100 / 11 = 100.
 */
class EqualSharesExampleTest {

    private static final Instant SAME_DAY = Instant.parse("2026-03-01T10:00:00Z");
    private static final long UAH = 100;

    private static List<Candidate> projects() {
        return List.of(
                new Candidate(1, 700 * UAH, SAME_DAY),
                new Candidate(2, 400 * UAH, SAME_DAY),
                new Candidate(3, 250 * UAH, SAME_DAY),
                new Candidate(4, 200 * UAH, SAME_DAY),
                new Candidate(5, 100 * UAH, SAME_DAY));
    }

    /** Ballots from the table: voter 11 approves the bike path (Example 1) or the gym (Example 2). */
    private static List<Ballot> ballots(long voter11Approves) {
        return List.of(
                new Ballot(1, Set.of(1L, 2L)),
                new Ballot(2, Set.of(1L, 2L, 3L)),
                new Ballot(3, Set.of(1L, 2L)),
                new Ballot(4, Set.of(1L, 2L, 3L)),
                new Ballot(5, Set.of(1L, 2L, 3L)),
                new Ballot(6, Set.of(1L, 2L)),
                new Ballot(7, Set.of(3L, 4L, 5L)),
                new Ballot(8, Set.of(4L)),
                new Ballot(9, Set.of(4L, 5L)),
                new Ballot(10, Set.of(3L, 4L, 5L)),
                new Ballot(11, Set.of(voter11Approves)));
    }

    /**
     * Example 1. Round 1: the bike path costs 100 per supporter (7 votes; rho = 1/7), the gym 66.67
     * (6 votes; 1/6), the park 50 (1/5), the playground 50 (1/4), the library 33.33 (1/3). With
     * cost utilities the smallest rho wins, i.e. the most effective votes: the bike path, although
     * the gym is cheaper per supporter. Voters 1-6 and 11 are now empty. Round 2: the gym has no
     * money behind it, the park only 2 × 100 = 200 &lt; 250; the playground costs 50 each (rho 1/4)
     * and beats the library (1/3). Voters 7-10 keep 50. Round 3: the library costs 100 / 3 = 33.33
     * each from voters 7, 9, 10. Nothing else is affordable. Spent 1000; the 100 left fits neither
     * the gym nor the park, so the completion adds nothing. equalshares.net: "the bike path, then
     * the new playground, and then the library for kids".
     */
    @Test
    void example1() {
        Outcome outcome = Results.equalShares(1100 * UAH, projects(), ballots(1));

        assertThat(outcome.lines())
                .extracting(Line::projectId, Line::votes, Line::won, Line::reason, Line::round,
                        Line::pricePerSupporter, Line::payers)
                .containsExactly(
                        tuple(1L, 7L, true, Reason.WON_EQUAL_SHARES, 1, new BigDecimal("10000.00"), 7),
                        tuple(4L, 4L, true, Reason.WON_EQUAL_SHARES, 2, new BigDecimal("5000.00"), 4),
                        tuple(5L, 3L, true, Reason.WON_EQUAL_SHARES, 3, new BigDecimal("3333.33"), 3),
                        tuple(2L, 6L, false, Reason.NOT_AFFORDABLE, 0, null, 0),
                        tuple(3L, 5L, false, Reason.NOT_AFFORDABLE, 0, null, 0));
        assertThat(outcome.spent()).isEqualTo(1000 * UAH);

        // the same site: the usual rule takes the bike path and the gym and stops
        assertThat(Results.greedy(1100 * UAH, projects(), ballots(1)).winners())
                .extracting(Line::projectId)
                .containsExactly(1L, 2L);
    }

    /**
     * Example 2. Round 1: the bike path's 6 supporters hold 600 &lt; 700, never affordable. The gym
     * costs 400 / 7 = 57.14 each (rho 1/7) and wins; voters 1-6 and 11 keep 300/7 = 42.86. Round 2:
     * the park (250): an equal 50 is more than the 42.86 of voters 2, 4, 5, so they pay all they
     * have (900/7) and voters 7 and 10 split the other 850/7, paying 425/7 = 60.71 each; rho =
     * (425/7) / 250 = 17/70, i.e. 70/17 = 4.12 effective votes (the site rounds to 43 and 60.5 and
     * shows 4.1). It beats the playground (50 each, rho 1/4 = 17.5/70). Voters 7 and 10 keep 275/7 =
     * 39.29. Round 3: the playground: voters 7 and 10 pay their 275/7, voters 8 and 9 split the
     * remaining 850/7: 425/7 = 60.71 each; rho = (425/7) / 200 = 17/56 (3.29 effective votes, the
     * site's "3.2"), which beats the library (100/3 each, rho 1/3). Round 4: the library's
     * supporters hold 0 + 275/7 + 0 = 39.29 &lt; 100: the phase ends with the gym, the park and the
     * playground, as on the site. Our greedy completion then spends the 250 left: the bike path
     * (700) does not fit, the library (100) does.
     */
    @Test
    void example2() {
        EqualShares.Run run = EqualShares.run(Results.Tally.of(1100 * UAH, projects(), ballots(2)));
        Outcome outcome = run.outcome();

        assertThat(outcome.lines())
                .extracting(Line::projectId, Line::votes, Line::won, Line::reason, Line::round,
                        Line::pricePerSupporter, Line::payers)
                .containsExactly(
                        tuple(2L, 7L, true, Reason.WON_EQUAL_SHARES, 1, new BigDecimal("5714.29"), 7),
                        tuple(3L, 5L, true, Reason.WON_EQUAL_SHARES, 2, new BigDecimal("6071.43"), 5),
                        tuple(4L, 4L, true, Reason.WON_EQUAL_SHARES, 3, new BigDecimal("6071.43"), 4),
                        tuple(5L, 3L, true, Reason.WON_COMPLETION, 4, null, 0),
                        tuple(1L, 6L, false, Reason.NOT_AFFORDABLE, 0, null, 0));
        assertThat(outcome.spent()).isEqualTo(950 * UAH);

        // exact figures of the hand computation (kopecks)
        assertThat(run.rhos()).containsExactly(Fraction.of(1, 7), Fraction.of(17, 70), Fraction.of(17, 56));
        Fraction gymLeft = Fraction.of(30000, 7);
        Fraction parkLeft = Fraction.of(27500, 7);
        assertThat(run.payments().get(3L))
                .containsEntry(2L, gymLeft)
                .containsEntry(7L, Fraction.of(42500, 7))
                .containsEntry(10L, Fraction.of(42500, 7));
        assertThat(run.left())
                .containsEntry(1L, gymLeft).containsEntry(2L, Fraction.ZERO)
                .containsEntry(7L, Fraction.ZERO).containsEntry(8L, parkLeft)
                .containsEntry(9L, parkLeft).containsEntry(11L, gymLeft);
    }
}
