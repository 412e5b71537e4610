package ua.viche.appeals.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.Refusal;
import ua.viche.appeals.domain.AppealFigures;
import ua.viche.appeals.domain.AppealService;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Role;

/** Community admins keep the appeal categories and the department each one is routed to. */
@Refusal.Back("/{community}/admin/appeals/categories")
@Controller
@RequestMapping("/{community}/admin/appeals/categories")
class AppealCategoryAdminController {

    private final AppealService appeals;
    private final AppealFigures figures;
    private final AccessControl access;

    AppealCategoryAdminController(AppealService appeals, AppealFigures figures, AccessControl access) {
        this.appeals = appeals;
        this.figures = figures;
        this.access = access;
    }

    @GetMapping
    String list(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("categories", appeals.categories());
        model.addAttribute("departments", figures.departments());
        return "appeals/categories";
    }

    @PostMapping
    String save(@PathVariable("community") String slug, @RequestParam(name = "id", required = false) @Nullable Long id,
                @RequestParam(name = "code", defaultValue = "") String code,
                @RequestParam(name = "nameUk", defaultValue = "") String nameUk,
                @RequestParam(name = "nameEn", defaultValue = "") String nameEn,
                @RequestParam(name = "department", required = false) @Nullable Long department,
                @RequestParam(name = "position", defaultValue = "0") int position,
                @RequestParam(name = "active", defaultValue = "false") boolean active, RedirectAttributes redirect) {
        appeals.saveCategory(id, code.strip(), nameUk, nameEn, department, position, id == null || active);
        redirect.addFlashAttribute("message", "appeal.categories.saved");
        return "redirect:/" + slug + "/admin/appeals/categories";
    }
}
