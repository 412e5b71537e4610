/**
 * The participatory budget: cycles and their phases, categories, projects and cost lines, and the
 * use cases (administration, authoring, review, voting, implementation, reading, figures).
 */
@NullMarked
package ua.viche.budget.domain;

import org.jspecify.annotations.NullMarked;
