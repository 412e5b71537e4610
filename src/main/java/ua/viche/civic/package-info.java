/** Civic space: civil-society organisations, events with seats and waiting lists (issue 29). */
@NullMarked
package ua.viche.civic;

import org.jspecify.annotations.NullMarked;
