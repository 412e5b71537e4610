/** Subscribers, linked messengers, the delivery queue and its worker. */
@NullMarked
package ua.viche.notifications.domain;

import org.jspecify.annotations.NullMarked;
