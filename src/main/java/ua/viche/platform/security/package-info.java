/**
 * The security filter chain and sessions in PostgreSQL.
 */
@NullMarked
package ua.viche.platform.security;

import org.jspecify.annotations.NullMarked;
