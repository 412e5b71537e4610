package ua.viche.notifications.bot;

import ua.viche.notifications.channel.BotMessage;

/** One thing a person can do with the bot: it answers each turn and moves its step on, or ends. */
interface Dialogue {

    /** The dialogue's name, as the menu's payload {@code menu:<name>} and in the state. */
    String name();

    /** Whether the chat must be linked to an account (the person's own things, counted actions). */
    boolean needsLink();

    /** Answers the turn; {@link Turn#step()} is empty when the dialogue begins. */
    BotMessage answer(Turn turn);
}
