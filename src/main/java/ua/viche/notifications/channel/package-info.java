/** The channels a message goes out by: one interface, e-mail through the platform's outbox, Telegram's Bot API and Viber's REST bot API. */
@NullMarked
package ua.viche.notifications.channel;

import org.jspecify.annotations.NullMarked;
