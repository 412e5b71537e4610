/**
 * Appeals: the entity and its rules, the use cases of every channel, categories, history,
 * attachments, figures, reminders.
 */
@NullMarked
package ua.viche.appeals.domain;

import org.jspecify.annotations.NullMarked;
