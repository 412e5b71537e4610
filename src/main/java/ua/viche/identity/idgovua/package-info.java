/**
 * The ID.GOV.UA client and sign-in flow.
 */
@NullMarked
package ua.viche.identity.idgovua;

import org.jspecify.annotations.NullMarked;
