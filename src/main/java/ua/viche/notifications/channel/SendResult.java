package ua.viche.notifications.channel;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a provider answered: sent (with the provider's id of the message when it gives one, such as
 * Viber's {@code message_token}, by which it later tells that the message was seen), try again
 * later (after at least the given time), or refused for good.
 */
public sealed interface SendResult {

    record Sent(@Nullable String ref) implements SendResult {}

    record Retry(Duration after, String reason) implements SendResult {}

    record Failed(String reason) implements SendResult {}

    static SendResult sent() { return new Sent(null); }

    /** Sent, with the provider's id of the message (none when empty). */
    static SendResult sent(String ref) { return new Sent(ref.isEmpty() ? null : ref); }
}
