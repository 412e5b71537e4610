package ua.viche.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ModuleDescriptor;

/** The platform home (list of communities), a community's home page and the accessibility statement. */
@Controller
class PlatformPages {

    private final Communities communities;
    private final List<ModuleDescriptor> modules;
    private final HomeSections sections;

    PlatformPages(Communities communities, List<ModuleDescriptor> modules, HomeSections sections) {
        this.communities = communities;
        this.modules = modules.stream().sorted(Comparator.comparingInt(ModuleDescriptor::order)).toList();
        this.sections = sections;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("communities", communities.all());
        return "platform/home";
    }

    @GetMapping("/{community}")
    String community(@PathVariable("community") String slug, Model model, Locale locale) {
        Community community = CurrentCommunity.require();
        List<ModuleDescriptor> enabled = modules.stream().filter(m -> !m.path().isEmpty() && m.enabledIn(community)).toList();
        model.addAttribute("sections", sections.shown(community, locale));
        Map<String, List<ModuleDescriptor.Highlight>> active = new LinkedHashMap<>();
        for (ModuleDescriptor m : enabled) {
            List<ModuleDescriptor.Highlight> items = m.activeNow(community);
            if (!items.isEmpty()) {
                active.put(m.titleKey(), items);
            }
        }
        model.addAttribute("modules", enabled);
        model.addAttribute("active", active);
        model.addAttribute("departments", communities.departments());
        return "platform/community";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "platform/accessibility";
    }

    @GetMapping("/{community}/accessibility")
    String communityAccessibility(@PathVariable("community") String slug) {
        CurrentCommunity.require();
        return "platform/accessibility";
    }
}
