/**
 * Demo participatory budget cycles, made through the same use cases as real ones.
 */
@NullMarked
package ua.viche.budget.demo;

import org.jspecify.annotations.NullMarked;
