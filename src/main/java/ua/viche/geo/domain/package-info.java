/** Layers, objects and their rules: geometry validation, attribute types, opening hours, distances, import and export. */
@NullMarked
package ua.viche.geo.domain;

import org.jspecify.annotations.NullMarked;
