package ua.viche.queue.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.OfficeHours;
import ua.viche.queue.domain.OfficeQueue;
import ua.viche.queue.domain.Visit;
import ua.viche.queue.domain.Workplace;

/** The CNAP administrator's console: call the next visitor, record the outcome, check in, issue tickets; catalogue import. */
@Refusal.Back({"/{community}/cnap/console?workplace={workplace}", "/{community}/cnap"})
@Controller
@RequestMapping("/{community}/cnap/console")
class QueueConsoleController {

    /** The role the console requires; other pages offer the console's link only to its holders. */
    static final Role CONSOLE = Role.CNAP_ADMINISTRATOR;

    private final Catalogue catalogue;
    private final OfficeQueue queue;
    private final AccessControl access;

    QueueConsoleController(Catalogue catalogue, OfficeQueue queue, AccessControl access) {
        this.catalogue = catalogue;
        this.queue = queue;
        this.access = access;
    }

    @GetMapping
    String console(@PathVariable("community") String slug,
                   @RequestParam(name = "workplace", required = false) @Nullable Long workplaceId, Model model) {
        access.require(CONSOLE);
        if (workplaceId == null) {
            model.addAttribute("offices", catalogue.offices());
            model.addAttribute("workplaces", catalogue.allWorkplaces());
            return "queue/console-choose";
        }
        Workplace w = catalogue.workplace(workplaceId);
        model.addAttribute("workplace", w);
        model.addAttribute("office", catalogue.office(w.getOfficeId()));
        model.addAttribute("current", queue.current(w.getId()));
        model.addAttribute("waiting", queue.waiting(w.getOfficeId()));
        model.addAttribute("bookings", queue.bookingsToday(w.getOfficeId()));
        var services = catalogue.servicesAt(w.getOfficeId());
        model.addAttribute("services", services);
        model.addAttribute("names", services.stream().collect(Collectors.toMap(s -> s.getId(), s -> s)));
        return "queue/console";
    }

    @PostMapping("/call")
    String call(@PathVariable("community") String slug, @RequestParam("workplace") long workplaceId, RedirectAttributes redirect) {
        Visit v = queue.callNext(workplaceId);
        redirect.addFlashAttribute("message", v == null ? "queue.nobodyWaiting" : "queue.calledNext");
        return back(slug, workplaceId);
    }

    @PostMapping("/finish")
    String finish(@PathVariable("community") String slug, @RequestParam("workplace") long workplaceId,
                  @RequestParam("visit") long visitId, @RequestParam("outcome") Visit.Status outcome,
                  @RequestParam(name = "service", required = false) @Nullable Long service, RedirectAttributes redirect) {
        queue.finish(visitId, outcome, service);
        redirect.addFlashAttribute("message", "queue.outcome." + outcome);
        return back(slug, workplaceId);
    }

    @PostMapping("/checkin")
    String checkIn(@PathVariable("community") String slug, @RequestParam("workplace") long workplaceId,
                   @RequestParam(name = "code", defaultValue = "") String code, RedirectAttributes redirect) {
        access.require(CONSOLE);
        Visit v = queue.checkIn(catalogue.workplace(workplaceId).getOfficeId(), code);
        redirect.addFlashAttribute("message", v.getKind() == Visit.Kind.BOOKED ? "queue.checkedIn" : "queue.checkedInLate");
        redirect.addFlashAttribute("ticket", v.getTicket());
        return back(slug, workplaceId);
    }

    @PostMapping("/ticket")
    String ticket(@PathVariable("community") String slug, @RequestParam("workplace") long workplaceId,
                  @RequestParam(name = "service", defaultValue = "0") long service, RedirectAttributes redirect) {
        access.require(CONSOLE);
        Visit v = queue.walkIn(catalogue.workplace(workplaceId).getOfficeId(), service);
        redirect.addFlashAttribute("message", "queue.ticketTaken");
        redirect.addFlashAttribute("ticket", v.getTicket());
        return back(slug, workplaceId);
    }

    /** Announces a day the office is closed (refused while bookings for that day are active). */
    @PostMapping("/offices/{office:\\d+}/close")
    @Refusal.Back({"/{community}/cnap/console?workplace={workplace}", "/{community}/cnap/console"})
    String close(@PathVariable("community") String slug, @PathVariable("office") long office,
                 @RequestParam(name = "day", required = false) @Nullable LocalDate day, RedirectAttributes redirect) {
        if (day == null) {
            throw Refusal.of("queue.error.chooseDay");
        }
        catalogue.closeOfficeOn(office, day);
        redirect.addFlashAttribute("message", "queue.officeClosed");
        return "redirect:/" + slug + "/cnap/console";
    }

    // ---- offices and workplaces

