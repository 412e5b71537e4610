package ua.viche.notifications.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;

/** The channels by kind, and the bot's replies to a messenger. */
@Component
public class Channels {

    private final Map<ChannelKind, Channel> byKind = new EnumMap<>(ChannelKind.class);
    private final TelegramChannel telegram;
    private final ViberChannel viber;

    Channels(List<Channel> channels, TelegramChannel telegram, ViberChannel viber) {
        channels.forEach(c -> byKind.put(c.kind(), c));
        this.telegram = telegram;
        this.viber = viber;
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
        return switch (kind) {
            case TELEGRAM -> telegram.reply(community, address, text);
            case VIBER -> viber.reply(community, address, text);
            case EMAIL -> throw new IllegalArgumentException("no chat by e-mail");
        };
    }
}
