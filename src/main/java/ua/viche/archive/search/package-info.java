/**
 * One query over archive pages and files, with facets and the access filter.
 */
@NullMarked
package ua.viche.archive.search;

import org.jspecify.annotations.NullMarked;
