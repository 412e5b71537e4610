package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Signatures;
import ua.viche.notifications.domain.DeliveryWorker;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;

/**
 * The messenger bot end to end through the verified webhooks against the local fake of Telegram's
 * and Viber's APIs: every dialogue (a problem report with photo and place, an appeal, the status of
 * both, the nearest shelter and CNAP office, booking and cancelling a CNAP visit with the booking's
 * messages, the petitions collecting, subscribing), the plain-text fallback (typing an option's
 * number), an unlinked chat sent to the site, the language, the refused webhook, communities apart,
 * the state kept in the database and forgotten after idling.
 */
@IntegrationTest
class NotificationsBotTest {

    @AutoClose static final FakeProviders fake = FakeProviders.start();

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Subscriptions subscriptions;
    @Autowired DeliveryWorker worker;

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

    // ---- speaking Telegram's and Viber's JSON

    private ResultActions telegram(String slug, String json) throws Exception {
        return mvc.perform(post("/hooks/telegram/" + slug).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("X-Telegram-Bot-Api-Secret-Token", slug.equals("dmytrivka") ? "secret-d" : "secret-k"));
    }

    private static String from(String chat, String language) {
        return "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Test\",\"language_code\":\"" + language + "\"}";
    }

    private static String message(String chat, String language, String content) {
        return "{\"update_id\":" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000) + ",\"message\":{\"message_id\":1,"
                + "\"date\":1765100000," + from(chat, language) + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}," + content + "}}";
    }

    /** The person types a text (in Ukrainian unless told). */
    private JsonNode say(String chat, String text) throws Exception {
        return say("kropyvnytskyi", chat, "uk", text);
    }

    private JsonNode say(String slug, String chat, String language, String text) throws Exception {
        telegram(slug, message(chat, language, "\"text\":\"" + text + "\"")).andExpect(status().isOk());
        return last(chat);
    }

    /** The person presses an inline button. */
    private JsonNode press(String chat, String data) throws Exception {
        return press(chat, data, UUID.randomUUID().toString());
    }

    /** The person presses an inline button; Telegram names the press by its id. */
    private JsonNode press(String chat, String data, String id) throws Exception {
        telegram("kropyvnytskyi", "{\"update_id\":" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000)
                + ",\"callback_query\":{\"id\":\"" + id + "\"," + from(chat, "uk") + ",\"message\":{\"message_id\":2,"
                + "\"date\":1765100000,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"…\"},\"chat_instance\":\"-1\","
                + "\"data\":\"" + data + "\"}}").andExpect(status().isOk());
        return last(chat);
    }

    private JsonNode photo(String chat, String fileId) throws Exception {
        telegram("kropyvnytskyi", message(chat, "uk", "\"photo\":[{\"file_id\":\"" + fileId + "-small\",\"file_unique_id\":\"a\",\"width\":90,"
                + "\"height\":67,\"file_size\":1000},{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"b\",\"width\":320,\"height\":240,"
                + "\"file_size\":5000}]")).andExpect(status().isOk());
        return last(chat);
    }

    private JsonNode location(String chat, double lat, double lon) throws Exception {
        telegram("kropyvnytskyi", message(chat, "uk", "\"location\":{\"latitude\":" + lat + ",\"longitude\":" + lon + "}"))
                .andExpect(status().isOk());
        return last(chat);
    }

    /** What the bot last sent to the Telegram chat (the body of its sendMessage). */
    private static JsonNode last(String chat) {
        List<FakeProviders.Received> got = fake.to("telegram", chat);
        assertThat(got).isNotEmpty();
        return got.get(got.size() - 1).body();
    }

    private static List<String> buttons(JsonNode body) {
        List<String> payloads = new ArrayList<>();
        for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                payloads.add(b.path("callback_data").asString(""));
            }
        }
        return payloads;
    }

    private static String text(JsonNode body) {
        return body.path("text").asString("");
    }

    private static String chat() {
        return String.valueOf(100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000_000L));
    }

    private long personId(int resident) {
        return accounts.findByEmail(Identity.demoResident("kropyvnytskyi", resident)).orElseThrow().getPerson().getId();
    }

    private long accountId(int resident) {
        return accounts.findByEmail(Identity.demoResident("kropyvnytskyi", resident)).orElseThrow().getId();
    }

    /** Links a new Telegram chat to the resident by the one-time code, as the deep link would. */
    private String linked(int resident) throws Exception {
        String chat = chat();
        String code = subscriptions.newCode(k, personId(resident), ChannelKind.TELEGRAM);
        assertThat(text(say(chat, "/start " + code))).contains("прив’язано");
        return chat;
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static String first(List<String> payloads, String prefix) {
        return payloads.stream().filter(p -> p.startsWith(prefix)).findFirst().orElseThrow();
    }

    // ---- the dialogues

    @Test
    void aProblemIsReportedWithPhotoAndPlaceAndItsStatusFollowed() throws Exception {
        String chat = linked(303);
        JsonNode menu = say(chat, "/menu");
        assertThat(buttons(menu)).startsWith("menu:report", "menu:appeal", "menu:status");
        assertThat(text(menu)).contains("1 — Повідомити про проблему");

        JsonNode categories = press(chat, "menu:report");
        assertThat(buttons(categories)).isNotEmpty().allMatch(p -> p.startsWith("c:") || p.equals("menu"));
        // the plain-text fallback: typing the option's number chooses it
        assertThat(text(say(chat, "1"))).contains("Опишіть проблему");
        assertThat(buttons(say(chat, "Глибока яма на тротуарі біля зупинки"))).contains("skip");
        fake.files.put("photo-" + chat, png());
        assertThat(text(photo(chat, "photo-" + chat))).contains("Поділіться місцем");
        Community.Area area = k.area().orElseThrow();
        String filed = text(location(chat, area.centerLat(), area.centerLon()));
        assertThat(filed).contains("прийнято", "/kropyvnytskyi/problems/");

        Long report = jdbc.queryForObject("select max(id) from problem_report where community_id = ? and reporter_account_id = ? and source = 'bot'",
                Long.class, k.id(), accountId(303));
        assertThat(report).isNotNull();
        assertThat(filed).contains("№ " + report);
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'problems' and owner_id = ? and content_type = 'image/png'",
                Long.class, report)).isOne();
        assertThat(jdbc.queryForObject("select latitude from problem_report where id = ?", Double.class, report))
                .isEqualTo(area.centerLat());

        assertThat(text(press(chat, "menu:status"))).contains("Проблема № " + report + ": Нове");
    }

    @Test
    void anAppealIsFiledThroughViberAndShownInTheStatus() throws Exception {
        String user = "vb" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "==";
        String code = subscriptions.newCode(k, personId(304), ChannelKind.VIBER);
        viber(user, "{\"type\":\"text\",\"text\":\"/start " + code + "\"}");
        assertThat(viberLast(user).path("text").asString("")).contains("прив’язано");
        // a Viber button sends its payload as the message's text
        viber(user, "{\"type\":\"text\",\"text\":\"menu:appeal\"}");
        JsonNode categories = viberLast(user);
        assertThat(categories.path("keyboard").path("Buttons").get(0).path("ActionBody").asString("")).startsWith("c:");
        viber(user, "{\"type\":\"text\",\"text\":\"1\"}");
        assertThat(viberLast(user).path("text").asString("")).contains("поштову адресу");
        viber(user, "{\"type\":\"text\",\"text\":\"вул. Велика Перспективна, 41, кв. 3\"}");
        viber(user, "{\"type\":\"text\",\"text\":\"Прошу встановити лавку біля під’їзду\"}");
        String filed = viberLast(user).path("text").asString("");
        assertThat(filed).contains("зареєстровано", "/kropyvnytskyi/appeals/");
        String number = jdbc.queryForObject("select registration_number from appeal where community_id = ? and applicant_person_id = ?"
                + " order by id desc limit 1", String.class, k.id(), personId(304));
        assertThat(filed).contains(number);
        viber(user, "{\"type\":\"text\",\"text\":\"menu:status\"}");
        assertThat(viberLast(user).path("text").asString("")).contains("Звернення " + number + ": Зареєстровано");
    }

    private void viber(String user, String message) throws Exception {
        byte[] body = ("{\"event\":\"message\",\"timestamp\":1765100000000,\"message_token\":4912661846655238145,\"sender\":{\"id\":\""
                + user + "\",\"name\":\"Test\",\"language\":\"uk\",\"country\":\"UA\",\"api_version\":1},\"message\":" + message + "}")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/hooks/viber/kropyvnytskyi").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Viber-Content-Signature", Signatures.viberSignature("vb-k", body))).andExpect(status().isOk());
    }

    private static JsonNode viberLast(String user) {
        List<FakeProviders.Received> got = fake.to("viber", user);
        assertThat(got).isNotEmpty();
        return got.get(got.size() - 1).body();
    }

    @Test
    void theNearestShelterAndCnapOfficeAreFoundByASharedPointWithoutLinking() throws Exception {
        String chat = chat();
        Community.Area area = k.area().orElseThrow();
        assertThat(buttons(press(chat, "menu:nearest"))).contains("shelter", "cnap");
        assertThat(text(press(chat, "shelter"))).contains("Поділіться місцем");
        assertThat(text(location(chat, area.centerLat(), area.centerLon()))).contains("Найближчі", "/kropyvnytskyi/map/shelters/", " м\n");
        press(chat, "menu:nearest");
        press(chat, "cnap");
        assertThat(text(location(chat, area.centerLat(), area.centerLon()))).contains("/kropyvnytskyi/cnap/offices/");
    }

    @Test
    void aCnapVisitIsBookedAndCancelledAndTheBookingsSubscriberIsTold() throws Exception {
        String chat = linked(305);
        long subscriber = subscriptions.subscriberId(k, personId(305));
        jdbc.update("update notify_subscriber set topics = 'OWN_BOOKINGS' where id = ?", subscriber);
        assertThat(buttons(press(chat, "menu:booking"))).contains("book", "mine");
        JsonNode offices = press(chat, "book");
        JsonNode services = press(chat, first(buttons(offices), "o:"));
        JsonNode slots = press(chat, first(buttons(services), "s:"));
        String booked = text(press(chat, first(buttons(slots), "t:")));
        assertThat(booked).contains("Ви записані", "/kropyvnytskyi/cnap/bookings/");
        String code = jdbc.queryForObject("select code from cnap_booking where person_id = ? and status = 'BOOKED' order by id desc limit 1",
                String.class, personId(305));
        assertThat(booked).contains(code);

        press(chat, "menu:booking");
        JsonNode list = press(chat, "mine");
        assertThat(buttons(list)).contains("x:" + code);
        assertThat(text(press(chat, "x:" + code))).contains("Запис скасовано");
        assertThat(jdbc.queryForObject("select status from cnap_booking where code = ?", String.class, code)).isEqualTo("CANCELLED");

        // the queue's events became messages to the person who follows their bookings, in this chat
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until && jdbc.queryForObject("select count(*) from notify_delivery where subscriber_id = ?"
                + " and dedupe_key like 'queue:%'", Long.class, subscriber) < 2) {
            Thread.sleep(100);
        }
        FakeProviders.settle(jdbc, worker);
        assertThat(fake.to("telegram", chat)).extracting(FakeProviders.Received::text)
                .anySatisfy(t -> assertThat(t).contains("Ви записалися до ЦНАП", code))
                .anySatisfy(t -> assertThat(t).contains("Ваш запис до ЦНАП скасовано"));
    }

    @Test
    void petitionsCollectingAreListedWithTheirPagesAndSubscribingTogglesATopic() throws Exception {
        String visitor = chat();
        assertThat(text(press(visitor, "menu:petitions"))).contains("/kropyvnytskyi/petitions/", "підписати можна на сайті");

        String chat = linked(306);
        JsonNode topics = press(chat, "menu:subscribe");
        assertThat(buttons(topics)).contains("topic:ALERTS", "done");
        assertThat(text(press(chat, "topic:ALERTS"))).contains("✓ " + "Тривоги");
        assertThat(subscriptions.find(k, personId(306)).orElseThrow().follows(Topic.ALERTS)).isTrue();
        press(chat, "topic:ALERTS");
        assertThat(subscriptions.find(k, personId(306)).orElseThrow().follows(Topic.ALERTS)).isFalse();
        assertThat(text(press(chat, "done"))).contains("збережено");
    }

    @Test
    void aButtonPressIsAcknowledgedOnceAndTheDialogueGoesOnWhenTelegramRefusesTheAcknowledgement() throws Exception {
        String chat = chat();
        say(chat, "/menu");
        String pressed = UUID.randomUUID().toString();
        JsonNode nearest = press(chat, "menu:nearest", pressed);
        assertThat(fake.answered).as("answered once").containsOnlyOnce(pressed);
        assertThat(buttons(nearest)).contains("shelter", "cnap");
        assertThat(fake.to("telegram", chat)).as("the menu, then the dialogue's one answer").hasSize(2);

        // Telegram no longer knows the press (it came too late): the acknowledgement fails, the dialogue does not
        String late = UUID.randomUUID().toString();
        fake.staleCallbacks.add(late);
        assertThat(text(press(chat, "shelter", late))).contains("Поділіться місцем");
        assertThat(fake.answered).containsOnlyOnce(late);
        assertThat(fake.to("telegram", chat)).hasSize(3);
        // typed text is no button press: nothing to acknowledge
        int answered = fake.answered.size();
        assertThat(buttons(say(chat, "/menu"))).contains("menu:nearest");
        assertThat(fake.answered.stream().skip(answered)).doesNotContain(pressed, late);
    }

    @Test
    void anUnlinkedChatIsSentToTheSiteAndNothingIsFiled() throws Exception {
        String chat = chat();
        long before = jdbc.queryForObject("select count(*) from problem_report where source = 'bot'", Long.class);
        for (String dialogue : List.of("menu:report", "menu:appeal", "menu:status", "menu:booking", "menu:subscribe")) {
            assertThat(text(press(chat, dialogue))).contains("/account/notifications?community=kropyvnytskyi");
        }
        assertThat(jdbc.queryForObject("select count(*) from problem_report where source = 'bot'", Long.class)).isEqualTo(before);
    }

    @Test
    void theBotSpeaksTheMessengersOrTheSubscriptionsLanguage() throws Exception {
        String chat = chat();
        assertThat(text(say("kropyvnytskyi", chat, "en-GB", "hello"))).contains("What would you like to do?", "1 — Report a problem");
        assertThat(text(say("kropyvnytskyi", chat, "uk", "привіт"))).contains("Що бажаєте зробити?");
        // the language chosen in the chat
        assertThat(text(press(chat, "lang"))).contains("What would you like to do?");
        // a linked person's subscription language
        String linkedChat = chat();
        long subscriber = subscriptions.subscriberId(k, personId(307));
        jdbc.update("update notify_subscriber set language = 'en' where id = ?", subscriber);
        String code = subscriptions.newCode(k, personId(307), ChannelKind.TELEGRAM);
        assertThat(text(say("kropyvnytskyi", linkedChat, "uk", "/start " + code))).contains("linked", "What would you like to do?");
    }

    @Test
    void aWebhookWithoutTheSecretIsRefusedAndCommunitiesStayApart() throws Exception {
        String chat = linked(303);
        mvc.perform(post("/hooks/telegram/kropyvnytskyi").contentType(MediaType.APPLICATION_JSON)
                .content(message(chat, "uk", "\"text\":\"/menu\""))).andExpect(status().isForbidden());
        mvc.perform(post("/hooks/telegram/kropyvnytskyi").contentType(MediaType.APPLICATION_JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", "secret-d").content(message(chat, "uk", "\"text\":\"/menu\"")))
                .andExpect(status().isForbidden());
        byte[] body = "{\"event\":\"message\",\"sender\":{\"id\":\"x\"},\"message\":{\"type\":\"text\",\"text\":\"menu:status\"}}"
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/hooks/viber/kropyvnytskyi").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Viber-Content-Signature", Signatures.viberSignature("vb-d", body))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from notify_bot_chat where chat = 'x'", Long.class)).isZero();

        // linked in Kropyvnytskyi, not in Dmytrivka: Dmytrivka's bot (its own token) sends the chat to the site
        telegram("dmytrivka", message(chat, "uk", "\"text\":\"menu:status\"")).andExpect(status().isOk());
        FakeProviders.Received answer = fake.to("telegram", chat).get(fake.to("telegram", chat).size() - 1);
        assertThat(answer.token()).isEqualTo("tg-d");
        assertThat(answer.text()).contains("/account/notifications?community=dmytrivka");
    }

    @Test
    void theConversationIsKeptInTheDatabaseAndForgottenAfterIdling() throws Exception {
        String chat = linked(303);
        press(chat, "menu:report");
        say(chat, "1");
        assertThat(jdbc.queryForObject("select step from notify_bot_chat where community_id = ? and channel = 'TELEGRAM' and chat = ?",
                String.class, k.id(), chat)).isEqualTo("text");
        jdbc.update("update notify_bot_chat set updated_at = now() - interval '31 minutes' where chat = ?", chat);
        assertThat(text(say(chat, "Текст, що прийшов надто пізно"))).contains("Що бажаєте зробити?");
        assertThat(jdbc.queryForObject("select count(*) from problem_report where description = 'Текст, що прийшов надто пізно'", Long.class))
                .isZero();
    }
}
