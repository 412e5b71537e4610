/**
 * The embedded PostgreSQL server, the data source and database health.
 */
@NullMarked
package ua.viche.platform.database;

import org.jspecify.annotations.NullMarked;
