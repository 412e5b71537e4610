/**
 * The demo identity provider, demo residents and staff.
 */
@NullMarked
package ua.viche.identity.demo;

import org.jspecify.annotations.NullMarked;
