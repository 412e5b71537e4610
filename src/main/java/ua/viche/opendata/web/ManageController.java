package ua.viche.opendata.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.opendata.domain.Dataset;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.GeneratedDatasets;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * The coordinator's and departments' pages: the dashboard of what is due (overdue first, then
 * by due day), a dataset's form, uploads with the check's report, links, withdrawing and publishing
 * again, loading the Resolution 835 list and refreshing the generated datasets.
 */
@Controller
@RequestMapping("/{community}/opendata/manage")
@Refusal.Back("/{community}/opendata/manage")
class ManageController {

    private final Register register;
    private final GeneratedDatasets generated;
    private final Communities communities;
    private final AccessControl access;
    private final MessageSource messages;

    ManageController(Register register, GeneratedDatasets generated, Communities communities, AccessControl access, MessageSource messages) {
        this.register = register;
        this.generated = generated;
        this.communities = communities;
        this.access = access;
        this.messages = messages;
    }

    /** Model attribute "errorText": a refusal's message with its arguments, in the reader's language (after a redirect back). */
    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        if (model.getAttribute("error") instanceof String key) {
            Object[] args = model.getAttribute("errorArgs") instanceof Object[] a ? a : new Object[0];
            model.addAttribute("errorText", messages.getMessage(key, args, key, locale));
        }
    }

    @GetMapping
    String dashboard(@PathVariable("community") String slug, Model model) {
        List<Register.Entry> mine = register.managedByMe();
        LocalDate today = register.today();
        Comparator<Register.Entry> order = Comparator.comparing((Register.Entry e) -> e.status() == Dataset.Shown.OVERDUE ? 0
                        : e.status() == Dataset.Shown.PLANNED ? 1 : e.status() == Dataset.Shown.PUBLISHED ? 2 : 3)
                .thenComparing(e -> e.dataset().dueDay().orElse(LocalDate.MAX))
                .thenComparing(e -> e.dataset().getTitleUk());
        Map<Dataset.Shown, Long> counts = new TreeMap<>();
        mine.forEach(e -> counts.merge(e.status(), 1L, Long::sum));
        model.addAttribute("rows", mine.stream().sorted(order).toList());
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", Dataset.Shown.values());
        model.addAttribute("today", today);
        model.addAttribute("coordinator", register.isCoordinator());
        return "opendata/manage";
    }

    @PostMapping("/template")
    String template(@PathVariable("community") String slug, RedirectAttributes redirect) {
        int added = register.loadTemplate();
        redirect.addFlashAttribute("message", "opendata.manage.templateLoaded");
        redirect.addFlashAttribute("messageArgs", new Object[] {String.valueOf(added)});
        return "redirect:/" + slug + "/opendata/manage";
    }

    @PostMapping("/refresh")
    String refresh(@PathVariable("community") String slug, RedirectAttributes redirect) {
        access.require(Role.COMMUNITY_ADMIN);
        int changed = generated.refresh();
        redirect.addFlashAttribute("message", "opendata.manage.refreshed");
        redirect.addFlashAttribute("messageArgs", new Object[] {String.valueOf(changed)});
        return "redirect:/" + slug + "/opendata/manage";
    }

    private void formModel(Model model, Register.@Nullable Entry entry) {
        model.addAttribute("entry", entry);
        model.addAttribute("d", entry == null ? null : entry.dataset());
        model.addAttribute("themes", Theme.values());
        model.addAttribute("licences", Licence.values());
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("departments", communities.departments());
        model.addAttribute("coordinator", register.isCoordinator());
    }

    @GetMapping("/new")
    String newForm(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        formModel(model, null);
        return "opendata/form";
    }

    @PostMapping
    @Refusal.Back("/{community}/opendata/manage/new")
    String create(@PathVariable("community") String slug, @ModelAttribute Form form, RedirectAttributes redirect) {
        Dataset d = register.create(form.input());
        redirect.addFlashAttribute("message", "opendata.manage.saved");
        return "redirect:/" + slug + "/opendata/manage/" + d.getName();
    }

    @GetMapping("/{name:[a-z0-9][a-z0-9_-]+}")
    String edit(@PathVariable("community") String slug, @PathVariable("name") String name, Model model) {
        Register.Entry e = register.managed(name);
        formModel(model, e);
        model.addAttribute("versions", e.resources().stream().collect(Collectors.toMap(r -> r.getId(), register::versions)));
        return "opendata/form";
    }

    @PostMapping("/{name:[a-z0-9][a-z0-9_-]+}")
    @Refusal.Back("/{community}/opendata/manage/{name}")
    String update(@PathVariable("community") String slug, @PathVariable("name") String name, @ModelAttribute Form form,
                  RedirectAttributes redirect) {
        register.update(name, form.input());
        redirect.addFlashAttribute("message", "opendata.manage.saved");
        return "redirect:/" + slug + "/opendata/manage/" + name;
    }

    @PostMapping("/{name:[a-z0-9][a-z0-9_-]+}/upload")
    @Refusal.Back("/{community}/opendata/manage/{name}")
    String upload(@PathVariable("community") String slug, @PathVariable("name") String name,
                  @RequestParam(name = "resource", required = false) @Nullable Long resource,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            throw Refusal.field("file", "opendata.error.noFile");
        }
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        Register.Uploaded result = register.upload(name, resource, fileName, file.getBytes());
        if (!result.report().ok()) {
            model.addAttribute("d", register.managed(name).dataset());
            model.addAttribute("fileName", fileName);
            model.addAttribute("problems", result.report().problems().stream()
                    .map(p -> messages.getMessage(p.key(), p.args().toArray(), p.key(), locale)).toList());
            return "opendata/report";
        }
        redirect.addFlashAttribute("message", "opendata.manage.uploaded");
        redirect.addFlashAttribute("messageArgs", new Object[] {String.valueOf(result.version().getNumber()),
                String.valueOf(result.report().rows())});
        return "redirect:/" + slug + "/opendata/manage/" + name;
    }

    @PostMapping("/{name:[a-z0-9][a-z0-9_-]+}/link")
    @Refusal.Back("/{community}/opendata/manage/{name}")
    String link(@PathVariable("community") String slug, @PathVariable("name") String name,
                @RequestParam(name = "linkName", defaultValue = "") String linkName, @RequestParam(name = "url", defaultValue = "") String url,
                RedirectAttributes redirect) {
        register.addLink(name, linkName, url.strip());
        redirect.addFlashAttribute("message", "opendata.manage.saved");
        return "redirect:/" + slug + "/opendata/manage/" + name;
    }

    @PostMapping("/{name:[a-z0-9][a-z0-9_-]+}/withdraw")
    @Refusal.Back("/{community}/opendata/manage/{name}")
    String withdraw(@PathVariable("community") String slug, @PathVariable("name") String name, RedirectAttributes redirect) {
        register.withdraw(name);
        redirect.addFlashAttribute("message", "opendata.manage.withdrawn");
        return "redirect:/" + slug + "/opendata/manage/" + name;
    }

    @PostMapping("/{name:[a-z0-9][a-z0-9_-]+}/publish")
    @Refusal.Back("/{community}/opendata/manage/{name}")
    String publish(@PathVariable("community") String slug, @PathVariable("name") String name, RedirectAttributes redirect) {
        register.publishAgain(name);
        redirect.addFlashAttribute("message", "opendata.manage.published");
        return "redirect:/" + slug + "/opendata/manage/" + name;
    }

    /** The dataset form as posted (a field not sent is empty). */
    record Form(@Nullable String name, @Nullable String titleUk, @Nullable String titleEn, @Nullable String descriptionUk,
                @Nullable String descriptionEn, @Nullable String keywords, @Nullable String theme, @Nullable String legalBasis,
                @Nullable String licence, @Nullable String frequency, @Nullable Long departmentId, @Nullable String contactEmail,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate temporalFrom,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate temporalTo,
                @Nullable String spatial, @Nullable String identifier) {

        private static String text(@Nullable String s) {
            return s == null ? "" : s;
        }

        Register.Input input() {
            Theme t = PortalController.parse(Theme.class, theme);
            Licence l = PortalController.parse(Licence.class, licence == null ? "CC_BY_4_0" : licence);
            Frequency f = PortalController.parse(Frequency.class, frequency);
            if (t == null) {
                throw Refusal.field("theme", "opendata.error.theme");
            }
            if (l == null) {
                throw Refusal.field("licence", "opendata.error.licence");
            }
            if (f == null) {
                throw Refusal.field("frequency", "opendata.error.frequency");
            }
            return new Register.Input(text(name).strip(), text(titleUk), text(titleEn), text(descriptionUk), text(descriptionEn), text(keywords),
                    t, text(legalBasis), l, f, departmentId, contactEmail, temporalFrom, temporalTo, text(spatial), text(identifier));
        }
    }
}
