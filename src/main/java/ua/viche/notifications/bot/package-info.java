/**
 * The messenger bot (decision 0055): one dialogue engine for Telegram, Viber and the demo
 * messenger, its conversation state per chat in the database, and the dialogues as small classes.
 */
@NullMarked
package ua.viche.notifications.bot;

import org.jspecify.annotations.NullMarked;
