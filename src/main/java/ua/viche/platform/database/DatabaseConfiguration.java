package ua.viche.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.platform.VicheSettings;

/**
 * The data source: the external PostgreSQL named by {@code viche.db.url}, or else the embedded one
 * whose data lives in {@code <data-dir>/postgres}. Flyway migrates either.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(VicheSettings settings,
                          @Value("${viche.db.url:}") String url,
                          @Value("${viche.db.user:viche}") String user,
                          @Value("${viche.db.password:}") String password,
                          @Value("${viche.db.embedded-port:0}") int embeddedPort,
                          @Value("${viche.db.pool-size:20}") int poolSize) throws IOException {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("viche");
        ds.setMaximumPoolSize(poolSize);
        if (settings.embeddedDatabase()) {
            EmbeddedDatabase db = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), embeddedPort);
            ds.setJdbcUrl(db.jdbcUrl());
            ds.setUsername(db.user());
            return new EmbeddedDataSource(ds, db);
        }
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        return ds;
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
