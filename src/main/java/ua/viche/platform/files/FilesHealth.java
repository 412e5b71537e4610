package ua.viche.platform.files;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code files} health component: whether the file store (the directory, or the S3 bucket)
 * answers, asked at most every {@link #CACHED} so that frequent probes do not each reach the store.
 * Not part of readiness: pages that show no file keep working while the store is away, and every
 * node would be taken out of the balancer at once (decision 0029's reasoning for mail).
 */
@Component("filesHealthIndicator")
class FilesHealth implements HealthIndicator {

    static final Duration CACHED = Duration.ofSeconds(15);

    private final FileBackend backend;
    private final Clock clock;
    private volatile @Nullable Health last;
    private volatile Instant checked = Instant.EPOCH;

    FilesHealth(FileBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Health known = last;
        if (known != null && now.isBefore(checked.plus(CACHED))) {
            return known;
        }
        Health fresh;
        try {
            backend.check();
            fresh = Health.up().withDetail("store", backend.describe()).build();
        } catch (IOException | RuntimeException e) {
            fresh = Health.down().withDetail("store", backend.describe()).withDetail("error", String.valueOf(e.getMessage())).build();
        }
        last = fresh;
        checked = now;
        return fresh;
    }
}
