package ua.viche.platform.community;

import jakarta.validation.Valid;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/** The platform administrator creates communities; they are served at once, without a restart. */
@Controller
@RequestMapping("/admin/communities")
class PlatformAdminController {

    private final Communities communities;
    private final CommunityCreation creation;

    PlatformAdminController(Communities communities, CommunityCreation creation) {
        this.communities = communities;
        this.creation = creation;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("communities", communities.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CommunityForm());
        }
        model.addAttribute("kinds", Community.Kind.values());
        return "platform/admin-communities";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CommunityForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("slug")) {
            String problem = Communities.slugProblem(form.getSlug());
            if (problem != null) {
                errors.rejectValue("slug", problem);
            } else if (communities.slugTaken(form.getSlug())) {
                errors.rejectValue("slug", "community.slug.taken");
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("communities", communities.all());
            model.addAttribute("kinds", Community.Kind.values());
            return "platform/admin-communities";
        }
        Community created = creation.create(form);
        redirect.addFlashAttribute("created", created.slug());
        return "redirect:/admin/communities";
    }

    /** Creation and its audit entry in one transaction. */
    @Component
    static class CommunityCreation {
        private final Communities communities;
        private final AuditLog audit;

        CommunityCreation(Communities communities, AuditLog audit) {
            this.communities = communities;
            this.audit = audit;
        }

        @Transactional
        public Community create(CommunityForm form) {
            Community created = communities.create(form);
            CurrentCommunity.runAs(created, () -> audit.record("community.created", "community", created.id(), created.slug()));
            return created;
        }
    }
}
