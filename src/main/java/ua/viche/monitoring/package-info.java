/**
 * Programme monitoring (SPEC §9): the council's digital-development programme — priorities,
 * monitoring figures, indicators with their formulas, targets and average yearly dynamics — as a
 * public register with its JSON twin. The sub-package {@code domain} holds the pure calculation
 * ({@code Formula}, {@code Dynamics}, {@code IndicatorCalculation}) beside the use cases.
 */
@NullMarked
package ua.viche.monitoring;

import org.jspecify.annotations.NullMarked;
