package ua.viche.platform;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Per-key token buckets for actions people or scripts could abuse (sign-in, registration, signing,
 * voting, submitting), kept in PostgreSQL (Bucket4j's proxy manager, a row locked for update per
 * bucket), so that a limit holds across every node of a cluster. Keys are stored hashed.
 */
@Service
public class RateLimiter {

    /** A named limit: so many actions per period per key. */
    public record Limit(String name, int actions, Duration period) {}

    public static final Limit SIGN_IN = new Limit("sign-in", 10, Duration.ofMinutes(5));
    /** Sign-in attempts for one account, from wherever they come (many addresses guessing one password). */
    public static final Limit SIGN_IN_ACCOUNT = new Limit("sign-in-account", 10, Duration.ofMinutes(15));
    public static final Limit REGISTER = new Limit("register", 5, Duration.ofMinutes(10));
    public static final Limit EMAIL = new Limit("email", 5, Duration.ofMinutes(10));
    public static final Limit SIGN = new Limit("sign", 30, Duration.ofMinutes(1));
    public static final Limit SUBMIT = new Limit("submit", 10, Duration.ofHours(1));

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final JdbcTemplate jdbc;

    public RateLimiter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one action from the key's bucket or throws {@link TooManyRequestsException}. */
    public void consume(Limit limit, String key) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.actions()).refillGreedy(limit.actions(), limit.period()).build())
                .build();
        if (!buckets.builder().build(id(limit, key), () -> configuration).tryConsume(1)) {
            throw new TooManyRequestsException(limit.name());
        }
    }

    /** The bucket's row id: a hash of the limit and key, so that no address or e-mail is stored. */
    private static String id(Limit limit, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((limit.name() + ':' + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the buckets that are full again (they would start full anyway). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void removeExpired() {
        while (buckets.removeExpired(1000) == 1000) {
            Thread.onSpinWait();
        }
    }

    /** Forgets all buckets (tests). */
    public void reset() {
        jdbc.update("delete from rate_bucket");
    }
}
