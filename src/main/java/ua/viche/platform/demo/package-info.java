/**
 * Demo communities.
 */
@NullMarked
package ua.viche.platform.demo;

import org.jspecify.annotations.NullMarked;
