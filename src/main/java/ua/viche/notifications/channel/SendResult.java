package ua.viche.notifications.channel;

import java.time.Duration;

/** What a provider answered: sent, try again later (after at least the given time), or refused for good. */
public sealed interface SendResult {

    record Sent() implements SendResult {}

    record Retry(Duration after, String reason) implements SendResult {}

    record Failed(String reason) implements SendResult {}

    static SendResult sent() { return new Sent(); }
}
