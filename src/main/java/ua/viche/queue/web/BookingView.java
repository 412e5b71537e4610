package ua.viche.queue.web;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import ua.viche.queue.domain.AdminService;
import ua.viche.queue.domain.Booking;
import ua.viche.queue.domain.Codes;
import ua.viche.queue.domain.Office;

/** A booking as pages and the API show it. */
record BookingView(String code, String prettyCode, long serviceId, String service, long officeId, String office,
                   String address, Instant startsAt, Instant endsAt, String status, boolean changeable, String url,
                   @Nullable String rateUrl) {

    static BookingView of(Booking b, AdminService s, Office o, boolean changeable, @Nullable String rateUrl, String slug,
                          Locale locale) {
        return new BookingView(b.getCode(), Codes.pretty(b.getCode()), s.getId(), s.name(locale), o.getId(), o.name(locale),
                o.address(locale), b.getStartsAt(), b.getEndsAt(), b.getStatus().name(), changeable,
                "/" + slug + "/cnap/bookings/" + b.getCode(), rateUrl);
    }
}
