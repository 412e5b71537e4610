package ua.viche.notifications.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import ua.viche.notifications.channel.BotMessage;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Channels;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.platform.Community;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.VicheSettings;

/**
 * The one dialogue engine for every messenger. Each message: {@code /start <code>} links the chat,
 * {@code /stop} unlinks it, the menu's choices start a dialogue (those about the person's own
 * things only in a linked chat; an unlinked chat gets the site's link to sign in and link, never a
 * sign-in inside the chat), and anything else goes to the dialogue in progress. Options go out as
 * buttons and, written out with numbers, as text: typing the number chooses too. A module's refusal
 * is said in the chat and the step stays, so the person can answer again.
 */
@Service
public class Bot {

    private final Map<String, Dialogue> dialogues = new LinkedHashMap<>();
    private final ChatStates states;
    private final Subscriptions subscriptions;
    private final Channels channels;
    private final MessageSource messages;
    private final VicheSettings settings;
    private final Acting acting;

    Bot(List<Dialogue> all, ChatStates states, Subscriptions subscriptions, Channels channels, MessageSource messages,
        VicheSettings settings, Acting acting) {
        for (String name : List.of("report", "appeal", "status", "nearest", "booking", "petitions", "subscribe")) {
            all.stream().filter(d -> d.name().equals(name)).forEach(d -> dialogues.put(name, d));
        }
        this.states = states;
        this.subscriptions = subscriptions;
        this.channels = channels;
        this.messages = messages;
        this.settings = settings;
        this.acting = acting;
    }

    /** Handles one message of a chat and sends the bot's answer to it; returns the answer. */
    public BotMessage handle(Community community, Incoming in) {
        ChatStates.State state = states.load(community, in.channel(), in.chat());
        Optional<Subscriber> linked = subscriptions.byAddress(community, in.channel(), in.chat());
        String text = in.text().strip();
        BotMessage answer;
        if (text.startsWith("/start ") && text.length() > 7) {
            Optional<Subscriber> now = subscriptions.redeem(community, in.channel(), text.substring(7).strip(), in.chat());
            state.reset();
            if (now.isPresent()) {
                state.language = now.get().language();
                Locale locale = locale(state, now, in);
                answer = menu(t("notifications.bot.linked", locale, community.name(locale)), locale);
            } else {
                Locale locale = locale(state, linked, in);
                answer = new BotMessage(t("notifications.bot.badCode", locale, community.name(locale)), List.of());
            }
        } else if (text.equals("/stop")) {
            Locale locale = locale(state, linked, in);
            boolean was = subscriptions.unlinkAddress(community, in.channel(), in.chat());
            state.reset();
            answer = new BotMessage(t(was ? "notifications.bot.stopped" : "notifications.bot.welcome", locale, community.name(locale)),
                    List.of());
        } else {
            answer = converse(community, in, state, linked);
        }
        answer = numbered(answer);
        state.options = new ArrayList<>(answer.options().stream().map(BotMessage.Option::payload).toList());
        states.save(community, in.channel(), in.chat(), state);
        channels.chat(community, in.channel(), in.chat(), answer);
        return answer;
    }

    private BotMessage converse(Community community, Incoming in, ChatStates.State state, Optional<Subscriber> linked) {
        String choice = choice(in, state);
        String text = in.text().strip().toLowerCase(Locale.ROOT);
        if ("lang".equals(choice) || text.equals("/lang") || text.equals("/language")) {
            state.language = "en".equals(locale(state, linked, in).getLanguage()) ? "uk" : "en";
            state.reset();
            return menu(null, locale(state, linked, in));
        }
        Locale locale = locale(state, linked, in);
        Dialogue dialogue;
        if (choice != null && choice.startsWith("menu:") && dialogues.containsKey(choice.substring(5))) {
            state.reset();
            dialogue = dialogues.get(choice.substring(5));
            state.dialogue = dialogue.name();
            choice = null;
        } else if ("menu".equals(choice) || text.equals("/start") || text.equals("/menu") || text.equals("menu") || text.equals("меню")
                || state.dialogue == null || !dialogues.containsKey(state.dialogue)) {
            state.reset();
            return menu(text.equals("/start") ? t("notifications.bot.hello", locale, community.name(locale)) : null, locale);
        } else {
            dialogue = dialogues.get(state.dialogue);
        }
        if (dialogue.needsLink() && linked.isEmpty()) {
            state.reset();
            return new BotMessage(t("notifications.bot.signIn", locale,
                    settings.absolute("/account/notifications?community=" + community.slug())), List.of(back(locale)));
        }
        Turn turn = new Turn(community, in, locale, linked.orElse(null), state, choice, messages, acting, settings);
        try {
            BotMessage answer = dialogue.answer(turn);
            List<BotMessage.Option> options = new ArrayList<>(answer.options());
            options.add(back(locale));
            return new BotMessage(answer.text(), options);
        } catch (Refusal r) {
            return new BotMessage(t("notifications.bot.refused", locale, messages.getMessage(r.messageKey(), r.arguments(), r.messageKey(),
                    locale)), List.of(back(locale)));
        } catch (AccessDeniedException | NotFoundException e) {
            state.reset();
            return new BotMessage(t("notifications.bot.signIn", locale,
                    settings.absolute("/account/notifications?community=" + community.slug())), List.of(back(locale)));
        }
    }

    /** The payload of a button pressed, of an option whose number was typed, or of a Viber button (its text is the payload). */
    private static @Nullable String choice(Incoming in, ChatStates.State state) {
        if (in.payload() != null) {
            return in.payload();
        }
        String text = in.text().strip();
        if (state.options.contains(text) || text.startsWith("menu:")) {
            return text;
        }
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= state.options.size()) {
                return state.options.get(n - 1);
            }
        }
        return null;
    }

    private BotMessage menu(@Nullable String before, Locale locale) {
        List<BotMessage.Option> options = new ArrayList<>();
        for (String name : dialogues.keySet()) {
            options.add(new BotMessage.Option(t("notifications.bot.menu." + name, locale), "menu:" + name));
        }
        options.add(new BotMessage.Option(t("notifications.bot.menu.lang", locale), "lang"));
        String text = t("notifications.bot.menu", locale);
        return new BotMessage(before == null ? text : before + "\n\n" + text, options);
    }

    private BotMessage.Option back(Locale locale) {
        return new BotMessage.Option(t("notifications.bot.menu.back", locale), "menu");
    }

    /** The options written out with their numbers after the text: the plain-text fallback of the buttons. */
    private static BotMessage numbered(BotMessage m) {
        if (m.options().isEmpty()) {
            return m;
        }
        StringBuilder text = new StringBuilder(m.text()).append("\n");
        for (int i = 0; i < m.options().size(); i++) {
            text.append("\n").append(i + 1).append(" — ").append(m.options().get(i).label());
        }
        return new BotMessage(text.toString(), m.options());
    }

    private Locale locale(ChatStates.State state, Optional<Subscriber> linked, Incoming in) {
        if (state.language != null) {
            return Locale.forLanguageTag(state.language);
        }
        return linked.map(Subscriber::locale).orElse(in.language());
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
