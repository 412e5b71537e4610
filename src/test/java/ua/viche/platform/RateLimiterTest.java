package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.IntegrationTest;

/**
 * Rate limits live in PostgreSQL: two limiters on one database (two nodes of a cluster) admit,
 * together and in parallel, no more than the limit; another key has its own bucket; the database
 * holds the key only as a hash.
 */
@IntegrationTest
class RateLimiterTest {

    @Autowired RateLimiter nodeA;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void twoNodesTogetherAdmitNoMoreThanTheLimit() throws Exception {
        RateLimiter nodeB = new RateLimiter(dataSource);
        RateLimiter.Limit limit = new RateLimiter.Limit("test-cluster", 10, Duration.ofHours(1));
        String key = "198.51.100.7-" + System.nanoTime();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RateLimiter node = i % 2 == 0 ? nodeA : nodeB;
                attempts.add(() -> {
                    try {
                        node.consume(limit, key);
                        admitted.incrementAndGet();
                    } catch (TooManyRequestsException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(attempts)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(admitted.get()).isEqualTo(10);
        assertThat(refused.get()).isEqualTo(30);
        // another key still has its whole bucket, on either node
        nodeB.consume(limit, key + "-other");
        // the address is not stored, only its hash
        assertThat(jdbc.queryForObject("select count(*) from rate_bucket where id like '%198.51.100.7%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from rate_bucket", Long.class)).isGreaterThanOrEqualTo(2);
    }
}
