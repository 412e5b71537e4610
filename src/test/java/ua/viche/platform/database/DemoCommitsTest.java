package ua.viche.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.IntegrationTest;

/**
 * The demo's thread commits asynchronously only while the demo is created: the start (with the demo)
 * leaves every connection durable, a connection taken in the demo's mode is switched back before
 * it returns to the pool, and other threads are never switched.
 */
@IntegrationTest
class DemoCommitsTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoCommits.Begin begin;
    @Autowired DemoCommits.End end;

    @Test
    void onlyTheDemosThreadCommitsAsynchronouslyAndOnlyWhileTheDemoIsCreated() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from community", Long.class)).isPositive(); // the demo was created
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");

        begin.run(new DefaultApplicationArguments());
        int backend;
        try {
            assertThat(DemoCommits.asynchronous()).isTrue();
            try (Connection c = dataSource.getConnection()) {
                assertThat(setting(c)).isEqualTo("off");
                backend = backend(c);
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("create temporary table demo_commit_probe (n int) on commit drop");
                    s.execute("insert into demo_commit_probe values (1)");
                }
                c.commit();
                c.setAutoCommit(false); // left in a transaction: closing must still restore the setting
            }
            // another thread meanwhile: durable as always
            String elsewhere = CompletableFuture.supplyAsync(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return setting(c);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).get();
            assertThat(elsewhere).isEqualTo("on");
        } finally {
            end.run(new DefaultApplicationArguments());
        }
        assertThat(DemoCommits.asynchronous()).isFalse();
        // the pool hands this thread its last connection again: the same server process, switched back
        try (Connection c = dataSource.getConnection()) {
            assertThat(backend(c)).isEqualTo(backend);
            assertThat(setting(c)).isEqualTo("on");
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show synchronous_commit")) {
            r.next();
            return r.getString(1);
        }
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }
}
