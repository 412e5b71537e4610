/** Demo consultations: an open one and a closed one with its report in every community. */
@NullMarked
package ua.viche.consultations.demo;

import org.jspecify.annotations.NullMarked;
