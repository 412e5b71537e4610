package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.IntegrationTest;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Signatures;
import ua.viche.notifications.domain.DeliveryWorker;
import ua.viche.notifications.domain.Notifier;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.Mailer;

/**
 * Notifications end to end against a local fake of Telegram's and Viber's HTTP APIs: linking by a
 * one-time code through each webhook (refused without the secret or a valid signature, single use,
 * expiring, only in its community), messages in the person's language on every channel with the
 * unsubscribe link, quiet hours held back but alerts not, the one-step unsubscribe without signing in.
 */
@IntegrationTest
class NotificationsFlowTest {

    @AutoClose static final FakeProviders fake = FakeProviders.start();

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Subscriptions subscriptions;
    @Autowired Notifier notifier;
    @Autowired DeliveryWorker worker;
    @Autowired Identity identity;
    @Autowired Mailer mailer;

    Community k;
    Community d;

    @BeforeEach
    void configure() {
        k = fake.serve(communities, "kropyvnytskyi", "k");
        d = fake.serve(communities, "dmytrivka", "d");
    }

    @AfterEach
    void restore() {
        FakeProviders.restore(communities, "kropyvnytskyi", "dmytrivka");
    }

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private long personId(String email) {
        return accounts.findByEmail(email).orElseThrow().getPerson().getId();
    }

    private ResultActions telegram(String slug, String secret, String json) throws Exception {
        var request = post("/hooks/telegram/" + slug).contentType(MediaType.APPLICATION_JSON).content(json);
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return mvc.perform(request);
    }

    private ResultActions viber(String slug, String token, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return mvc.perform(post("/hooks/viber/" + slug).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Viber-Content-Signature", Signatures.viberSignature(token, body)));
    }

    private static String start(String chat, String text) {
        return "{\"update_id\":" + Math.abs(chat.hashCode()) + ",\"message\":{\"message_id\":1,\"date\":1765100000,"
                + "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Test\",\"language_code\":\"uk\"},"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"" + text + "\"}}";
    }

    private long links(Community c, ChannelKind channel, String address) {
        return jdbc.queryForObject("select count(*) from notify_link where community_id = ? and channel = ? and address = ?", Long.class,
                c.id(), channel.name(), address);
    }

    private static String chat() {
        return String.valueOf(100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000_000L));
    }

    @Test
    void aTelegramChatIsLinkedByAOneTimeCodeThroughTheVerifiedWebhookOnly() throws Exception {
        String email = resident(300);
        var result = mvc.perform(post("/account/notifications/link").with(csrf()).with(TestAccounts.as(accounts, email))
                .param("community", "kropyvnytskyi").param("channel", "TELEGRAM")).andExpect(status().is3xxRedirection()).andReturn();
        String code = (String) result.getFlashMap().get("code");
        assertThat(code).isNotBlank();
        var followed = get(result.getResponse().getRedirectedUrl()).with(TestAccounts.as(accounts, email));
        if (result.getResponse().getCookie("SESSION") != null) {
            followed.cookie(result.getResponse().getCookie("SESSION"));
        }
        String page = mvc.perform(followed).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("https://t.me/viche_k_bot?start=" + code, "<svg");

        String chat = chat();
        // no secret, a wrong one, or another community's: refused, nothing linked
        telegram("kropyvnytskyi", null, start(chat, "/start " + code)).andExpect(status().isForbidden());
        telegram("kropyvnytskyi", "secret-d", start(chat, "/start " + code)).andExpect(status().isForbidden());
        assertThat(links(k, ChannelKind.TELEGRAM, chat)).isZero();
        assertThat(fake.to("telegram", chat)).isEmpty();
        // the code of one community does nothing in another
        telegram("dmytrivka", "secret-d", start(chat, "/start " + code)).andExpect(status().isOk());
        assertThat(links(d, ChannelKind.TELEGRAM, chat) + links(k, ChannelKind.TELEGRAM, chat)).isZero();
        assertThat(fake.to("telegram", chat)).singleElement().satisfies(r -> {
            assertThat(r.token()).isEqualTo("tg-d");
            assertThat(r.text()).contains("недійсний");
        });

        telegram("kropyvnytskyi", "secret-k", start(chat, "/start " + code)).andExpect(status().isOk());
        assertThat(links(k, ChannelKind.TELEGRAM, chat)).isOne();
        assertThat(fake.to("telegram", chat)).hasSize(2).last().satisfies(r -> {
            assertThat(r.token()).isEqualTo("tg-k");
            assertThat(r.text()).contains("прив’язано");
        });
        // used once: another chat cannot take it
        String other = chat();
        telegram("kropyvnytskyi", "secret-k", start(other, "/start " + code)).andExpect(status().isOk());
        assertThat(links(k, ChannelKind.TELEGRAM, other)).isZero();
        // an expired code links nothing
        String late = subscriptions.newCode(k, personId(resident(301)), ChannelKind.TELEGRAM);
        jdbc.update("update notify_link_code set expires_at = now() - interval '1 second' where subscriber_id ="
                + " (select id from notify_subscriber where community_id = ? and person_id = ?)", k.id(), personId(resident(301)));
        telegram("kropyvnytskyi", "secret-k", start(other, "/start " + late)).andExpect(status().isOk());
        assertThat(links(k, ChannelKind.TELEGRAM, other)).isZero();

        // the account page and its JSON twin show the link; /stop unlinks
        assertThat(mvc.perform(get("/account/notifications.json").with(TestAccounts.as(accounts, email))).andReturn().getResponse()
                .getContentAsString()).contains("\"community\":\"kropyvnytskyi\"", "\"messengers\":[\"telegram\"]");
        telegram("kropyvnytskyi", "secret-k", start(chat, "/stop")).andExpect(status().isOk());
        assertThat(links(k, ChannelKind.TELEGRAM, chat)).isZero();
    }

