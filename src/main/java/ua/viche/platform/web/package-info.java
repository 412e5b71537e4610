/**
 * The web shell: proxies, layout, language, security headers, page cache, errors, sitemap, request
 * limits.
 */
@NullMarked
package ua.viche.platform.web;

import org.jspecify.annotations.NullMarked;
