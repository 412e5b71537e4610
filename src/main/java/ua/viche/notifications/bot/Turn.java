package ua.viche.notifications.bot;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.platform.Community;
import ua.viche.platform.Dates;
import ua.viche.platform.VicheSettings;

/**
 * One message of a person inside a dialogue: what they sent, the choice it makes among the options
 * last offered (a button pressed, or its number typed), the dialogue's step and data, the person
 * the chat is linked to, and the texts in the chat's language.
 */
final class Turn {

    private final Community community;
    private final Incoming in;
    private final Locale locale;
    private final @Nullable Subscriber subscriber;
    private final ChatStates.State state;
    private final @Nullable String choice;
    private final MessageSource messages;
    private final Acting acting;
    private final VicheSettings settings;

    Turn(Community community, Incoming in, Locale locale, @Nullable Subscriber subscriber, ChatStates.State state,
         @Nullable String choice, MessageSource messages, Acting acting, VicheSettings settings) {
        this.settings = settings;
        this.community = community;
        this.in = in;
        this.locale = locale;
        this.subscriber = subscriber;
        this.state = state;
        this.choice = choice;
        this.messages = messages;
        this.acting = acting;
    }

    Community community() { return community; }

    Incoming in() { return in; }

    Locale locale() { return locale; }

    boolean english() { return "en".equals(locale.getLanguage()); }

    /** The linked person's subscription (dialogues that need a link are only reached with one). */
    Subscriber subscriber() {
        if (subscriber == null) {
            throw new IllegalStateException("not linked");
        }
        return subscriber;
    }

    /** The payload of the option chosen, if the person chose one. */
    @Nullable String choice() { return choice; }

    /** The text typed (stripped). */
    String text() { return in.text().strip(); }

    /** The dialogue's step; empty when the dialogue begins. */
    String step() { return state.step == null ? "" : state.step; }

    void next(String step) { state.step = step; }

    /** The dialogue is over: the next message starts at the menu. */
    void end() { state.reset(); }

    @Nullable String get(String key) { return state.data.get(key); }

    void put(String key, String value) { state.data.put(key, value); }

    Map<String, String> data() { return state.data; }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The site's absolute address of a path. */
    String link(String path) {
        return settings.absolute(path);
    }

    /** Kyiv's date and time, as a chat shows it. */
    static String time(Instant t) {
        return TIME.format(t.atZone(Dates.KYIV));
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** Runs work in the community as the linked person were signed in on the site (the same checks apply). */
    <T> T asPerson(Supplier<T> work) {
        return acting.as(community, subscriber(), work);
    }

    /** A reply with options. */
    static BotMessage say(String text, List<BotMessage.Option> options) {
        return new BotMessage(text, options);
    }

    static BotMessage say(String text) {
        return new BotMessage(text, List.of());
    }

    /** Options made of items, at most {@code max}. */
    static <T> List<BotMessage.Option> options(List<T> items, int max, Function<T, String> label,
                                               Function<T, String> payload) {
        List<BotMessage.Option> options = new ArrayList<>();
        for (T item : items.subList(0, Math.min(max, items.size()))) {
            options.add(new BotMessage.Option(label.apply(item), payload.apply(item)));
        }
        return options;
    }

    BotMessage.Option option(String labelKey, String payload) {
        return new BotMessage.Option(t(labelKey), payload);
    }

    /** Asks for a category: the text of {@code key} and the first 12 categories (read as the person) as options {@code c:<id>}. */
    <T> BotMessage askCategory(String key, Supplier<List<T>> categories, Function<T, String> name, ToLongFunction<T> id) {
        next("category");
        return say(t(key), options(asPerson(categories), 12, name, c -> "c:" + id.applyAsLong(c)));
    }

    /** Keeps the category chosen among those {@link #askCategory asked} and moves on to {@code step}; false if none was chosen. */
    boolean tookCategory(String step) {
        if (choice == null || !choice.startsWith("c:")) {
            return false;
        }
        put("category", choice.substring(2));
        next(step);
        return true;
    }

    /** The id of the category chosen. */
    long category() {
        return Long.parseLong(String.valueOf(get("category")));
    }

    /** Keeps the text typed under {@code key} and moves on to {@code step}; false if nothing was typed. */
    boolean tookText(String key, String step) {
        if (text().isEmpty()) {
            return false;
        }
        put(key, text());
        next(step);
        return true;
    }
}
