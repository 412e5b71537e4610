package ua.viche.queue.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.platform.AccessControl;
import ua.viche.queue.domain.AdminService;
import ua.viche.queue.domain.Booking;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Office;
import ua.viche.platform.Refusal;

/** JSON of the queue: the catalogue, offices, free slots, and the signed-in person's bookings. */
@RestController
@RequestMapping("/api/v1/{community}/cnap")
class QueueApi {

    private final Catalogue catalogue;
    private final Bookings bookings;

    QueueApi(Catalogue catalogue, Bookings bookings) {
        this.catalogue = catalogue;
        this.bookings = bookings;
    }

    @GetMapping("/services")
    PageOf<ServiceItem> services(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                                 @RequestParam(name = "category", defaultValue = "") String category,
                                 @RequestParam(name = "page", defaultValue = "0") int page,
                                 @RequestParam(name = "size", defaultValue = "50") int size) {
        var offices = catalogue.officesByService();
        Page<AdminService> found = catalogue.search(q.length() > 200 ? q.substring(0, 200) : q, category, page,
                Math.max(1, Math.min(size, 500)));
        return PageOf.of(found.map(s -> ServiceItem.of(s, offices.getOrDefault(s.getId(), List.of()))));
    }

    @GetMapping("/services/{id:\\d+}")
    ServiceItem service(@PathVariable("community") String slug, @PathVariable("id") long id) {
        return ServiceItem.of(catalogue.service(id), catalogue.officesOffering(id).stream().map(Office::getId).toList());
    }

    @GetMapping("/offices")
    List<OfficeItem> offices(@PathVariable("community") String slug) {
        return catalogue.offices().stream().map(o -> new OfficeItem(o.getId(), o.getNameUk(), o.getNameEn(), o.getAddressUk(),
                o.getAddressEn(), o.getLatitude(), o.getLongitude(), o.getHours(), o.holidays().stream().sorted().toList(),
                o.isRemote(), o.isEQueue(), catalogue.workplaces(o.getId()).size())).toList();
    }

    @GetMapping("/slots")
    Slots slots(@PathVariable("community") String slug, @RequestParam("service") long service, @RequestParam("office") long office,
                @RequestParam(name = "date", required = false) @Nullable LocalDate date) {
        if (date == null) {
            var byDay = bookings.freeByDay(office, service);
            return new Slots(service, office, null, byDay.values().stream().flatMap(List::stream).toList());
        }
        return new Slots(service, office, date, bookings.freeSlots(office, service, date));
    }

    @GetMapping("/bookings")
    List<BookingView> mine(@PathVariable("community") String slug) {
        AccessControl.requireUser();
        Locale locale = LocaleContextHolder.getLocale();
        return bookings.mine().stream().map(b -> view(b, slug, locale)).toList();
    }

    @PostMapping(value = "/bookings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BookingView> book(@PathVariable("community") String slug, @RequestBody NewBooking request) {
        AccessControl.requireUser();
        if (request.start() == null) {
            throw Refusal.of("queue.error.chooseTime");
        }
        Booking b;
        try {
            b = bookings.book(request.service(), request.office(), request.start());
        } catch (Refusal e) {
            throw Bookings.SLOT_TAKEN.equals(e.code())
                    ? e.with("nearest", bookings.nearest(request.office(), request.service(), request.start(), 5)) : e;
        }
        return ResponseEntity.created(URI.create("/api/v1/" + slug + "/cnap/bookings/" + b.getCode()))
                .body(view(b, slug, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/bookings/{code}")
    BookingView booking(@PathVariable("community") String slug, @PathVariable("code") String code) {
        return view(bookings.visible(code), slug, LocaleContextHolder.getLocale());
    }

    @PostMapping("/bookings/{code}/cancel")
    BookingView cancel(@PathVariable("community") String slug, @PathVariable("code") String code) {
        AccessControl.requireUser();
        return view(bookings.cancel(code), slug, LocaleContextHolder.getLocale());
    }

    private BookingView view(Booking b, String slug, Locale locale) {
        return BookingView.of(b, catalogue.service(b.getServiceId()), catalogue.office(b.getOfficeId()), bookings.changeable(b),
                null, slug, locale);
    }

    record NewBooking(long service, long office, @Nullable Instant start) {}

    record Slots(long service, long office, @Nullable LocalDate date, List<Instant> free) {}

    record OfficeItem(long id, String nameUk, String nameEn, String addressUk, String addressEn, @Nullable Double latitude,
                      @Nullable Double longitude, String hours, List<LocalDate> closedDays, boolean remote, boolean eQueue,
                      int workplaces) {}

    record ServiceItem(long id, String code, String nameUk, String nameEn, String categoryUk, String categoryEn,
                       String description, List<String> documents, String cost, int durationMinutes, List<Long> officeIds) {
        static ServiceItem of(AdminService s, List<Long> offices) {
            return new ServiceItem(s.getId(), s.getCode(), s.getNameUk(), s.getNameEn(), s.getCategoryUk(), s.getCategoryEn(),
                    s.getDescription(), s.documentList(), s.getCost(), s.getDurationMinutes(), offices);
        }
    }

    /** A page of items with the paging facts. */
    record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }
}
