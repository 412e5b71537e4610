package ua.viche.notifications.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;

/**
 * Civil-protection alerts of the current community. An official composes one (a draft); another
 * official confirms it (four eyes: never its author) and it is queued at once for every subscriber
 * who follows alerts in its districts, on each of their channels, in their language.
 */
@Service
public class Alerts {

    /** Who may compose and confirm alerts (declared in the module's manifest). */
    public static final List<Role> ROLES = List.of(Role.OFFICIAL, Role.COMMUNITY_ADMIN);

    /** An alert as pages and the API show it. */
    public record Alert(long id, AlertKind kind, String textUk, String textEn, Set<String> districts, Instant expiresAt,
                        String status, String createdBy, Instant createdAt, @Nullable Long createdByAccount,
                        @Nullable String confirmedBy, @Nullable Instant confirmedAt, int recipients) {

        public String text(Locale locale) {
            return locale.getLanguage().equals("en") ? textEn : textUk;
        }

        public boolean draft() {
            return status.equals("DRAFT");
        }

        public boolean active(Instant now) {
            return status.equals("BROADCAST") && expiresAt.isAfter(now);
        }
    }

    /**
     * Deliveries of an alert on one channel by state, and how many of those sent were seen (read),
     * where the channel tells (Viber; Telegram tells a bot nothing, e-mail is not tracked).
     */
    public record Figures(ChannelKind channel, int queued, int sent, int failed, int uncertain, int read) {

        public int total() {
            return queued + sent + failed + uncertain;
        }
    }

    private final JdbcTemplate jdbc;
    private final Notifier notifier;
    private final AccessControl access;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    Alerts(JdbcTemplate jdbc, Notifier notifier, AccessControl access, AuditLog audit, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the signed-in user may compose and confirm alerts here. */
    public boolean isStaff() {
        return access.currentUserHasAny(ROLES);
    }

    /** A new draft; refused (changing nothing) when a text is missing or too long or the expiry is not in the future. */
    @Transactional
    public long compose(AlertKind kind, String textUk, String textEn, Set<String> districts, @Nullable Instant expiresAt) {
        SignedInUser user = access.require(ROLES.toArray(Role[]::new));
        Community c = CurrentCommunity.require();
        String uk = textUk.strip();
        String en = textEn.strip();
        if (uk.isEmpty() || uk.length() > 1000) {
            throw Refusal.field("textUk", "notifications.alert.error.text");
        }
        if (en.isEmpty() || en.length() > 1000) {
            throw Refusal.field("textEn", "notifications.alert.error.text");
        }
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw Refusal.field("expiresAt", "notifications.alert.error.expiry");
        }
        if (districts.size() > 50 || districts.stream().anyMatch(d -> d.length() > 80)) {
            throw Refusal.field("districts", "notifications.error.districts");
        }
        Long id = jdbc.queryForObject("insert into notify_alert (community_id, kind, text_uk, text_en, districts, expires_at, status,"
                        + " created_by_account_id, created_by_name, created_at) values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) returning id",
                Long.class, c.id(), kind.name(), uk, en, String.join("\n", districts), Timestamp.from(expiresAt), user.accountId(),
                user.displayName(), Timestamp.from(now));
        audit.record("notifications.alert.composed", "notify_alert", id, kind.name());
        return id == null ? 0 : id;
    }

