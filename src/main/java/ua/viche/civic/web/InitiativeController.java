package ua.viche.civic.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.civic.CivicOrganisations;
import ua.viche.civic.domain.Initiative;
import ua.viche.civic.domain.InitiativeStage;
import ua.viche.civic.domain.Initiatives;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Refusal;

/**
 * Civic initiatives: the public list by stage, an initiative's page with its supporters and
 * progress, the proposal form; staff publish, refuse and mark progress on the same pages.
 */
@Controller
class InitiativeController {

    private final Initiatives initiatives;
    private final CivicOrganisations organisations;
    private final MessageSource messages;

    InitiativeController(Initiatives initiatives, CivicOrganisations organisations, MessageSource messages) {
        this.initiatives = initiatives;
        this.organisations = organisations;
        this.messages = messages;
    }

    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        CivicForms.describe(model, messages, locale);
    }

    /** The stage filter of the list and the API; an unknown stage is bad input. */
    static @Nullable InitiativeStage stage(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        InitiativeStage s = CivicForms.choice(InitiativeStage.class, text);
        if (s == null) {
            throw Refusal.badInput("civic.initiative.error.stage");
        }
        return s;
    }

    @GetMapping("/{community}/initiatives")
    String list(@PathVariable("community") String slug, @RequestParam(name = "stage", required = false) @Nullable String stage,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        InitiativeStage chosen = stage(stage);
        Page<Initiative> items = initiatives.published(chosen, page, 20);
        boolean staff = initiatives.isStaff();
        model.addAttribute("items", items);
        model.addAttribute("supporters", initiatives.supporters(items.getContent()));
        model.addAttribute("stages", InitiativeStage.values());
        model.addAttribute("stage", chosen);
        model.addAttribute("isStaff", staff);
        model.addAttribute("pending", staff ? initiatives.pending() : List.of());
        model.addAttribute("mine", initiatives.mine());
        return "civic/initiatives";
    }

    @GetMapping("/{community}/initiatives/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable("community") String slug) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"initiatives.csv\"")
                .body(initiatives.csv().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{community}/initiatives/new")
    String form(@PathVariable("community") String slug, Model model) {
        AccessControl.requireUser();
        model.addAttribute("eligibility", initiatives.eligibility());
        model.addAttribute("acting", organisations.actingForMe());
        return "civic/initiative-form";
    }

    @PostMapping("/{community}/initiatives")
    @Refusal.Back("/{community}/initiatives/new")
    String propose(@PathVariable("community") String slug, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Initiative i = initiatives.propose(new Initiatives.Proposal(form.getOrDefault("title", ""), form.get("titleEn"), form.getOrDefault("body", ""),
                CivicForms.number(form, "organisationId")));
        redirect.addFlashAttribute("message", "civic.initiative.proposed");
        return "redirect:" + i.url(slug);
    }

    @GetMapping("/{community}/initiatives/{id:\\d+}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Initiative i = initiatives.visible(id);
        model.addAttribute("item", i);
        model.addAttribute("supporters", initiatives.supporters(id));
        model.addAttribute("supported", initiatives.supportedByMe(id));
        model.addAttribute("signedIn", AccessControl.currentUser().isPresent());
        model.addAttribute("notes", initiatives.notes(id));
        model.addAttribute("isStaff", initiatives.isStaff());
        model.addAttribute("stages", InitiativeStage.values());
        return "civic/initiative";
    }

    @PostMapping("/{community}/initiatives/{id:\\d+}/support")
    @Refusal.Back("/{community}/initiatives/{id}")
    String support(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        initiatives.support(id);
        redirect.addFlashAttribute("message", "civic.initiative.supportedDone");
        return "redirect:/" + slug + "/initiatives/" + id;
    }

    @PostMapping("/{community}/initiatives/{id:\\d+}/withdraw")
    @Refusal.Back("/{community}/initiatives/{id}")
    String withdraw(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        initiatives.withdraw(id);
        redirect.addFlashAttribute("message", "civic.initiative.withdrawnDone");
        return "redirect:/" + slug + "/initiatives/" + id;
    }

    private void requireStaff() {
        if (!initiatives.isStaff()) {
            AccessControl.requireUser();
            throw new AccessDeniedException("initiatives staff only");
        }
    }

    @PostMapping("/{community}/initiatives/{id:\\d+}/publish")
    @Refusal.Back("/{community}/initiatives/{id}")
    String publish(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        requireStaff();
        initiatives.publish(id);
        redirect.addFlashAttribute("message", "civic.initiative.publishedDone");
        return "redirect:/" + slug + "/initiatives/" + id;
    }

    @PostMapping("/{community}/initiatives/{id:\\d+}/refuse")
    @Refusal.Back("/{community}/initiatives/{id}")
    String refuse(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        requireStaff();
        initiatives.refuse(id, reason);
        redirect.addFlashAttribute("message", "civic.initiative.refusedDone");
        return "redirect:/" + slug + "/initiatives/" + id;
    }

    @PostMapping("/{community}/initiatives/{id:\\d+}/progress")
    @Refusal.Back("/{community}/initiatives/{id}")
    String progress(@PathVariable("community") String slug, @PathVariable("id") long id, @RequestParam Map<String, String> form,
                    RedirectAttributes redirect) {
        requireStaff();
        initiatives.progress(id, CivicForms.choice(InitiativeStage.class, form.get("stage")), CivicForms.day(form, "notedOn"),
                form.getOrDefault("note", ""), form.get("result"));
        redirect.addFlashAttribute("message", "civic.initiative.progressDone");
        return "redirect:/" + slug + "/initiatives/" + id + "#progress";
    }
}
