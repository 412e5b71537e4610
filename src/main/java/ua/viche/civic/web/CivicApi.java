package ua.viche.civic.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.civic.domain.CivicEvent;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.Field;
import ua.viche.civic.domain.Organisation;
import ua.viche.civic.domain.OrganisationRegister;
import ua.viche.civic.domain.Seats;
import ua.viche.platform.Attachment;

/** JSON twins of the civic pages: the register and an organisation, the events and an event with its programme and seats. */
@RestController
@RequestMapping("/api/v1/{community}")
class CivicApi {

    private final OrganisationRegister register;
    private final CivicEvents events;

    CivicApi(OrganisationRegister register, CivicEvents events) {
        this.register = register;
        this.events = events;
    }

    @GetMapping("/organisations")
    PageOf<OrganisationItem> organisations(@PathVariable("community") String slug,
                                           @RequestParam(name = "form", required = false) @Nullable String form,
                                           @RequestParam(name = "field", required = false) @Nullable String field,
                                           @RequestParam(name = "q", required = false) @Nullable String q,
                                           @RequestParam(name = "page", defaultValue = "0") int page,
                                           @RequestParam(name = "size", defaultValue = "20") int size) {
        Page<Organisation> found = register.publicRegister(OrganisationRegister.Filter.parse(form, field, q), page, Math.max(1, Math.min(size, 100)));
        Map<Long, Attachment> logos = register.logos(found.getContent());
        return PageOf.of(found.map(o -> OrganisationItem.of(o, logos.get(o.getId()), slug)));
    }

    @GetMapping("/organisations/{id:\\d+}")
    OrganisationItem organisation(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Organisation o = register.visible(id);
        return OrganisationItem.of(o, register.logo(o).orElse(null), slug);
    }

    /** Changes an organisation's details (not its code): its registrant or staff; form fields as on the edit page. */
    @RequestMapping(path = "/organisations/{id:\\d+}", method = {RequestMethod.PUT, RequestMethod.POST})
    OrganisationItem change(@PathVariable("community") String slug, @PathVariable("id") long id, @ModelAttribute OrganisationForm form) {
        register.forEditing(id);
        Organisation o = register.change(id, form.details());
        return OrganisationItem.of(o, register.logo(o).orElse(null), slug);
    }

    @GetMapping("/events")
    PageOf<EventItem> events(@PathVariable("community") String slug, @RequestParam(name = "past", defaultValue = "false") boolean past,
                             @RequestParam(name = "page", defaultValue = "0") int page,
                             @RequestParam(name = "size", defaultValue = "20") int size) {
        int s = Math.max(1, Math.min(size, 100));
        Page<CivicEvent> found = past ? events.past(page, s) : events.upcoming(page, s);
        return PageOf.of(found.map(e -> EventItem.of(e, events.count(e), slug)));
    }

    @GetMapping("/events/{id:\\d+}")
    EventDetail event(@PathVariable("community") String slug, @PathVariable("id") long id) {
        CivicEvent e = events.event(id);
        List<SessionItem> sessions = events.sessions(id).stream()
                .map(s -> new SessionItem(s.startsAt(), s.endsAt(), s.titleUk(), s.titleEn(), s.speakers())).toList();
        List<MaterialItem> materials = events.materials(id).stream()
                .map(a -> new MaterialItem(a.getName(), a.getSize(), CivicEvents.materialUrl(e, a, slug))).toList();
        OrganiserItem organiser = events.organiser(e).map(o -> new OrganiserItem(o.getId(), o.getName(), o.url(slug))).orElse(null);
        return new EventDetail(EventItem.of(e, events.count(e), slug), e.getSummaryUk(), e.getSummaryEn(), organiser, sessions, materials);
    }

    record OrganisationItem(long id, String name, String edrpou, String legalForm, List<String> fields, @Nullable String email,
                            @Nullable String phone, @Nullable String website, @Nullable String address, String description,
                            String status, @Nullable Instant verifiedAt, @Nullable String logo, String url) {
        static OrganisationItem of(Organisation o, @Nullable Attachment logo, String slug) {
            return new OrganisationItem(o.getId(), o.getName(), o.getEdrpou(), o.getLegalForm().name().toLowerCase(Locale.ROOT),
                    o.fieldList().stream().map(Field::name).map(f -> f.toLowerCase(Locale.ROOT)).toList(), o.getEmail(), o.getPhone(),
                    o.getWebsite(), o.getAddress(), o.getDescription(), o.getStatus().name().toLowerCase(Locale.ROOT), o.getDecidedAt(),
                    logo == null ? null : OrganisationRegister.logoUrl(o, logo, slug), o.url(slug));
        }
    }

    record EventItem(long id, String titleUk, String titleEn, Instant startsAt, Instant endsAt, @Nullable String place,
                     @Nullable Double latitude, @Nullable Double longitude,
                     @Nullable String onlineUrl, int seats, int registered, int waiting, int free, String url, String calendar) {
        static EventItem of(CivicEvent e, Seats.Count c, String slug) {
            return new EventItem(e.getId(), e.getTitleUk(), e.getTitleEn(), e.getStartsAt(), e.getEndsAt(), e.getPlace(), e.getLatitude(),
                    e.getLongitude(), e.getOnlineUrl(), c.seats(), c.registered(), c.waiting(), c.free(), e.url(slug), e.url(slug) + ".ics");
        }
    }

    record SessionItem(Instant startsAt, Instant endsAt, String titleUk, String titleEn, String speakers) {}

    record MaterialItem(String name, long sizeBytes, String url) {}

    record OrganiserItem(long id, String name, String url) {}

    record EventDetail(EventItem event, String summaryUk, String summaryEn, @Nullable OrganiserItem organisation, List<SessionItem> programme,
                       List<MaterialItem> materials) {}

    /** A page of items with the paging facts. */
    record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }
}