    @Test
    void aViberUserIsLinkedOnlyThroughASignedRequest() throws Exception {
        String code = subscriptions.newCode(k, personId(resident(302)), ChannelKind.VIBER);
        String user = "vb" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "==";
        String json = "{\"event\":\"conversation_started\",\"timestamp\":1765100000000,\"message_token\":4912661846655238145,"
                + "\"type\":\"open\",\"context\":\"" + code + "\",\"user\":{\"id\":\"" + user + "\",\"name\":\"Test\","
                + "\"language\":\"en\",\"country\":\"UA\",\"api_version\":8},\"subscribed\":false}";
        viber("kropyvnytskyi", "vb-d", json).andExpect(status().isForbidden());
        mvc.perform(post("/hooks/viber/kropyvnytskyi").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isForbidden());
        assertThat(links(k, ChannelKind.VIBER, user)).isZero();

        String answer = viber("kropyvnytskyi", "vb-k", json).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("\"type\":\"text\"", "прив’язано");
        assertThat(links(k, ChannelKind.VIBER, user)).isOne();

        viber("kropyvnytskyi", "vb-k", "{\"event\":\"unsubscribed\",\"timestamp\":1765100000001,\"user_id\":\"" + user
                + "\",\"message_token\":1}").andExpect(status().isOk());
        assertThat(links(k, ChannelKind.VIBER, user)).isZero();
    }

    /** Links a Telegram chat for the person and returns it. */
    private String linkTelegram(String email) throws Exception {
        String chat = chat();
        String code = subscriptions.newCode(k, personId(email), ChannelKind.TELEGRAM);
        telegram("kropyvnytskyi", "secret-k", start(chat, "/start " + code)).andExpect(status().isOk());
        return chat;
    }

