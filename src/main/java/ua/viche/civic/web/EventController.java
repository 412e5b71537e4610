package ua.viche.civic.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.civic.CivicModule;
import ua.viche.civic.domain.CivicEvent;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.EventCalendar;
import ua.viche.civic.domain.Seats;
import ua.viche.platform.AccessControl;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.FileStore;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Refusal;

/**
 * Events: the list, an event with its programme, organiser, place (linked to the map while the geo
 * module is on) and registration, the form for staff and verified organisations, the staff's check-in
 * list, calendar feeds, open data (CSV) and the map layer (GeoJSON).
 */
@Controller
class EventController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CivicEvents events;
    private final EventCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<ModuleDescriptor> modules;

    EventController(CivicEvents events, EventCalendar calendar, MessageSource messages, Clock clock, ObjectProvider<ModuleDescriptor> modules) {
        this.modules = modules;
        this.events = events;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        if (model.getAttribute("error") instanceof String key) {
            Object[] args = model.getAttribute("errorArgs") instanceof Object[] a ? a : new Object[0];
            model.addAttribute("errorText", messages.getMessage(key, args, key, locale));
        }
    }

    @GetMapping("/{community}/events")
    String list(@PathVariable("community") String slug, @RequestParam(name = "past", defaultValue = "false") boolean past,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        model.addAttribute("events", past ? events.past(page, 20) : events.upcoming(page, 20));
        model.addAttribute("past", past);
        model.addAttribute("mayPublish", events.mayPublish());
        return "civic/events";
    }

    @GetMapping("/{community}/events/new")
    String form(@PathVariable("community") String slug, Model model) {
        AccessControl.requireUser();
        if (!events.mayPublish()) {
            throw new AccessDeniedException("events staff or a verified organisation only");
        }
        model.addAttribute("isStaff", events.isStaff());
        model.addAttribute("organisations", events.organisationsForForm());
        model.addAttribute("defaultSeats", CivicModule.DEFAULT_SEATS.value());
        model.addAttribute("firstDay", LocalDate.now(clock.withZone(Dates.KYIV)).plusDays(14));
        return "civic/event-form";
    }

    @PostMapping("/{community}/events")
    @Refusal.Back("/{community}/events/new")
    String publish(@PathVariable("community") String slug, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CivicEvent e = events.publish(EventForm.read(form));
        redirect.addFlashAttribute("message", "civic.event.published");
        return "redirect:/" + slug + "/events/" + e.getId();
    }

    @GetMapping("/{community}/events/{id:\\d+}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        CivicEvent e = events.event(id);
        model.addAttribute("event", e);
        model.addAttribute("organiser", events.organiser(e).orElse(null));
        model.addAttribute("mapOn", modules.stream().anyMatch(m -> m.name().equals("geo") && m.enabledIn(CurrentCommunity.require())));
        model.addAttribute("sessions", events.sessions(id));
        model.addAttribute("materials", events.materials(id));
        model.addAttribute("count", events.count(e));
        model.addAttribute("place", events.myPlace(e).orElse(null));
        model.addAttribute("open", e.registrationOpen(Instant.now(clock)));
        model.addAttribute("signedIn", AccessControl.currentUser().isPresent());
        model.addAttribute("isStaff", events.isStaff());
        boolean onBehalf = events.mayRegisterOnBehalf();
        model.addAttribute("onBehalf", onBehalf);
        model.addAttribute("byPhone", onBehalf ? events.byPhone(id) : List.of());
        model.addAttribute("mayWithdraw", events.mayWithdraw());
        return "civic/event";
    }

    @GetMapping("/{community}/events/{id:\\d+}/files/{file:\\d+}")
    ResponseEntity<InputStreamResource> file(@PathVariable("community") String slug, @PathVariable("id") long id,
                                             @PathVariable("file") long file) throws IOException {
        return events.download(id, file);
    }

    @PostMapping("/{community}/events/{id:\\d+}/materials")
    @Refusal.Back("/{community}/events/{id}")
    String attach(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "materials", required = false) @Nullable List<MultipartFile> materials, RedirectAttributes redirect)
            throws IOException {
        events.attach(id, FileStore.uploads(materials));
        redirect.addFlashAttribute("message", "civic.event.materialsAdded");
        return "redirect:/" + slug + "/events/" + id + "#materials";
    }

    @PostMapping("/{community}/events/{id:\\d+}/materials/{file:\\d+}/delete")
    @Refusal.Back("/{community}/events/{id}")
    String detach(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("file") long file,
                  RedirectAttributes redirect) {
        events.detach(id, file);
        redirect.addFlashAttribute("message", "civic.event.materialRemoved");
        return "redirect:/" + slug + "/events/" + id + "#materials";
    }

    @PostMapping("/{community}/events/{id:\\d+}/register")
    @Refusal.Back("/{community}/events/{id}")
    String register(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        Seats.Place p = events.register(id);
        redirect.addFlashAttribute("message", p.status() == Seats.Status.REGISTERED ? "civic.event.registered" : "civic.event.waiting");
        return "redirect:/" + slug + "/events/" + id;
    }

    @PostMapping("/{community}/events/{id:\\d+}/on-behalf")
    @Refusal.Back("/{community}/events/{id}")
    String onBehalf(@PathVariable("community") String slug, @PathVariable("id") long id,
                    @RequestParam(name = "name", defaultValue = "") String name, @RequestParam(name = "phone", defaultValue = "") String phone,
                    @RequestParam(name = "email", defaultValue = "") String email, RedirectAttributes redirect) {
        Seats.Place p = events.registerOnBehalf(id, name, phone, email);
        redirect.addFlashAttribute("message", p.status() == Seats.Status.REGISTERED ? "civic.onBehalf.registered" : "civic.onBehalf.waiting");
        return "redirect:/" + slug + "/events/" + id;
    }

    @PostMapping("/{community}/events/{id:\\d+}/cancel")
    @Refusal.Back("/{community}/events/{id}")
    String cancel(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        events.cancel(id);
        redirect.addFlashAttribute("message", "civic.event.cancelled");
        return "redirect:/" + slug + "/events/" + id;
    }

    @GetMapping("/{community}/events/{id:\\d+}/check-in")
    String checkIn(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        List<Seats.Place> places = events.checkInList(id);
        CivicEvent e = events.event(id);
        model.addAttribute("event", e);
        model.addAttribute("places", places);
        model.addAttribute("count", events.count(e));
        return "civic/check-in";
    }

    @PostMapping("/{community}/events/{id:\\d+}/check-in")
    @Refusal.Back("/{community}/events/{id}/check-in")
    String checkIn(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam("place") long place,
                   @RequestParam(name = "attended", defaultValue = "true") boolean attended, RedirectAttributes redirect) {
        events.checkIn(id, place, attended);
        redirect.addFlashAttribute("message", attended ? "civic.checkIn.marked" : "civic.checkIn.unmarked");
        return "redirect:/" + slug + "/events/" + id + "/check-in";
    }

    @PostMapping("/{community}/events/{id:\\d+}/withdraw")
    @Refusal.Back("/{community}/events/{id}")
    String withdraw(@PathVariable("community") String slug, @PathVariable("id") long id,
                    @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        events.withdraw(id, reason);
        redirect.addFlashAttribute("message", "civic.event.withdrawn");
        return "redirect:/" + slug + "/events";
    }

    @GetMapping("/{community}/events/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable("community") String slug) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"events.csv\"")
                .body(events.csv().getBytes(StandardCharsets.UTF_8));
    }

    /** The upcoming events with a point on the map: the module's map layer. */
    @GetMapping(value = "/{community}/events/map.geojson", produces = "application/geo+json")
    @ResponseBody
    Map<String, Object> geoJson(@PathVariable("community") String slug) {
        return events.geoJson(slug);
    }

    @GetMapping("/{community}/events.ics")
    ResponseEntity<String> feed(@PathVariable("community") String slug, Locale locale) {
        return ResponseEntity.ok().contentType(CALENDAR).body(calendar.ics(slug, events.forCalendar(), locale));
    }

    @GetMapping("/{community}/events/{id:\\d+}.ics")
    ResponseEntity<String> one(@PathVariable("community") String slug, @PathVariable("id") long id, Locale locale) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"")
                .body(calendar.ics(slug, List.of(events.event(id)), locale));
    }
}
