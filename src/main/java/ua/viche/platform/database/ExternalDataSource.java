package ua.viche.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The pool over an external PostgreSQL; the demo's connections commit as {@link DemoCommits} says. */
final class ExternalDataSource extends DelegatingDataSource implements Closeable {

    private final HikariDataSource pool;

    ExternalDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DemoCommits.taken(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DemoCommits.taken(pool.getConnection(username, password));
    }

    @Override
    public void close() {
        pool.close();
    }
}
