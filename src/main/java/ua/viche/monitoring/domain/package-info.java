/**
 * The digital-development programme: priorities, tasks, figures and indicators, the formulas that
 * compute an indicator from figures, the average yearly dynamics, and the use cases around them.
 */
@NullMarked
package ua.viche.monitoring.domain;

import org.jspecify.annotations.NullMarked;
