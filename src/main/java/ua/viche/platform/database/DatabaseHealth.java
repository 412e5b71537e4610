package ua.viche.platform.database;

import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component, part of readiness: a connection from the pool (waited for at
 * most the pool's connection timeout) that the server confirms within the validation timeout.
 * Replaces Spring Boot's check, which waits for the server's answer without a limit.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    DatabaseHealth(DataSource dataSource, @Value("${viche.db.validation-timeout:500ms}") Duration validationTimeout) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, (validationTimeout.toMillis() + 999) / 1000);
    }

    @Override
    public Health health() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(timeoutSeconds) ? Health.up().withDetail("database", "PostgreSQL").build()
                    : Health.down().withDetail("error", "the server did not confirm the connection").build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
