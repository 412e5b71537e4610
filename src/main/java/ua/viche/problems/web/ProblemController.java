package ua.viche.problems.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.platform.Refusal;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemStatus;
import ua.viche.identity.Identity;
import ua.viche.platform.Attachments;
import ua.viche.platform.FileStore;
import ua.viche.platform.RateLimiter;

/** The public pages: the map with its list, the report form (with the duplicate check), a report, subscribing. */
@Controller
@RequestMapping("/{community}/problems")
class ProblemController {

    static final int PAGE = 25;

    private final ProblemService problems;
    private final Identity identity;
    private final RateLimiter limiter;
    private final Attachments attachments;

    ProblemController(ProblemService problems, Identity identity, RateLimiter limiter, Attachments attachments) {
        this.problems = problems;
        this.identity = identity;
        this.limiter = limiter;
        this.attachments = attachments;
    }

    @GetMapping
    String list(@PathVariable("community") String slug, @RequestParam(name = "category", defaultValue = "") String category,
                @RequestParam(name = "status", defaultValue = "open") String status,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        List<ProblemCategory> categories = problems.categories();
        Map<Long, ProblemCategory> byId = ProblemView.byId(categories);
        long categoryId = categories.stream().filter(c -> c.getCode().equals(category)).mapToLong(ProblemCategory::getId)
                .findFirst().orElse(0);
        Page<ProblemReport> found = problems.list(statuses(status), categoryId, null, page, PAGE);
        model.addAttribute("reports", found.map(r -> ProblemView.of(r, byId.get(r.getCategoryId()), slug)));
        model.addAttribute("categories", categories);
        model.addAttribute("category", categoryId == 0 ? "" : category);
        model.addAttribute("status", status);
        model.addAttribute("area", problems.area());
        model.addAttribute("isOfficial", problems.isOfficial());
        return "problems/list";
    }

