/**
 * Site-wide search: collects hits from every module that contributes a {@link ua.viche.search.SearchProvider}.
 */
@NullMarked
package ua.viche.search;

import org.jspecify.annotations.NullMarked;
