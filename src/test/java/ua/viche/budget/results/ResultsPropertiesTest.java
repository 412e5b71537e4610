package ua.viche.budget.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the three methods on random categories: up to 9 projects costing 1..1500, budgets
 * 0..4000, up to 25 voters approving random subsets (empty ones included), submission moments over
 * four days so that ties happen. Each property runs on {@value #SAMPLES} instances drawn from fixed
 * seeds, so a failure names its seed and repeats exactly.
 */
class ResultsPropertiesTest {

    record Instance(long budget, int maxProjects, List<Candidate> candidates, List<Ballot> ballots) {

        Map<Long, Long> votes() {
            Map<Long, Long> votes = new HashMap<>();
            candidates.forEach(c -> votes.put(c.projectId(), 0L));
            ballots.forEach(b -> b.approved().forEach(id -> votes.merge(id, 1L, Long::sum)));
            return votes;
        }

        /** The documented ranking, computed here independently of the code under test. */
        Comparator<Line> ranking() {
            Map<Long, Instant> submitted = candidates.stream()
                    .collect(Collectors.toMap(Candidate::projectId, Candidate::submittedAt));
            return Comparator.comparingLong(Line::votes)
                    .reversed()
                    .thenComparing(line -> submitted.get(line.projectId()))
                    .thenComparingLong(Line::projectId);
        }
    }

    static final int SAMPLES = 500;

    /** The seeds of the random instances: the same on every run. */
    static LongStream seeds() {
        return LongStream.range(0, SAMPLES).map(i -> 0x5EED_0000L + i);
    }

    /** A random category: the distribution the class comment describes. */
    static Instance instance(long seed) {
        Random random = new Random(seed);
        Set<Long> ids = new TreeSet<>();
        int wanted = 1 + random.nextInt(9);
        while (ids.size() < wanted) {
            ids.add(1L + random.nextInt(40));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (long id : ids) {
            long cost = 1 + random.nextInt(1500);
            int day = random.nextInt(4);
            candidates.add(new Candidate(id, cost, Instant.parse("2026-03-02T09:00:00Z").plusSeconds(86_400L * day)));
        }
        List<Ballot> ballots = new ArrayList<>();
        int voters = random.nextInt(26);
        for (int i = 0; i < voters; i++) {
            Set<Long> approved = new LinkedHashSet<>();
            for (long id : ids) {
                if (random.nextBoolean()) {
                    approved.add(id);
                }
            }
            ballots.add(new Ballot(500 - 7L * i, approved));
        }
        long budget = random.nextInt(4001);
        int limit = random.nextInt(7);
        return new Instance(budget, limit, candidates, ballots);
    }

    private static List<Outcome> allMethods(Instance in) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Method method : Method.values()) {
            outcomes.add(Results.of(method, in.budget(), in.maxProjects(), in.candidates(), in.ballots()));
        }
        return outcomes;
    }

    /**
     * All methods: the winners' costs add up to {@code spent}, which never exceeds the budget; each
     * candidate has exactly one line; winners come first, numbered 1, 2, ...; a winner has votes
     * and costs no more than the budget.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverSpendsMoreThanTheBudget(long seed) {
        Instance in = instance(seed);
        Map<Long, Long> votes = in.votes();
        for (Outcome outcome : allMethods(in)) {
            List<Line> winners = outcome.winners();
            assertThat(outcome.spent()).isLessThanOrEqualTo(in.budget())
                    .isEqualTo(winners.stream().mapToLong(Line::cost).sum());
            assertThat(outcome.lines()).extracting(Line::projectId)
                    .containsExactlyInAnyOrderElementsOf(votes.keySet());
            assertThat(outcome.lines().subList(0, winners.size())).isEqualTo(winners);
            for (int i = 0; i < winners.size(); i++) {
                Line winner = winners.get(i);
                assertThat(winner.round()).isEqualTo(i + 1);
                assertThat(winner.votes()).isPositive().isEqualTo(votes.get(winner.projectId()));
                assertThat(winner.cost()).isLessThanOrEqualTo(in.budget());
            }
        }
    }

    /**
     * Greedy, stated precisely: walk the projects in ranking order (votes descending, earlier
     * submission, lower id) with the money left starting at the budget. A project wins exactly when
     * it has at least one vote and costs no more than the money left at that moment, which then
     * drops by its cost. Hence a losing project with more votes than some winner did not fit in the
     * money left when its turn came. Winners are listed in ranking order, losers after them likewise.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void greedyTakesEachProjectThatStillFitsInVoteOrder(long seed) {
        Instance in = instance(seed);
        Outcome outcome = Results.greedy(in.budget(), in.candidates(), in.ballots());
        List<Line> ranked = new ArrayList<>(outcome.lines());
        ranked.sort(in.ranking());
        long left = in.budget();
        for (Line line : ranked) {
            boolean fits = line.votes() > 0 && line.cost() <= left;
            assertThat(line.won()).as("project %d with %d left", line.projectId(), left).isEqualTo(fits);
            if (line.won()) {
                left -= line.cost();
            } else {
                assertThat(line.reason()).isEqualTo(line.votes() == 0 ? Reason.NO_VOTES : Reason.OVER_BUDGET);
                long spentBefore = ranked.subList(0, ranked.indexOf(line)).stream()
                        .filter(Line::won).mapToLong(Line::cost).sum();
                for (Line winner : outcome.winners()) {
                    if (line.votes() > winner.votes()) {
                        assertThat(line.cost()).isGreaterThan(in.budget() - spentBefore);
                    }
                }
            }
        }
        List<Line> winnersRanked = new ArrayList<>(outcome.winners());
        winnersRanked.sort(in.ranking());
        assertThat(outcome.winners()).isEqualTo(winnersRanked);
    }

    /**
     * Approval with a limit: never more winners than the limit, and they are exactly the first
     * winners of the greedy rule; a project is refused for the limit only once the limit is full.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void approvalLimitIsTheGreedyRuleCutAtTheLimit(long seed) {
        Instance in = instance(seed);
        Outcome limited = Results.approvalWithLimit(in.budget(), in.maxProjects(), in.candidates(), in.ballots());
        List<Line> greedyWinners = Results.greedy(in.budget(), in.candidates(), in.ballots()).winners();

        assertThat(limited.winners()).hasSizeLessThanOrEqualTo(in.maxProjects());
        assertThat(limited.winners()).extracting(Line::projectId).containsExactlyElementsOf(
                greedyWinners.subList(0, Math.min(in.maxProjects(), greedyWinners.size())).stream()
                        .map(Line::projectId).toList());
        if (limited.lines().stream().anyMatch(line -> line.reason() == Reason.OVER_PROJECT_LIMIT)) {
            assertThat(limited.winners()).hasSize(in.maxProjects());
        }
    }

    /**
     * Equal shares, its defining constraint: in the equal-shares phase no voter pays more than the
     * share budget / n in total, only supporters pay, every winner's payments add up exactly to its
     * cost, the price per supporter is the largest payment, and the chosen rho never decreases from
     * round to round. When the phase ends no remaining project is affordable by its supporters'
     * money left; completion winners then fit in the money the phase did not spend.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void equalSharesPaysFromSharesOnly(long seed) {
        Instance in = instance(seed);
        EqualShares.Run run = EqualShares.run(Results.Tally.of(in.budget(), in.candidates(), in.ballots()));
        Map<Long, Set<Long>> approved = in.ballots().stream()
                .collect(Collectors.toMap(Ballot::voterId, Ballot::approved));
        Map<Long, Fraction> totalPaid = new HashMap<>();
        Map<Long, Line> lines = run.outcome().lines().stream()
                .collect(Collectors.toMap(Line::projectId, line -> line));

        run.payments().forEach((projectId, payments) -> {
            Line line = lines.get(projectId);
            assertThat(line.reason()).isEqualTo(Reason.WON_EQUAL_SHARES);
            Fraction sum = Fraction.ZERO;
            Fraction largest = Fraction.ZERO;
            for (Map.Entry<Long, Fraction> payment : payments.entrySet()) {
                assertThat(approved.get(payment.getKey())).contains(projectId);
                assertThat(payment.getValue().signum()).isNotNegative();
                sum = sum.plus(payment.getValue());
                largest = largest.max(payment.getValue());
                totalPaid.merge(payment.getKey(), payment.getValue(), Fraction::plus);
            }
            assertThat(sum).isEqualTo(Fraction.of(line.cost()));
            assertThat(line.pricePerSupporter()).isEqualTo(largest.toBigDecimal(2));
            assertThat(line.payers()).isEqualTo((int) payments.values().stream().filter(p -> p.signum() > 0).count());
        });
        assertThat(run.payments().keySet()).containsExactlyElementsOf(run.outcome().winners().stream()
                .filter(line -> line.reason() == Reason.WON_EQUAL_SHARES).map(Line::projectId).toList());
        for (Ballot ballot : in.ballots()) {
            Fraction paid = totalPaid.getOrDefault(ballot.voterId(), Fraction.ZERO);
            assertThat(paid).isLessThanOrEqualTo(run.share());
            assertThat(run.left().get(ballot.voterId())).isEqualTo(run.share().minus(paid));
        }
        for (int i = 1; i < run.rhos().size(); i++) {
            assertThat(run.rhos().get(i)).isGreaterThanOrEqualTo(run.rhos().get(i - 1));
        }
        for (Candidate candidate : in.candidates()) {
            if (!run.payments().containsKey(candidate.projectId())) {
                Fraction money = in.ballots().stream()
                        .filter(b -> b.approved().contains(candidate.projectId()))
                        .map(b -> run.left().get(b.voterId()))
                        .reduce(Fraction.ZERO, Fraction::plus);
                assertThat(money).isLessThan(Fraction.of(candidate.cost()));
            }
        }
    }

    /** Every method gives the same outcome whatever the order of candidates, ballots and approvals. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void orderOfInputDoesNotMatter(long seed) {
        Instance in = instance(seed);
        Random random = new Random(~seed);
        List<Candidate> candidates = new ArrayList<>(in.candidates());
        Collections.shuffle(candidates, random);
        List<Ballot> ballots = new ArrayList<>();
        for (Ballot ballot : in.ballots()) {
            List<Long> approved = new ArrayList<>(ballot.approved());
            Collections.shuffle(approved, random);
            ballots.add(new Ballot(ballot.voterId(), new LinkedHashSet<>(approved)));
        }
        Collections.shuffle(ballots, random);
        Instance shuffled = new Instance(in.budget(), in.maxProjects(), candidates, ballots);

        assertThat(allMethods(shuffled)).isEqualTo(allMethods(in));
    }

    /**
     * With cost utilities, when every voter approves every project each voter always holds the same
     * money, so every affordable project costs each voter cost / n: rho = 1/n for all of them and
     * the tie-break (votes are equal, so earlier submission, then lower id) decides. A project is
     * affordable exactly when it fits in the money left. Equal shares therefore chooses what the
     * greedy rule chooses, in the same order, all in the equal-shares phase. (It is not
     * cheapest-first: that would be equal shares with unit utilities.)
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void unanimousApprovalMakesEqualSharesTheGreedyRule(long seed) {
        Instance in = instance(seed);
        int voters = 1 + new Random(~seed).nextInt(20);
        Set<Long> all = in.candidates().stream().map(Candidate::projectId).collect(Collectors.toSet());
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            ballots.add(new Ballot(i, all));
        }
        Outcome shares = Results.equalShares(in.budget(), in.candidates(), ballots);
        Outcome greedy = Results.greedy(in.budget(), in.candidates(), ballots);

        assertThat(shares.winners()).extracting(Line::projectId)
                .containsExactlyElementsOf(greedy.winners().stream().map(Line::projectId).toList());
        assertThat(shares.winners()).allSatisfy(line -> assertThat(line.reason()).isEqualTo(Reason.WON_EQUAL_SHARES));
    }
}
