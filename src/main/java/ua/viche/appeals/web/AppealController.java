package ua.viche.appeals.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealFigures;
import ua.viche.appeals.domain.AppealRegistration;
import ua.viche.appeals.domain.AppealService;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachments;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.Csv;
import ua.viche.platform.FileStore;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;

/** The applicant's pages: own appeals, filing one, an appeal with its answer, rating, complaint; public statistics. */
@Refusal.Back({"/{community}/appeals/{id}", "/{community}/appeals"})
@Controller
@RequestMapping("/{community}/appeals")
class AppealController {

    private final AppealService appeals;
    private final AppealRegistration registration;
    private final AppealFigures figures;
    private final RateLimiter limiter;
    private final Attachments attachments;
    private final Charts charts;

    AppealController(AppealService appeals, AppealRegistration registration, AppealFigures figures, RateLimiter limiter,
                     Attachments attachments, Charts charts) {
        this.registration = registration;
        this.charts = charts;
        this.appeals = appeals;
        this.figures = figures;
        this.limiter = limiter;
        this.attachments = attachments;
    }

    @GetMapping
    String index(@PathVariable("community") String slug, Model model) {
        model.addAttribute("appeals", appeals.mine());
        model.addAttribute("categories", appeals.categoriesById());
        model.addAttribute("signedIn", AccessControl.currentUser().isPresent());
        model.addAttribute("isHandler", appeals.canHandleAppeals());
        return "appeals/index";
    }

    @GetMapping("/new")
    String newForm(@PathVariable("community") String slug, Model model) {
        AccessControl.requireUser();
        AppealForm form = new AppealForm();
        form.setKind(Appeal.Kind.APPLICATION);
        return form(model, form, false);
    }

    @PostMapping
    String create(@PathVariable("community") String slug, @Valid @ModelAttribute("form") AppealForm form, BindingResult errors,
                  @RequestParam(name = "files", required = false) List<MultipartFile> uploads, Model model,
                  RedirectAttributes redirect) throws IOException {
        AccessControl.requireUser();
        if (errors.hasErrors() || !appeals.eligibility().allowed()) {
            return form(model, form, false);
        }
        limiter.consume(RateLimiter.SUBMIT, "account-" + AccessControl.requireUser().accountId());
        Appeal a;
        try {
            a = registration.file(form.request(), FileStore.uploads(uploads));
        } catch (Refusal e) {
            model.addAttribute("formError", e.messageKey());
            return form(model, form, false);
        }
        redirect.addFlashAttribute("message", "appeal.filed");
        return "redirect:" + AppealService.url(a);
    }

    /** The form page, for the web and for the hotline operator. */
    String form(Model model, AppealForm form, boolean call) {
        model.addAttribute("form", form);
        model.addAttribute("call", call);
        model.addAttribute("kinds", Appeal.Kind.values());
        model.addAttribute("categories", appeals.activeCategories());
        model.addAttribute("eligibility", appeals.eligibility());
        model.addAttribute("applicant", call ? null : appeals.currentPerson().orElse(null));
        return "appeals/form";
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        AppealService.AppealPage page = appeals.page(id);
        model.addAttribute("page", page);
        model.addAttribute("a", page.appeal());
        model.addAttribute("today", appeals.today());
        model.addAttribute("departments", figures.departments());
        model.addAttribute("categories", appeals.categories());
        return "appeals/show";
    }

    @PostMapping("/{id:\\d+}/rate")
    String rate(@PathVariable("community") String slug, @PathVariable("id") long id,
                @RequestParam(name = "rating", defaultValue = "0") int rating,
                @RequestParam(name = "comment", defaultValue = "") String comment, RedirectAttributes redirect) {
        Appeal a = registration.rate(id, rating, comment);
        redirect.addFlashAttribute("message", "appeal.rated");
        return "redirect:" + AppealService.url(a);
    }

