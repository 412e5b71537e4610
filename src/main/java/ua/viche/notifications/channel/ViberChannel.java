package ua.viche.notifications.channel;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import ua.viche.notifications.NotificationsModule;
import ua.viche.platform.Community;

/**
 * Viber's REST bot API ({@code POST <base>/pa/send_message}, header {@code X-Viber-Auth-Token}):
 * a text message with a keyboard button that opens the unsubscribe link. Viber answers HTTP 200
 * with a {@code status} of 0 and the message's {@code message_token} when sent (its {@code seen}
 * callback names that token); 6 (not subscribed) and 5 (receiver gone) are final; its rate limit
 * and server errors are retried.
 */
@Component
class ViberChannel implements Channel {

    private final ProviderHttp http;
    private final MessageSource messages;

    ViberChannel(ProviderHttp http, MessageSource messages) {
        this.http = http;
        this.messages = messages;
    }

    @Override public ChannelKind kind() { return ChannelKind.VIBER; }

    @Override
    public boolean configured(Community community) {
        return !NotificationsModule.VIBER_TOKEN.value(community).isEmpty();
    }

    @Override
    public int perSecond(Community community) {
        return NotificationsModule.VIBER_RATE.value(community);
    }

    @Override
    public SendResult send(Community community, Outgoing message) {
        Map<String, Object> body = base(community, message.address(), message.text());
        body.put("keyboard", Map.of("Type", "keyboard", "DefaultHeight", false, "Buttons", List.of(Map.of(
                "ActionType", "open-url", "ActionBody", message.unsubscribeUrl(),
                "Text", messages.getMessage("notifications.unsubscribe.button", null, message.locale())))));
        return call(community, body);
    }

    /** The bot's message in a chat, its options as keyboard buttons whose press sends their payload back as the text. */
    SendResult chat(Community community, String userId, BotMessage message) {
        Map<String, Object> body = base(community, userId, message.text());
        if (!message.options().isEmpty()) {
            body.put("keyboard", Map.of("Type", "keyboard", "DefaultHeight", false, "Buttons", message.options().stream()
                    .map(o -> Map.of("ActionType", "reply", "ActionBody", o.payload(), "Text", o.label(), "Columns", 6, "Rows", 1))
                    .toList()));
        }
        return call(community, body);
    }

    /** A picture a person sent: Viber gives its URL in the message ({@code media}). */
    Optional<byte[]> download(String mediaUrl, int max) {
        return mediaUrl.startsWith("https://") || mediaUrl.startsWith("http://") ? http.get(mediaUrl, max) : Optional.empty();
    }

    private static Map<String, Object> base(Community community, String receiver, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receiver", receiver);
        body.put("min_api_version", 1);
        body.put("sender", Map.of("name", community.nameUk().length() > 28 ? community.nameUk().substring(0, 28) : community.nameUk()));
        body.put("type", "text");
        body.put("text", text);
        return body;
    }

    private SendResult call(Community community, Map<String, Object> body) {
        ProviderHttp.Answer answer;
        try {
            answer = http.post(NotificationsModule.VIBER_URL.value(community) + "/pa/send_message",
                    Map.of("X-Viber-Auth-Token", NotificationsModule.VIBER_TOKEN.value(community)), body);
        } catch (IOException e) {
            return new SendResult.Retry(Duration.ofSeconds(5), "viber unreachable");
        }
        JsonNode json = answer.body();
        int status = json.path("status").asInt(-1);
        String description = answer.status() + " " + status + " " + json.path("status_message").asString("");
        if (answer.status() == 200 && status == 0) {
            return SendResult.sent(json.path("message_token").asString(""));
        }
        if (answer.status() == 429 || answer.status() >= 500 || status == 12 || status == -1) {
            return new SendResult.Retry(Duration.ofSeconds(answer.status() == 429 || status == 12 ? 1 : 10), description);
        }
        return new SendResult.Failed(description);
    }
}
