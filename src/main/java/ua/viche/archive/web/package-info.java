/**
 * Public archive pages and JSON API.
 */
@NullMarked
package ua.viche.archive.web;

import org.jspecify.annotations.NullMarked;
