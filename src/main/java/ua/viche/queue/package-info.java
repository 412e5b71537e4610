/**
 * CNAP online queue (SPEC §5): the catalogue of administrative services, offices and workplaces;
 * booking a time slot ahead; check-in, walk-in tickets and one live queue per office; the
 * administrator's console, the public display, ratings and figures.
 */
@NullMarked
package ua.viche.queue;

import org.jspecify.annotations.NullMarked;
