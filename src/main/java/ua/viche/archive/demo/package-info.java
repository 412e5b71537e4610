/** Demo holdings: fonds of council records with generated page images and their transcriptions. */
@NullMarked
package ua.viche.archive.demo;

import org.jspecify.annotations.NullMarked;
