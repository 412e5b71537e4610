package ua.viche.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from binaries on the classpath, its data kept in a directory so that
 * a second start reuses it. Durable settings (fsync, synchronous commit, full-page writes) are on:
 * what a user saw confirmed survives a crash. A server left running by a killed process is stopped
 * before the new one starts.
 * <p>
 * The server keeps its port for the life of the application, so that the pool, which names the
 * port in its URL, reconnects to a server started again. If the server process dies on its own,
 * {@link #ensureRunning()} (called every few seconds by {@link EmbeddedServerWatch}) starts it
 * again on the same port and data; PostgreSQL recovers from its WAL (decision 0029).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "viche";

    private final Path dataDirectory;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    /** The server's main process (postmaster), as its pid file names it after the start. */
    private volatile Optional<ProcessHandle> server;
    /** Set while the server is stopped on purpose (by {@link #stop()} or {@link #close()}). */
    private volatile boolean stopped;

    private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.server = postmaster(dataDirectory);
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        return readPid(dataDirectory.resolve("postmaster.pid")).flatMap(ProcessHandle::of);
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = launch(dataDirectory, port);
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL ready on port {} with data in {}", postgres.getPort(), dataDirectory);
        return new EmbeddedDatabase(dataDirectory, postgres);
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) throws IOException {
        stopOrphan(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // stopped by the data source's close, after everything that uses it
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Whether the server process is alive. */
    public boolean running() {
        return server.map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Starts the server again, on its port and data, if its process has died while nobody stopped
     * it. Returns whether it had to. A failed start is logged and tried again at the next call.
     */
    public synchronized boolean ensureRunning() {
        if (stopped || running()) {
            return false;
        }
        log.error("Embedded PostgreSQL (port {}) is not running; starting it again", port);
        try {
            postgres.close(); // releases the data directory's lock; the server is gone already
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the dead server: {}", e.toString());
        }
        try {
            postgres = launch(dataDirectory, port);
            server = postmaster(dataDirectory);
            log.info("Embedded PostgreSQL started again on port {}", port);
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("Embedded PostgreSQL could not be started again: {}", e.toString());
            return false;
        }
    }

    /** Stops the server cleanly and keeps it stopped until {@link #restart()} (for outage tests). */
    synchronized void stop() throws IOException {
        stopped = true;
        postgres.close();
        server.ifPresent(p -> {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("PostgreSQL (pid {}) still runs after its stop", p.pid());
            }
        });
    }

    /** Starts a server stopped by {@link #stop()} again, on the same port and data. */
    synchronized void restart() throws IOException {
        postgres = launch(dataDirectory, port);
        server = postmaster(dataDirectory);
        stopped = false;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() throws IOException {
        log.info("Stopping embedded PostgreSQL");
        stopped = true;
        postgres.close();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (r.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    /**
     * If a previous process was killed, its PostgreSQL server may still run on this data directory.
     * Ask it to shut down (fast shutdown, SIGINT via pg_ctl semantics is not available here, so
     * SIGTERM) and wait; kill it only if it does not stop. PostgreSQL recovers from its WAL on start.
     */
    static void stopOrphan(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("A PostgreSQL server (pid {}) left by an earlier run holds {}; stopping it", process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL (pid {}) did not stop in time; killing it", process.pid());
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the start that follows reports the problem if the server is still there
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