    private static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());

    @GetMapping("/offices")
    @Refusal.Back({"/{community}/cnap/console?workplace={workplace}", "/{community}/cnap/console/offices"})
    String offices(@PathVariable("community") String slug, Model model) {
        access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
        model.addAttribute("offices", catalogue.offices());
        model.addAttribute("workplaces", catalogue.allWorkplaces());
        model.addAttribute("week", WEEK);
        return "queue/console-offices";
    }

    @PostMapping("/offices")
    @Refusal.Back({"/{community}/cnap/console?workplace={workplace}", "/{community}/cnap/console/offices"})
    String createOffice(@PathVariable("community") String slug, OfficeForm form, RedirectAttributes redirect) {
        catalogue.createOffice(form.nameUk, form.nameEn, form.addressUk, form.addressEn, form.latitude, form.longitude,
                form.hours(), form.remote, form.eQueue);
        redirect.addFlashAttribute("message", "queue.office.saved");
        return "redirect:/" + slug + "/cnap/console/offices";
    }

    @PostMapping("/offices/{office:\\d+}")
    @Refusal.Back({"/{community}/cnap/console?workplace={workplace}", "/{community}/cnap/console/offices"})
    String changeOffice(@PathVariable("community") String slug, @PathVariable("office") long office, OfficeForm form,
                        RedirectAttributes redirect) {
        catalogue.changeOffice(office, form.nameUk, form.nameEn, form.addressUk, form.addressEn, form.latitude, form.longitude,
                form.hours(), form.remote, form.eQueue);
        redirect.addFlashAttribute("message", "queue.office.saved");
        return "redirect:/" + slug + "/cnap/console/offices#office-" + office;
    }

    @PostMapping("/offices/{office:\\d+}/workplaces")
    @Refusal.Back({"/{community}/cnap/console?workplace={workplace}", "/{community}/cnap/console/offices"})
    String addWorkplace(@PathVariable("community") String slug, @PathVariable("office") long office,
                        @RequestParam(name = "code", defaultValue = "") String code,
                        @RequestParam(name = "window", defaultValue = "") String window, RedirectAttributes redirect) {
        catalogue.addWorkplace(office, code.strip(), window.strip());
        redirect.addFlashAttribute("message", "queue.workplace.saved");
        return "redirect:/" + slug + "/cnap/console/offices#office-" + office;
    }

    /**
     * An office as the form sends it: names, addresses, an optional point, and for each day of the
     * week an opening and a closing time (both empty: closed that day).
     */
    static class OfficeForm {
        String nameUk = "";
        String nameEn = "";
        String addressUk = "";
        String addressEn = "";
        @Nullable Double latitude;
        @Nullable Double longitude;
        boolean remote;
        boolean eQueue;
        List<String> opens = new ArrayList<>();
        List<String> closes = new ArrayList<>();

        OfficeHours hours() {
            Map<DayOfWeek, OfficeHours.Span> days = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < WEEK.size(); i++) {
                String open = i < opens.size() && opens.get(i) != null ? opens.get(i).strip() : "";
                String close = i < closes.size() && closes.get(i) != null ? closes.get(i).strip() : "";
                if (open.isEmpty() && close.isEmpty()) {
                    continue;
                }
                try {
                    days.put(WEEK.get(i), new OfficeHours.Span(LocalTime.parse(open),
                            LocalTime.parse(close)));
                } catch (RuntimeException e) {
                    throw Refusal.of("queue.error.officeHours");
                }
            }
            if (days.isEmpty()) {
                throw Refusal.of("queue.error.officeHours");
            }
            return new OfficeHours(days);
        }

        public void setNameUk(String v) { nameUk = v; }
        public void setNameEn(String v) { nameEn = v; }
        public void setAddressUk(String v) { addressUk = v; }
        public void setAddressEn(String v) { addressEn = v; }
        public void setLatitude(@Nullable Double v) { latitude = v; }
        public void setLongitude(@Nullable Double v) { longitude = v; }
        public void setRemote(boolean v) { remote = v; }
        public void setElectronicQueue(boolean v) { eQueue = v; }
        public void setOpens(List<String> v) { opens = v; }
        public void setCloses(List<String> v) { closes = v; }
    }

    @GetMapping("/import")
    String importForm(@PathVariable("community") String slug, Model model) {
        access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
        model.addAttribute("columns", Catalogue.CSV_COLUMNS);
        return "queue/import";
    }

    @PostMapping("/import")
    String importCsv(@PathVariable("community") String slug, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                     @RequestParam(name = "csv", defaultValue = "") String csv, Model model) throws IOException {
        access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        model.addAttribute("columns", Catalogue.CSV_COLUMNS);
        if (text.isBlank()) {
            model.addAttribute("error", "queue.import.empty");
            return "queue/import";
        }
        model.addAttribute("report", catalogue.importCsv(text));
        return "queue/import";
    }

    static String back(String slug, long workplaceId) {
        return "redirect:/" + slug + "/cnap/console?workplace=" + workplaceId;
    }
}
