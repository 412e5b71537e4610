package ua.viche.queue.domain;

import java.time.Duration;
import ua.viche.queue.QueueModule;

/** The current community's queue settings, as the domain uses them (the values and defaults are the descriptor's). */
final class QueueSettings {

    private QueueSettings() {}

    static SlotRules rules() {
        return new SlotRules(QueueModule.HORIZON_DAYS.value(), QueueModule.RELEASE_HOUR.value(), QueueModule.SLOT_MINUTES.value());
    }

    static int monthlyLimit() { return QueueModule.MONTHLY_LIMIT.value(); }

    static Duration changeBefore() { return Duration.ofMinutes(QueueModule.CHANGE_MINUTES.value()); }

    static Duration grace() { return Duration.ofMinutes(QueueModule.GRACE_MINUTES.value()); }
}
