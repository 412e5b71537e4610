package ua.viche.queue.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.QrSvg;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.queue.domain.AdminService;
import ua.viche.queue.domain.Booking;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Office;
import ua.viche.queue.domain.OfficeQueue;
import ua.viche.queue.domain.Visit;

/** The residents' pages: the catalogue, a service, booking step by step, a booking, my bookings, rating. */
@Refusal.Back("/{community}/cnap")
@Controller
@RequestMapping("/{community}/cnap")
class QueueController {

    static final int PAGE = 30;

    private final Catalogue catalogue;
    private final Bookings bookings;
    private final OfficeQueue queue;
    private final RateLimiter limiter;
    private final AccessControl access;

    QueueController(Catalogue catalogue, Bookings bookings, OfficeQueue queue, RateLimiter limiter,
                    AccessControl access) {
        this.access = access;
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.queue = queue;
        this.limiter = limiter;
    }

    @GetMapping
    String index(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                 @RequestParam(name = "category", defaultValue = "") String category,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("services", catalogue.search(query, category, page, PAGE));
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("q", query);
        model.addAttribute("category", category);
        model.addAttribute("console", access.currentUserHas(QueueConsoleController.CONSOLE));
        model.addAttribute("pageHref", pageHref(slug, query, category));
        return "queue/index";
    }

    /**
     * The catalogue's address with the search kept, for the pager: the values as URI variables, which
     * are encoded strictly (a {@code +} left as it is would come back as a space).
     */
    static String pageHref(String slug, String q, String category) {
        return UriComponentsBuilder.fromPath("/{slug}/cnap").queryParam("q", "{q}").queryParam("category", "{category}")
                .encode().buildAndExpand(slug, q, category).toUriString();
    }

    @GetMapping("/services/{id:\\d+}")
    String service(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("service", catalogue.service(id));
        model.addAttribute("offices", catalogue.officesOffering(id));
        return "queue/service";
    }

    /** Booking step by step: service → office → day → time (plain links and one form; works without JavaScript). */
    @GetMapping("/book")
    String book(@PathVariable("community") String slug, @RequestParam("service") long serviceId,
                @RequestParam(name = "office", required = false) @Nullable Long officeId,
                @RequestParam(name = "date", required = false) @Nullable LocalDate date,
                @RequestParam(name = "move", required = false) @Nullable String move, Model model) {
        AdminService service = catalogue.service(serviceId);
        model.addAttribute("service", service);
        model.addAttribute("eligibility", bookings.eligibility());
        model.addAttribute("remaining", bookings.remainingThisMonth());
        Booking moving = move == null || move.isBlank() ? null : bookings.visible(move);
        model.addAttribute("move", moving == null ? null : moving.getCode());
        List<Office> offices = catalogue.officesOffering(serviceId);
        model.addAttribute("offices", offices);
        if (moving != null) {
            officeId = moving.getOfficeId();
        }
        if (officeId != null) {
            long chosen = officeId;
            Office office = offices.stream().filter(o -> o.getId() == chosen).findFirst()
                    .orElseThrow(() -> new NotFoundException("queue.error.notOfferedHere"));
            model.addAttribute("office", office);
            Map<LocalDate, List<Instant>> days = bookings.freeByDay(office.getId(), serviceId);
            model.addAttribute("days", days.entrySet().stream()
                    .map(e -> new SlotView.Day(e.getKey(), e.getKey().getDayOfWeek(), e.getValue().size())).toList());
            if (date != null) {
                model.addAttribute("date", date);
                model.addAttribute("times", SlotView.of(days.getOrDefault(date, List.of())));
            }
        }
        return "queue/book";
    }

    @PostMapping("/bookings")
    String create(@PathVariable("community") String slug, @RequestParam("service") long serviceId,
                  @RequestParam("office") long officeId, @RequestParam(name = "start", defaultValue = "") String start,
                  RedirectAttributes redirect) {
        AccessControl.requireUser();
        limiter.consume(RateLimiter.SUBMIT, "cnap-" + AccessControl.requireUser().accountId());
        Instant at = parse(start);
        try {
            if (at == null) {
                throw Refusal.of("queue.error.chooseTime");
            }
            Booking b = bookings.book(serviceId, officeId, at);
            redirect.addFlashAttribute("message", "queue.booked");
            return "redirect:" + Bookings.url(b);
        } catch (Refusal e) {
            return refused(slug, serviceId, officeId, start, null, e, redirect);
        }
    }

