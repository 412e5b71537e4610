/**
 * Polls: questions of several kinds, one anonymous response per person (who took part and what was
 * answered are stored apart, with nothing to join them by), results with charts and their tables.
 */
@NullMarked
package ua.viche.consultations.polls;

import org.jspecify.annotations.NullMarked;
