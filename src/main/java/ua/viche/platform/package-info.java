/**
 * Platform: communities (tenants), the web shell, i18n, security baseline, errors, audit, mail.
 * The root package is what other modules may use; sub-packages are internal.
 */
@NullMarked
package ua.viche.platform;

import org.jspecify.annotations.NullMarked;
