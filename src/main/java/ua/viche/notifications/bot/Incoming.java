package ua.viche.notifications.bot;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ua.viche.notifications.channel.ChannelKind;

/**
 * What a person sent in a chat, whatever the messenger: the text typed, or the payload of a button
 * pressed, a photo (Telegram's file id, Viber's media URL, the demo photo's name), a shared point,
 * and the messenger's language code.
 */
public record Incoming(ChannelKind channel, String chat, String text, @Nullable String payload, @Nullable String photo,
                       @Nullable Double latitude, @Nullable Double longitude, Locale language) {

    public static Incoming text(ChannelKind channel, String chat, String text, Locale language) {
        return new Incoming(channel, chat, text, null, null, null, null, language);
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    /** The messenger's language code as a locale: English for "en…", else Ukrainian. */
    public static Locale language(@Nullable String code) {
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("uk");
    }
}
