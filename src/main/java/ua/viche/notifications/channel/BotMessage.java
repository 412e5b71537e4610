package ua.viche.notifications.channel;

import java.util.List;

/** What the bot says in a chat: the text (with its numbered options written out) and the options as buttons. */
public record BotMessage(String text, List<Option> options) {

    /** A button: what it says and what pressing it sends back. */
    public record Option(String label, String payload) {}

    public BotMessage {
        options = List.copyOf(options);
    }
}
