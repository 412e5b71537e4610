/**
 * Demo petitions, made through the same use cases as real ones, as of past moments.
 */
@NullMarked
package ua.viche.petitions.demo;

import org.jspecify.annotations.NullMarked;
