/**
 * Archive certificates (архівні довідки, витяги, копії): ordered online with the facts the archivist
 * needs, worked by archivists within the appeals law's terms, issued as a PDF with a QR code and a
 * verify code that anyone can check.
 */
@NullMarked
package ua.viche.certificates;

import org.jspecify.annotations.NullMarked;
