package ua.viche.budget.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Winners of one budget category. All methods are deterministic: the order of the candidate and
 * ballot lists does not matter. Money is in kopecks.
 *
 * <p><b>Ranking</b> (used by the greedy rule, the approval limit, equal-shares completion, the
 * order of losing lines, and as the tie-break of equal shares): more votes first; on equal votes
 * the project submitted earlier; on the same moment the lower project id.
 *
 * <p>In every method a project nobody voted for never wins ({@link Reason#NO_VOTES}), and a project
 * that costs more than the whole budget never wins ({@link Reason#OVER_BUDGET}).
 *
 * <p>Input that cannot be counted is refused with {@link IllegalArgumentException}: a negative
 * budget or project limit, two candidates with the same project id, two ballots of the same voter,
 * or a ballot approving a project that is not a candidate. (A non-positive cost is refused by
 * {@link Candidate} itself.)
 */
public final class Results {

    private Results() {}

    /**
     * The greedy rule ("most votes that still fit"): projects in ranking order; each one that costs
     * no more than the money left wins and its cost is taken from the money left; one that does not
     * fit loses ({@link Reason#OVER_BUDGET}) and the walk goes on with the next, cheaper ones may
     * still fit.
     */
    public static Outcome greedy(long budget, List<Candidate> candidates, List<Ballot> ballots) {
        return byVotes(Method.GREEDY, Integer.MAX_VALUE, Tally.of(budget, candidates, ballots));
    }

    /**
     * The greedy rule with at most {@code maxProjects} winners. A project that does not fit in the
     * money left loses with {@link Reason#OVER_BUDGET}; one that fits after the limit is reached
     * loses with {@link Reason#OVER_PROJECT_LIMIT}. The winners are always the first
     * {@code maxProjects} winners of {@link #greedy}.
     */
    public static Outcome approvalWithLimit(
            long budget, int maxProjects, List<Candidate> candidates, List<Ballot> ballots) {
        if (maxProjects < 0) {
            throw new IllegalArgumentException("The project limit must not be negative: " + maxProjects);
        }
        return byVotes(Method.APPROVAL_LIMIT, maxProjects, Tally.of(budget, candidates, ballots));
    }

    /**
     * The Method of Equal Shares for approval ballots with cost utilities, completed by the greedy
     * rule; see {@link EqualShares} for the exact procedure and decision record 0014.
     */
    public static Outcome equalShares(long budget, List<Candidate> candidates, List<Ballot> ballots) {
        return EqualShares.run(Tally.of(budget, candidates, ballots)).outcome();
    }

    /** Dispatches to the given method; {@code maxProjects} is used by {@link Method#APPROVAL_LIMIT} only. */
    public static Outcome of(
            Method method, long budget, int maxProjects, List<Candidate> candidates, List<Ballot> ballots) {
        Objects.requireNonNull(method, "method");
        return switch (method) {
            case GREEDY -> greedy(budget, candidates, ballots);
            case APPROVAL_LIMIT -> approvalWithLimit(budget, maxProjects, candidates, ballots);
            case EQUAL_SHARES -> equalShares(budget, candidates, ballots);
        };
    }

    private static Outcome byVotes(Method method, int limit, Tally tally) {
        long left = tally.budget();
        List<Line> winners = new ArrayList<>();
        List<Line> rest = new ArrayList<>();
        for (Entry entry : tally.ranked()) {
            if (entry.votes() == 0) {
                rest.add(entry.lost(Reason.NO_VOTES));
            } else if (entry.cost() > left) {
                rest.add(entry.lost(Reason.OVER_BUDGET));
            } else if (winners.size() >= limit) {
                rest.add(entry.lost(Reason.OVER_PROJECT_LIMIT));
            } else {
                left -= entry.cost();
                winners.add(entry.won(Reason.WON_BY_VOTES, winners.size() + 1));
            }
        }
        winners.addAll(rest);
        return new Outcome(method, tally.budget(), tally.budget() - left, winners);
    }

    /** Ranking order: more votes, then earlier submission, then lower project id. */
    static final Comparator<Entry> RANKING = Comparator.comparingLong(Entry::votes)
            .reversed()
            .thenComparing(Entry::submittedAt)
            .thenComparingLong(Entry::projectId);

    /** A candidate with its votes and its supporters (indices into {@link Tally#voterIds()}). */
    record Entry(long projectId, long cost, Instant submittedAt, long votes, int[] supporters) {

        Line won(Reason reason, int round) {
            return new Line(projectId, votes, cost, true, reason, round, null, 0);
        }

        Line lost(Reason reason) {
            return new Line(projectId, votes, cost, false, reason, 0, null, 0);
        }
    }

    /** Validated input: candidates in ranking order and voters sorted by id. */
    record Tally(long budget, List<Entry> ranked, long[] voterIds) {

        static Tally of(long budget, List<Candidate> candidates, List<Ballot> ballots) {
            if (budget < 0) {
                throw new IllegalArgumentException("The budget must not be negative: " + budget);
            }
            Map<Long, Candidate> byId = new HashMap<>();
            for (Candidate candidate : candidates) {
                if (byId.put(candidate.projectId(), candidate) != null) {
                    throw new IllegalArgumentException(
                            "Project " + candidate.projectId() + " is listed more than once");
                }
            }
            List<Ballot> sorted = new ArrayList<>(ballots);
            sorted.sort(Comparator.comparingLong(Ballot::voterId));
            long[] voterIds = new long[sorted.size()];
            Map<Long, List<Integer>> supporters = new HashMap<>();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < sorted.size(); i++) {
                Ballot ballot = sorted.get(i);
                if (!seen.add(ballot.voterId())) {
                    throw new IllegalArgumentException("Voter " + ballot.voterId() + " has more than one ballot");
                }
                voterIds[i] = ballot.voterId();
                for (long projectId : ballot.approved()) {
                    if (!byId.containsKey(projectId)) {
                        throw new IllegalArgumentException("The ballot of voter " + ballot.voterId()
                                + " approves project " + projectId + ", which is not a candidate");
                    }
                    supporters.computeIfAbsent(projectId, id -> new ArrayList<>()).add(i);
                }
            }
            List<Entry> ranked = new ArrayList<>();
            for (Candidate candidate : byId.values()) {
                int[] indices = supporters.getOrDefault(candidate.projectId(), List.of()).stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
                Arrays.sort(indices);
                ranked.add(new Entry(
                        candidate.projectId(), candidate.cost(), candidate.submittedAt(), indices.length, indices));
            }
            ranked.sort(RANKING);
            return new Tally(budget, List.copyOf(ranked), voterIds);
        }
    }
}
