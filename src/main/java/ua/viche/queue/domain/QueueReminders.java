package ua.viche.queue.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;

/** Reminds people of their bookings a day ahead, every five minutes, community by community (one node at a time). */
@Component
class QueueReminders {

    private static final String LOCK = "queue.reminders";

    private final Communities communities;
    private final Bookings bookings;
    private final Exclusive exclusive;

    QueueReminders(Communities communities, Bookings bookings, Exclusive exclusive) {
        this.communities = communities;
        this.bookings = bookings;
        this.exclusive = exclusive;
    }

    @Scheduled(fixedDelayString = "${viche.queue.reminder-interval:300000}", initialDelay = 30_000)
    void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> bookings.sendReminders()));
    }
}
