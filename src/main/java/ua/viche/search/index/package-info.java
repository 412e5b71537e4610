/**
 * Hibernate Search configuration: the Lucene directory, the Ukrainian analyzer, tenant-aware
 * documents, index rebuilds.
 */
@NullMarked
package ua.viche.search.index;

import org.jspecify.annotations.NullMarked;
