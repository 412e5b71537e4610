/**
 * The archive's holdings: fonds, inventories, files with the access rule, pages, terms, scans,
 * text recognition, imports.
 */
@NullMarked
package ua.viche.archive.domain;

import org.jspecify.annotations.NullMarked;
