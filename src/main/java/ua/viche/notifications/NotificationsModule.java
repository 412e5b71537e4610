package ua.viche.notifications;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;
import org.springframework.stereotype.Component;

/**
 * Notifications in the shell: the channels' credentials per community (Telegram's bot, Viber's
 * public account, and each provider's base URL, which tests point at a local fake), their rate
 * limits, and how long a linking code lives.
 */
@Component
public class NotificationsModule implements ModuleDescriptor {

    /** The Telegram bot's user name (without {@code @}), for the deep link {@code https://t.me/<bot>?start=<code>}. */
    public static final Setting<String> TELEGRAM_BOT = Setting.text("notifications.telegramBot", "", 64);
    /** The Telegram bot's token (from BotFather); empty: the channel is off. */
    public static final Setting<String> TELEGRAM_TOKEN = Setting.text("notifications.telegramToken", "", 200);
    /** The secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} with every update (set with {@code setWebhook}). */
    public static final Setting<String> TELEGRAM_SECRET = Setting.text("notifications.telegramSecret", "", 256);
    /** Telegram's Bot API base URL. */
    public static final Setting<String> TELEGRAM_URL = url("notifications.telegramUrl", "https://api.telegram.org");
    /** Messages per second to Telegram (its limit for a bot is about 30). */
    public static final Setting<Integer> TELEGRAM_RATE = Setting.integer("notifications.telegramRate", 25, 1, 10_000);
    /** The Viber public account's URI, for the deep link {@code viber://pa?chatURI=<uri>&context=<code>}. */
    public static final Setting<String> VIBER_URI = Setting.text("notifications.viberUri", "", 64);
    /** The Viber bot's authentication token; it also signs the webhook's requests. Empty: the channel is off. */
    public static final Setting<String> VIBER_TOKEN = Setting.text("notifications.viberToken", "", 200);
    /** Viber's REST bot API base URL. */
    public static final Setting<String> VIBER_URL = url("notifications.viberUrl", "https://chatapi.viber.com");
    /** Messages per second to Viber. */
    public static final Setting<Integer> VIBER_RATE = Setting.integer("notifications.viberRate", 25, 1, 10_000);
    /** Minutes a linking code is valid. */
    public static final Setting<Integer> CODE_MINUTES = Setting.integer("notifications.codeMinutes", 15, 1, 1440);

    @Override public String name() { return "notifications"; }

    @Override public int order() { return 90; }

    @Override public String path() { return "alerts"; }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("notifications.alert.new", "notifications.alerts.adminHelp", "alerts/new",
                List.of(Role.OFFICIAL, Role.COMMUNITY_ADMIN)));
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(TELEGRAM_BOT, TELEGRAM_TOKEN, TELEGRAM_SECRET, TELEGRAM_URL, TELEGRAM_RATE,
                VIBER_URI, VIBER_TOKEN, VIBER_URL, VIBER_RATE, CODE_MINUTES);
    }

    @Override public List<Role> roles() { return List.of(Role.OFFICIAL, Role.COMMUNITY_ADMIN); }

    /** An absolute http(s) URL without a trailing slash. */
    private static Setting<String> url(String key, String defaultValue) {
        return Setting.of(key, defaultValue, raw -> {
            String v = raw.strip();
            while (v.endsWith("/")) {
                v = v.substring(0, v.length() - 1);
            }
            try {
                URI uri = URI.create(v);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                    throw new Setting.Invalid("notifications.error.url");
                }
            } catch (IllegalArgumentException e) {
                throw new Setting.Invalid("notifications.error.url");
            }
            return v;
        }, v -> v, 300);
    }
}
