package ua.viche.queue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Communities;

/**
 * The queue's personal data. Export: the person's CNAP bookings. When a person deletes their account: their bookings still to come are cancelled and their
 * capacity freed; every booking of theirs keeps only what the figures need (no name, no e-mail).
 * Runs in the deletion's transaction.
 */
@Component
class QueuePrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final Bookings bookings;
    private final Catalogue catalogue;
    private final MessageSource messages;

    QueuePrivacy(JdbcTemplate jdbc, Communities communities, Bookings bookings, Catalogue catalogue, MessageSource messages) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        communities.forEach(c -> {
            for (Booking b : bookings.ofPerson(person.personId())) {
                String service = catalogue.service(b.getServiceId()).name(locale);
                items.add(new Item("cnap-booking", messages.getMessage("queue.activity.booking", new Object[] {service,
                        Bookings.formatTime(b.getStartsAt()), messages.getMessage("queue.booking.status." + b.getStatus(), null, locale)},
                        locale), b.getCreatedAt(), Bookings.url(b)));
            }
        });
        return items;
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        jdbc.update("delete from cnap_hold where booking_id in (select id from cnap_booking where person_id = ? and status = 'BOOKED')",
                event.personId());
        jdbc.update("update cnap_booking set status = 'CANCELLED', cancelled_at = now() where person_id = ? and status = 'BOOKED'",
                event.personId());
        jdbc.update("update cnap_booking set person_name = '', email = null where person_id = ?", event.personId());
        return Erasure.complete();
    }
}
