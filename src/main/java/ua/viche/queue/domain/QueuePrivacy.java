package ua.viche.queue.domain;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;

/**
 * When a person deletes their account: their bookings still to come are cancelled and their
 * capacity freed; every booking of theirs keeps only what the figures need (no name, no e-mail).
 * Runs in the deletion's transaction.
 */
@Component
class QueuePrivacy {

    private final JdbcTemplate jdbc;

    QueuePrivacy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AccountDeleted event) {
        jdbc.update("delete from cnap_hold where booking_id in (select id from cnap_booking where person_id = ? and status = 'BOOKED')",
                event.personId());
        jdbc.update("update cnap_booking set status = 'CANCELLED', cancelled_at = now() where person_id = ? and status = 'BOOKED'",
                event.personId());
        jdbc.update("update cnap_booking set person_name = '', email = null where person_id = ?", event.personId());
    }
}
