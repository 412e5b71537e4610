package ua.viche.platform.community;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import ua.viche.platform.Setting;

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
    String dashboard(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("moduleLinks", modules.stream().flatMap(m -> m.adminLinks().stream())
                .filter(l -> access.currentUserHasAny(l.roles())).toList());
        return "platform/admin-dashboard";
    }

    @GetMapping("/settings")
    String settings(@PathVariable("community") String slug, Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        Community c = CurrentCommunity.require();
        model.addAttribute("settings", sections(c, Map.of(), Map.of()));
        return "platform/admin-settings";
    }

    /**
     * Saves the settings the form sends, each checked against its declared type and limits: if any
     * value is refused, the page comes back with the values as sent and a message at each refused
     * one, and nothing is saved. A checkbox is known to be in the form by its hidden {@code _<key>}
     * marker (an unchecked box sends nothing); a setting the form does not send stays as it is.
     */
    @PostMapping("/settings")
    @Transactional
    public String saveSettings(@PathVariable("community") String slug, @RequestParam MultiValueMap<String, String> form,
                               Model model, RedirectAttributes redirect) {
        access.require(Role.COMMUNITY_ADMIN);
        Community c = CurrentCommunity.require();
        Map<String, String> sent = new LinkedHashMap<>();
        Map<String, Setting.Problem> problems = new LinkedHashMap<>();
        Map<Setting<?>, String> changes = new LinkedHashMap<>();
        for (Setting<?> setting : shown().values().stream().flatMap(List::stream).toList()) {
            String raw = submitted(setting, form);
            if (raw == null) {
                continue;
            }
            sent.put(setting.key(), raw);
            try {
                String value = setting.normalise(raw);
                if (!value.equals(setting.formatted(c))) {
                    changes.put(setting, value);
                }
            } catch (Setting.Invalid e) {
                problems.put(setting.key(), e.problem());
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("settings", sections(c, sent, problems));
            model.addAttribute("problems", problems);
            return "platform/admin-settings";
        }
        changes.forEach((setting, value) -> {
            communities.putSetting(c.id(), setting.key(), value);
            audit.record("settings.changed", "community", c.id(), setting.key() + "=" + value);
        });
        redirect.addFlashAttribute("saved", changes.size());
        return "redirect:/" + c.slug() + "/admin/settings";
    }

    /** What the form sent for a setting, as one text (choices joined by commas); null when it sent nothing for it. */
    private static @Nullable String submitted(Setting<?> setting, MultiValueMap<String, String> form) {
        List<String> values = form.get(setting.key());
        boolean marked = form.containsKey("_" + setting.key());
        return switch (setting.input()) {
            case CHECKBOX -> values != null ? "true" : marked ? "false" : null;
            case CHOICES -> values != null ? String.join(",", values) : marked ? "" : null;
            default -> values == null || values.isEmpty() ? null : values.get(0);
        };
    }

    /** Each module's settings as the page shows them: its on/off switch (if it has a public page), then its own. */
    private Map<String, List<Setting<?>>> shown() {
        Map<String, List<Setting<?>>> shown = new LinkedHashMap<>();
        for (ModuleDescriptor m : modules) {
            List<Setting<?>> list = new ArrayList<>();
            if (!m.path().isEmpty()) {
                list.add(m.enabled());
            }
            list.addAll(m.settings());
            if (!list.isEmpty()) {
                shown.put(m.name(), list);
            }
        }
        return shown;
    }

    private List<Section> sections(Community c, Map<String, String> sent, Map<String, Setting.Problem> problems) {
        List<Section> sections = new ArrayList<>();
        shown().forEach((module, settings) -> sections.add(new Section(module, settings.stream()
                .map(s -> new Field(s, sent.getOrDefault(s.key(), s.formatted(c)), problems.get(s.key()))).toList())));
        return sections;
    }

    /** A module's part of the settings page. */
    record Section(String module, List<Field> fields) {}

    /** One setting on the page: the value shown (stored, or as sent when refused) and why it was refused. */
    record Field(Setting<?> setting, String value, Setting.@Nullable Problem problem) {

        public String id() {
            return "s-" + setting.key().replace('.', '-');
        }

        public boolean chosen(String option) {
            return List.of(value.split(",")).contains(option);
        }
    }

    @GetMapping("/audit")
    String audit(@PathVariable("community") String slug, @RequestParam(name = "page", defaultValue = "0") int page,
                 Model model) {
        access.require(Role.COMMUNITY_ADMIN);
        model.addAttribute("entries", audit.page(page, 50));
        return "platform/admin-audit";
    }
}
