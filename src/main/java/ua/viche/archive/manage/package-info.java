/**
 * The archivists' pages (describing the holdings, access, index terms, scans and text, bulk
 * import) and the endpoint that serves a page's image to everyone allowed to see it.
 */
@NullMarked
package ua.viche.archive.manage;

import org.jspecify.annotations.NullMarked;
