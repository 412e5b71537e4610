package ua.viche.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Caches kept in memory on every node (communities and their settings, departments, the working-day
 * calendar, the public page cache), dropped on every node when one node changes what they hold
 * (decision 0057). A change is announced with PostgreSQL's {@code NOTIFY} on the channel
 * {@value #CHANNEL} in the changing transaction, which the server delivers only when it commits (and
 * never when it rolls back); each node listens on a connection of its own, outside the pool, with
 * {@code PGConnection.getNotifications}, and runs the drops registered for the cache named. The node
 * that made the change drops its own caches when its transaction ends. After its connection was
 * lost, a node reconnects and drops everything, since it may have missed announcements meanwhile.
 */
@Service
public class SharedCaches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

    /** The PostgreSQL channel of the announcements. */
    public static final String CHANNEL = "viche_caches";
    /** Longest wait for an announcement before the listener checks that it should go on. */
    private static final int POLL_MILLIS = 500;
    /** How often an idle connection is confirmed with a query (a dead one is then replaced). */
    private static final long PING_NANOS = 15_000_000_000L;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    /** This node, so that it does not drop again what it dropped when its own transaction ended. */
    private final String node = UUID.randomUUID().toString();
    private final Map<String, List<Runnable>> drops = new ConcurrentHashMap<>();
    private final List<Runnable> everyDrop = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile @Nullable Connection connection;

    SharedCaches(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.listener = new Thread(this::listen, "viche-cache-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Registers what to drop when the named cache changes, on this node or another. */
    public void onChange(String cache, Runnable drop) {
        drops.computeIfAbsent(cache, c -> new CopyOnWriteArrayList<>()).add(drop);
    }

    /** Registers what to drop when any cache changes (such as pages built from them). */
    public void onAnyChange(Runnable drop) {
        everyDrop.add(drop);
    }

    /**
     * Announces that the named cache changed: within a transaction, to the other nodes when it
     * commits and to this node when it ends (committed or rolled back: what was read inside it is
     * not kept); without one, at once.
     */
    public void changed(String cache) {
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, node + " " + cache);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(cache);
                }
            });
        } else {
            drop(cache);
        }
    }

    /** Whether the listener is connected and listening (for tests and health). */
    public boolean listening() {
        return listening;
    }

    private void drop(String cache) {
        for (Runnable r : drops.getOrDefault(cache, List.of())) {
            run(r);
        }
        everyDrop.forEach(SharedCaches::run);
    }

    private void dropAll() {
        drops.values().forEach(list -> list.forEach(SharedCaches::run));
        everyDrop.forEach(SharedCaches::run);
    }

    private static void run(Runnable drop) {
        try {
            drop.run();
        } catch (RuntimeException e) {
            log.warn("A cache was not dropped: {}", e.toString());
        }
    }

    private void listen() {
        boolean missedAny = false;
        long backoff = 250;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                listening = true;
                backoff = 250;
                if (missedAny) {
                    log.info("Listening for cache changes again; every cache is dropped");
                    dropAll();
                }
                missedAny = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                long pinged = System.nanoTime();
                while (running) {
                    PGNotification[] received = pg.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification n : received) {
                            receive(n.getParameter());
                        }
                    }
                    if (System.nanoTime() - pinged > PING_NANOS) {
                        try (Statement s = c.createStatement()) {
                            s.execute("select 1");
                        }
                        pinged = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("Listening for cache changes failed ({}); connecting again in {} ms", e.toString(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private void receive(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(node)) {
            return;
        }
        drop(payload.substring(space + 1));
    }

    /** A connection of its own to the pool's database (a pooled one may be closed or reset under it). */
    private Connection open() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "viche-cache-listener");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "0");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        listener.join(2 * POLL_MILLIS + 1_000);
        Connection c = connection;
        if (listener.isAlive() && c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
