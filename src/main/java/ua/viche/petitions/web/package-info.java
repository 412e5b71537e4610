/**
 * Petition pages, moderation, answers, JSON API, open data and figures.
 */
@NullMarked
package ua.viche.petitions.web;

import org.jspecify.annotations.NullMarked;
