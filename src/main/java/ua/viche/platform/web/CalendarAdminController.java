package ua.viche.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.Dates;
import ua.viche.platform.WorkingDays;

/**
 * The platform administrator keeps the working-day calendar: the transfers the Cabinet announces
 * (a Saturday worked, a weekday off). Public holidays and the martial-law rule are built in.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private final WorkingDays days;
    private final Clock clock;

    CalendarAdminController(WorkingDays days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    @GetMapping
    String calendar(@RequestParam(name = "year", defaultValue = "0") int year, Model model) {
        int current = LocalDate.now(clock.withZone(Dates.KYIV)).getYear();
        int y = year < 2000 || year > current + 5 ? current : year;
        model.addAttribute("year", y);
        model.addAttribute("martialLaw", days.martialLaw());
        model.addAttribute("holidays", WorkingDays.holidays(y).stream().sorted(Comparator.naturalOrder()).toList());
        model.addAttribute("overrides", days.overrides(y));
        model.addAttribute("years", List.of(current - 1, current, current + 1));
        return "platform/admin-calendar";
    }

    @PostMapping
    String add(@RequestParam(name = "day", defaultValue = "") String day, @RequestParam(name = "working", defaultValue = "false") boolean working,
               @RequestParam(name = "note", defaultValue = "") String note, Model model, RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return refuse(model, "calendar.error.day", day, working, note);
        }
        if (note.isBlank() || note.length() > 300) {
            return refuse(model, "calendar.error.note", day, working, note);
        }
        days.override(date, working, note.strip());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/calendar?year=" + date.getYear();
    }

    @PostMapping("/remove")
    String remove(@RequestParam("day") String day, RedirectAttributes redirect) {
        LocalDate date = LocalDate.parse(day);
        days.removeOverride(date);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/admin/calendar?year=" + date.getYear();
    }

    /** The form again with what was sent: the day as typed (a browser without a date picker sends text), the box, the note. */
    private String refuse(Model model, String key, String day, boolean working, String note) {
        model.addAttribute("error", key);
        model.addAttribute("day", day);
        model.addAttribute("working", working);
        model.addAttribute("note", note);
        return calendar(0, model);
    }
}
