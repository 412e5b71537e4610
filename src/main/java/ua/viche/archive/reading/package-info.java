/**
 * What the public may read of the archive, and its offer to the site search.
 */
@NullMarked
package ua.viche.archive.reading;

import org.jspecify.annotations.NullMarked;
