package ua.viche.budget.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A large category: 20 000 voters approving 1-5 of 40 projects (popularity skewed), budget
 * 5 000 000 UAH. Equal shares with exact fractions must stay quick (about 0.1 s once warm) and keep
 * its guarantees at that size.
 */
class EqualSharesScaleTest {

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void twentyThousandVoters() {
        Random random = new Random(2026);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            candidates.add(new Candidate(i, (50_000 + random.nextInt(950_000)) * 100L, Instant.ofEpochSecond(i)));
        }
        List<Ballot> ballots = new ArrayList<>();
        for (int voter = 0; voter < 20_000; voter++) {
            Set<Long> approved = new HashSet<>();
            int wanted = 1 + random.nextInt(5);
            while (approved.size() < wanted) {
                approved.add(1L + (long) Math.min(39, Math.abs(random.nextGaussian() * 12)));
            }
            ballots.add(new Ballot(voter, approved));
        }
        long budget = 5_000_000_00L;

        EqualShares.Run run = EqualShares.run(Results.Tally.of(budget, candidates, ballots));

        assertThat(run.outcome().spent()).isLessThanOrEqualTo(budget).isGreaterThan(budget * 9 / 10);
        assertThat(run.payments()).hasSizeGreaterThan(5);
        Map<Long, Line> lines = new HashMap<>();
        run.outcome().lines().forEach(line -> lines.put(line.projectId(), line));
        run.payments().forEach((project, payments) -> assertThat(
                payments.values().stream().reduce(Fraction.ZERO, Fraction::plus))
                .isEqualTo(Fraction.of(lines.get(project).cost())));
        assertThat(run.left().values()).allSatisfy(left -> assertThat(left.signum()).isNotNegative());
        assertThat(Results.greedy(budget, candidates, ballots).spent()).isLessThanOrEqualTo(budget);
    }
}
