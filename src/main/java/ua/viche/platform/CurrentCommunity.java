package ua.viche.platform;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The community the current request (or background task) works for. Set by the tenant filter
 * from the host or the first path segment; read by Hibernate's tenant resolver.
 */
public final class CurrentCommunity {

    private static final ThreadLocal<@Nullable Community> CURRENT = new ThreadLocal<>();

    private CurrentCommunity() {}

    public static Optional<Community> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current community; throws {@link NotFoundException} outside a community. */
    public static Community require() {
        Community c = CURRENT.get();
        if (c == null) {
            throw new NotFoundException("error.community.notFound");
        }
        return c;
    }

    public static void set(@Nullable Community community) {
        if (community == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(community);
        }
    }

    /** Runs work in the given community (background jobs, demo data), restoring the previous one. */
    public static <T> T callAs(Community community, Supplier<T> work) {
        Community previous = CURRENT.get();
        set(community);
        try {
            return work.get();
        } finally {
            set(previous);
        }
    }

    public static void runAs(Community community, Runnable work) {
        callAs(community, () -> {
            work.run();
            return null;
        });
    }
}
