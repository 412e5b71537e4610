package ua.viche.platform;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Per-key token buckets for actions people or scripts could abuse (sign-in, registration, signing,
 * voting, submitting). In memory per node: with several nodes the limit is per node.
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

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one action from the key's bucket or throws {@link TooManyRequestsException}. */
    public void consume(Limit limit, String key) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(limit.name() + ':' + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.actions())
                        .refillGreedy(limit.actions(), limit.period()).build())
                .build());
        if (!bucket.tryConsume(1)) {
            throw new TooManyRequestsException(limit.name());
        }
    }

    /** Forgets all buckets (tests). */
    public void reset() {
        buckets.clear();
    }
}
