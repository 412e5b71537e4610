package ua.viche.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.platform.VicheSettings;

/**
 * The data source: the external PostgreSQL named by {@code viche.db.url}, or else the embedded one
 * whose data lives in {@code <data-dir>/postgres}, started early by {@link EarlyEmbeddedDatabase}.
 * Flyway migrates either.
 * <p>
 * Every wait on the database is bounded, so that a database that goes away is a quick refusal (503)
 * rather than a hung request: a request waits at most {@code viche.db.connection-timeout} for a
 * connection from the pool, a connection is checked within {@code viche.db.validation-timeout},
 * a new one is opened within {@code viche.db.connect-timeout}, a statement runs at most
 * {@code viche.db.statement-timeout} (ended by the server) and an answer is awaited at most
 * {@code viche.db.socket-timeout} (ended by the driver, when the server cannot answer at all).
 * The pool drops broken connections and opens new ones as the database comes back.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(VicheSettings settings, ObjectProvider<EarlyEmbeddedDatabase.Start> early,
                          @Value("${viche.db.url:}") String url,
                          @Value("${viche.db.user:viche}") String user,
                          @Value("${viche.db.password:}") String password,
                          @Value("${viche.db.embedded-port:0}") int embeddedPort,
                          @Value("${viche.db.pool-size:20}") int poolSize,
                          @Value("${viche.db.connection-timeout:1s}") Duration connectionTimeout,
                          @Value("${viche.db.validation-timeout:500ms}") Duration validationTimeout,
                          @Value("${viche.db.connect-timeout:2s}") Duration connectTimeout,
                          @Value("${viche.db.socket-timeout:75s}") Duration socketTimeout,
                          @Value("${viche.db.statement-timeout:60s}") Duration statementTimeout) throws IOException {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("viche");
        ds.setMaximumPoolSize(poolSize);
        ds.setConnectionTimeout(connectionTimeout.toMillis());
        ds.setValidationTimeout(validationTimeout.toMillis());
        ds.setKeepaliveTime(Duration.ofSeconds(30).toMillis()); // idle connections are checked, dead ones replaced
        ds.addDataSourceProperty("connectTimeout", seconds(connectTimeout));
        ds.addDataSourceProperty("socketTimeout", seconds(socketTimeout));
        ds.addDataSourceProperty("tcpKeepAlive", true);
        ds.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        if (settings.embeddedDatabase()) {
            Path directory = settings.dataDir().resolve("postgres");
            EarlyEmbeddedDatabase.Start started = early.getIfAvailable();
            @Nullable EmbeddedDatabase claimed = started == null ? null : started.claim(directory, embeddedPort);
            EmbeddedDatabase db = claimed != null ? claimed : EmbeddedDatabase.start(directory, embeddedPort);
            ds.setJdbcUrl(db.jdbcUrl());
            ds.setUsername(db.user());
            return new EmbeddedDataSource(ds, db);
        }
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        return new ExternalDataSource(ds);
    }

    /** The driver takes whole seconds; 0 means no limit, so a positive limit is at least one second. */
    private static long seconds(Duration d) {
        return d.isZero() ? 0 : Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /**
     * The modules' transaction template, declared here because the session store brings a
     * transaction template of its own, and Spring Boot declares this one only when there is none.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