    /**
     * A second official confirms the draft: it is broadcast (queued for every subscriber). Refused
     * for its author, for a draft already confirmed (409) and for one that expired.
     */
    @Transactional
    public int confirm(long id) {
        SignedInUser user = access.require(ROLES.toArray(Role[]::new));
        Community c = CurrentCommunity.require();
        Alert a = jdbc.query("select * from notify_alert where id = ? and community_id = ? for update", (rs, n) -> map(rs), id, c.id())
                .stream().findFirst().orElseThrow(() -> new NotFoundException("notifications.alert.notFound"));
        if (!a.draft()) {
            throw Refusal.conflict("notifications.alert.error.notDraft");
        }
        if (a.createdByAccount() != null && a.createdByAccount() == user.accountId()) {
            throw Refusal.of("notifications.alert.error.fourEyes").status(403);
        }
        Instant now = clock.instant();
        if (!a.expiresAt().isAfter(now)) {
            throw Refusal.conflict("notifications.alert.error.expired");
        }
        int queued = notifier.broadcast(c, Topic.ALERTS, "alert:" + id, id, a.districts(), "notifications.alert.text",
                locale -> new Object[] {messages.getMessage("notifications.alert.kind." + a.kind().name(), null, locale), a.text(locale)},
                "/" + c.slug() + "/alerts/" + id);
        int recipients = count("select count(distinct subscriber_id) from notify_delivery where alert_id = ?", id);
        jdbc.update("update notify_alert set status = 'BROADCAST', confirmed_by_account_id = ?, confirmed_by_name = ?, confirmed_at = ?,"
                + " recipients = ? where id = ?", user.accountId(), user.displayName(), Timestamp.from(now), recipients, id);
        audit.record("notifications.alert.confirmed", "notify_alert", id, recipients + " recipients, " + queued + " messages");
        return recipients;
    }

    /** An alert of the current community: a broadcast one for everyone, a draft only for staff. */
    @Transactional(readOnly = true)
    public Alert get(long id) {
        Alert a = jdbc.query("select * from notify_alert where id = ? and community_id = ?", (rs, n) -> map(rs), id,
                CurrentCommunity.require().id()).stream().findFirst().orElse(null);
        if (a == null || a.status().equals("WITHDRAWN") || (a.draft() && !isStaff())) {
            throw new NotFoundException("notifications.alert.notFound");
        }
        return a;
    }

    /** Broadcast alerts, newest first. */
    @Transactional(readOnly = true)
    public List<Alert> broadcast(int limit) {
        return jdbc.query("select * from notify_alert where community_id = ? and status = 'BROADCAST' order by confirmed_at desc, id desc"
                + " limit ?", (rs, n) -> map(rs), CurrentCommunity.require().id(), limit);
    }

    /** Drafts awaiting a second official. */
    @Transactional(readOnly = true)
    public List<Alert> drafts() {
        return jdbc.query("select * from notify_alert where community_id = ? and status = 'DRAFT' and expires_at > now()"
                + " order by created_at desc", (rs, n) -> map(rs), CurrentCommunity.require().id());
    }

    /** The alert's deliveries per channel by state. */
    @Transactional(readOnly = true)
    public List<Figures> figures(long id) {
        Map<ChannelKind, int[]> by = new EnumMap<>(ChannelKind.class);
        jdbc.query("select channel, status, count(*), count(read_at) from notify_delivery where alert_id = ? group by channel, status", rs -> {
            int[] f = by.computeIfAbsent(ChannelKind.valueOf(rs.getString(1)), k -> new int[5]);
            int n = rs.getInt(3);
            switch (rs.getString(2)) {
                case "QUEUED", "SENDING" -> f[0] += n;
                case "SENT" -> f[1] += n;
                case "FAILED" -> f[2] += n;
                default -> f[3] += n;
            }
            f[4] += rs.getInt(4);
        }, id);
        return by.entrySet().stream().map(e -> new Figures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
                e.getValue()[4])).toList();
    }

    /**
     * Share of the population (in per cent, one decimal) that digital alerting reaches: people who
     * follow alerts on at least one channel, over the community's population.
     */
    @Transactional(readOnly = true)
    public double coverage(Community c, Instant asOf) {
        int reached = count("select count(*) from notify_subscriber s where s.community_id = ? and s.topics like '%ALERTS%'"
                + " and s.created_at <= ? and (s.email is not null or exists (select 1 from notify_link l where l.subscriber_id = s.id))",
                c.id(), Timestamp.from(asOf));
        return c.population() <= 0 ? 0 : Math.round(reached * 1000.0 / c.population()) / 10.0;
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static Alert map(ResultSet rs) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        long account = rs.getLong("created_by_account_id");
        Long author = rs.wasNull() ? null : account;
        return new Alert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")), rs.getString("text_uk"), rs.getString("text_en"),
                Subscriptions.words(rs.getString("districts")), rs.getTimestamp("expires_at").toInstant(), rs.getString("status"),
                rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(), author,
                rs.getString("confirmed_by_name"), confirmed == null ? null : confirmed.toInstant(), rs.getInt("recipients"));
    }
}