    /** "open", "closed", "all" or one state's name. */
    static Collection<ProblemStatus> statuses(String status) {
        return switch (status) {
            case "open" -> ProblemStatus.OPEN;
            case "closed" -> EnumSet.complementOf(EnumSet.copyOf(ProblemStatus.OPEN));
            case "all" -> EnumSet.allOf(ProblemStatus.class);
            default -> {
                try {
                    yield EnumSet.of(ProblemStatus.valueOf(status.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    yield ProblemStatus.OPEN;
                }
            }
        };
    }

    /** The report form, empty or with a place given by the link that opened it (a map object's "report a problem here"). */
    @GetMapping("/new")
    String newForm(@PathVariable("community") String slug, @RequestParam(name = "latitude", required = false) @Nullable Double latitude,
                   @RequestParam(name = "longitude", required = false) @Nullable Double longitude,
                   @RequestParam(name = "address", defaultValue = "") String address, Model model) {
        ProblemForm form = new ProblemForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        if (latitude != null && longitude != null && Double.isFinite(latitude) && Double.isFinite(longitude)) {
            form.setLatitude(Double.toString(latitude));
            form.setLongitude(Double.toString(longitude));
        }
        if (address.length() <= 300) {
            form.setAddress(address.strip());
        }
        identity.currentPerson().ifPresent(p -> {
            form.setName(p.name());
            form.setEmail(p.email() == null ? "" : p.email());
        });
        return form(model, form, List.of());
    }

    @PostMapping
    String create(@PathVariable("community") String slug, @Valid @ModelAttribute("form") ProblemForm form, BindingResult errors,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) throws IOException {
        Double lat = coordinate(form.getLatitude(), "latitude", -90, 90, errors);
        Double lon = coordinate(form.getLongitude(), "longitude", -180, 180, errors);
        if (lat == null && lon == null && form.getAddress().isBlank() && !errors.hasFieldErrors("latitude")
                && !errors.hasFieldErrors("longitude")) {
            errors.rejectValue("address", "problem.error.location", "problem.error.location");
        }
        List<FileStore.Upload> uploads = FileStore.uploads(form.getPhotos());
        Optional<ProblemReport> earlier = problems.submitted(form.getIdempotencyKey());
        if (earlier.isPresent()) { // the same form sent again (a second click, a reload): the report it made
            redirect.addFlashAttribute("message", "problem.alreadySubmitted");
            return "redirect:" + ProblemService.url(earlier.get());
        }
        if (errors.hasErrors()) {
            return form(model, form, List.of());
        }
        if (!form.isConfirmDuplicates() && lat != null && lon != null && form.getCategoryId() != null) {
            List<ProblemReport> nearby = problems.nearby(form.getCategoryId(), lat, lon);
            if (!nearby.isEmpty()) {
                Map<Long, ProblemCategory> byId = ProblemView.byId(problems.categories());
                form.setConfirmDuplicates(true);
                model.addAttribute("photosDropped", !uploads.isEmpty());
                return form(model, form, nearby.stream().map(r -> ProblemView.of(r, byId.get(r.getCategoryId()), slug)).toList());
            }
        }
        limiter.consume(RateLimiter.SUBMIT, "problem-" + request.getRemoteAddr());
        ProblemService.Submitted submitted;
        try {
            submitted = problems.submit(new ProblemService.Submission(form.getCategoryId(), lat, lon, form.getAddress(),
                    form.getDescription(), form.getName(), form.getEmail(), null, form.isHideName(), null, uploads,
                    form.getIdempotencyKey(), "web"));
        } catch (Refusal e) {
            e.rejectInto(errors);
            return form(model, form, List.of());
        }
        redirect.addFlashAttribute("message", submitted.created() ? "problem.submitted" : "problem.alreadySubmitted");
        return "redirect:" + ProblemService.url(submitted.report());
    }

    private String form(Model model, ProblemForm form, List<ProblemView> duplicates) {
        model.addAttribute("form", form);
        model.addAttribute("categories", problems.activeCategories());
        model.addAttribute("area", problems.area());
        model.addAttribute("duplicates", duplicates);
        model.addAttribute("signedIn", identity.currentPerson().isPresent());
        return "problems/form";
    }

    private static @Nullable Double coordinate(String text, String field, double min, double max, BindingResult errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            if (v >= min && v <= max && !Double.isNaN(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.rejectValue(field, "problem.error." + field, "problem.error." + field);
        return null;
    }


    @GetMapping("/{id:\\d+}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        ProblemService.ReportPage page = problems.page(id);
        model.addAttribute("report", ProblemView.of(page.report(), page.category(), slug));
        model.addAttribute("history", page.history());
        model.addAttribute("photos", page.photos());
        model.addAttribute("isOfficial", problems.isOfficial());
        model.addAttribute("signedIn", identity.currentPerson().isPresent());
        model.addAttribute("next", page.report().getStatus().open()
                ? EnumSet.allOf(ProblemStatus.class).stream().filter(s -> s == page.report().getStatus()
                        || page.report().getStatus().canMoveTo(s)).toList()
                : List.of(page.report().getStatus()));
        return "problems/show";
    }

    @GetMapping("/{id:\\d+}/photos/{photo:\\d+}")
    ResponseEntity<InputStreamResource> photo(@PathVariable("community") String slug, @PathVariable("id") long id,
                                              @PathVariable("photo") long photoId) throws IOException {
        return attachments.download(problems.photo(id, photoId), CacheControl.noCache());
    }

    @Refusal.Back("/{community}/problems/{id}#subscribe")
    @PostMapping("/{id:\\d+}/subscribe")
    String subscribe(@PathVariable("community") String slug, @PathVariable("id") long id,
                     @RequestParam(name = "email", defaultValue = "") String email, HttpServletRequest request,
                     RedirectAttributes redirect) {
        limiter.consume(RateLimiter.EMAIL, "problem-subscribe-" + request.getRemoteAddr());
        boolean confirmed = problems.subscribe(id, email);
        redirect.addFlashAttribute("message", confirmed ? "problem.subscribed" : "problem.subscribeSent");
        return "redirect:/" + slug + "/problems/" + id + "#subscribe";
    }

    @GetMapping("/{id:\\d+}/subscribe/confirm")
    String confirm(@PathVariable("community") String slug, @PathVariable("id") long id,
                   @RequestParam(name = "token", defaultValue = "") String token, RedirectAttributes redirect) {
        long reportId = problems.confirmSubscription(token);
        redirect.addFlashAttribute("message", "problem.subscribed");
        return "redirect:/" + slug + "/problems/" + reportId;
    }

    @GetMapping("/{id:\\d+}/unsubscribe")
    String unsubscribe(@PathVariable("community") String slug, @PathVariable("id") long id,
                       @RequestParam(name = "token", defaultValue = "") String token, RedirectAttributes redirect) {
        long reportId = problems.unsubscribe(token);
        redirect.addFlashAttribute("message", "problem.unsubscribed");
        return "redirect:/" + slug + "/problems/" + reportId;
    }
}
