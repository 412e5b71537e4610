/** Notifications: channels (e-mail, Telegram, Viber), subscriptions, messages made of other modules' events (issue 30). */
@NullMarked
package ua.viche.notifications;

import org.jspecify.annotations.NullMarked;
