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
 * Telegram's Bot API ({@code POST <base>/bot<token>/sendMessage}, JSON): the text with an inline
 * button that opens the unsubscribe link; a button press is acknowledged with {@code answerCallbackQuery}. A 429 answer carries {@code parameters.retry_after}; other
 * 4xx (the person blocked the bot, the chat is gone) are final; 5xx and network errors are retried.
 */
@Component
class TelegramChannel implements Channel {

    private final ProviderHttp http;
    private final MessageSource messages;

    TelegramChannel(ProviderHttp http, MessageSource messages) {
        this.http = http;
        this.messages = messages;
    }

    @Override public ChannelKind kind() { return ChannelKind.TELEGRAM; }

    @Override
    public boolean configured(Community community) {
        return !NotificationsModule.TELEGRAM_TOKEN.value(community).isEmpty();
    }

    @Override
    public int perSecond(Community community) {
        return NotificationsModule.TELEGRAM_RATE.value(community);
    }

    @Override
    public SendResult send(Community community, Outgoing message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", message.address());
        body.put("text", message.text());
        body.put("link_preview_options", Map.of("is_disabled", true));
        body.put("reply_markup", Map.of("inline_keyboard", List.of(List.of(Map.of(
                "text", messages.getMessage("notifications.unsubscribe.button", null, message.locale()),
                "url", message.unsubscribeUrl())))));
        return call(community, "sendMessage", body);
    }

    /** The bot's message in a chat, its options as inline buttons whose press sends their payload back ({@code callback_query}). */
    SendResult chat(Community community, String chatId, BotMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", message.text());
        body.put("link_preview_options", Map.of("is_disabled", true));
        if (!message.options().isEmpty()) {
            body.put("reply_markup", Map.of("inline_keyboard", message.options().stream()
                    .map(o -> List.of(Map.of("text", o.label(), "callback_data", o.payload()))).toList()));
        }
        return call(community, "sendMessage", body);
    }

    /**
     * Tells Telegram that a button press ({@code callback_query}) was received, so the button stops
     * showing its spinner: {@code answerCallbackQuery} with the query's id and no text.
     */
    SendResult answerCallback(Community community, String queryId) {
        return call(community, "answerCallbackQuery", Map.of("callback_query_id", queryId));
    }

    /** A photo a person sent: {@code getFile} gives its path, then the file is fetched from {@code <base>/file/bot<token>/<path>}. */
    Optional<byte[]> download(Community community, String fileId, int max) {
        try {
            JsonNode answer = http.post(base(community) + "/getFile", Map.of(), Map.of("file_id", fileId)).body();
            String path = answer.path("result").path("file_path").asString("");
            if (!answer.path("ok").asBoolean(false) || path.isEmpty() || path.contains("..")) {
                return Optional.empty();
            }
            return http.get(NotificationsModule.TELEGRAM_URL.value(community) + "/file/bot" + NotificationsModule.TELEGRAM_TOKEN.value(community)
                    + "/" + path, max);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String base(Community community) {
        return NotificationsModule.TELEGRAM_URL.value(community) + "/bot" + NotificationsModule.TELEGRAM_TOKEN.value(community);
    }

    private SendResult call(Community community, String method, Object body) {
        String url = base(community) + "/" + method;
        ProviderHttp.Answer answer;
        try {
            answer = http.post(url, Map.of(), body);
        } catch (IOException e) {
            return new SendResult.Retry(Duration.ofSeconds(5), "telegram unreachable");
        }
        JsonNode json = answer.body();
        if (answer.status() == 200 && json.path("ok").asBoolean(false)) {
            return SendResult.sent();
        }
        String description = answer.status() + " " + json.path("description").asString("");
        if (answer.status() == 429) {
            return new SendResult.Retry(Duration.ofSeconds(Math.max(1, json.path("parameters").path("retry_after").asInt(1))), description);
        }
        if (answer.status() >= 500) {
            return new SendResult.Retry(Duration.ofSeconds(10), description);
        }
        return new SendResult.Failed(description);
    }
}
