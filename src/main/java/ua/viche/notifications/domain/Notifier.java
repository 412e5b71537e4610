package ua.viche.notifications.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.platform.Community;
import ua.viche.platform.VicheSettings;

/**
 * Turns something that happened into queued messages: in each recipient's language, on each of
 * their channels (the linked messengers and e-mail when on), not before their quiet hours end
 * (alerts excepted). A message is queued once per cause ({@code dedupeKey}), recipient and channel.
 */
@Service
public class Notifier {

    private final Subscriptions subscriptions;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final VicheSettings settings;
    private final Clock clock;

    Notifier(Subscriptions subscriptions, JdbcTemplate jdbc, MessageSource messages, VicheSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** A message about the person's own thing (a petition, appeal, booking, project or problem report); returns the rows queued. */
    @Transactional
    public int toPerson(Community community, long personId, Topic topic, String dedupeKey, String messageKey, Object[] args,
                        String path) {
        return toPerson(community, personId, topic, dedupeKey, messageKey, locale -> args, path);
    }

    /** The same, with arguments that depend on the recipient's language (a state's name). */
    @Transactional
    public int toPerson(Community community, long personId, Topic topic, String dedupeKey, String messageKey,
                        Function<Locale, Object[]> args, String path) {
        return subscriptions.following(community, personId, topic)
                .map(s -> queue(community, s, topic, dedupeKey, null, messageKey, args.apply(s.locale()), path)).orElse(0);
    }

    /**
     * A message to everyone in the community who follows the topic (and, for an alert, lives in one
     * of its districts; none: the whole community), on each of their channels; returns the rows queued.
     */
    @Transactional
    public int broadcast(Community community, Topic topic, String dedupeKey, @Nullable Long alertId, Set<String> districts,
                         String messageKey, Object[] args, String path) {
        return broadcast(community, topic, dedupeKey, alertId, districts, messageKey, locale -> args, path);
    }

    /** The same, with arguments in the recipient's language. */
    @Transactional
    public int broadcast(Community community, Topic topic, String dedupeKey, @Nullable Long alertId, Set<String> districts,
                         String messageKey, Function<Locale, Object[]> args, String path) {
        Map<Long, Map<ChannelKind, String>> links = new HashMap<>();
        jdbc.query("select subscriber_id, channel, address from notify_link where community_id = ?", rs -> {
            links.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ChannelKind.class))
                    .put(ChannelKind.valueOf(rs.getString(2)), rs.getString(3));
        }, community.id());
        List<Subscriber> subscribers = jdbc.query("select id, person_id, topics, districts, quiet_from, quiet_to, language, email"
                + " from notify_subscriber where community_id = ? and topics like ? order by id", (rs, n) -> new Subscriber(rs.getLong(1),
                community.id(), rs.getLong(2), Subscriptions.topics(rs.getString(3)), Subscriptions.words(rs.getString(4)),
                rs.getTime(5) == null ? null : rs.getTime(5).toLocalTime(), rs.getTime(6) == null ? null : rs.getTime(6).toLocalTime(),
                rs.getString(7), rs.getString(8), links.getOrDefault(rs.getLong(1), Map.of())), community.id(), "%" + topic.name() + "%");
        List<Object[]> rows = new ArrayList<>();
        for (Subscriber s : subscribers) {
            if (s.follows(topic) && s.inDistricts(districts)) {
                rows.addAll(rows(community, s, topic, dedupeKey, alertId, messageKey, args.apply(s.locale()), path));
            }
        }
        return insert(rows);
    }

    /**
     * The provider tells that a message it accepted was seen (Viber's {@code seen} callback): the sent
     * message of this community, channel and recipient with that provider id is marked read, once.
     * Returns whether one was.
     */
    @Transactional
    public boolean seen(Community community, ChannelKind channel, String ref, String address) {
        if (ref.isEmpty() || address.isEmpty()) {
            return false;
        }
        return jdbc.update("update notify_delivery set read_at = now() where community_id = ? and channel = ? and provider_ref = ?"
                + " and address = ? and status = 'SENT' and read_at is null", community.id(), channel.name(), ref, address) > 0;
    }

    /** Queues the message for one subscriber on each of their channels; returns the rows added. */
    int queue(Community community, Subscriber s, Topic topic, String dedupeKey, @Nullable Long alertId, String messageKey,
              Object[] args, String path) {
        return insert(rows(community, s, topic, dedupeKey, alertId, messageKey, args, path));
    }

    private List<Object[]> rows(Community community, Subscriber s, Topic topic, String dedupeKey, @Nullable Long alertId,
                                String messageKey, Object[] args, String path) {
        String text = messages.getMessage(messageKey, args, s.locale());
        String subject = messages.getMessage("notifications.subject", new Object[] {community.name(s.locale())}, s.locale());
        String body = path.isEmpty() ? text : text + "\n" + settings.absolute(path);
        Instant at = s.sendAt(topic, clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<ChannelKind, String> link : s.links().entrySet()) {
            rows.add(row(community, dedupeKey, alertId, s, link.getKey(), link.getValue(), subject, body, at));
        }
        if (s.email() != null) {
            rows.add(row(community, dedupeKey, alertId, s, ChannelKind.EMAIL, s.email(), subject, body, at));
        }
        return rows;
    }

    private int insert(List<Object[]> rows) {
        int added = 0;
        for (int n : jdbc.batchUpdate("insert into notify_delivery (community_id, dedupe_key, alert_id, subscriber_id, channel, address,"
                + " subject, body, not_before) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", rows)) {
            added += Math.max(n, 0);
        }
        return added;
    }

    private static Object[] row(Community community, String dedupeKey, @Nullable Long alertId, Subscriber s, ChannelKind channel,
                                String address, String subject, String body, Instant at) {
        return new Object[] {community.id(), dedupeKey, alertId, s.id(), channel.name(), address,
                subject.length() > 300 ? subject.substring(0, 300) : subject, body, Timestamp.from(at)};
    }
}
