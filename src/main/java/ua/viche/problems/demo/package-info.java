/**
 * Demo problem reports.
 */
@NullMarked
package ua.viche.problems.demo;

import org.jspecify.annotations.NullMarked;
