package ua.viche.petitions.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionAnswering;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/** Moderators' queue (publish, reject, hide) and officials' answers. Every action is audited. */
@Refusal.Back({"/{community}/petitions/{ref}", "/{community}/petitions"})
@Controller
@RequestMapping("/{community}/petitions")
class PetitionAdminController {

    private final PetitionService petitions;
    private final PetitionModeration moderation;
    private final PetitionAnswering answering;
    private final AccessControl access;
    private final Clock clock;

    PetitionAdminController(PetitionService petitions, PetitionModeration moderation, PetitionAnswering answering,
                            AccessControl access, Clock clock) {
        this.petitions = petitions;
        this.moderation = moderation;
        this.answering = answering;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/moderation")
    String queue(@PathVariable("community") String slug, Model model) {
        Instant now = Instant.now(clock);
        boolean moderator = access.currentUserHas(Role.MODERATOR);
        model.addAttribute("isModerator", moderator);
        model.addAttribute("queue", moderator ? moderation.moderationQueue().stream().map(p -> PetitionView.of(p, now, slug)).toList()
                : List.of());
        model.addAttribute("reports", moderator ? moderation.reports() : List.of());
        model.addAttribute("consideration", answering.considerationQueue().stream().map(p -> PetitionView.of(p, now, slug)).toList());
        return "petitions/moderation";
    }

    @PostMapping("/" + PetitionController.REF + "/publish")
    String publish(@PathVariable("community") String slug, @PathVariable("ref") String ref, RedirectAttributes redirect) {
        Petition p = moderation.publish(PetitionRefs.id(ref));
        redirect.addFlashAttribute("message", "petition.published");
        return "redirect:" + PetitionService.url(p);
    }

    @PostMapping("/" + PetitionController.REF + "/reject")
    String reject(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        Petition p = moderation.reject(PetitionRefs.id(ref), reason);
        redirect.addFlashAttribute("message", "petition.rejectedMessage");
        return "redirect:" + PetitionService.url(p);
    }

    @PostMapping("/" + PetitionController.REF + "/hide")
    String hide(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        Petition p = moderation.hide(PetitionRefs.id(ref), reason);
        redirect.addFlashAttribute("message", "petition.hiddenMessage");
        return "redirect:" + PetitionService.url(p);
    }

    @GetMapping("/" + PetitionController.REF + "/answer")
    String answerForm(@PathVariable("community") String slug, @PathVariable("ref") String ref, Model model) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Petition p = petitions.visible(PetitionRefs.id(ref));
        model.addAttribute("petition", PetitionView.of(p, Instant.now(clock), slug));
        model.addAttribute("form", new AnswerForm());
        model.addAttribute("outcomes", Petition.Outcome.values());
        return "petitions/answer";
    }

    @PostMapping("/" + PetitionController.REF + "/answer")
    String answer(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                  @Valid @ModelAttribute("form") AnswerForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        long id = PetitionRefs.id(ref);
        if (!errors.hasErrors()) {
            try {
                Petition p = answering.answer(id, form.getOutcome(), form.getText(), form.getDocumentUrl());
                redirect.addFlashAttribute("message", "petition.answeredMessage");
                return "redirect:" + PetitionService.url(p);
            } catch (Refusal e) {
                e.rejectInto(errors); // the form again with what was typed (decision 0033), e.g. answered meanwhile
            }
        }
        model.addAttribute("petition", PetitionView.of(petitions.visible(id), Instant.now(clock), slug));
        model.addAttribute("outcomes", Petition.Outcome.values());
        return "petitions/answer";
    }
}
