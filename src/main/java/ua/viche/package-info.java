/**
 * The application: its entry point and the modules below it (one per direct sub-package).
 */
@NullMarked
package ua.viche;

import org.jspecify.annotations.NullMarked;
