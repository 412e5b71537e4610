/**
 * Problem reports (SPEC §2): anyone reports a pothole, a broken lamp or an illegal dump with a place and
 * photos; the right department works it through a public status history; Open311 GeoReport v2 for
 * outside apps.
 */
@NullMarked
package ua.viche.problems;

import org.jspecify.annotations.NullMarked;
