/** The geoportal's public pages, officials' pages, JSON API and open data. */
@NullMarked
package ua.viche.geo.web;

import org.jspecify.annotations.NullMarked;
