package ua.viche.platform.community;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/**
 * The community administrator's pages: the dashboard, the settings that the modules' descriptors
 * declare, and the audit log of official actions.
 */
@Controller
@RequestMapping("/{community}/admin")
class CommunityAdminController {

    private final AccessControl access;
    private final Communities communities;
    private final AuditLog audit;
    private final List<ModuleDescriptor> modules;

    CommunityAdminController(AccessControl access, Communities communities, AuditLog audit, List<ModuleDescriptor> modules) {
        this.access = access;
        this.communities = communities;
        this.audit = audit;
        this.modules = modules.stream().sorted(Comparator.comparingInt(ModuleDescriptor::order)).toList();
    }

    @GetMapping
    String dashboard(@PathVariable("community") String slug, org.springframework.ui.Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("moduleLinks", modules.stream().flatMap(m -> m.adminLinks().stream())
                .filter(l -> access.currentUserHasAny(l.roles())).toList());
        return "platform/admin-dashboard";
    }

    @GetMapping("/settings")
    String settings(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        Community c = CurrentCommunity.require();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (ModuleDescriptor m : modules) {
            Map<String, String> settings = new LinkedHashMap<>();
            if (!m.path().isEmpty()) {
                settings.put(m.name() + ".enabled", c.setting(m.name() + ".enabled", "true"));
            }
            m.settings().forEach((k, def) -> settings.put(k, c.setting(k, def)));
            values.put(m.name(), settings);
        }
        model.addAttribute("settings", values);
        return "platform/admin-settings";
    }

    @PostMapping("/settings")
    @Transactional
    public String saveSettings(@PathVariable("community") String slug, @RequestParam Map<String, String> form,
                               RedirectAttributes redirect) {
        access.require(Role.COMMUNITY_ADMIN);
        Community c = CurrentCommunity.require();
        int changed = 0;
        for (ModuleDescriptor m : modules) {
            Map<String, String> known = new LinkedHashMap<>(m.settings());
            if (!m.path().isEmpty()) {
                known.put(m.name() + ".enabled", "true");
            }
            for (Map.Entry<String, String> e : known.entrySet()) {
                String value = form.get(e.getKey());
                if (e.getKey().endsWith(".enabled")) {
                    value = form.containsKey(e.getKey()) ? "true" : "false";
                }
                if (value != null && value.length() <= 500 && !value.trim().equals(c.setting(e.getKey(), e.getValue()))) {
                    communities.putSetting(c.id(), e.getKey(), value.trim());
                    audit.record("settings.changed", "community", c.id(), e.getKey() + "=" + value.trim());
                    changed++;
                }
            }
        }
        redirect.addFlashAttribute("saved", changed);
        return "redirect:/" + c.slug() + "/admin/settings";
    }

    @GetMapping("/audit")
    String audit(@PathVariable("community") String slug, @RequestParam(name = "page", defaultValue = "0") int page,
                 Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("entries", audit.page(page, 50));
        return "platform/admin-audit";
    }
}
