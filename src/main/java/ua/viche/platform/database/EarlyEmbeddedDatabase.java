package ua.viche.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL (on a first start: initdb, then the server) on a thread of its
 * own as soon as the application's settings are known, while the main thread creates the Spring
 * context; the data source takes the started server when it is created (decision 0042). A start
 * that failed fails the data source's creation with its cause, as a start on the main thread would.
 * A server that the data source never took (the context failed before) is stopped with the
 * context.
 * <p>
 * The data directory is resolved once here and kept as resolved ({@code viche.data-dir} may hold a
 * random part, as in the tests), so that the server started here and the settings name the same
 * directory. Registered in {@code META-INF/spring.factories}.
 */
public final class EarlyEmbeddedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedDatabase.class);
    static final String BEAN = "earlyEmbeddedDatabase";

    public EarlyEmbeddedDatabase() {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("viche.db.url", "").isBlank() || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        String dataDir = environment.getProperty("viche.data-dir");
        if (dataDir == null || dataDir.isBlank()) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("viche.resolved-data-dir", Map.of("viche.data-dir", dataDir)));
        int port = environment.getProperty("viche.db.embedded-port", Integer.class, 0);
        Path directory = Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
        Start start = new Start(directory, port);
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(BEAN, start);
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN + ".unclaimed", start::stopUnclaimed);
        }
    }

    /** The server being started for a directory and port. */
    static final class Start {

        private final Path directory;
        private final int port;
        private final CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();
        private boolean claimed;

        Start(Path directory, int port) {
            this.directory = directory;
            this.port = port;
            Thread thread = new Thread(() -> {
                try {
                    database.complete(EmbeddedDatabase.start(directory, port));
                } catch (IOException | RuntimeException e) {
                    database.completeExceptionally(e);
                }
            }, "embedded-postgresql");
            thread.setDaemon(true);
            thread.start();
        }

        /** The started server if it was started for this directory and port (waits for it), else nothing. */
        synchronized @Nullable EmbeddedDatabase claim(Path directory, int port) throws IOException {
            if (claimed || !this.directory.equals(directory) || this.port != port) {
                return null;
            }
            claimed = true;
            try {
                return database.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while the embedded PostgreSQL started", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw new IOException("The embedded PostgreSQL could not be started", e.getCause());
            }
        }

        /** Stops a server that nobody took (the context failed before its data source was made). */
        synchronized void stopUnclaimed() {
            if (claimed) {
                return;
            }
            claimed = true;
            try {
                database.get().close();
            } catch (Exception e) {
                log.debug("The embedded PostgreSQL started early was not running: {}", e.toString());
            }
        }
    }
}
