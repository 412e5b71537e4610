package ua.viche.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.platform.VicheSettings;

/**
 * The demo's data is committed without waiting for each commit's disk flush (PostgreSQL's
 * {@code synchronous_commit = off}, decision 0042). The demo's generators run one after another on
 * the start's main thread (application runners of order 10 to 56) and commit a thousand transactions
 * or so; waiting for the write-ahead log's flush after each of them was seconds of the first start.
 * <p>
 * Only connections taken by that thread while the demo's runners run are switched, and each is
 * switched back ({@code reset synchronous_commit}) before it returns to the pool: a request served
 * meanwhile, a scheduled job and everything after the start commit durably as always. An
 * asynchronous commit is never torn or reordered: a crash can only lose the last transactions
 * (PostgreSQL flushes them within three times {@code wal_writer_delay}, 0.6 s by default), which is
 * what a crash a moment earlier in the demo's creation would have left, and each demo generator
 * writes a community's data in one transaction or checks what is there.
 */
final class DemoCommits {

    private static final Logger log = LoggerFactory.getLogger(DemoCommits.class);
    private static final ThreadLocal<Boolean> ASYNCHRONOUS = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private DemoCommits() {
    }

    /** Whether connections taken by this thread now commit asynchronously. */
    static boolean asynchronous() {
        return ASYNCHRONOUS.get();
    }

    /**
     * The connection as the pool gave it, or, on the demo's thread while it creates the demo, switched
     * to asynchronous commits and switched back when closed.
     */
    static Connection taken(Connection connection) throws SQLException {
        if (!asynchronous()) {
            return connection;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("set synchronous_commit = off");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(DemoCommits.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Switched(connection));
    }

    /** Passes every call on; before the connection goes back to the pool, restores the durable commit. */
    private static final class Switched implements InvocationHandler {

        private final Connection connection;
        private boolean closed;

        Switched(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                if (!closed) {
                    closed = true;
                    restore();
                    connection.close();
                }
                return null;
            }
            if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && closed) {
                return true;
            }
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void restore() {
            try {
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback(); // nothing is left open by a finished transaction; never commit here
                        connection.setAutoCommit(true);
                    }
                    try (Statement s = connection.createStatement()) {
                        s.execute("reset synchronous_commit");
                    }
                }
            } catch (SQLException e) {
                // a broken connection is dropped by the pool; a new one starts with the server's setting
                log.debug("Could not restore the commit mode of a demo connection: {}", e.toString());
            }
        }
    }

    /** Switches the main thread to asynchronous commits before the first demo generator runs. */
    @Component
    @Order(9)
    static final class Begin implements ApplicationRunner {

        private final VicheSettings settings;

        Begin(VicheSettings settings) {
            this.settings = settings;
        }

        @Override
        public void run(ApplicationArguments args) {
            if (settings.demoEnabled()) {
                ASYNCHRONOUS.set(Boolean.TRUE);
            }
        }
    }

    /** Switches the thread back after the last application runner. */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE)
    static final class End implements ApplicationRunner {

        @Override
        public void run(ApplicationArguments args) {
            ASYNCHRONOUS.remove();
        }
    }
}
