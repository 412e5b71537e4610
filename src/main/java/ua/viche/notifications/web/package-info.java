/** The providers' webhooks, the person's notification settings and the one-step unsubscribe. */
@NullMarked
package ua.viche.notifications.web;

import org.jspecify.annotations.NullMarked;
