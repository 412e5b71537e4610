package ua.viche.notifications.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.notifications.NotificationsModule;
import ua.viche.notifications.bot.Bot;
import ua.viche.notifications.bot.Incoming;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Channels;
import ua.viche.notifications.channel.Signatures;
import ua.viche.notifications.domain.Notifier;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * The providers' webhooks. Telegram's requests must carry the community's secret in
 * {@code X-Telegram-Bot-Api-Secret-Token}; Viber's must be signed ({@code X-Viber-Content-Signature},
 * HMAC-SHA256 of the raw body with the auth token). Anything else is a 403 and changes nothing. A
 * Viber conversation opened with a {@code context} links the chat to the person whose one-time
 * code it is; a blocked bot or Viber's {@code unsubscribed} unlinks it; Viber's {@code seen} marks
 * the message with that {@code message_token} to that user read. Every message, button
 * press, photo or shared point goes to the bot's dialogue engine (which also links by
 * {@code /start <code>} and unlinks by {@code /stop}); a Telegram button press is first
 * acknowledged with {@code answerCallbackQuery}, and the dialogue goes on if that fails.
 */
@RestController
class HookController {

    private final Subscriptions subscriptions;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Bot bot;
    private final Channels channels;
    private final Notifier notifier;

    HookController(Subscriptions subscriptions, MessageSource messages, JsonMapper json, Bot bot, Channels channels, Notifier notifier) {
        this.notifier = notifier;
        this.bot = bot;
        this.channels = channels;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.json = json;
    }

    @PostMapping(value = "/hooks/telegram/{community}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> telegram(@PathVariable String community, @RequestBody(required = false) byte @Nullable [] body,
                                    @RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false) @Nullable String secret) {
        Community c = CurrentCommunity.require();
        if (!Signatures.telegramValid(NotificationsModule.TELEGRAM_SECRET.value(c), secret)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        JsonNode update = read(body);
        JsonNode member = update.path("my_chat_member");
        if (member.isObject()) {
            String status = member.path("new_chat_member").path("status").asString("");
            if (status.equals("kicked") || status.equals("left")) {
                subscriptions.unlinkAddress(c, ChannelKind.TELEGRAM, member.path("chat").path("id").asString(""));
            }
            return ResponseEntity.ok("{}");
        }
        JsonNode callback = update.path("callback_query");
        if (callback.isObject()) {
            // first stop the button's spinner; whether Telegram took it or not, the dialogue goes on
            String query = callback.path("id").asString("");
            if (!query.isEmpty()) {
                channels.acknowledge(c, query);
            }
            String chat = callback.path("message").path("chat").path("id").asString("");
            String data = callback.path("data").asString("");
            if (!chat.isEmpty() && !data.isEmpty()) {
                bot.handle(c, new Incoming(ChannelKind.TELEGRAM, chat, "", data, null, null, null,
                        Incoming.language(callback.path("from").path("language_code").asString(""))));
            }
            return ResponseEntity.ok("{}");
        }
        JsonNode message = update.path("message");
        String chat = message.path("chat").path("id").asString("");
        if (chat.isEmpty()) {
            return ResponseEntity.ok("{}");
        }
        JsonNode photos = message.path("photo");
        // Telegram sends each photo in several sizes, the largest last
        String photo = photos.isArray() && !photos.isEmpty() ? photos.get(photos.size() - 1).path("file_id").asString("") : "";
        JsonNode location = message.path("location");
        String text = message.path("text").asString(message.path("caption").asString("")).strip();
        if (text.isEmpty() && photo.isEmpty() && !location.isObject()) {
            return ResponseEntity.ok("{}");
        }
        bot.handle(c, new Incoming(ChannelKind.TELEGRAM, chat, text, null, photo.isEmpty() ? null : photo,
                location.isObject() ? location.path("latitude").asDouble() : null,
                location.isObject() ? location.path("longitude").asDouble() : null,
                Incoming.language(message.path("from").path("language_code").asString(""))));
        return ResponseEntity.ok("{}");
    }

    @PostMapping(value = "/hooks/viber/{community}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> viber(@PathVariable String community, @RequestBody(required = false) byte @Nullable [] body,
                                 @RequestHeader(value = "X-Viber-Content-Signature", required = false) @Nullable String signature) {
        Community c = CurrentCommunity.require();
        byte[] raw = body == null ? new byte[0] : body;
        if (!Signatures.viberValid(NotificationsModule.VIBER_TOKEN.value(c), raw, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        JsonNode event = read(raw);
        switch (event.path("event").asString("")) {
            case "conversation_started" -> {
                JsonNode user = event.path("user");
                String code = event.path("context").asString("").strip();
                Locale locale = language(user.path("language").asString(""));
                Optional<Subscriber> linked = code.isEmpty() ? Optional.empty()
                        : subscriptions.redeem(c, ChannelKind.VIBER, code, user.path("id").asString(""));
                // Viber lets a bot answer a conversation it did not start only in the response: the welcome message
                String text = linked.map(s -> linkedText(c, s))
                        .orElseGet(() -> text(code.isEmpty() ? "notifications.bot.welcome" : "notifications.bot.badCode", c, locale));
                Map<String, Object> welcome = new LinkedHashMap<>();
                welcome.put("sender", Map.of("name", c.nameUk()));
                welcome.put("type", "text");
                welcome.put("text", text);
                return ResponseEntity.ok(json.writeValueAsString(welcome));
            }
            case "unsubscribed" -> subscriptions.unlinkAddress(c, ChannelKind.VIBER, event.path("user_id").asString(""));
            case "seen" -> notifier.seen(c, ChannelKind.VIBER, event.path("message_token").asString(""), event.path("user_id").asString(""));
            case "message" -> {
                JsonNode sender = event.path("sender");
                String user = sender.path("id").asString("");
                JsonNode message = event.path("message");
                String type = message.path("type").asString("");
                if (user.isEmpty()) {
                    break;
                }
                JsonNode location = message.path("location");
                boolean located = type.equals("location") && location.isObject();
                bot.handle(c, new Incoming(ChannelKind.VIBER, user, message.path("text").asString("").strip(), null,
                        type.equals("picture") ? message.path("media").asString("") : null,
                        located ? location.path("lat").asDouble() : null, located ? location.path("lon").asDouble() : null,
                        Incoming.language(sender.path("language").asString(""))));
            }
            default -> { }
        }
        return ResponseEntity.ok("{}");
    }

    private JsonNode read(byte @Nullable [] body) {
        try {
            return body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private String linkedText(Community c, Subscriber s) {
        return text("notifications.bot.linked", c, s.locale());
    }

    private String text(String key, Community c, Locale locale) {
        return messages.getMessage(key, new Object[] {c.name(locale)}, locale);
    }

    private static Locale language(String code) {
        return code.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("uk");
    }
}
