package ua.viche.notifications.demo;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.VicheSettings;

/**
 * The demo's notifications: in each community ten demo residents (460–469, which no test races on)
 * following topics, some in English, some with quiet hours, with a Telegram chat and a Viber user
 * linked (demo addresses) and half by e-mail; and one past air-raid alert, composed by the demo
 * official and confirmed by the demo admin three days ago, delivered to every follower of alerts
 * on each channel. Deterministic: fixed numbers, moments relative to the day the demo is built.
 */
@Component
@Order(74)
class DemoNotifications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNotifications.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final Identity identity;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final Clock clock;

    DemoNotifications(VicheSettings settings, Communities communities, Identity identity, JdbcTemplate jdbc, TransactionTemplate tx,
                      MessageSource messages, Clock clock) {
        this.settings = settings;
        this.communities = communities;
        this.identity = identity;
        this.jdbc = jdbc;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            Integer existing = jdbc.queryForObject("select count(*) from notify_alert where community_id = ?", Integer.class, c.id());
            if (existing != null && existing > 0) {
                continue;
            }
            tx.executeWithoutResult(s -> create(c));
        }
    }

    private void create(Community c) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        List<Identity.PersonRef> residents = new ArrayList<>();
        for (int n = 460; n <= 469; n++) {
            String email = Identity.demoResident(c.slug(), n);
            identity.callAs(email, identity::currentPerson).ifPresent(residents::add);
        }
        List<Long> followers = new ArrayList<>();
        for (int i = 0; i < residents.size(); i++) {
            Identity.PersonRef p = residents.get(i);
            String topics = i % 4 == 3 ? "NEWS,OWN_APPEALS,OWN_PROBLEMS" : "ALERTS,NEWS,OWN_APPEALS,OWN_PETITIONS,OWN_PROBLEMS";
            Long id = jdbc.queryForObject("insert into notify_subscriber (community_id, person_id, topics, districts, quiet_from, quiet_to,"
                            + " language, email, created_at) values (?, ?, ?, '', ?, ?, ?, ?, ?) returning id", Long.class,
                    c.id(), p.personId(), topics, i % 3 == 0 ? Time.valueOf(LocalTime.of(23, 0)) : null,
                    i % 3 == 0 ? Time.valueOf(LocalTime.of(7, 0)) : null, i % 3 == 1 ? "en" : "uk",
                    i % 2 == 0 ? p.email() : null, Timestamp.from(now.minus(Duration.ofDays(30 - i))));
            jdbc.update("insert into notify_link (community_id, subscriber_id, channel, address, linked_at) values (?, ?, 'TELEGRAM', ?, ?)",
                    c.id(), id, String.valueOf(7_000_000_000L + c.id() * 1000 + i), Timestamp.from(now.minus(Duration.ofDays(30 - i))));
            if (i % 2 == 1) {
                jdbc.update("insert into notify_link (community_id, subscriber_id, channel, address, linked_at) values (?, ?, 'VIBER', ?, ?)",
                        c.id(), id, "demo" + c.id() + "v" + i + "==", Timestamp.from(now.minus(Duration.ofDays(29 - i))));
            }
            if (!topics.startsWith("NEWS")) {
                followers.add(id);
            }
        }
        Identity.PersonRef official = identity.callAs("official@" + c.slug() + ".demo", identity::currentPerson).orElse(null);
        Identity.PersonRef admin = identity.callAs("admin@" + c.slug() + ".demo", identity::currentPerson).orElse(null);
        if (official == null || admin == null) {
            return;
        }
        Instant composed = now.minus(Duration.ofDays(3)).minus(Duration.ofHours(2));
        Instant confirmed = composed.plus(Duration.ofMinutes(2));
        String uk = "Увага! Повітряна тривога у громаді. Негайно прямуйте до найближчого укриття.";
        String en = "Attention! Air raid alert in the community. Go to the nearest shelter at once.";
        Long alert = jdbc.queryForObject("insert into notify_alert (community_id, kind, text_uk, text_en, districts, expires_at, status,"
                        + " created_by_account_id, created_by_name, created_at, confirmed_by_account_id, confirmed_by_name, confirmed_at,"
                        + " recipients) values (?, 'AIR_RAID', ?, ?, '', ?, 'BROADCAST', ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                c.id(), uk, en, Timestamp.from(confirmed.plus(Duration.ofHours(2))), official.accountId(), official.name(),
                Timestamp.from(composed), admin.accountId(), admin.name(), Timestamp.from(confirmed), followers.size());
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("select s.id, s.language, s.email, l.channel, l.address from notify_subscriber s left join notify_link l on l.subscriber_id = s.id"
                + " where s.community_id = ? and s.topics like '%ALERTS%' order by s.id, l.channel", rs -> {
                    Locale locale = Locale.forLanguageTag(rs.getString(2));
                    String body = messages.getMessage("notifications.alert.kind.AIR_RAID", null, locale) + "\n"
                            + (locale.getLanguage().equals("en") ? en : uk);
                    String subject = messages.getMessage("notifications.subject", new Object[] {c.name(locale)}, locale);
                    if (rs.getString(4) != null) {
                        rows.add(new Object[] {c.id(), "alert:" + alert, alert, rs.getLong(1), rs.getString(4), rs.getString(5), subject, body,
                                Timestamp.from(confirmed), Timestamp.from(confirmed.plusSeconds(rows.size() / 25 + 1))});
                    }
                }, c.id());
        jdbc.query("select id, language, email from notify_subscriber where community_id = ? and topics like '%ALERTS%' and email is not null"
                + " order by id", rs -> {
                    Locale locale = Locale.forLanguageTag(rs.getString(2));
                    rows.add(new Object[] {c.id(), "alert:" + alert, alert, rs.getLong(1), "EMAIL", rs.getString(3),
                            messages.getMessage("notifications.subject", new Object[] {c.name(locale)}, locale),
                            messages.getMessage("notifications.alert.kind.AIR_RAID", null, locale) + "\n" + (locale.getLanguage().equals("en") ? en : uk),
                            Timestamp.from(confirmed), Timestamp.from(confirmed.plusSeconds(2))});
                }, c.id());
        jdbc.batchUpdate("insert into notify_delivery (community_id, dedupe_key, alert_id, subscriber_id, channel, address, subject, body,"
                + " status, attempts, not_before, claimed_at, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'SENT', 1, ?, null, ?)", rows);
        log.info("Demo notifications created in {}: {} subscribers, one past alert to {} of them in {} messages", c.slug(),
                residents.size(), followers.size(), rows.size());
    }
}
