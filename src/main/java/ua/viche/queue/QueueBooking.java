package ua.viche.queue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.CurrentCommunity;
import ua.viche.queue.domain.Booking;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Office;

/**
 * CNAP offices and bookings for other modules (the messenger bot), in the current community and
 * for the signed-in person, with the same checks as the site (eligibility, the monthly limit, a slot
 * taken a moment ago).
 */
@Service
public class QueueBooking {

    /** An office: its names, address, point (if known) and page. */
    public record OfficeRef(long id, String nameUk, String nameEn, String addressUk, String addressEn, @Nullable Double latitude,
                            @Nullable Double longitude, String path) {
        public String name(Locale l) { return "en".equals(l.getLanguage()) ? nameEn : nameUk; }
        public String address(Locale l) { return "en".equals(l.getLanguage()) ? addressEn : addressUk; }
    }

    /** A service offered at an office. */
    public record ServiceRef(long id, String nameUk, String nameEn) {
        public String name(Locale l) { return "en".equals(l.getLanguage()) ? nameEn : nameUk; }
    }

    /** A booking of the person: its code, what and where, when, whether it is still booked, its page. */
    public record BookingRef(String code, String serviceUk, String serviceEn, String officeUk, String officeEn, Instant startsAt,
                             boolean booked, String path) {
        public String service(Locale l) { return "en".equals(l.getLanguage()) ? serviceEn : serviceUk; }
        public String office(Locale l) { return "en".equals(l.getLanguage()) ? officeEn : officeUk; }
    }

    private final Catalogue catalogue;
    private final Bookings bookings;

    QueueBooking(Catalogue catalogue, Bookings bookings) {
        this.catalogue = catalogue;
        this.bookings = bookings;
    }

    @Transactional(readOnly = true)
    public List<OfficeRef> offices() {
        return catalogue.offices().stream().map(QueueBooking::ref).toList();
    }

    @Transactional(readOnly = true)
    public List<ServiceRef> servicesAt(long officeId) {
        return catalogue.servicesAt(officeId).stream().map(s -> new ServiceRef(s.getId(), s.getNameUk(), s.getNameEn())).toList();
    }

    /** The first free start times of the service at the office, from now. */
    @Transactional(readOnly = true)
    public List<Instant> freeSlots(long officeId, long serviceId, int count) {
        return bookings.freeByDay(officeId, serviceId).values().stream().flatMap(List::stream).limit(count).toList();
    }

    /** Books for the signed-in person (refusals as on the site). */
    @Transactional
    public BookingRef book(long serviceId, long officeId, Instant start) {
        return ref(bookings.book(serviceId, officeId, start));
    }

    /** Cancels the signed-in person's own booking. */
    @Transactional
    public BookingRef cancel(String code) {
        return ref(bookings.cancel(code));
    }

    /** The signed-in person's bookings, latest first. */
    @Transactional(readOnly = true)
    public List<BookingRef> mine() {
        return bookings.mine().stream().map(this::ref).toList();
    }

    private BookingRef ref(Booking b) {
        var service = catalogue.service(b.getServiceId());
        Office office = catalogue.office(b.getOfficeId());
        return new BookingRef(b.getCode(), service.getNameUk(), service.getNameEn(), office.getNameUk(), office.getNameEn(),
                b.getStartsAt(), b.getStatus() == Booking.Status.BOOKED, Bookings.url(b));
    }

    private static OfficeRef ref(Office o) {
        return new OfficeRef(o.getId(), o.getNameUk(), o.getNameEn(), o.getAddressUk(), o.getAddressEn(), o.getLatitude(),
                o.getLongitude(), "/" + CurrentCommunity.require().slug() + "/cnap/offices/" + o.getId());
    }
}
