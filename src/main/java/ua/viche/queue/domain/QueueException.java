package ua.viche.queue.domain;

import java.time.Instant;
import java.util.List;

/** A queue rule refused an action; the key names the message shown to the user. */
public class QueueException extends RuntimeException {

    private final String messageKey;

    public QueueException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The chosen slot was taken by someone else a moment ago; carries the nearest free ones. */
    public static class SlotTaken extends QueueException {
        private final List<Instant> nearest;

        public SlotTaken(List<Instant> nearest) {
            super("queue.error.slotTaken");
            this.nearest = nearest;
        }

        public List<Instant> nearest() {
            return nearest;
        }
    }
}
