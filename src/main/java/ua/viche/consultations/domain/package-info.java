/**
 * Consultations: the entity and its rules, the draft's sections and their import, word-level
 * differences, the use cases (publishing, discussing, moderating, reporting, reading), search and
 * personal data.
 */
@NullMarked
package ua.viche.consultations.domain;

import org.jspecify.annotations.NullMarked;
