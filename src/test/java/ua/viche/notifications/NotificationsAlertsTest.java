package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.appeals.AppealAnswered;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.domain.DeliveryWorker;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.problems.ProblemStatusChanged;

/**
 * Civil-protection alerts with four eyes against the fake providers: only officials compose, the
 * author cannot confirm, a second official's confirmation sends it to the followers in its
 * districts (quiet hours ignored) on each of their channels, once; the figures per channel equal
 * what the providers received; a draft is never public and one community's alert is never
 * another's. And other modules' events (a problem report's new state, an appeal's answer) reaching the person
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

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
