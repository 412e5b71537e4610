/**
 * Participatory budget (SPEC §3; громадський бюджет): yearly cycles with categories and sums,
 * project submission, eligibility review, voting, results and implementation. The sub-package
 * {@code results} holds the pure calculation of winners (greedy by votes, approval with a project
 * limit, the Method of Equal Shares).
 */
@NullMarked
package ua.viche.budget;

import org.jspecify.annotations.NullMarked;
