/**
 * The site search page and its JSON.
 */
@NullMarked
package ua.viche.search.web;

import org.jspecify.annotations.NullMarked;
