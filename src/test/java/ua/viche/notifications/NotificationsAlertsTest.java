package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.IntegrationTest;
import ua.viche.appeals.AppealAnswered;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Signatures;
import ua.viche.notifications.domain.Alerts;
import ua.viche.notifications.domain.DeliveryWorker;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.TestCommunities;
import ua.viche.problems.ProblemStatusChanged;

/**
 * Civil-protection alerts with four eyes against the fake providers: only officials compose, the
 * author cannot confirm, a second official's confirmation sends it to the followers in its
 * districts (quiet hours ignored) on each of their channels, once; the figures per channel equal
 * what the providers received; a draft is never public and one community's alert is never
 * another's; a Viber recipient counts as having read it only when Viber's signed {@code seen}
 * callback names that message and recipient; the coverage figure counts those whom a channel reaches. And other modules' events (a problem report's new state, an appeal's answer) reaching the person
 * when they follow that topic, in their language.
 */
@IntegrationTest
class NotificationsAlertsTest {

    @AutoClose static final FakeProviders fake = FakeProviders.start();

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Subscriptions subscriptions;
    @Autowired DeliveryWorker worker;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Alerts alerts;

    private long person(String email) {
        return accounts.findByEmail(email).orElseThrow().getPerson().getId();
    }

    /** A follower of alerts with a linked messenger (linked by a code, as the webhook does). */
    private String follower(Community k, int n, ChannelKind channel, Set<String> districts, boolean quietNow) {
        String email = Identity.demoResident("kropyvnytskyi", n);
        long p = person(email);
        LocalTime now = Instant.now().atZone(Subscriber.KYIV).toLocalTime();
        subscriptions.save(k, p, new Subscriptions.Preferences(Set.of(Topic.ALERTS, Topic.OWN_PROBLEMS), districts,
                quietNow ? now.minusHours(1) : null, quietNow ? now.plusHours(1) : null, "en", false), email);
        String address = channel.name().toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
        subscriptions.redeem(k, channel, subscriptions.newCode(k, p, channel), address).orElseThrow();
        return address;
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anAlertGoesOutOnlyAfterASecondOfficialConfirmsItToTheFollowersInItsDistrictsOnce() throws Exception {
        Community k = fake.serve(communities, "kropyvnytskyi", "a");
        try {
            String centre = follower(k, 304, ChannelKind.TELEGRAM, Set.of("Центр"), false);
            String everywhere = follower(k, 305, ChannelKind.VIBER, Set.of(), true);
            String north = follower(k, 306, ChannelKind.TELEGRAM, Set.of("Північ"), false);
            String text = "Тестова тривога " + UUID.randomUUID();
            String until = LocalDateTime.now(Subscriber.KYIV).plusHours(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            int before = count("select count(*) from notify_alert where community_id = ?", k.id());

            // residents may not compose; bad input is refused and saves nothing
            mvc.perform(post("/kropyvnytskyi/alerts").with(csrf()).with(TestAccounts.as(accounts, Identity.demoResident("kropyvnytskyi", 304)))
                    .param("kind", "AIR_RAID").param("textUk", text).param("textEn", "Test").param("expiresAt", until))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/kropyvnytskyi/alerts").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                    .param("kind", "AIR_RAID").param("textUk", text).param("textEn", "").param("expiresAt", until))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(post("/kropyvnytskyi/alerts").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                    .param("kind", "AIR_RAID").param("textUk", text).param("textEn", "Test").param("expiresAt", "2020-01-01T10:00"))
                    .andExpect(status().is3xxRedirection());
            assertThat(count("select count(*) from notify_alert where community_id = ?", k.id())).isEqualTo(before);

            String location = mvc.perform(post("/kropyvnytskyi/alerts").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                    .param("kind", "AIR_RAID").param("textUk", text).param("textEn", "Test alert " + text).param("districts", "Центр")
                    .param("expiresAt", until)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

            // a draft is not public
            mvc.perform(get("/kropyvnytskyi/alerts/" + id)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/kropyvnytskyi/alerts/" + id)).andExpect(status().isNotFound());
            assertThat(body("/api/v1/kropyvnytskyi/alerts")).doesNotContain(text);

            // four eyes: the author cannot confirm
            mvc.perform(post("/kropyvnytskyi/alerts/" + id + "/confirm").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo")))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("notifications.alert.error.fourEyes"));
            assertThat(jdbc.queryForObject("select status from notify_alert where id = ?", String.class, id)).isEqualTo("DRAFT");
            assertThat(count("select count(*) from notify_delivery where alert_id = ?", id)).isZero();

            worker.stop();
            try {
                mvc.perform(post("/kropyvnytskyi/alerts/" + id + "/confirm").with(csrf()).with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                        .andExpect(status().is3xxRedirection());
                // twice is a conflict, nothing more queued
                int queued = count("select count(*) from notify_delivery where alert_id = ?", id);
                mvc.perform(post("/kropyvnytskyi/alerts/" + id + "/confirm").with(csrf()).with(TestAccounts.as(accounts, "moderator@kropyvnytskyi.demo")))
                        .andExpect(status().isForbidden());
                mvc.perform(post("/kropyvnytskyi/alerts/" + id + "/confirm").with(csrf()).with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                        .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("notifications.alert.error.notDraft"));
                assertThat(count("select count(*) from notify_delivery where alert_id = ?", id)).isEqualTo(queued);
                // while it sends, the page reloads itself without script
                assertThat(mvc.perform(get("/kropyvnytskyi/alerts/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                        .getHeader("Refresh")).isEqualTo("5");
            } finally {
                worker.start();
            }
            FakeProviders.settle(jdbc, worker);

            assertThat(fake.to("telegram", centre)).singleElement().satisfies(r -> assertThat(r.text()).startsWith("Air raid alert\nTest alert"));
            assertThat(fake.to("viber", everywhere)).as("quiet hours do not hold an alert").hasSize(1);
            assertThat(fake.to("telegram", north)).as("another district").isEmpty();
            // the figures equal what the providers received for this alert
            long telegram = fake.received.stream().filter(r -> r.provider().equals("telegram") && r.text().contains(text)).count();
            long viber = fake.received.stream().filter(r -> r.provider().equals("viber") && r.text().contains(text)).count();
            assertThat(count("select count(*) from notify_delivery where alert_id = ? and channel = 'TELEGRAM' and status = 'SENT'", id))
                    .isEqualTo(telegram);
            assertThat(count("select count(*) from notify_delivery where alert_id = ? and channel = 'VIBER' and status = 'SENT'", id))
                    .isEqualTo(viber);
            String page = body("/kropyvnytskyi/alerts/" + id);
            assertThat(page).contains("figures-TELEGRAM", "figures-VIBER", "<td>" + telegram + "</td>");
            String json = body("/api/v1/kropyvnytskyi/alerts/" + id);
            assertThat(json).contains("\"channel\":\"telegram\"", "\"sent\":" + telegram, "\"status\":\"broadcast\"");
            assertThat(body("/api/v1/kropyvnytskyi/alerts")).contains(text, "coveragePercent");
            assertThat(body("/kropyvnytskyi/alerts")).contains(text);
            // not another community's
            mvc.perform(get("/dmytrivka/alerts/" + id)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/dmytrivka/alerts/" + id)).andExpect(status().isNotFound());
            assertThat(body("/api/v1/dmytrivka/alerts")).doesNotContain(text);
        } finally {
            FakeProviders.restore(communities, "kropyvnytskyi");
        }
    }

    @Test
    void aProblemReportsNewStateReachesItsReporterInTheirLanguage() throws Exception {
        Community k = fake.serve(communities, "kropyvnytskyi", "a");
        try {
            String email = Identity.demoResident("kropyvnytskyi", 307);
            String chat = follower(k, 307, ChannelKind.TELEGRAM, Set.of(), false);
            long account = accounts.findByEmail(email).orElseThrow().getId();
            Instant at = Instant.now();
            ProblemStatusChanged event = new ProblemStatusChanged(k.id(), 987_654, "RESOLVED", "вирішено", "resolved", account,
                    "/kropyvnytskyi/problems/987654", at);
            tx.executeWithoutResult(s -> events.publishEvent(event));
            tx.executeWithoutResult(s -> events.publishEvent(event)); // delivered again: nothing new
            tx.executeWithoutResult(s -> events.publishEvent(new AppealAnswered(k.id(), 987_655, "К-2026-987655", account,
                    "/kropyvnytskyi/appeals/987655", at)));
            long until = System.currentTimeMillis() + 20_000;
            while (count("select count(*) from notify_delivery where dedupe_key like 'problems:987654:%'") == 0
                    && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            Thread.sleep(300);
            FakeProviders.settle(jdbc, worker);
            List<FakeProviders.Received> got = fake.to("telegram", chat);
            assertThat(got).as("the appeal's answer: not followed").singleElement().satisfies(r -> assertThat(r.text())
                    .startsWith("Your problem report No. 987654: resolved.").contains("/kropyvnytskyi/problems/987654"));
            // following appeals too, the next answer comes
            subscriptions.save(k, person(email), new Subscriptions.Preferences(Set.of(Topic.OWN_APPEALS, Topic.OWN_PROBLEMS), Set.of(),
                    null, null, "uk", false), email);
            tx.executeWithoutResult(s -> events.publishEvent(new AppealAnswered(k.id(), 987_656, "К-2026-987656", account,
                    "/kropyvnytskyi/appeals/987656", at)));
            until = System.currentTimeMillis() + 20_000;
            while (count("select count(*) from notify_delivery where dedupe_key like 'appeals:987656:%'") == 0
                    && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            FakeProviders.settle(jdbc, worker);
            assertThat(fake.to("telegram", chat)).hasSize(2).last()
                    .satisfies(r -> assertThat(r.text()).startsWith("На ваше звернення К-2026-987656 надано відповідь."));
        } finally {
            FakeProviders.restore(communities, "kropyvnytskyi");
        }
    }

    @Test
    void aViberRecipientWhoSawTheAlertCountsAsReadOnlyThroughVibersSignedCallback() throws Exception {
        Community k = fake.serve(communities, "kropyvnytskyi", "a");
        long person = 935_000_000L + System.nanoTime() % 1_000_000;
        try {
            Long subscriber = jdbc.queryForObject("insert into notify_subscriber (community_id, person_id, topics, language)"
                    + " values (?, ?, 'ALERTS', 'en') returning id", Long.class, k.id(), person);
            String viber = "seen" + UUID.randomUUID().toString().substring(0, 8) + "==";
            String telegram = "seen" + UUID.randomUUID().toString().substring(0, 8);
            jdbc.update("insert into notify_link (community_id, subscriber_id, channel, address) values (?, ?, 'VIBER', ?), (?, ?, 'TELEGRAM', ?)",
                    k.id(), subscriber, viber, k.id(), subscriber, telegram);
            String until = LocalDateTime.now(Subscriber.KYIV).plusHours(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            String location = mvc.perform(post("/kropyvnytskyi/alerts").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                    .param("kind", "WEATHER").param("textUk", "Сильний вітер").param("textEn", "Strong wind " + person)
                    .param("expiresAt", until)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            mvc.perform(post("/kropyvnytskyi/alerts/" + id + "/confirm").with(csrf()).with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                    .andExpect(status().is3xxRedirection());
            FakeProviders.settle(jdbc, worker);
            assertThat(fake.to("viber", viber)).hasSize(1);
            assertThat(fake.to("telegram", telegram)).hasSize(1);
            String token = jdbc.queryForObject("select provider_ref from notify_delivery where alert_id = ? and address = ?", String.class, id, viber);
            assertThat(token).as("Viber's message_token is kept").isNotNull().matches("\\d+");
            assertThat(jdbc.queryForObject("select provider_ref from notify_delivery where alert_id = ? and address = ?", String.class, id,
                    telegram)).as("Telegram gives none").isNull();

            // unsigned, or about another user's message: nothing is read
            mvc.perform(post("/hooks/viber/kropyvnytskyi").contentType(MediaType.APPLICATION_JSON).content(seen(token, viber))
                    .header("X-Viber-Content-Signature", "00")).andExpect(status().isForbidden());
            viberHook(seen(token, "someone-else=="));
            viberHook(seen("1" + token, viber));
            assertThat(count("select count(*) from notify_delivery where alert_id = ? and read_at is not null", id)).isZero();
            assertThat(read(id, "viber")).isEqualTo(0);

            // Viber tells that the recipient saw it: read, once however often it tells
            viberHook(seen(token, viber));
            viberHook(seen(token, viber));
            assertThat(count("select count(*) from notify_delivery where alert_id = ? and read_at is not null", id)).isEqualTo(1);
            assertThat(read(id, "viber")).isEqualTo(1);
            assertThat(read(id, "telegram")).as("Telegram does not tell").isNull();
            String page = body("/kropyvnytskyi/alerts/" + id);
            assertThat(page).contains("Прочитано (де канал повідомляє)", "канал не повідомляє");
            // not another community's: the same callback at Dmytrivka's webhook changes nothing there nor here
            mvc.perform(post("/hooks/viber/dmytrivka").contentType(MediaType.APPLICATION_JSON).content(seen(token, viber))
                    .header("X-Viber-Content-Signature", Signatures.viberSignature("vb-a", seen(token, viber)))).andExpect(status().isForbidden());
            assertThat(count("select count(*) from notify_delivery where alert_id = ? and read_at is not null", id)).isEqualTo(1);
        } finally {
            jdbc.update("delete from notify_subscriber where community_id = ? and person_id = ?", k.id(), person);
            FakeProviders.restore(communities, "kropyvnytskyi");
        }
    }

    @Test
    void coverageIsTheFollowersOfAlertsWhomAChannelReachesOverThePopulationAsOfAMoment() throws Exception {
        Community c = TestCommunities.create(communities, "cover"); // population 1,000
        Instant now = Instant.now();
        long messenger = subscriber(c, 1, "ALERTS", null, now.minus(Duration.ofDays(3)));
        jdbc.update("insert into notify_link (community_id, subscriber_id, channel, address) values (?, ?, 'VIBER', ?)",
                c.id(), messenger, "cover" + UUID.randomUUID());
        subscriber(c, 2, "NEWS,ALERTS", "cover2@example.org", now.minus(Duration.ofDays(1)));
        // following alerts with no channel, and reachable but not following alerts: not covered
        subscriber(c, 3, "ALERTS", null, now.minus(Duration.ofDays(3)));
        subscriber(c, 4, "NEWS", "cover4@example.org", now.minus(Duration.ofDays(3)));

        assertThat(alerts.coverage(c, now)).isEqualTo(0.2);
        assertThat(alerts.coverage(c, now.minus(Duration.ofDays(2)))).as("before the second came").isEqualTo(0.1);
        assertThat(alerts.coverage(c, now.minus(Duration.ofDays(4)))).isEqualTo(0.0);
        assertThat(body("/api/v1/" + c.slug() + "/alerts")).contains("\"coveragePercent\":0.2");
        assertThat(body("/" + c.slug() + "/alerts")).contains("охоплює 0,2 % населення");
    }

    private long subscriber(Community c, long person, String topics, @Nullable String email, Instant created) {
        Long id = jdbc.queryForObject("insert into notify_subscriber (community_id, person_id, topics, email, created_at) values (?, ?, ?, ?, ?)"
                + " returning id", Long.class, c.id(), person, topics, email, java.sql.Timestamp.from(created));
        return id == null ? 0 : id;
    }

    private static byte[] seen(String token, String user) {
        return ("{\"event\":\"seen\",\"timestamp\":1765100000000,\"message_token\":" + token + ",\"user_id\":\"" + user + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void viberHook(byte[] body) throws Exception {
        mvc.perform(post("/hooks/viber/kropyvnytskyi").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Viber-Content-Signature", Signatures.viberSignature("vb-a", body))).andExpect(status().isOk());
    }

    /** The alert's "read" figure for a channel in its API (null where the channel does not tell). */
    private @Nullable Integer read(long id, String channel) throws Exception {
        JsonNode deliveries = JsonMapper.builder().build().readTree(body("/api/v1/kropyvnytskyi/alerts/" + id)).path("deliveries");
        for (int i = 0; i < deliveries.size(); i++) {
            JsonNode d = deliveries.get(i);
            if (d.path("channel").asString("").equals(channel)) {
                return d.path("read").isNull() ? null : d.path("read").asInt();
            }
        }
        throw new AssertionError("no deliveries on " + channel);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
