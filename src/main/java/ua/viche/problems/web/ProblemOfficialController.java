package ua.viche.problems.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.platform.Refusal;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemStatus;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.Role;

/** Officials: the work list by department and state, and public status changes with a comment. */
@Controller
@RequestMapping("/{community}/problems")
class ProblemOfficialController {

    private final ProblemService problems;
    private final AccessControl access;
    private final Communities communities;

    ProblemOfficialController(ProblemService problems, AccessControl access, Communities communities) {
        this.problems = problems;
        this.access = access;
        this.communities = communities;
    }

    @GetMapping("/work")
    String work(@PathVariable("community") String slug, @RequestParam(name = "department", required = false) @Nullable Long department,
                @RequestParam(name = "status", defaultValue = "open") String status,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        List<ProblemCategory> categories = problems.categories();
        Map<Long, ProblemCategory> byId = ProblemView.byId(categories);
        model.addAttribute("reports", problems.list(ProblemController.statuses(status), 0, department, page, 50)
                .map(r -> ProblemView.of(r, byId.get(r.getCategoryId()), slug)));
        model.addAttribute("departments", communities.departments());
        model.addAttribute("department", department);
        model.addAttribute("status", status);
        return "problems/work";
    }

    @PostMapping("/{id:\\d+}/status")
    @Refusal.Back("/{community}/problems/{id}")
    String move(@PathVariable("community") String slug, @PathVariable("id") long id,
                @RequestParam(name = "status") ProblemStatus status,
                @RequestParam(name = "comment", defaultValue = "") String comment,
                @RequestParam(name = "duplicateOf", required = false) @Nullable Long duplicateOf, RedirectAttributes redirect) {
        problems.move(id, status, comment, duplicateOf);
        redirect.addFlashAttribute("message", "problem.updated");
        return "redirect:/" + slug + "/problems/" + id;
    }
}
