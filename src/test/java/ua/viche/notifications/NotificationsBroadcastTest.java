package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.notifications.channel.Channels;
import ua.viche.notifications.domain.DeliveryWorker;
import ua.viche.notifications.domain.LinkKey;
import ua.viche.notifications.domain.Notifier;
import ua.viche.notifications.domain.Topic;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.VicheSettings;

/**
 * A broadcast to 10,000 subscribers across Telegram and Viber through the local fake providers:
 * the sender is stopped in the middle and a new one resumes on the same database; every recipient
 * gets the message exactly once, each provider within its rate limit, the figures per channel equal
 * what the fake received, a refused recipient is retried after the provider's back-off, a blocked
 * one fails, rows a killed process left in a provider call are never sent again, and rows it had
 * claimed but not yet called are sent once.
 */
@IntegrationTest
class NotificationsBroadcastTest {

    private static final long BASE = 910_000_000L;
    private static final int N = 10_000;
    private static final int RATE = 700;

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Communities communities;
    @Autowired Channels channels;
    @Autowired LinkKey keys;
    @Autowired VicheSettings settings;
    @Autowired Notifier notifier;
    @Autowired DeliveryWorker worker;

    @Test
    void tenThousandSubscribersGetTheAlertExactlyOnceWithinTheRateLimitsThoughTheSenderStopsMidway() throws Exception {
        long id = communities.bySlug("sievierodonetsk").orElseThrow().id();
        worker.stop();
        try (FakeProviders fake = new FakeProviders()) {
            fake.serve(communities, "sievierodonetsk", "s");
            communities.putSetting(id, NotificationsModule.TELEGRAM_RATE, RATE);
            Community s = communities.putSetting(id, NotificationsModule.VIBER_RATE, RATE);

            List<Object[]> rows = new ArrayList<>();
            for (int n = 0; n < N; n++) {
                rows.add(new Object[] {id, BASE + n, n % 2 == 0 ? "uk" : "en"});
            }
            jdbc.batchUpdate("insert into notify_subscriber (community_id, person_id, topics, language) values (?, ?, 'ALERTS', ?)", rows);
            // a third on Telegram only, a third on Viber only, a third on both
            jdbc.update("insert into notify_link (community_id, subscriber_id, channel, address) select community_id, id, 'TELEGRAM',"
                    + " 'tg' || (person_id - ?) from notify_subscriber where community_id = ? and person_id >= ? and (person_id - ?) % 3 <> 1",
                    BASE, id, BASE, BASE);
            jdbc.update("insert into notify_link (community_id, subscriber_id, channel, address) select community_id, id, 'VIBER',"
                    + " 'vb' || (person_id - ?) from notify_subscriber where community_id = ? and person_id >= ? and (person_id - ?) % 3 <> 0",
                    BASE, id, BASE, BASE);
            fake.busy.addAll(Set.of("tg5", "vb7"));
            fake.blocked.add("tg9");

            String key = "alert-test:" + UUID.randomUUID();
            // the demo's own subscribers of the community get the alert too; the counts below are of the test's
            String mine = " and subscriber_id in (select id from notify_subscriber where person_id >= " + BASE + ")";
            notifier.broadcast(s, Topic.ALERTS, key, null, Set.of(), "notifications.alert.text",
                    new Object[] {"Повітряна тривога", "Пройдіть в укриття."}, "");
            int total = count("select count(*) from notify_delivery where dedupe_key = ?" + mine, key);
            assertThat(total).isEqualTo(13_333); // 3,334 on Telegram only, 3,333 on Viber only, 3,333 on both
            // a process killed in the middle of three calls left them in flight, and three more claimed but not yet called
            List<String> inFlight = jdbc.queryForList("update notify_delivery set status = 'SENDING', attempts = 1,"
                    + " claimed_at = now() - interval '3 minutes', called_at = now() - interval '3 minutes' where id in (select id"
                    + " from notify_delivery where dedupe_key = ?" + mine
                    + " and address not in ('tg5', 'vb7', 'tg9') order by id desc limit 3) returning channel || ':' || address", String.class, key);
            List<String> claimedOnly = jdbc.queryForList("update notify_delivery set status = 'SENDING', attempts = 1,"
                    + " claimed_at = now() - interval '3 minutes' where id in (select id from notify_delivery where dedupe_key = ?" + mine
                    + " and status = 'QUEUED' and address not in ('tg5', 'vb7', 'tg9') order by id desc limit 3)"
                    + " returning channel || ':' || address", String.class, key);

            DeliveryWorker first = new DeliveryWorker(jdbc, tx, channels, communities, keys, settings);
            Thread sending = new Thread(first::drain);
            sending.start();
            long until = System.currentTimeMillis() + 120_000;
            while (fake.received.size() < 3_000 && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            first.stop();
            sending.join(60_000);
            first.close();
            int atStop = fake.received.size();
            assertThat(atStop).as("stopped midway").isBetween(3_000, total - 100);
            assertThat(count("select count(*) from notify_delivery where dedupe_key = ? and status = 'SENDING'" + mine, key))
                    .as("nothing left in flight by the stopped sender").isZero();

            DeliveryWorker second = new DeliveryWorker(jdbc, tx, channels, communities, keys, settings);
            until = System.currentTimeMillis() + 180_000;
            while (count("select count(*) from notify_delivery where dedupe_key = ? and status in ('QUEUED', 'SENDING')", key) > 0
                    && System.currentTimeMillis() < until) {
                second.drain();
                Thread.sleep(200);
            }
            second.close();

            Map<String, Long> perRecipient = fake.received.stream().filter(r -> r.to().startsWith("tg") || r.to().startsWith("vb"))
                    .collect(Collectors.groupingBy(r -> (r.provider().equals("telegram") ? "TELEGRAM:" : "VIBER:") + r.to(), Collectors.counting()));
            assertThat(perRecipient.values()).as("nobody twice").allMatch(c -> c == 1);
            assertThat(perRecipient).as("everybody but the blocked chat and the three in flight at the kill").hasSize(total - 1 - 3);
            assertThat(perRecipient).containsKeys("TELEGRAM:tg5", "VIBER:vb7").doesNotContainKey("TELEGRAM:tg9");
            assertThat(inFlight).hasSize(3).allSatisfy(r -> assertThat(perRecipient).doesNotContainKey(r));
            assertThat(claimedOnly).as("claimed by the killed process but never called: sent once")
                    .hasSize(3).allSatisfy(r -> assertThat(perRecipient).containsEntry(r, 1L));
            assertThat(count("select count(*) from notify_delivery where dedupe_key = ? and status = 'UNCERTAIN'" + mine, key)).isEqualTo(3);
            assertThat(count("select count(*) from notify_delivery where dedupe_key = ? and status = 'FAILED'" + mine, key)).isEqualTo(1);
            assertThat(count("select attempts from notify_delivery where dedupe_key = ? and address = 'tg5'", key)).as("retried once").isEqualTo(2);

            // the figures per channel are the fake's counts
            for (String channel : List.of("TELEGRAM", "VIBER")) {
                long received = perRecipient.keySet().stream().filter(r -> r.startsWith(channel + ":")).count();
                assertThat(count("select count(*) from notify_delivery where dedupe_key = ? and channel = ? and status = 'SENT'" + mine, key, channel))
                        .as("sent by %s", channel).isEqualTo(received);
            }
            // within the rate limits (the gap between calls is exact; the network adds a little jitter)
            assertThat(fake.busiestSecond("telegram", "tg-s")).isLessThanOrEqualTo(RATE + RATE / 20);
            assertThat(fake.busiestSecond("viber", "vb-s")).isLessThanOrEqualTo(RATE + RATE / 20);
            // the unsubscribe button speaks each recipient's language
            assertThat(button(fake, "tg3")).isEqualTo("Unsubscribe");
            assertThat(button(fake, "tg0")).isEqualTo("Відписатися");
        } finally {
            jdbc.update("delete from notify_subscriber where community_id = ? and person_id >= ?", id, BASE);
            FakeProviders.restore(communities, "sievierodonetsk");
            worker.start();
        }
    }

    private static String button(FakeProviders fake, String chat) {
        return fake.to("telegram", chat).get(0).body().path("reply_markup").path("inline_keyboard").path(0).path(0).path("text").asString("");
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
