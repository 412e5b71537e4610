/** Consultations on the web: residents' pages, officials' pages, the JSON API and the open data. */
@NullMarked
package ua.viche.consultations.web;

import org.jspecify.annotations.NullMarked;
