package ua.viche.identity.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import ua.viche.platform.Refusal;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.ResidencyService;
import ua.viche.identity.domain.RoleGrant;
import ua.viche.identity.domain.RoleService;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;

/** The community administrator grants and revokes roles, uploads the census list and keeps the list of settlements. */
@Controller
@RequestMapping("/{community}/admin")
class CommunityIdentityAdminController {

    private final RoleService roles;
    private final AccountService accounts;
    private final ResidencyService residency;
    private final Communities communities;

    CommunityIdentityAdminController(RoleService roles, AccountService accounts, ResidencyService residency,
                                     Communities communities) {
        this.roles = roles;
        this.accounts = accounts;
        this.residency = residency;
        this.communities = communities;
    }

    @GetMapping("/roles")
    String roles(@PathVariable("community") String slug, Model model, Locale locale) {
        roles.require(Role.COMMUNITY_ADMIN);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Forms.Grant());
        }
        fillRoles(model, locale);
        return "identity/admin-roles";
    }

    @PostMapping("/roles")
    String grant(@PathVariable("community") String slug, @Valid @ModelAttribute("form") Forms.Grant form,
                 BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
        SignedInUser admin = roles.require(Role.COMMUNITY_ADMIN);
        Role role = parseRole(form.getRole());
        if (role == null) {
            errors.rejectValue("role", "validation.required");
        }
        Long departmentId = null;
        if (!form.getDepartmentId().isBlank()) {
            try {
                departmentId = Long.parseLong(form.getDepartmentId());
                if (communities.department(departmentId).isEmpty()) {
                    errors.rejectValue("departmentId", "roles.department.unknown");
                }
            } catch (NumberFormatException e) {
                errors.rejectValue("departmentId", "roles.department.unknown");
            }
        }
        Account account = errors.hasFieldErrors("email") ? null : accounts.findByEmail(form.getEmail()).orElse(null);
        if (account == null && !errors.hasFieldErrors("email")) {
            errors.rejectValue("email", "roles.account.unknown");
        }
        if (errors.hasErrors()) {
            fillRoles(model, locale);
            return "identity/admin-roles";
        }
        boolean granted = roles.grant(account.getId(), role, departmentId, admin.accountId());
        redirect.addFlashAttribute(granted ? "granted" : "alreadyGranted", account.getEmail());
        return "redirect:/" + CurrentCommunity.require().slug() + "/admin/roles";
    }

    @PostMapping("/roles/{grant}/revoke")
    String revoke(@PathVariable("community") String slug, @PathVariable("grant") long grantId,
                  RedirectAttributes redirect) {
        roles.require(Role.COMMUNITY_ADMIN);
        roles.revoke(grantId);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/" + CurrentCommunity.require().slug() + "/admin/roles";
    }

    @GetMapping("/census")
    String census(@PathVariable("community") String slug, Model model) {
        roles.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("size", residency.censusSize());
        return "identity/admin-census";
    }

    @PostMapping("/census")
    String uploadCensus(@PathVariable("community") String slug, @RequestParam(name = "file", required = false) MultipartFile file,
                        Model model, RedirectAttributes redirect) throws IOException {
        roles.require(Role.COMMUNITY_ADMIN);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "census.file.required");
            model.addAttribute("size", residency.censusSize());
            return "identity/admin-census";
        }
        ResidencyService.CensusResult result = residency.replaceCensus(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
        if (!result.badLines().isEmpty()) {
            model.addAttribute("fileError", "census.file.badLines");
            model.addAttribute("badLines", result.badLines().stream().limit(20).map(String::valueOf).toList());
            model.addAttribute("size", residency.censusSize());
            return "identity/admin-census";
        }
        redirect.addFlashAttribute("stored", result.stored());
        return "redirect:/" + CurrentCommunity.require().slug() + "/admin/census";
    }

    @GetMapping("/settlements")
    String settlements(@PathVariable("community") String slug, Model model) {
        roles.require(Role.COMMUNITY_ADMIN);
        if (!model.containsAttribute("settlementForm")) {
            model.addAttribute("settlementForm", new Forms.SettlementForm());
        }
        model.addAttribute("settlements", residency.settlements());
        return "identity/admin-settlements";
    }

    /**
     * Adds a settlement with its KATOTTG code ({@code UA} and 17 digits); a malformed or repeated
     * code or a missing name is refused on the form and changes nothing.
     */
    @PostMapping("/settlements")
    String addSettlement(@PathVariable("community") String slug,
                         @Valid @ModelAttribute("settlementForm") Forms.SettlementForm form, BindingResult errors,
                         Model model, RedirectAttributes redirect) {
        roles.require(Role.COMMUNITY_ADMIN);
        if (!errors.hasErrors()) {
            try {
                residency.addSettlement(form.getKatottg(), form.getNameUk(), form.getNameEn());
            } catch (Refusal e) {
                e.rejectInto(errors);
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("settlements", residency.settlements());
            return "identity/admin-settlements";
        }
        redirect.addFlashAttribute("added", form.getKatottg().strip());
        return "redirect:/" + CurrentCommunity.require().slug() + "/admin/settlements";
    }

    @PostMapping("/settlements/{settlement}/remove")
    String removeSettlement(@PathVariable("community") String slug, @PathVariable("settlement") long id,
                            RedirectAttributes redirect) {
        roles.require(Role.COMMUNITY_ADMIN);
        residency.removeSettlement(id);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/" + CurrentCommunity.require().slug() + "/admin/settlements";
    }

    private void fillRoles(Model model, Locale locale) {
        List<Department> departments = communities.departments();
        Map<Long, String> deptNames = new LinkedHashMap<>();
        departments.forEach(d -> deptNames.put(d.id(), d.name(locale)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RoleGrant g : roles.grants()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", g.getId());
            row.put("role", g.getRole().name());
            row.put("department", g.getDepartmentId() == null ? null : deptNames.get(g.getDepartmentId()));
            Account a = accounts.find(g.getAccountId()).orElse(null);
            row.put("email", a == null ? "?" : a.getEmail());
            row.put("name", a == null ? "?" : a.getDisplayName());
            row.put("grantedAt", g.getGrantedAt());
            rows.add(row);
        }
        model.addAttribute("grants", rows);
        model.addAttribute("departments", departments);
        model.addAttribute("roleValues", Role.values());
    }

    private static Role parseRole(String value) {
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
