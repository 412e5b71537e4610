/** Demo layers and objects of the three communities, generated from a fixed seed and written in bulk. */
@NullMarked
package ua.viche.geo.demo;

import org.jspecify.annotations.NullMarked;
