/**
 * Demo appeals, made through the same use cases as real ones.
 */
@NullMarked
package ua.viche.appeals.demo;

import org.jspecify.annotations.NullMarked;
