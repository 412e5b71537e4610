package ua.viche.notifications.domain;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.notifications.channel.Channel;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Channels;
import ua.viche.notifications.channel.Outgoing;
import ua.viche.notifications.channel.SendResult;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.VicheSettings;

/**
 * Sends queued messages (decision 0050). Due rows of one community and channel are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked {@code SENDING} in a committed statement before any
 * provider is called, so no other worker (on this node or another) can take them again; each call
 * then ends the row as {@code SENT}, back to {@code QUEUED} with a back-off, or {@code FAILED}.
 * Just before its provider is called a row is marked {@code called_at} in a committed statement. A
 * row left {@code SENDING} by a process that died goes back to the queue after {@link #STALE} if
 * its provider was never called (decision 0066); if it was, it may or may not have reached the
 * person, so it becomes {@code UNCERTAIN} and is never sent again. E-mail is written to
 * the outbox and marked sent in one transaction, so it is exactly once. Each provider of each
 * community is paced to its rate limit (messages per second, one gap between two calls) by a
 * {@link Pacer} shared through the database by every node (decision 0062).
 */
@Component
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long a claimed row may stay in flight before it is taken as lost in a crash (a call times out after 20 s). */
    static final Duration STALE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 6;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Channels channels;
    private final Communities communities;
    private final LinkKey keys;
    private final VicheSettings settings;
    private final ExecutorService senders;
    private final Pacer pacer;
    private volatile boolean stopped;

    public DeliveryWorker(JdbcTemplate jdbc, TransactionTemplate tx, Channels channels, Communities communities, LinkKey keys,
                          VicheSettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.channels = channels;
        this.communities = communities;
        this.keys = keys;
        this.settings = settings;
        this.pacer = new Pacer(jdbc);
        this.senders = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "notify-sender");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${viche.notifications.interval:500}", initialDelayString = "${viche.notifications.interval:500}")
    void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("delivery failed: {}", e.toString());
        }
    }

    /** Stops sending: rows claimed but not yet sent go back to the queue; what is in a provider call finishes. */
    public void stop() {
        stopped = true;
    }

    /** Sends again after {@link #stop()}. */
    public void start() {
        stopped = false;
    }

    public boolean stopped() { return stopped; }

    @PreDestroy
    public void close() {
        stopped = true;
        senders.shutdown();
        try {
            senders.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends every due message until none is left (or the worker is stopped); returns how many were sent. */
    public int drain() {
        // rows a process claimed and then died with (decision 0066): one whose provider was never called goes back to
        // the queue; one in a provider call may have reached the person and is never sent again
        jdbc.update("update notify_delivery set status = 'QUEUED', attempts = attempts - 1, claimed_at = null"
                + " where status = 'SENDING' and called_at is null and claimed_at < now() - make_interval(secs => ?)", (double) STALE.toSeconds());
        jdbc.update("update notify_delivery set status = 'UNCERTAIN', error = 'in flight when the sender stopped'"
                + " where status = 'SENDING' and called_at is not null and claimed_at < now() - make_interval(secs => ?)",
                (double) STALE.toSeconds());
        int sent = 0;
        while (!stopped) {
            List<Object[]> due = jdbc.query("select distinct community_id, channel from notify_delivery where status = 'QUEUED'"
                    + " and not_before <= now()", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
            if (due.isEmpty()) {
                break;
            }
            int round = 0;
            for (Object[] d : due) {
                Community community = communities.byId((Long) d[0]).orElse(null);
                if (community == null || stopped) {
                    continue;
                }
                round += batch(community, channels.get(ChannelKind.valueOf((String) d[1])));
            }
            sent += round;
            if (round == 0) {
                break;
            }
        }
        return sent;
    }

    /** A claimed row: what to send and to whom, and the moment of this claim (which tells it from a later one). */
    private record Claimed(long id, long subscriberId, String address, String subject, String body, String language, int attempts,
                           Timestamp claimedAt) {}

    private int batch(Community community, Channel channel) {
        if (!channel.configured(community)) {
            jdbc.update("update notify_delivery set status = 'FAILED', error = 'channel not configured' where community_id = ?"
                    + " and channel = ? and status = 'QUEUED'", community.id(), channel.kind().name());
            return 0;
        }
        int perSecond = channel.perSecond(community);
        List<Claimed> claimed = jdbc.query("update notify_delivery d set status = 'SENDING', claimed_at = now(), called_at = null,"
                        + " attempts = d.attempts + 1"
                        + " from notify_subscriber s where s.id = d.subscriber_id and d.id in (select id from notify_delivery"
                        + " where community_id = ? and channel = ? and status = 'QUEUED' and not_before <= now()"
                        + " order by id limit ? for update skip locked)"
                        + " returning d.id, d.subscriber_id, d.address, d.subject, d.body, s.language, d.attempts, d.claimed_at",
                (rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getTimestamp(8)),
                community.id(), channel.kind().name(), Math.max(10, Math.min(perSecond, 500)));
        List<Future<Boolean>> results = new ArrayList<>();
        for (Claimed c : claimed) {
            results.add(senders.submit(() -> send(community, channel, perSecond, c)));
        }
        int sent = 0;
        for (Future<Boolean> r : results) {
            try {
                if (r.get()) {
                    sent++;
                }
            } catch (Exception e) {
                LOG.warn("a send failed: {}", e.toString());
            }
        }
        return sent;
    }

    private boolean send(Community community, Channel channel, int perSecond, Claimed c) {
        if (stopped) {
            release(c);
            return false;
        }
        try {
            pacer.await(community.id(), channel.kind(), perSecond);
        } catch (RuntimeException e) {
            LOG.warn("no sending slot: {}", e.toString());
            release(c);
            return false;
        }
        if (stopped) {
            release(c);
            return false;
        }
        Outgoing message = new Outgoing(c.address(), c.subject(), c.body(),
                settings.absolute("/" + community.slug() + "/notifications/unsubscribe?t=" + keys.unsubscribeToken(c.subscriberId())),
                Locale.forLanguageTag(c.language()));
        if (channel.kind() == ChannelKind.EMAIL) {
            return Boolean.TRUE.equals(tx.execute(s -> {
                channel.send(community, message);
                return finish(c, SendResult.sent());
            }));
        }
        // committed before the call: after a crash this row may have reached the person; without it, it surely did not
        if (jdbc.update("update notify_delivery set called_at = now() where id = ? and status = 'SENDING' and claimed_at = ?",
                c.id(), c.claimedAt()) == 0) {
            return false; // the claim went stale and the row was queued again: another sender has it
        }
        SendResult result;
        try {
            result = channel.send(community, message);
        } catch (RuntimeException e) {
            result = new SendResult.Retry(Duration.ofSeconds(10), e.toString());
        }
        return finish(c, result);
    }

    private void release(Claimed c) {
        jdbc.update("update notify_delivery set status = 'QUEUED', attempts = attempts - 1, claimed_at = null where id = ? and status = 'SENDING'",
                c.id());
    }

    private boolean finish(Claimed c, SendResult result) {
        if (result instanceof SendResult.Sent sent) {
            jdbc.update("update notify_delivery set status = 'SENT', sent_at = now(), error = null, provider_ref = ? where id = ? and status = 'SENDING'",
                    sent.ref() == null ? null : cut(sent.ref(), 40), c.id());
            return true;
        }
        if (result instanceof SendResult.Retry r && c.attempts() < MAX_ATTEMPTS) {
            long backoff = Math.max(r.after().toSeconds(), Math.min(300, 1L << c.attempts()));
            jdbc.update("update notify_delivery set status = 'QUEUED', error = ?, claimed_at = null, called_at = null,"
                    + " not_before = now() + make_interval(secs => ?) where id = ? and status = 'SENDING'",
                    cut(r.reason()), (double) backoff, c.id());
            return false;
        }
        String reason = result instanceof SendResult.Retry r ? r.reason() : ((SendResult.Failed) result).reason();
        jdbc.update("update notify_delivery set status = 'FAILED', error = ? where id = ? and status = 'SENDING'", cut(reason), c.id());
        return false;
    }

    private static String cut(String text) {
        return cut(text, 500);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
