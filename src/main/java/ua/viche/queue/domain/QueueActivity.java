package ua.viche.queue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountActivity;
import ua.viche.platform.Communities;

/** "My CNAP bookings" on the account page and in the data export. */
@Component
class QueueActivity implements AccountActivity {

    private final Communities communities;
    private final Bookings bookings;
    private final Catalogue catalogue;
    private final MessageSource messages;

    QueueActivity(Communities communities, Bookings bookings, Catalogue catalogue, MessageSource messages) {
        this.communities = communities;
        this.bookings = bookings;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Override
    public List<Item> itemsOf(long personId, Locale locale) {
        List<Item> items = new ArrayList<>();
        communities.forEach(c -> {
            for (Booking b : bookings.ofPerson(personId)) {
                String service = catalogue.service(b.getServiceId()).name(locale);
                items.add(new Item("cnap-booking", messages.getMessage("queue.activity.booking", new Object[] {service,
                        Bookings.formatTime(b.getStartsAt()), messages.getMessage("queue.booking.status." + b.getStatus(), null, locale)},
                        locale), b.getCreatedAt(), Bookings.url(b)));
            }
        });
        items.sort(java.util.Comparator.comparing(Item::at).reversed());
        return items;
    }
}
