/**
 * Problem report pages: the form, list, map, officials' work, category admin, JSON API, open data,
 * figures.
 */
@NullMarked
package ua.viche.problems.web;

import org.jspecify.annotations.NullMarked;