    @PostMapping("/{id:\\d+}/complaint")
    String complain(@PathVariable("community") String slug, @PathVariable("id") long id,
                    @RequestParam(name = "text", defaultValue = "") String text,
                    @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                    RedirectAttributes redirect) throws IOException {
        limiter.consume(RateLimiter.SUBMIT, "account-" + AccessControl.requireUser().accountId());
        if (text.strip().length() < 20) {
            throw Refusal.of("appeal.error.complaintText");
        }
        Appeal a = registration.complain(id, text, FileStore.uploads(uploads));
        redirect.addFlashAttribute("message", "appeal.filed");
        return "redirect:" + AppealService.url(a);
    }

    @GetMapping("/{id:\\d+}/attachments/{file:\\d+}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable("community") String slug, @PathVariable("id") long id,
                                                   @PathVariable("file") long file) throws IOException {
        return attachments.download(appeals.attachment(id, file), CacheControl.noStore());
    }

    @GetMapping("/figures")
    String figures(@PathVariable("community") String slug, @RequestParam(name = "year", defaultValue = "0") int year,
                   Locale locale, Model model) {
        int y = year < 2000 || year > 2100 ? appeals.today().getYear() : year;
        AppealFigures.Figures f = figures.of(y, locale);
        model.addAttribute("figures", f);
        model.addAttribute("charts", List.of(
                answered("by-category", "appeals.figures.by.category", f.byCategory(), r -> r.label()),
                answered("by-department", "appeals.figures.by.department", f.byDepartment(), r -> r.label()),
                charts.share("by-channel", "appeals.figures.by.channel", "appeals.figures.by.channel.description",
                        "appeals.figures.col.count", labels(f.byChannel(), r -> charts.text("appeal.channel." + r.label())),
                        f.byChannel().stream().map(AppealFigures.Row::count).toList()),
                charts.chart("by-month", Chart.Kind.LINE, "appeals.figures.by.month", "appeals.figures.by.month.description",
                        labels(f.byMonth(), r -> charts.text("appeal.month." + r.label())),
                        List.of(charts.series("appeals.figures.col.count", f.byMonth().stream().map(AppealFigures.Row::count).toList()),
                                charts.series("appeals.figures.col.answered",
                                        f.byMonth().stream().map(AppealFigures.Row::answered).toList())))));
        model.addAttribute("years", IntStream.rangeClosed(y - 4, appeals.today().getYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        return "appeals/figures";
    }

    /** Appeals of each row stacked as answered and not (yet) answered. */
    private Chart answered(String id, String titleKey, List<AppealFigures.Row> rows,
                           Function<AppealFigures.Row, String> label) {
        return charts.chart(id, Chart.Kind.STACKED_BAR, titleKey, "appeals.figures.answered.description", labels(rows, label),
                List.of(charts.series("appeals.figures.col.answered", rows.stream().map(AppealFigures.Row::answered).toList()),
                        charts.series("appeals.figures.col.unanswered",
                                rows.stream().map(r -> r.count() - r.answered()).toList())));
    }

    private static List<String> labels(List<AppealFigures.Row> rows, Function<AppealFigures.Row, String> label) {
        return rows.stream().map(label).toList();
    }

    @GetMapping(value = "/figures.csv", produces = "text/csv;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> figuresCsv(@PathVariable("community") String slug,
                                      @RequestParam(name = "year", defaultValue = "0") int year, Locale locale) {
        int y = year < 2000 || year > 2100 ? appeals.today().getYear() : year;
        AppealFigures.Figures f = figures.of(y, locale);
        Csv csv = new Csv().row(List.of("year", "breakdown", "value", "appeals", "answered"));
        add(csv, y, "category", f.byCategory());
        add(csv, y, "department", f.byDepartment());
        add(csv, y, "channel", f.byChannel());
        add(csv, y, "month", f.byMonth());
        csv.row(List.of(y, "total", "", f.total(), ""));
        csv.row(List.of(y, "electronic", "", f.electronic(), ""));
        csv.row(List.of(y, "overdue", "", f.overdue(), ""));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appeals-" + slug + "-" + y + ".csv\"")
                .body(csv.toString());
    }

    private static void add(Csv csv, int year, String breakdown, List<AppealFigures.Row> values) {
        values.forEach(r -> csv.row(List.of(year, breakdown, r.label(), r.count(), r.answered())));
    }
}
