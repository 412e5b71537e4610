/**
 * Sign-in, registration, the account page, role and census admin, OpenID Connect.
 */
@NullMarked
package ua.viche.identity.web;

import org.jspecify.annotations.NullMarked;
