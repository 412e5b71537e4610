/**
 * Digital archive (SPEC §6): fonds, inventories, files and pages with Ukrainian full-text search, and archive certificates.
 */
@NullMarked
package ua.viche.archive;

import org.jspecify.annotations.NullMarked;
