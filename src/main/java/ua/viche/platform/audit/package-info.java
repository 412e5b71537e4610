/**
 * The audit log's storage.
 */
@NullMarked
package ua.viche.platform.audit;

import org.jspecify.annotations.NullMarked;