    @GetMapping("/bookings/{code}")
    String booking(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        Booking b = bookings.visible(code);
        Locale locale = LocaleContextHolder.getLocale();
        Visit visit = queue.visitOfBooking(b.getId()).orElse(null);
        String rateUrl = visit != null && visit.getStatus() == Visit.Status.SERVED && visit.getRatedAt() == null
                ? OfficeQueue.rateUrl(visit) : null;
        BookingView view = BookingView.of(b, catalogue.service(b.getServiceId()), catalogue.office(b.getOfficeId()),
                bookings.changeable(b), rateUrl, slug, locale);
        model.addAttribute("booking", view);
        model.addAttribute("qr", QrSvg.of(b.getCode(), view.prettyCode(), 200));
        return "queue/booking";
    }

    @PostMapping("/bookings/{code}/cancel")
    @Refusal.Back("/{community}/cnap/bookings/{code}")
    String cancel(@PathVariable("community") String slug, @PathVariable("code") String code, RedirectAttributes redirect) {
        AccessControl.requireUser();
        Booking b = bookings.cancel(code);
        redirect.addFlashAttribute("message", "queue.cancelled");
        return "redirect:" + Bookings.url(b);
    }

    @PostMapping("/bookings/{code}/move")
    String move(@PathVariable("community") String slug, @PathVariable("code") String code,
                @RequestParam(name = "start", defaultValue = "") String start, RedirectAttributes redirect) {
        AccessControl.requireUser();
        Booking b = bookings.visible(code);
        Instant at = parse(start);
        try {
            if (at == null) {
                throw Refusal.of("queue.error.chooseTime");
            }
            bookings.move(code, at);
            redirect.addFlashAttribute("message", "queue.moved");
            return "redirect:" + Bookings.url(b);
        } catch (Refusal e) {
            return refused(slug, b.getServiceId(), b.getOfficeId(), start, b.getCode(), e, redirect);
        }
    }

    private String refused(String slug, long serviceId, long officeId, String start, @Nullable String move,
                           Refusal e, RedirectAttributes redirect) {
        Instant at = parse(start);
        redirect.addFlashAttribute("error", e.messageKey());
        redirect.addFlashAttribute(Refusal.TYPED, Map.of("start", start)); // the time chosen is chosen again while it is free
        redirect.addFlashAttribute(Refusal.TYPED_AT, "/" + slug + "/cnap/bookings");
        if (Bookings.SLOT_TAKEN.equals(e.code()) && at != null) {
            redirect.addFlashAttribute("nearest", SlotView.of(bookings.nearest(officeId, serviceId, at, 5)));
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/" + slug + "/cnap/book").queryParam("service", serviceId)
                .queryParam("office", officeId);
        if (at != null) {
            back.queryParam("date", at.atZone(Dates.KYIV).toLocalDate());
        }
        if (move != null) {
            back.queryParam("move", move);
        }
        return "redirect:" + back.build().toUriString() + "#times";
    }

    @GetMapping("/my")
    String mine(@PathVariable("community") String slug, Model model) {
        AccessControl.requireUser();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("bookings", bookings.mine().stream().map(b -> BookingView.of(b, catalogue.service(b.getServiceId()),
                catalogue.office(b.getOfficeId()), bookings.changeable(b), null, slug, locale)).toList());
        return "queue/my";
    }

    @GetMapping("/rate/{code}")
    String rateForm(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        Visit v = queue.byRateCode(code);
        model.addAttribute("visit", v);
        model.addAttribute("service", catalogue.service(v.getServiceId()));
        model.addAttribute("office", catalogue.office(v.getOfficeId()));
        return "queue/rate";
    }

    @PostMapping("/rate/{code}")
    String rate(@PathVariable("community") String slug, @PathVariable("code") String code,
                @RequestParam(name = "score", defaultValue = "0") int score,
                @RequestParam(name = "comment", defaultValue = "") String comment, Model model, RedirectAttributes redirect) {
        limiter.consume(RateLimiter.SUBMIT, "cnap-rate-" + code);
        try {
            queue.rate(code, score, comment);
        } catch (Refusal e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("comment", comment);
            model.addAttribute("score", score);
            return rateForm(slug, code, model);
        }
        redirect.addFlashAttribute("message", "queue.rated");
        return "redirect:/" + slug + "/cnap/rate/" + code;
    }

    static @Nullable Instant parse(String s) {
        try {
            return s.isBlank() ? null : Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
