package ua.viche.appeals.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
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
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealRegistration;
import ua.viche.appeals.domain.AppealService;
import ua.viche.appeals.domain.AppealWork;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;

/** The officials' side: the work queue, hotline registration, and the actions on one appeal. */
@Refusal.Back({"/{community}/appeals/{id}", "/{community}/appeals"})
@Controller
@RequestMapping("/{community}/appeals/office")
class AppealOfficeController {

    private static final int PAGE = 25;

    private final AppealService appeals;
    private final AppealRegistration registration;
    private final AppealWork work;
    private final AppealController pages;

    AppealOfficeController(AppealService appeals, AppealRegistration registration, AppealWork work, AppealController pages) {
        this.appeals = appeals;
        this.registration = registration;
        this.work = work;
        this.pages = pages;
    }

    @GetMapping
    String queue(@PathVariable("community") String slug, @RequestParam(name = "queue", defaultValue = "open") String queue,
                 @RequestParam(name = "department", required = false) @Nullable Long department,
                 @RequestParam(name = "q", defaultValue = "") String q,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        AppealWork.Queue which = parse(queue);
        String words = q.length() > 100 ? q.substring(0, 100) : q;
        model.addAttribute("q", words);
        model.addAttribute("queue", which.name().toLowerCase());
        model.addAttribute("department", department);
        model.addAttribute("appeals", work.queue(which, department, words, page, PAGE));
        model.addAttribute("counts", work.queueCounts());
        model.addAttribute("queues", AppealWork.Queue.values());
        model.addAttribute("categories", appeals.categoriesById());
        model.addAttribute("today", appeals.today());
        model.addAttribute("soonDays", appeals.reminderDays());
        model.addAttribute("canCall", appeals.canRegisterCalls());
        return "appeals/office";
    }

    @GetMapping("/call")
    String callForm(@PathVariable("community") String slug, Model model) {
        requireOperator();
        AppealForm form = new AppealForm();
        form.setKind(Appeal.Kind.APPLICATION);
        return pages.form(model, form, true);
    }

    @PostMapping("/call")
    String registerCall(@PathVariable("community") String slug, @Valid @ModelAttribute("form") AppealForm form,
                        BindingResult errors, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                        Model model, RedirectAttributes redirect) throws IOException {
        requireOperator();
        if (form.getName().isBlank()) {
            errors.rejectValue("name", "validation.required");
        }
        if (form.getEmail().isBlank() && form.getPhone().isBlank()) {
            errors.rejectValue("phone", "appeal.field.contact.required");
        }
        if (errors.hasErrors()) {
            return pages.form(model, form, true);
        }
        Appeal a;
        try {
            a = registration.registerCall(form.request(), form.getName(), form.getEmail().isBlank() ? null : form.getEmail().strip(),
                    FileStore.uploads(uploads));
        } catch (Refusal e) {
            model.addAttribute("formError", e.messageKey());
            return pages.form(model, form, true);
        }
        redirect.addFlashAttribute("message", "appeal.callRegistered");
        return "redirect:" + AppealService.url(a);
    }

    @PostMapping("/{id:\\d+}/assign")
    String assign(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "executor", defaultValue = "0") long executor, RedirectAttributes redirect) {
        return done(work.assign(id, executor), "appeal.done.assigned", redirect);
    }

    @PostMapping("/{id:\\d+}/route")
    String route(@PathVariable("community") String slug, @PathVariable("id") long id,
                 @RequestParam(name = "category", required = false) @Nullable Long category,
                 @RequestParam(name = "department", required = false) @Nullable Long department, RedirectAttributes redirect) {
        return done(work.route(id, category, department), "appeal.done.routed", redirect);
    }

    @PostMapping("/{id:\\d+}/note")
    String note(@PathVariable("community") String slug, @PathVariable("id") long id,
                @RequestParam(name = "text", defaultValue = "") String text, RedirectAttributes redirect) {
        return done(work.note(id, text), "appeal.done.noted", redirect);
    }

    @PostMapping("/{id:\\d+}/urgent")
    String urgent(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        return done(work.markUrgent(id), "appeal.done.urgent", redirect);
    }

    @PostMapping("/{id:\\d+}/extend")
    String extend(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "due", defaultValue = "") String due,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(due);
        } catch (DateTimeParseException e) {
            throw Refusal.of("appeal.error.date");
        }
        return done(work.extend(id, day, reason), "appeal.done.extended", redirect);
    }

    @PostMapping("/{id:\\d+}/answer")
    String answer(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "text", defaultValue = "") String text,
                  @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                  RedirectAttributes redirect) throws IOException {
        return done(work.answer(id, text, FileStore.uploads(uploads)), "appeal.done.answered", redirect);
    }

    @PostMapping("/{id:\\d+}/return")
    String returnToApplicant(@PathVariable("community") String slug, @PathVariable("id") long id,
                             @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        return done(work.returnToApplicant(id, reason), "appeal.done.returned", redirect);
    }

    @PostMapping("/{id:\\d+}/close")
    String close(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        return done(work.close(id), "appeal.done.closed", redirect);
    }

    private static String done(Appeal a, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        return "redirect:" + AppealService.url(a);
    }

    private void requireOperator() {
        if (!appeals.canRegisterCalls()) {
            throw new AccessDeniedException("role required");
        }
    }

    private static AppealWork.Queue parse(String queue) {
        try {
            return AppealWork.Queue.valueOf(queue.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return AppealWork.Queue.OPEN;
        }
    }
}
