package ua.viche.civic.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ua.viche.civic.domain.CourseCertificatePdf;
import ua.viche.civic.domain.CourseFigures;
import ua.viche.civic.domain.Courses;
import ua.viche.civic.domain.Seats;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Numbers;
import ua.viche.platform.Refusal;
import ua.viche.platform.VicheSettings;

/**
 * Courses: the programmes, a programme with its groups, a group with its schedule and registration
 * (by the person, or by the hotline operator on a caller's behalf), the staff's attendance list per
 * lesson, completion certificates as PDF and their public verify page.
 */
@Controller
class CourseController {

    private final Courses courses;
    private final CourseCertificatePdf pdf;
    private final MessageSource messages;
    private final VicheSettings settings;
    private final Dates dates;
    private final CourseFigures figures;
    private final Charts charts;
    private final Clock clock;

    CourseController(Courses courses, CourseCertificatePdf pdf, MessageSource messages, VicheSettings settings, Dates dates,
                     CourseFigures figures, Charts charts, Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.clock = clock;
        this.courses = courses;
        this.pdf = pdf;
        this.messages = messages;
        this.settings = settings;
        this.dates = dates;
    }

    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        if (model.getAttribute("error") instanceof String key) {
            Object[] args = model.getAttribute("errorArgs") instanceof Object[] a ? a : new Object[0];
            model.addAttribute("errorText", messages.getMessage(key, args, key, locale));
        }
    }

    /** A programme with its groups and their seats, for the list and the programme's page. */
    record GroupView(Courses.Group group, Seats.Count count, boolean open) {}

    record CourseView(Courses.Course course, List<String> partners, List<GroupView> groups) {}

    private CourseView view(Courses.Course c) {
        List<GroupView> groups = courses.groups(c.id()).stream().map(g -> new GroupView(g, courses.count(g), courses.open(g))).toList();
        return new CourseView(c, courses.partners(c.id()), groups);
    }

    @GetMapping("/{community}/courses")
    String list(@PathVariable("community") String slug, Model model) {
        model.addAttribute("courses", courses.courses().stream().map(this::view).toList());
        model.addAttribute("isStaff", courses.isStaff());
        model.addAttribute("figures", figuresChart(LocalDate.now(clock.withZone(Dates.KYIV)).getYear()));
        return "civic/courses";
    }

    /** The programme's indicators this year (participants, partner organisations, programmes run) as a bar chart with its table. */
    private Chart figuresChart(int year) {
        String y = String.valueOf(year);
        List<String> labels = CourseFigures.ALL.stream().map(k -> charts.text("civic.courses.figure." + k)).toList();
        List<BigDecimal> values = CourseFigures.ALL.stream().map(k -> figures.value(k, year)).toList();
        return Chart.of("course-figures", Chart.Kind.BAR, charts.text("civic.courses.figures", y),
                charts.text("civic.courses.figuresDescription", y), labels,
                List.of(new Chart.Series(charts.text("civic.courses.figuresSeries", y), values)), Numbers.locale());
    }

    @GetMapping("/{community}/courses/{id:\\d+}")
    String course(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("view", view(courses.course(id)));
        model.addAttribute("isStaff", courses.isStaff());
        return "civic/course";
    }

    @GetMapping("/{community}/courses/new")
    String form(@PathVariable("community") String slug, Model model) {
        if (!courses.isStaff()) {
            AccessControl.requireUser();
            throw new AccessDeniedException("courses staff only");
        }
        model.addAttribute("organisations", courses.partnersToChoose());
        return "civic/course-form";
    }

    @PostMapping("/{community}/courses")
    @Refusal.Back("/{community}/courses/new")
    String publish(@PathVariable("community") String slug, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Courses.Course c = courses.publish(CourseForm.course(form));
        redirect.addFlashAttribute("message", "civic.course.published");
        return "redirect:/" + slug + "/courses/" + c.id();
    }

    private void requireStaff() {
        if (!courses.isStaff()) {
            AccessControl.requireUser();
            throw new AccessDeniedException("courses staff only");
        }
    }

    @GetMapping("/{community}/courses/{id:\\d+}/edit")
    String editCourse(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        requireStaff();
        model.addAttribute("course", courses.course(id));
        model.addAttribute("organisations", courses.partnersToChoose());
        model.addAttribute("partnerIds", courses.partnerIds(id));
        return "civic/course-edit";
    }

    @PostMapping("/{community}/courses/{id:\\d+}/edit")
    @Refusal.Back("/{community}/courses/{id}/edit")
    String updateCourse(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam MultiValueMap<String, String> form,
                        RedirectAttributes redirect) {
        courses.update(id, CourseForm.change(form));
        redirect.addFlashAttribute("message", "civic.courseEdit.saved");
        return "redirect:/" + slug + "/courses/" + id;
    }

    @GetMapping("/{community}/courses/groups/{id:\\d+}/edit")
    String editGroup(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        requireStaff();
        Courses.Group g = courses.group(id);
        model.addAttribute("group", g);
        model.addAttribute("course", courses.course(g.courseId()));
        model.addAttribute("count", courses.count(g));
        model.addAttribute("schedule", CourseForm.schedule(courses.lessons(id)));
        return "civic/course-group-edit";
    }

    @PostMapping("/{community}/courses/groups/{id:\\d+}/edit")
    @Refusal.Back("/{community}/courses/groups/{id}/edit")
    String updateGroup(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam MultiValueMap<String, String> form,
                       RedirectAttributes redirect) {
        courses.updateGroup(id, CourseForm.group(form));
        redirect.addFlashAttribute("message", "civic.groupEdit.saved");
        return "redirect:/" + slug + "/courses/groups/" + id;
    }

    @PostMapping("/{community}/courses/{id:\\d+}/groups")
    @Refusal.Back("/{community}/courses/{id}")
    String addGroup(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam MultiValueMap<String, String> form,
                    RedirectAttributes redirect) {
        Courses.Group g = courses.addGroup(id, CourseForm.group(form));
        redirect.addFlashAttribute("message", "civic.course.groupAdded");
        return "redirect:/" + slug + "/courses/groups/" + g.id();
    }

    @GetMapping("/{community}/courses/groups/{id:\\d+}")
    String group(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Courses.Group g = courses.group(id);
        model.addAttribute("group", g);
        model.addAttribute("course", courses.course(g.courseId()));
        model.addAttribute("lessons", courses.lessons(id));
        model.addAttribute("count", courses.count(g));
        model.addAttribute("reserved", courses.reserved(g));
        model.addAttribute("priorities", courses.priorities());
        model.addAttribute("place", courses.myPlace(g).orElse(null));
        model.addAttribute("certificate", courses.myCertificate(g).orElse(null));
        model.addAttribute("open", courses.open(g));
        model.addAttribute("signedIn", AccessControl.currentUser().isPresent());
        model.addAttribute("isStaff", courses.isStaff());
        model.addAttribute("onBehalf", courses.mayRegisterOnBehalf());
        model.addAttribute("byPhone", courses.mayRegisterOnBehalf() ? courses.byPhone(id) : List.of());
        return "civic/course-group";
    }

    @PostMapping("/{community}/courses/groups/{id:\\d+}/register")
    @Refusal.Back("/{community}/courses/groups/{id}")
    String register(@PathVariable("community") String slug, @PathVariable("id") long id,
                    @RequestParam(name = "priority", required = false) @Nullable String priority, RedirectAttributes redirect) {
        Seats.Place p = courses.register(id, priority);
        redirect.addFlashAttribute("message", p.status() == Seats.Status.REGISTERED ? "civic.course.registered" : "civic.course.waiting");
        return "redirect:/" + slug + "/courses/groups/" + id;
    }

    @PostMapping("/{community}/courses/groups/{id:\\d+}/on-behalf")
    @Refusal.Back("/{community}/courses/groups/{id}")
    String onBehalf(@PathVariable("community") String slug, @PathVariable("id") long id,
                    @RequestParam(name = "name", defaultValue = "") String name, @RequestParam(name = "phone", defaultValue = "") String phone,
                    @RequestParam(name = "priority", required = false) @Nullable String priority,
                    @RequestParam(name = "email", defaultValue = "") String email, RedirectAttributes redirect) {
        Seats.Place p = courses.registerOnBehalf(id, name, phone, priority, email);
        redirect.addFlashAttribute("message", p.status() == Seats.Status.REGISTERED ? "civic.course.onBehalfRegistered" : "civic.course.onBehalfWaiting");
        return "redirect:/" + slug + "/courses/groups/" + id;
    }

    @PostMapping("/{community}/courses/groups/{id:\\d+}/cancel")
    @Refusal.Back("/{community}/courses/groups/{id}")
    String cancel(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        courses.cancel(id);
        redirect.addFlashAttribute("message", "civic.event.cancelled");
        return "redirect:/" + slug + "/courses/groups/" + id;
    }

    @GetMapping("/{community}/courses/groups/{id:\\d+}/attendance")
    String attendance(@PathVariable("community") String slug, @PathVariable("id") long id,
                      @RequestParam(name = "lesson", required = false) @Nullable Integer number, Model model) {
        List<Courses.Attendance> list = courses.attendance(id);
        Courses.Group g = courses.group(id);
        List<Courses.Lesson> lessons = courses.lessons(id);
        Courses.Lesson lesson = lessons.stream().filter(l -> number != null && l.number() == number).findFirst()
                .orElseGet(() -> lessons.isEmpty() ? null : lessons.get(0));
        model.addAttribute("group", g);
        model.addAttribute("course", courses.course(g.courseId()));
        model.addAttribute("lessons", lessons);
        model.addAttribute("lesson", lesson);
        model.addAttribute("participants", list);
        return "civic/course-attendance";
    }

    @PostMapping("/{community}/courses/groups/{id:\\d+}/attendance")
    @Refusal.Back("/{community}/courses/groups/{id}/attendance")
    String mark(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam("lesson") long lesson,
                @RequestParam("place") long place, @RequestParam(name = "present", defaultValue = "true") boolean present,
                RedirectAttributes redirect) {
        Courses.Certificate issued = courses.mark(id, lesson, place, present);
        redirect.addFlashAttribute("message", present ? "civic.checkIn.marked" : "civic.checkIn.unmarked");
        if (issued != null && present) {
            redirect.addFlashAttribute("issued", issued.name());
        }
        int number = courses.lessons(id).stream().filter(l -> l.id() == lesson).findFirst().map(Courses.Lesson::number).orElse(1);
        return "redirect:/" + slug + "/courses/groups/" + id + "/attendance?lesson=" + number;
    }

    @GetMapping("/{community}/courses/groups/{id:\\d+}/certificates/{place:\\d+}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("place") long place,
                                       Locale locale) {
        Courses.Certificate c = courses.certificate(id, place);
        Courses.Group g = courses.group(id);
        Courses.Course course = courses.course(g.courseId());
        Community community = CurrentCommunity.require();
        String code = Courses.readable(c.code());
        List<String> lines = new ArrayList<>();
        lines.add(msg("civic.certificate.completed", locale, course.title(locale), String.valueOf(course.lessons())));
        lines.add(msg("civic.certificate.group", locale, g.name(), g.startsAt() == null ? "" : dates.date(g.startsAt()),
                g.endsAt() == null ? "" : dates.date(g.endsAt())));
        lines.add(msg("civic.certificate.attended", locale, String.valueOf(c.attended()), String.valueOf(course.lessons())));
        List<String> partners = courses.partners(course.id());
        if (!partners.isEmpty()) {
            lines.add(msg("civic.certificate.partners", locale, String.join(", ", partners)));
        }
        lines.add(msg("civic.certificate.issued", locale, dates.date(c.issuedAt())));
        byte[] bytes = pdf.render(new CourseCertificatePdf.Content(community.name(locale), msg("civic.certificate.title", locale), c.name(), lines,
                msg("civic.certificate.verify", locale), verifyUrl(slug, code), msg("civic.certificate.code", locale, code), c.issuedAt()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("certificate-" + c.code() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/{community}/courses/verify")
    String verifyForm(@PathVariable("community") String slug, @RequestParam(name = "code", defaultValue = "") String code, Model model) {
        String c = code.length() > 60 ? code.substring(0, 60) : code;
        String target = Courses.normalise(c).map(Courses::readable).orElse(c.replaceAll("[^A-Za-z0-9-]", ""));
        if (!target.isEmpty()) {
            return "redirect:/" + slug + "/courses/verify/" + target;
        }
        model.addAttribute("result", null);
        return "civic/course-verify";
    }

    @GetMapping("/{community}/courses/verify/{code}")
    String verify(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        model.addAttribute("result", courses.verify(code.length() > 60 ? code.substring(0, 60) : code));
        return "civic/course-verify";
    }

    private String verifyUrl(String slug, String code) {
        String path = "/" + slug + "/courses/verify/" + code;
        String url = settings.absolute(path);
        return url.startsWith("/") ? ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString() : url;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
