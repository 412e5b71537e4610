package ua.viche.problems.web;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.Department;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.problems.domain.Open311Keys;
import ua.viche.problems.domain.ProblemService;

/** The community admin's page: problem categories (routing to departments) and Open311 API keys. */
@Controller
@RequestMapping("/{community}/admin/problems")
class ProblemAdminController {

    private final ProblemService problems;
    private final Open311Keys keys;
    private final AccessControl access;
    private final Communities communities;

    ProblemAdminController(ProblemService problems, Open311Keys keys, AccessControl access, Communities communities) {
        this.problems = problems;
        this.keys = keys;
        this.access = access;
        this.communities = communities;
    }

    @GetMapping
    String page(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("categories", problems.categories());
        model.addAttribute("departments", communities.departments());
        model.addAttribute("departmentsById", communities.departments().stream()
                .collect(Collectors.toMap(Department::id, d -> d)));
        model.addAttribute("clients", keys.clients());
        return "problems/admin";
    }

    @PostMapping("/categories")
    @Refusal.Back("/{community}/admin/problems")
    String saveCategory(@PathVariable("community") String slug, @RequestParam(name = "code", defaultValue = "") String code,
                        @RequestParam(name = "nameUk", defaultValue = "") String nameUk,
                        @RequestParam(name = "nameEn", defaultValue = "") String nameEn,
                        @RequestParam(name = "departmentId", required = false) @Nullable Long departmentId,
                        @RequestParam(name = "active", defaultValue = "false") boolean active, RedirectAttributes redirect) {
        problems.saveCategory(code.strip(), nameUk, nameEn, departmentId, active);
        redirect.addFlashAttribute("message", "problem.admin.categorySaved");
        return "redirect:/" + slug + "/admin/problems";
    }

    @PostMapping("/keys")
    @Refusal.Back("/{community}/admin/problems#keys")
    String issue(@PathVariable("community") String slug, @RequestParam(name = "name", defaultValue = "") String name,
                 RedirectAttributes redirect) {
        Open311Keys.Issued issued = keys.issue(name);
        redirect.addFlashAttribute("issuedKey", issued.key());
        redirect.addFlashAttribute("issuedName", issued.client().getName());
        return "redirect:/" + slug + "/admin/problems#keys";
    }

    @PostMapping("/keys/{id:\\d+}/revoke")
    String revoke(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        keys.revoke(id);
        redirect.addFlashAttribute("message", "problem.admin.keyRevoked");
        return "redirect:/" + slug + "/admin/problems#keys";
    }
}
