package ua.viche.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.HomeSection;
import ua.viche.platform.ModuleDescriptor;

/** The platform home (list of communities), a community's home page and the accessibility statement. */
@Controller
class PlatformPages {

    private final Communities communities;
    private final List<ModuleDescriptor> modules;
    private final List<HomeSection> sections;

    PlatformPages(Communities communities, List<ModuleDescriptor> modules, List<HomeSection> sections) {
        this.communities = communities;
        this.modules = modules.stream().sorted(Comparator.comparingInt(ModuleDescriptor::order)).toList();
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
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
        Set<String> on = modules.stream().filter(m -> m.enabledIn(community)).map(ModuleDescriptor::name).collect(Collectors.toSet());
        List<Section> shown = new ArrayList<>();
        for (HomeSection s : sections) {
            if (on.contains(s.module())) {
                List<HomeSection.Item> items = s.items(community, locale);
                if (!items.isEmpty()) {
                    shown.add(new Section(s.titleKey(), s.allKey(), "/" + community.slug() + "/" + s.allPath(), items));
                }
            }
        }
        model.addAttribute("sections", shown);
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

    /** A module's section of the home page as shown: heading, link to all, items. */
    record Section(String titleKey, String allKey, String allHref, List<HomeSection.Item> items) {}

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
