package ua.viche.notifications.domain;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.notifications.NotificationsModule;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.platform.Community;
import ua.viche.platform.Refusal;

/**
 * A person's subscriptions in a community and their linked messengers. Plain SQL naming the
 * community. A messenger is linked only by a one-time code the signed-in person asked for (its
 * SHA-256 stored, valid for {@link NotificationsModule#CODE_MINUTES}, used once), never by a phone number.
 */
@Service
public class Subscriptions {

    /** What a person chose on their settings page. */
    public record Preferences(Set<Topic> topics, Set<String> districts, @Nullable LocalTime quietFrom,
                              @Nullable LocalTime quietTo, String language, boolean email) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Subscriptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The person's subscriber row in the community, made (following nothing) when there is none. */
    @Transactional
    public long subscriberId(Community community, long personId) {
        jdbc.update("insert into notify_subscriber (community_id, person_id) values (?, ?) on conflict do nothing",
                community.id(), personId);
        Long id = jdbc.queryForObject("select id from notify_subscriber where community_id = ? and person_id = ?", Long.class,
                community.id(), personId);
        if (id == null) {
            throw new IllegalStateException("no subscriber");
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Subscriber> find(Community community, long personId) {
        return jdbc.query("select id from notify_subscriber where community_id = ? and person_id = ?",
                (rs, n) -> rs.getLong(1), community.id(), personId).stream().findFirst().flatMap(this::byId);
    }

    @Transactional(readOnly = true)
    public Optional<Subscriber> byId(long id) {
        Map<ChannelKind, String> links = new EnumMap<>(ChannelKind.class);
        jdbc.query("select channel, address from notify_link where subscriber_id = ?",
                rs -> { links.put(ChannelKind.valueOf(rs.getString(1)), rs.getString(2)); }, id);
        return jdbc.query("select id, community_id, person_id, topics, districts, quiet_from, quiet_to, language, email"
                + " from notify_subscriber where id = ?", (rs, n) -> new Subscriber(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                topics(rs.getString(4)), words(rs.getString(5)), time(rs.getTime(6)), time(rs.getTime(7)), rs.getString(8),
                rs.getString(9), Map.copyOf(links)), id).stream().findFirst();
    }

    /** Saves the person's choices; the e-mail address is the account's when e-mail is on. */
    @Transactional
    public Subscriber save(Community community, long personId, Preferences p, @Nullable String accountEmail) {
        if (!p.language().equals("uk") && !p.language().equals("en")) {
            throw Refusal.field("language", "notifications.error.language");
        }
        if ((p.quietFrom() == null) != (p.quietTo() == null)) {
            throw Refusal.field("quietFrom", "notifications.error.quiet");
        }
        if (p.email() && accountEmail == null) {
            throw Refusal.field("email", "notifications.error.noEmail");
        }
        if (p.districts().size() > 50 || p.districts().stream().anyMatch(d -> d.length() > 80)) {
            throw Refusal.field("districts", "notifications.error.districts");
        }
        long id = subscriberId(community, personId);
        jdbc.update("update notify_subscriber set topics = ?, districts = ?, quiet_from = ?, quiet_to = ?, language = ?, email = ?"
                        + " where id = ?", p.topics().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                String.join("\n", p.districts()), p.quietFrom() == null ? null : Time.valueOf(p.quietFrom()),
                p.quietTo() == null ? null : Time.valueOf(p.quietTo()), p.language(), p.email() ? accountEmail : null, id);
        return byId(id).orElseThrow();
    }

    /** A new one-time code for linking a messenger; earlier unused codes of the person for that channel stop working. */
    @Transactional
    public String newCode(Community community, long personId, ChannelKind channel) {
        if (channel == ChannelKind.EMAIL) {
            throw new IllegalArgumentException("e-mail is not linked by a code");
        }
        long id = subscriberId(community, personId);
        jdbc.update("delete from notify_link_code where subscriber_id = ? and channel = ?", id, channel.name());
        String code = LinkKey.newCode();
        Instant expires = clock.instant().plus(Duration.ofMinutes(NotificationsModule.CODE_MINUTES.value(community)));
        jdbc.update("insert into notify_link_code (community_id, subscriber_id, channel, code_hash, expires_at) values (?, ?, ?, ?, ?)",
                community.id(), id, channel.name(), LinkKey.sha256(code), Timestamp.from(expires));
        return code;
    }

    /**
     * Links the messenger address (a Telegram chat, a Viber user) to the person whose code this is,
     * when the code is of this community and channel, unused and not expired; the code is then used.
     * An address linked to someone else before moves to this person. Empty when the code does not hold.
     */
    @Transactional
    public Optional<Subscriber> redeem(Community community, ChannelKind channel, String code, String address) {
        if (code.isBlank() || code.length() > 64 || address.isBlank() || address.length() > 100) {
            return Optional.empty();
        }
        List<Long> ids = jdbc.query("update notify_link_code set used_at = ? where code_hash = ? and community_id = ? and channel = ?"
                        + " and used_at is null and expires_at > ? returning subscriber_id", (rs, n) -> rs.getLong(1),
                Timestamp.from(clock.instant()), LinkKey.sha256(code.strip()), community.id(), channel.name(),
                Timestamp.from(clock.instant()));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ids.get(0);
        jdbc.update("delete from notify_link where community_id = ? and channel = ? and address = ? and subscriber_id <> ?",
                community.id(), channel.name(), address, id);
        jdbc.update("insert into notify_link (community_id, subscriber_id, channel, address) values (?, ?, ?, ?)"
                + " on conflict (subscriber_id, channel) do update set address = excluded.address, linked_at = now()",
                community.id(), id, channel.name(), address);
        return byId(id);
    }

    /** The subscriber a messenger chat is linked to in the community, if any. */
    @Transactional(readOnly = true)
    public Optional<Subscriber> byAddress(Community community, ChannelKind channel, String address) {
        return jdbc.query("select subscriber_id from notify_link where community_id = ? and channel = ? and address = ?",
                (rs, n) -> rs.getLong(1), community.id(), channel.name(), address).stream().findFirst().flatMap(this::byId);
    }

    /** The messenger stopped (the person blocked the bot or unsubscribed in Viber): the link goes. */
    @Transactional
    public boolean unlinkAddress(Community community, ChannelKind channel, String address) {
        return jdbc.update("delete from notify_link where community_id = ? and channel = ? and address = ?",
                community.id(), channel.name(), address) > 0;
    }

    /** The person removes a messenger on their settings page. */
    @Transactional
    public void unlink(Community community, long personId, ChannelKind channel) {
        jdbc.update("delete from notify_link where community_id = ? and channel = ? and subscriber_id in"
                + " (select id from notify_subscriber where community_id = ? and person_id = ?)",
                community.id(), channel.name(), community.id(), personId);
    }

    /**
     * The one-step unsubscribe: the subscriber follows nothing more, e-mail off, messengers unlinked,
     * and nothing still queued for them goes out. Returns false for an unknown subscriber.
     */
    @Transactional
    public boolean unsubscribe(long subscriberId) {
        int changed = jdbc.update("update notify_subscriber set topics = '', email = null where id = ?", subscriberId);
        jdbc.update("delete from notify_link where subscriber_id = ?", subscriberId);
        jdbc.update("update notify_delivery set status = 'FAILED', error = 'unsubscribed' where subscriber_id = ? and status = 'QUEUED'",
                subscriberId);
        return changed > 0;
    }

    /** The subscriber following a topic, with their links, of the community (for messages about the person's own things). */
    @Transactional(readOnly = true)
    public Optional<Subscriber> following(Community community, long personId, Topic topic) {
        return find(community, personId).filter(s -> s.follows(topic));
    }

    static Set<Topic> topics(@Nullable String text) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (String part : text == null ? new String[0] : text.split(",")) {
            Arrays.stream(Topic.values()).filter(t -> t.name().equals(part.strip())).forEach(topics::add);
        }
        return topics;
    }

    static Set<String> words(@Nullable String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String part : text == null ? new String[0] : text.split("\n")) {
            if (!part.isBlank()) {
                words.add(part.strip());
            }
        }
        return words;
    }

    private static @Nullable LocalTime time(@Nullable Time time) {
        return time == null ? null : time.toLocalTime();
    }
}
