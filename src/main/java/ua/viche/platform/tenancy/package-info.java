/**
 * The tenant filter, the community path guard and Hibernate's tenant resolver.
 */
@NullMarked
package ua.viche.platform.tenancy;

import org.jspecify.annotations.NullMarked;
