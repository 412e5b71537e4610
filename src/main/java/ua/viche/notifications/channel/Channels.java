package ua.viche.notifications.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;

/** The channels by kind, and the bot's side of a messenger chat (its messages, the photos people send). */
@Component
public class Channels {

    /** The largest photo taken from a chat (the attachments policy then applies its own limit). */
    static final int MAX_PHOTO = 10 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);

    private final Map<ChannelKind, Channel> byKind = new EnumMap<>(ChannelKind.class);
    private final TelegramChannel telegram;
    private final ViberChannel viber;
    private final DemoChannel demo;

    Channels(List<Channel> channels, TelegramChannel telegram, ViberChannel viber, DemoChannel demo) {
        channels.forEach(c -> byKind.put(c.kind(), c));
        this.telegram = telegram;
        this.viber = viber;
        this.demo = demo;
    }

    public Channel get(ChannelKind kind) {
        Channel channel = byKind.get(kind);
        if (channel == null) {
            throw new IllegalStateException("no channel " + kind);
        }
        return channel;
    }

    /** A plain reply in a messenger chat (the bot answering what a person wrote). */
    public SendResult reply(Community community, ChannelKind kind, String address, String text) {
        return chat(community, kind, address, new BotMessage(text, List.of()));
    }

    /** The bot's message with its options as buttons. */
    public SendResult chat(Community community, ChannelKind kind, String address, BotMessage message) {
        return switch (kind) {
            case TELEGRAM -> telegram.chat(community, address, message);
            case VIBER -> viber.chat(community, address, message);
            case DEMO -> demo.chat(community, address, message);
            case EMAIL -> throw new IllegalArgumentException("no chat by e-mail");
        };
    }

    /**
     * Acknowledges a Telegram button press (its {@code callback_query} id), so the button stops
     * spinning. A refusal or an unreachable Telegram is only logged: the dialogue goes on.
     */
    public void acknowledge(Community community, String queryId) {
        SendResult result;
        try {
            result = telegram.answerCallback(community, queryId);
        } catch (RuntimeException e) {
            result = new SendResult.Failed(e.toString());
        }
        if (!(result instanceof SendResult.Sent)) {
            LOG.info("a button press in {} was not acknowledged: {}", community.slug(), result);
        }
    }

    /** The bytes of a photo a person sent in a chat (Telegram's file id, Viber's media URL, the demo's photo). */
    public Optional<byte[]> photo(Community community, ChannelKind kind, String ref) {
        return switch (kind) {
            case TELEGRAM -> telegram.download(community, ref, MAX_PHOTO);
            case VIBER -> viber.download(ref, MAX_PHOTO);
            case DEMO -> ref.equals(DemoChannel.PHOTO) ? Optional.of(DemoChannel.photo()) : Optional.empty();
            case EMAIL -> Optional.empty();
        };
    }

    /** Writes what a person typed or pressed in the demo messenger into its transcript. */
    public void demoSaid(Community community, String chat, String text) {
        demo.record(community, chat, false, text, "");
    }

    /** The demo photo's name, as the demo messenger sends it. */
    public static String demoPhoto() {
        return DemoChannel.PHOTO;
    }
}
