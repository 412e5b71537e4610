/**
 * The public geoportal (SPEC §7): the community's layers of places (health, education, shelters,
 * Wi-Fi zones, tourist sights…) with a typed attribute schema, objects as GeoJSON points, lines and
 * polygons inside the community's area, the shared accessibility attributes, the map with its list
 * twin, nearest objects, the JSON API, officials' editing per department, GeoJSON and CSV import
 * and export; tourist routes as ordered stops (GPX, GeoJSON, print), events at places as
 * iCalendar, photos with alt text. Other modules' layers ({@code ModuleDescriptor.MapLayer}) are shown read-only.
 */
@NullMarked
package ua.viche.geo;

import org.jspecify.annotations.NullMarked;
