package ua.viche.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The pool over the embedded server; closing it closes the pool, then stops the server cleanly. */
final class EmbeddedDataSource implements DataSource, Closeable {

    private final HikariDataSource pool;
    private final EmbeddedDatabase database;

    EmbeddedDataSource(HikariDataSource pool, EmbeddedDatabase database) {
        this.pool = pool;
        this.database = database;
    }

    EmbeddedDatabase database() {
        return database;
    }

    @Override
    public void close() throws IOException {
        try {
            pool.close();
        } finally {
            database.close();
        }
    }

    @Override public Connection getConnection() throws SQLException { return DemoCommits.taken(pool.getConnection()); }
    @Override public Connection getConnection(String u, String p) throws SQLException { return DemoCommits.taken(pool.getConnection(u, p)); }
    @Override public PrintWriter getLogWriter() throws SQLException { return pool.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { pool.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { pool.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return pool.getLoginTimeout(); }
    @Override public Logger getParentLogger() { return Logger.getLogger("ua.viche"); }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
