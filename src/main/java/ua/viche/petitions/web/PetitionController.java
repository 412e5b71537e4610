package ua.viche.petitions.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
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
import ua.viche.identity.Participation;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionList;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.petitions.domain.PetitionSigning;
import ua.viche.petitions.domain.Signature;
import ua.viche.platform.AccessControl;
import ua.viche.platform.ActionOutcome;
import ua.viche.platform.Attachments;
import ua.viche.platform.FileStore;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/** The residents' petition pages: lists, a petition, drafting, signing, withdrawing, reporting. */
@Refusal.Back({"/{community}/petitions/{ref}", "/{community}/petitions"})
@Controller
@RequestMapping("/{community}/petitions")
class PetitionController {

    static final String REF = "{ref:\\d+(?:-[a-z0-9-]*)?}";
    static final int PAGE = 20;

    private final PetitionService petitions;
    private final PetitionDrafting drafting;
    private final PetitionSigning signing;
    private final AccessControl access;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Attachments attachments;

    PetitionController(PetitionService petitions, PetitionDrafting drafting, PetitionSigning signing, AccessControl access,
                       RateLimiter limiter, Clock clock, Attachments attachments) {
        this.attachments = attachments;
        this.petitions = petitions;
        this.drafting = drafting;
        this.signing = signing;
        this.access = access;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GetMapping
    String list(@PathVariable("community") String slug, @RequestParam(name = "list", defaultValue = "active") String list,
                @RequestParam(name = "sort", defaultValue = "signatures") String sort,
                @RequestParam(name = "year", defaultValue = "0") int year,
                @RequestParam(name = "q", defaultValue = "") String q,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        PetitionList which = PetitionList.parse(list);
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        Page<Petition> found = query.isBlank() ? petitions.list(which, sort, year, page, PAGE) : petitions.search(query, page, PAGE);
        Instant now = Instant.now(clock);
        model.addAttribute("petitions", found.map(p -> PetitionView.of(p, now, slug)));
        model.addAttribute("list", which.name().toLowerCase());
        model.addAttribute("sort", sort);
        model.addAttribute("year", year);
        model.addAttribute("q", query);
        model.addAttribute("years", IntStream.rangeClosed(2020, LocalDate.now(clock).getYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("isModerator", access.currentUserHas(Role.MODERATOR) || access.currentUserHas(Role.OFFICIAL));
        return "petitions/list";
    }

    @GetMapping("/new")
    String newForm(@PathVariable("community") String slug, Model model) {
        AccessControl.requireUser();
        model.addAttribute("eligibility", drafting.drafting());
        model.addAttribute("form", new PetitionForm());
        model.addAttribute("author", drafting.currentAuthor().orElse(null));
        return "petitions/form";
    }

    @PostMapping
    String create(@PathVariable("community") String slug, @Valid @ModelAttribute("form") PetitionForm form, BindingResult errors,
                  @RequestParam(name = "action", defaultValue = "draft") String action,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  Model model, RedirectAttributes redirect) throws IOException {
        AccessControl.requireUser();
        Participation.Answer eligibility = drafting.drafting();
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("author", drafting.currentAuthor().orElse(null));
        if (errors.hasErrors() || !eligibility.allowed()) {
            return "petitions/form";
        }
        limiter.consume(RateLimiter.SUBMIT, "account-" + AccessControl.requireUser().accountId());
        Petition p;
        try {
            p = drafting.draft(form.getTitle(), form.getText(), FileStore.uploads(files), "submit".equals(action));
        } catch (Refusal e) {
            return refused(e, errors, model);
        }
        redirect.addFlashAttribute("message", "submit".equals(action) ? "petition.submitted" : "petition.draftSaved");
        return "redirect:" + PetitionService.url(p);
    }

    @GetMapping("/" + REF + "/edit")
    String editForm(@PathVariable("community") String slug, @PathVariable("ref") String ref, Model model) {
        Petition p = drafting.editableDraft(PetitionRefs.id(ref));
        PetitionForm form = new PetitionForm();
        form.setTitle(p.getTitle());
        form.setText(p.getText());
        model.addAttribute("form", form);
        model.addAttribute("petitionId", p.getId());
        model.addAttribute("eligibility", drafting.drafting());
        model.addAttribute("author", drafting.currentAuthor().orElse(null));
        return "petitions/form";
    }

    @PostMapping("/" + REF + "/edit")
    String edit(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                @Valid @ModelAttribute("form") PetitionForm form, BindingResult errors,
                @RequestParam(name = "action", defaultValue = "draft") String action,
                @RequestParam(name = "files", required = false) List<MultipartFile> files,
                Model model, RedirectAttributes redirect) throws IOException {
        long id = PetitionRefs.id(ref);
        model.addAttribute("petitionId", id);
        model.addAttribute("eligibility", drafting.drafting());
        model.addAttribute("author", drafting.currentAuthor().orElse(null));
        if (errors.hasErrors()) {
            return "petitions/form";
        }
        Petition p;
        try {
            p = drafting.edit(id, form.getTitle(), form.getText(), FileStore.uploads(files), "submit".equals(action));
        } catch (Refusal e) {
            return refused(e, errors, model);
        }
        redirect.addFlashAttribute("message", "submit".equals(action) ? "petition.submitted" : "petition.draftSaved");
        return "redirect:" + PetitionService.url(p);
    }

    /**
     * The draft form again, in the same response, with what was typed (decision 0033): a file's
     * reason by the files, any other (no longer a draft, drafting no longer allowed) at its head.
     */
    private static String refused(Refusal e, BindingResult errors, Model model) {
        if (e.messageKey().startsWith("petition.error.file") || e.messageKey().equals("petition.error.tooManyFiles")) {
            model.addAttribute("filesError", e.messageKey());
        } else {
            e.rejectInto(errors);
        }
        return "petitions/form";
    }

    @GetMapping("/" + REF)
    String show(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                @RequestParam(name = "done", required = false) @Nullable String done, Model model) {
        PetitionService.PetitionPage page = petitions.page(PetitionRefs.id(ref), 50);
        Petition p = page.petition();
        if (!ref.equals(p.slug())) {
            return "redirect:" + PetitionService.url(p);
        }
        Instant now = Instant.now(clock);
        model.addAttribute("petition", PetitionView.of(p, now, slug));
        model.addAttribute("signers", page.signers().map(PetitionController::signer));
        model.addAttribute("attachments", page.attachments());
        model.addAttribute("signed", page.signed());
        model.addAttribute("signing", page.signing());
        SIGNING.show(model, done, page.signed());
        model.addAttribute("isAuthor", AccessControl.currentUser().map(u -> p.getAuthorAccountId() != null
                && p.getAuthorAccountId() == u.accountId()).orElse(false));
        model.addAttribute("isModerator", access.currentUserHas(Role.MODERATOR));
        model.addAttribute("isOfficial", access.currentUserHas(Role.OFFICIAL) || access.currentUserHas(Role.COMMUNITY_ADMIN));
        // a refused reason (reject, hide, report) comes back into the form it was typed in, named by the form's marker
        return "petitions/show";
    }

    @GetMapping("/" + REF + "/attachments/{attachment:\\d+}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                                                   @PathVariable("attachment") long attachmentId) throws IOException {
        return attachments.download(petitions.attachment(PetitionRefs.id(ref), attachmentId),
                CacheControl.noCache());
    }


    @GetMapping("/" + REF + "/signatures")
    String signers(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                   @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Petition p = petitions.visible(PetitionRefs.id(ref));
        model.addAttribute("petition", PetitionView.of(p, Instant.now(clock), slug));
        model.addAttribute("signers", petitions.signatures(p.getId(), page, 100).map(PetitionController::signer));
        return "petitions/signatures";
    }

    @PostMapping("/" + REF + "/sign")
    void sign(@PathVariable("community") String slug, @PathVariable("ref") String ref,
              @RequestParam(name = "notify", defaultValue = "false") boolean notify, HttpServletResponse response) throws IOException {
        limiter.consume(RateLimiter.SIGN, "account-" + AccessControl.requireUser().accountId());
        boolean added = signing.sign(PetitionRefs.id(ref), notify);
        backToSigning(response, slug, ref, added ? "signed" : "alreadySigned");
    }

    @PostMapping("/" + REF + "/withdraw")
    void withdraw(@PathVariable("community") String slug, @PathVariable("ref") String ref, HttpServletResponse response)
            throws IOException {
        AccessControl.requireUser();
        boolean removed = signing.withdraw(PetitionRefs.id(ref));
        backToSigning(response, slug, ref, removed ? "withdrawn" : "notSigned");
    }

    /** Signing and withdrawing say their outcome through the address, not the session (decision 0023). */
    private static final ActionOutcome SIGNING = new ActionOutcome("petition.", Set.of("signed", "alreadySigned"),
            Set.of("withdrawn", "notSigned"));

    private static void backToSigning(HttpServletResponse response, String slug, String ref, String done) throws IOException {
        SIGNING.redirect(response, "/" + slug + "/petitions/" + ref, done, "sign");
    }

    @PostMapping("/" + REF + "/report")
    String report(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        AccessControl.requireUser();
        petitions.report(PetitionRefs.id(ref), reason);
        redirect.addFlashAttribute("message", "petition.reported");
        return "redirect:/" + slug + "/petitions/" + ref;
    }

    /** A signature as the public sees it. */
    static SignerView signer(Signature s) {
        return new SignerView(s.getSignerName(), s.getSignedAt(), s.isDeclaredResidency());
    }

    /** A signer as shown publicly: name, date, and whether their residency was declared rather than verified. */
    record SignerView(String name, Instant signedAt, boolean declaredResidency) {}
}
