package ua.viche.queue.domain;

import java.time.Duration;
import ua.viche.platform.CurrentCommunity;
import ua.viche.queue.QueueModule;

/** The current community's queue settings, with the descriptor's defaults. */
final class QueueSettings {

    private QueueSettings() {}

    static SlotRules rules() {
        int unit = get(QueueModule.SLOT_MINUTES, 15);
        return new SlotRules(get(QueueModule.HORIZON_DAYS, 21), Math.min(get(QueueModule.RELEASE_HOUR, 8), 23),
                60 % unit == 0 && unit >= 5 ? unit : 15);
    }

    static int monthlyLimit() { return get(QueueModule.MONTHLY_LIMIT, 4); }

    static Duration changeBefore() { return Duration.ofMinutes(get(QueueModule.CHANGE_MINUTES, 60)); }

    static Duration grace() { return Duration.ofMinutes(get(QueueModule.GRACE_MINUTES, 2)); }

    private static int get(String key, int fallback) {
        try {
            int v = Integer.parseInt(CurrentCommunity.require().setting(key, String.valueOf(fallback)).strip());
            return v >= 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
