/**
 * Accounts, persons, tokens, residency, settlements, census lists, roles, the tax-number hasher.
 */
@NullMarked
package ua.viche.identity.domain;

import org.jspecify.annotations.NullMarked;
