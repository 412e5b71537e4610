package ua.viche.budget.results;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One project's place in the result.
 *
 * @param votes number of ballots approving the project
 * @param round 1-based position in the selection order for a winner (for equal shares: the round
 *     of the equal-shares phase, completion winners continue the count); 0 for a project that lost
 * @param pricePerSupporter for {@link Reason#WON_EQUAL_SHARES} only: the most any supporter paid
 *     (kopecks, rounded half-up to hundredths of a kopeck; supporters with less money left paid all
 *     they had); {@code null} otherwise
 * @param payers for {@link Reason#WON_EQUAL_SHARES} only: supporters who paid a non-zero part; 0
 *     otherwise
 */
public record Line(
        long projectId,
        long votes,
        long cost,
        boolean won,
        Reason reason,
        int round,
        @Nullable BigDecimal pricePerSupporter,
        int payers) {}
