/**
 * The mail outbox, its dispatcher and the demo mailbox.
 */
@NullMarked
package ua.viche.platform.mail;

import org.jspecify.annotations.NullMarked;
