package ua.viche.notifications.domain;

import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.notifications.channel.ChannelKind;

/**
 * Spaces the calls to one provider of one community evenly, across every node (decision 0062): at
 * most {@code perSecond} starts in any second however many nodes and threads send. Each call takes
 * the next free slot in {@code notify_pace} with one atomic upsert, which moves the slot on by
 * {@code 1/perSecond}, and sleeps until its slot. The wait is measured on the database's clock and
 * slept on this node's, so the nodes' clocks need not agree.
 */
final class Pacer {

    private static final String TAKE = """
            insert into notify_pace as p (community_id, channel, next_slot)
                 values (?, ?, clock_timestamp() + make_interval(secs => ?))
            on conflict (community_id, channel)
                 do update set next_slot = greatest(p.next_slot, clock_timestamp()) + make_interval(secs => ?)
            returning extract(epoch from p.next_slot - clock_timestamp())::float8 - ?""";

    private final JdbcTemplate jdbc;

    Pacer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns when this call may start: takes the provider's next slot and sleeps until it comes. */
    void await(long communityId, ChannelKind channel, int perSecond) {
        double gap = 1.0 / perSecond;
        Double seconds = jdbc.queryForObject(TAKE, Double.class, communityId, channel.name(), gap, gap, gap);
        long until = System.nanoTime() + (long) ((seconds == null ? 0 : seconds) * 1e9);
        long wait;
        while ((wait = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
