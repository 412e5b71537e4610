package ua.viche.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure to reach the database from other errors, so that every error handler answers it
 * the same way: 503 with {@code Retry-After} (the platform's error pages do; a module with a format
 * of its own, such as Open311, asks here).
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again while the database is unavailable. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseUnavailable() {}

    /**
     * Whether an exception (or one of its causes) says that the database cannot be reached or did
     * not answer in time: no connection from the pool, a connection refused or broken, the server
     * shutting down or not yet accepting connections, a statement ended by its timeout.
     */
    public static boolean causedBy(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException
                    || t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof TransactionSystemException failed
                    && failed.getApplicationException() != null && causedBy(failed.getApplicationException())) {
                return true; // a rollback that failed after the work failed: the work's failure tells
            }
            if (t instanceof TransactionException && t.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true; // a rollback on a connection the pool has already closed as broken
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") // connection exception
                        || sql.getSQLState().startsWith("57P") // admin or crash shutdown, cannot connect now
                        || sql.getSQLState().equals("57014"))) { // statement timeout
                return true;
            }
        }
        return false;
    }
}
