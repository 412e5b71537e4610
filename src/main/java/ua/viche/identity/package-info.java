/**
 * Identity: accounts, persons, sign-in (local, ID.GOV.UA, OpenID Connect, demo), assurance levels,
 * residency and roles. The root package is the module's API; sub-packages are internal.
 */
@NullMarked
package ua.viche.identity;

import org.jspecify.annotations.NullMarked;
