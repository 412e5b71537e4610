package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.notifications.channel.Channels;
import ua.viche.notifications.domain.DeliveryWorker;
import ua.viche.notifications.domain.LinkKey;
import ua.viche.platform.Communities;
import ua.viche.platform.VicheSettings;

/**
 * Two senders standing for two nodes (two delivery workers, each with its own threads and pacer,
 * over the one database) send one community's queue to Telegram together: between them they keep
 * the community's rate, as measured by the moments the fake provider received the messages, and
 * each recipient gets the message once.
 */
@IntegrationTest
class NotificationsPacingTest {

    private static final long BASE = 930_000_000L;
    private static final int N = 30;
    private static final int RATE = 20;

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Communities communities;
    @Autowired Channels channels;
    @Autowired LinkKey keys;
    @Autowired VicheSettings settings;
    @Autowired DeliveryWorker worker;

    @Test
    void twoNodesSendingTogetherKeepTheProvidersRateBetweenThem() throws Exception {
        long id = communities.bySlug("dmytrivka").orElseThrow().id();
        worker.stop();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try (FakeProviders fake = new FakeProviders()) {
            fake.serve(communities, "dmytrivka", "pace");
            communities.putSetting(id, NotificationsModule.TELEGRAM_RATE, RATE);
            String key = "pace-test:" + UUID.randomUUID();
            List<Object[]> rows = new ArrayList<>();
            for (int n = 0; n < N; n++) {
                rows.add(new Object[] {id, BASE + n});
            }
            jdbc.batchUpdate("insert into notify_subscriber (community_id, person_id, topics, language) values (?, ?, 'ALERTS', 'uk')", rows);
            jdbc.update("insert into notify_delivery (community_id, dedupe_key, subscriber_id, channel, address, subject, body)"
                    + " select community_id, ?, id, 'TELEGRAM', 'pace' || (person_id - ?), 'Тривога', 'Пройдіть в укриття.'"
                    + " from notify_subscriber where community_id = ? and person_id >= ? and person_id < ?", key, BASE, id, BASE, BASE + N);

            DeliveryWorker a = new DeliveryWorker(jdbc, tx, channels, communities, keys, settings);
            DeliveryWorker b = new DeliveryWorker(jdbc, tx, channels, communities, keys, settings);
            CountDownLatch go = new CountDownLatch(1);
            long started = System.nanoTime();
            List<Future<Integer>> sent = new ArrayList<>();
            for (DeliveryWorker node : List.of(a, b)) {
                sent.add(nodes.submit(() -> {
                    go.await();
                    return node.drain();
                }));
            }
            go.countDown();
            int byA = sent.get(0).get(60, TimeUnit.SECONDS);
            int byB = sent.get(1).get(60, TimeUnit.SECONDS);
            a.close();
            b.close();

            List<FakeProviders.Received> mine = fake.received.stream().filter(r -> r.to().startsWith("pace")).toList();
            Map<String, Long> perRecipient = mine.stream().collect(Collectors.groupingBy(FakeProviders.Received::to, Collectors.counting()));
            assertThat(perRecipient).as("everybody once").hasSize(N).allSatisfy((to, times) -> assertThat(times).isOne());
            assertThat(byA).as("both nodes sent").isPositive();
            assertThat(byB).as("both nodes sent").isPositive();
            // draining sends whatever the queue holds: a delivery an earlier test left for later may go with these
            assertThat(byA + byB).isGreaterThanOrEqualTo(N);

            // one gap of 1/RATE between two calls, whichever node made them: N calls span (N - 1)/RATE seconds at least
            long first = mine.stream().mapToLong(FakeProviders.Received::nanos).min().orElseThrow();
            long last = mine.stream().mapToLong(FakeProviders.Received::nanos).max().orElseThrow();
            double span = (last - first) / 1e9;
            assertThat(span).as("the calls of both nodes together span").isGreaterThanOrEqualTo((N - 1.0) / RATE - 0.05);
            assertThat((last - started) / 1e9).as("sending took").isGreaterThanOrEqualTo((N - 1.0) / RATE);
            assertThat(fake.busiestSecond("telegram", "tg-pace")).as("the busiest second").isLessThanOrEqualTo(RATE + 1);
        } finally {
            nodes.shutdownNow();
            jdbc.update("delete from notify_subscriber where community_id = ? and person_id >= ? and person_id < ?", id, BASE, BASE + N);
            FakeProviders.restore(communities, "dmytrivka");
            worker.start();
        }
    }
}
