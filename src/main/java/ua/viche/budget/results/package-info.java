/**
 * Winners of one budget category from its candidates and ballots: plain Java, no framework, exact
 * arithmetic. Entry point {@link ua.viche.budget.results.Results}; see decision record 0014.
 */
@NullMarked
package ua.viche.budget.results;

import org.jspecify.annotations.NullMarked;
