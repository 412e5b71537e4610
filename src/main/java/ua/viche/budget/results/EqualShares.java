package ua.viche.budget.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ua.viche.budget.results.Results.Entry;
import ua.viche.budget.results.Results.Tally;

/**
 * The Method of Equal Shares for approval ballots with cost utilities (Peters &amp; Skowron 2020,
 * "Rule X"; Peters, Pierczyński &amp; Skowron 2021, "Proportional participatory budgeting with
 * additive utilities"; equalshares.net), followed by the greedy completion.
 *
 * <ol>
 *   <li>Each of the n voters (ballots) receives the share budget / n.
 *   <li>For each project not yet chosen, its supporters pay as equally as possible: each pays
 *       min(money left, m), with the smallest m for which the payments add up to the cost. A project
 *       whose supporters together have less than its cost is not affordable (and never becomes so).
 *   <li>With cost utilities the price per unit of utility is rho = m / cost, so the project with the
 *       smallest rho is chosen: the most "effective votes" cost / m (equalshares.net). Ties: more
 *       votes, then earlier submission, then lower id. Its supporters pay, and the next round starts.
 *   <li>When no project is affordable the phase stops. The money not spent by it (budget minus the
 *       winners' costs) is filled by the greedy rule over the remaining projects in ranking order:
 *       {@link Reason#WON_COMPLETION}.
 * </ol>
 *
 * <p>All money is an exact {@link Fraction}, so payments of a winner add up exactly to its cost and
 * no voter ever pays more than the share. Only the reported price per supporter is rounded (half-up
 * to hundredths of a kopeck).
 */
final class EqualShares {

    private EqualShares() {}

    /**
     * The outcome with what was paid in the equal-shares phase.
     *
     * @param share each voter's share (budget / n), or zero without voters
     * @param payments per winner of the equal-shares phase (in round order): voter id → amount paid
     * @param rhos per round: the price per unit of utility m / cost of the chosen project
     * @param left per voter id: money left after the equal-shares phase
     */
    record Run(
            Outcome outcome,
            Fraction share,
            Map<Long, Map<Long, Fraction>> payments,
            List<Fraction> rhos,
            Map<Long, Fraction> left) {}

    static Run run(Tally tally) {
        long budget = tally.budget();
        int voters = tally.voterIds().length;
        Fraction share = voters == 0 ? Fraction.ZERO : Fraction.of(budget, voters);
        // voters holding the same money share a class: amounts.get(moneyClass[voter]) is what is left
        List<Fraction> amounts = new ArrayList<>(List.of(share));
        int[] moneyClass = new int[voters];

        List<Entry> open = new ArrayList<>();
        for (Entry entry : tally.ranked()) {
            if (entry.votes() > 0 && entry.cost() <= budget) {
                open.add(entry);
            }
        }
        List<Line> winners = new ArrayList<>();
        Map<Long, Map<Long, Fraction>> payments = new LinkedHashMap<>();
        List<Fraction> rhos = new ArrayList<>();
        Set<Long> chosen = new HashSet<>();
        long spent = 0;
        while (true) {
            Entry best = null;
            Fraction bestPrice = null;
            // open is in ranking order, so on an equal rho the earlier one (the tie-break) stays best
            for (Iterator<Entry> it = open.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                Fraction price = maxPayment(entry, moneyClass, amounts);
                if (price == null) {
                    it.remove();
                } else if (best == null || price.times(best.cost()).compareTo(bestPrice.times(entry.cost())) < 0) {
                    // price / cost < bestPrice / best cost: a smaller rho
                    best = entry;
                    bestPrice = price;
                }
            }
            if (best == null) {
                break;
            }
            open.remove(best);
            Map<Long, Fraction> paid = new LinkedHashMap<>();
            // voters of one class pay the same and land in the same new class
            Map<Integer, Integer> classAfter = new HashMap<>();
            Map<Integer, Fraction> paymentOf = new HashMap<>();
            int payers = 0;
            for (int voter : best.supporters()) {
                int before = moneyClass[voter];
                if (!classAfter.containsKey(before)) {
                    Fraction payment = amounts.get(before).min(bestPrice);
                    paymentOf.put(before, payment);
                    amounts.add(amounts.get(before).minus(payment));
                    classAfter.put(before, amounts.size() - 1);
                }
                Fraction payment = paymentOf.get(before);
                moneyClass[voter] = classAfter.get(before);
                paid.put(tally.voterIds()[voter], payment);
                if (payment.signum() > 0) {
                    payers++;
                }
            }
            payments.put(best.projectId(), Collections.unmodifiableMap(paid));
            rhos.add(bestPrice.dividedBy(best.cost()));
            chosen.add(best.projectId());
            spent += best.cost();
            winners.add(new Line(best.projectId(), best.votes(), best.cost(), true, Reason.WON_EQUAL_SHARES,
                    winners.size() + 1, bestPrice.toBigDecimal(2), payers));
        }

        long left = budget - spent;
        List<Line> rest = new ArrayList<>();
        for (Entry entry : tally.ranked()) {
            if (chosen.contains(entry.projectId())) {
                continue;
            }
            if (entry.votes() == 0) {
                rest.add(entry.lost(Reason.NO_VOTES));
            } else if (entry.cost() > budget) {
                rest.add(entry.lost(Reason.OVER_BUDGET));
            } else if (entry.cost() > left) {
                rest.add(entry.lost(Reason.NOT_AFFORDABLE));
            } else {
                left -= entry.cost();
                winners.add(entry.won(Reason.WON_COMPLETION, winners.size() + 1));
            }
        }
        winners.addAll(rest);
        Map<Long, Fraction> moneyLeft = new LinkedHashMap<>();
        for (int i = 0; i < voters; i++) {
            moneyLeft.put(tally.voterIds()[i], amounts.get(moneyClass[i]));
        }
        Outcome outcome = new Outcome(Method.EQUAL_SHARES, budget, budget - left, winners);
        return new Run(outcome, share, Collections.unmodifiableMap(payments), List.copyOf(rhos),
                Collections.unmodifiableMap(moneyLeft));
    }

    /**
     * The smallest m such that the supporters paying min(money left, m) each cover the cost, or
     * {@code null} when all their money together is less than the cost.
     */
    static Fraction maxPayment(Entry entry, int[] moneyClass, List<Fraction> amounts) {
        int[] holders = new int[amounts.size()];
        for (int voter : entry.supporters()) {
            holders[moneyClass[voter]]++;
        }
        List<Integer> classes = new ArrayList<>();
        Fraction total = Fraction.ZERO;
        for (int c = 0; c < holders.length; c++) {
            if (holders[c] > 0) {
                classes.add(c);
                total = total.plus(amounts.get(c).times(holders[c]));
            }
        }
        Fraction cost = Fraction.of(entry.cost());
        if (total.compareTo(cost) < 0) {
            return null;
        }
        classes.sort(Comparator.comparing(amounts::get));
        Fraction paid = Fraction.ZERO;
        int payers = entry.supporters().length;
        for (int c : classes) {
            Fraction equalPart = cost.minus(paid).dividedBy(payers);
            if (amounts.get(c).compareTo(equalPart) >= 0) {
                return equalPart;
            }
            paid = paid.plus(amounts.get(c).times(holders[c]));
            payers -= holders[c];
        }
        throw new IllegalStateException("unreachable: the supporters' money covers the cost");
    }
}
