package ua.viche.budget.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.BudgetVoting;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.CycleAdministration;
import ua.viche.budget.results.Method;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/** Community admins run cycles (create, publish results); CNAP staff register paper ballots. */
@Refusal.Back("/{community}/admin/budget")
@Controller
class BudgetAdminController {

    private final BudgetService budget;
    private final CycleAdministration administration;
    private final BudgetVoting voting;
    private final AccessControl access;

    BudgetAdminController(BudgetService budget, CycleAdministration administration, BudgetVoting voting, AccessControl access) {
        this.budget = budget;
        this.administration = administration;
        this.voting = voting;
        this.access = access;
    }

    @GetMapping("/{community}/admin/budget")
    String admin(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("cycles", budget.cycles());
        model.addAttribute("today", budget.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CycleForm());
        }
        model.addAttribute("methods", Method.values());
        return "budget/admin";
    }

    @PostMapping("/{community}/admin/budget")
    String create(@PathVariable("community") String slug, @ModelAttribute("form") CycleForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        access.require(Role.COMMUNITY_ADMIN);
        if (errors.hasErrors()) {
            model.addAttribute("formError", "budget.error.form");
            return admin(slug, model);
        }
        Cycle cycle;
        try {
            cycle = administration.createCycle(form.rules(), form.categories());
        } catch (Refusal e) {
            model.addAttribute("formError", e.messageKey());
            return admin(slug, model);
        }
        redirect.addFlashAttribute("message", "budget.cycle.created");
        return "redirect:/" + slug + "/budget/cycles/" + cycle.getId();
    }

    @PostMapping("/{community}/admin/budget/{id:\\d+}/results")
    String publish(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        administration.publishResults(id);
        redirect.addFlashAttribute("message", "budget.results.published");
        return "redirect:/" + slug + "/budget/cycles/" + id + "/results";
    }

    @GetMapping("/{community}/budget/cycles/{id:\\d+}/paper")
    @Refusal.Back({"/{community}/budget/cycles/{id}/paper", "/{community}/budget/cycles/{id}"})
    String paperForm(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        access.require(Role.CNAP_ADMINISTRATOR, Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Cycle cycle = budget.cycle(id);
        model.addAttribute("cycle", cycle);
        model.addAttribute("phase", cycle.phase(budget.today()).name());
        model.addAttribute("categories", budget.categories(id));
        model.addAttribute("projects", budget.projects(id).stream().filter(p -> p.votable()).toList());
        return "budget/paper";
    }

    @PostMapping("/{community}/budget/cycles/{id:\\d+}/paper")
    @Refusal.Back({"/{community}/budget/cycles/{id}/paper", "/{community}/budget/cycles/{id}"})
    String paper(@PathVariable("community") String slug, @PathVariable("id") long id,
                 @RequestParam(name = "taxNumber", defaultValue = "") String taxNumber,
                 @RequestParam(name = "lastName", defaultValue = "") String lastName,
                 @RequestParam(name = "givenName", defaultValue = "") String givenName,
                 @RequestParam(name = "middleName", defaultValue = "") String middleName,
                 @RequestParam(name = "residenceSeen", defaultValue = "false") boolean residenceSeen,
                 @RequestParam(name = "project", required = false) List<Long> projects, RedirectAttributes redirect) {
        List<Long> added = voting.paperVote(id, taxNumber, lastName, givenName, middleName, residenceSeen, projects == null ? List.of() : projects);
        redirect.addFlashAttribute("message", "budget.paper.registered");
        redirect.addFlashAttribute("registered", added.size());
        return "redirect:/" + slug + "/budget/cycles/" + id + "/paper";
    }
}