    @Test
    void messagesComeInThePersonsLanguageOnEveryChannelOutsideQuietHoursAndStopInOneStep() throws Exception {
        String email = resident(303);
        long person = personId(email);
        String chat = linkTelegram(email);
        mvc.perform(post("/account/notifications").with(csrf()).with(TestAccounts.as(accounts, email)).param("community", "kropyvnytskyi")
                .param("topics", "OWN_PROBLEMS").param("topics", "ALERTS").param("language", "en").param("email", "true"))
                .andExpect(status().is3xxRedirection());
        // bad input changes nothing
        mvc.perform(post("/account/notifications").with(csrf()).with(TestAccounts.as(accounts, email)).param("community", "kropyvnytskyi")
                .param("topics", "NOPE").param("language", "uk")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/account/notifications").with(csrf()).with(TestAccounts.as(accounts, email)).param("community", "kropyvnytskyi")
                .param("topics", "NEWS").param("quietFrom", "22:00").param("language", "uk")).andExpect(status().is3xxRedirection());
        Subscriber s = subscriptions.find(k, person).orElseThrow();
        assertThat(s.topics()).containsExactlyInAnyOrder(Topic.OWN_PROBLEMS, Topic.ALERTS);
        assertThat(s.language()).isEqualTo("en");
        assertThat(s.email()).isEqualTo(email);

        String key = "test:" + UUID.randomUUID();
        int before = fake.to("telegram", chat).size();
        assertThat(notifier.toPerson(k, person, Topic.OWN_PROBLEMS, key, "notifications.event.problemStatus",
                new Object[] {"17", "in progress"}, "/kropyvnytskyi/problems/1")).isEqualTo(2);
        assertThat(notifier.toPerson(k, person, Topic.OWN_PROBLEMS, key, "notifications.event.problemStatus",
                new Object[] {"17", "in progress"}, "/kropyvnytskyi/problems/1")).as("queued once per cause").isZero();
        assertThat(notifier.toPerson(k, person, Topic.OWN_APPEALS, "test:" + UUID.randomUUID(), "notifications.event.appealAnswered",
                new Object[] {"К-2026-000001"}, "")).as("a topic not followed").isZero();
        FakeProviders.settle(jdbc, worker);
        List<FakeProviders.Received> got = fake.to("telegram", chat);
        assertThat(got).hasSize(before + 1);
        FakeProviders.Received message = got.get(got.size() - 1);
        assertThat(message.text()).startsWith("Your problem report No. 17: in progress.").contains("/kropyvnytskyi/problems/1");
        String unsubscribe = message.body().path("reply_markup").path("inline_keyboard").path(0).path(0).path("url").asString("");
        assertThat(unsubscribe).contains("/kropyvnytskyi/notifications/unsubscribe?t=");
        assertThat(mailer.latest(email, 5)).anySatisfy(m -> assertThat(m.body()).contains("Your problem report", "/notifications/unsubscribe?t="));

        // quiet hours now: a message waits, an alert does not
        LocalTime now = Instant.now().atZone(Subscriber.KYIV).toLocalTime();
        subscriptions.save(k, person, new Subscriptions.Preferences(Set.of(Topic.OWN_PROBLEMS, Topic.ALERTS), Set.of(),
                now.minusHours(1), now.plusHours(1), "uk", false), email);
        notifier.toPerson(k, person, Topic.OWN_PROBLEMS, "test:" + UUID.randomUUID(), "notifications.event.problemStatus",
                new Object[] {"18", "вирішено"}, "");
        notifier.broadcast(k, Topic.ALERTS, "test:" + UUID.randomUUID(), null, Set.of(), "notifications.alert.text",
                new Object[] {"Повітряна тривога", "Пройдіть в укриття."}, "");
        FakeProviders.settle(jdbc, worker);
        got = fake.to("telegram", chat);
        assertThat(got).hasSize(before + 2);
        assertThat(got.get(got.size() - 1).text()).startsWith("Повітряна тривога");
        assertThat(jdbc.queryForObject("select count(*) from notify_delivery where subscriber_id = ? and status = 'QUEUED'"
                + " and not_before > now()", Long.class, s.id())).as("held until the quiet hours end").isOne();

        // one step, without signing in; a forged token is a 404
        String path = unsubscribe.substring(unsubscribe.indexOf("/kropyvnytskyi/"));
        String token = path.substring(path.indexOf("t=") + 2);
        mvc.perform(get(path)).andExpect(status().isOk());
        mvc.perform(get("/kropyvnytskyi/notifications/unsubscribe?t=" + s.id() + ".forged")).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/notifications/unsubscribe?t=" + token)).andExpect(status().isNotFound());
        assertThat(links(k, ChannelKind.TELEGRAM, chat)).isOne();
        mvc.perform(post("/kropyvnytskyi/notifications/unsubscribe").with(csrf()).param("t", token)).andExpect(status().isOk());
        assertThat(links(k, ChannelKind.TELEGRAM, chat)).isZero();
        assertThat(subscriptions.byId(s.id()).orElseThrow().topics()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notify_delivery where subscriber_id = ? and status = 'QUEUED'", Long.class,
                s.id())).as("nothing held back goes out").isZero();
    }
}
