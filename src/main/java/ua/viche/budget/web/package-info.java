/**
 * Participatory budget pages, admin, paper ballots, JSON API and open data.
 */
@NullMarked
package ua.viche.budget.web;

import org.jspecify.annotations.NullMarked;
