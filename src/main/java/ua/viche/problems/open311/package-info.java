/**
 * The Open311 GeoReport v2 API.
 */
@NullMarked
package ua.viche.problems.open311;

import org.jspecify.annotations.NullMarked;
