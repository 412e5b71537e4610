/**
 * Appeals: citizen appeals, the hotline, problem reports and the Open311 GeoReport v2 API.
 * The root package is the module's API; sub-packages are internal.
 */
@NullMarked
package ua.viche.appeals;

import org.jspecify.annotations.NullMarked;
