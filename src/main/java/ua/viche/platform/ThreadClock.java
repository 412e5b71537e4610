package ua.viche.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The application's clock: system UTC time, unless the current thread runs work "as of" another
 * moment ({@link #callAt}). Demo data uses it to create history (a petition published three months
 * ago) through the modules' own rules; tests use it to step over deadlines. Other threads, and
 * everything in production, see the real time.
 */
public final class ThreadClock extends Clock {

    private static final ThreadLocal<@Nullable Instant> AT = new ThreadLocal<>();
    private final Clock system = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = AT.get();
        return at != null ? at : system.instant();
    }

    /** Runs work in this thread with the clock showing the given moment. */
    public <T> T callAt(Instant at, Supplier<T> work) {
        Instant previous = AT.get();
        AT.set(at);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                AT.remove();
            } else {
                AT.set(previous);
            }
        }
    }

    public void runAt(Instant at, Runnable work) {
        callAt(at, () -> {
            work.run();
            return null;
        });
    }
}
