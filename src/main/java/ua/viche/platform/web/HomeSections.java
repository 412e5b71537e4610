package ua.viche.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.HomeSection;
import ua.viche.platform.ModuleDescriptor;

/** The modules' sections of a community's home page as shown: those of modules switched on that have items, in their order. */
@Component
public class HomeSections {

    private final List<ModuleDescriptor> modules;
    private final List<HomeSection> sections;

    HomeSections(List<ModuleDescriptor> modules, List<HomeSection> sections) {
        this.modules = modules;
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
    }

    /** A section as shown: its module, heading, link to all, and items. */
    public record Shown(String module, String titleKey, String allKey, String allHref, List<HomeSection.Item> items) {}

    public List<Shown> shown(Community community, Locale locale) {
        Set<String> on = modules.stream().filter(m -> m.enabledIn(community)).map(ModuleDescriptor::name).collect(Collectors.toSet());
        List<Shown> shown = new ArrayList<>();
        for (HomeSection s : sections) {
            if (on.contains(s.module())) {
                List<HomeSection.Item> items = s.items(community, locale);
                if (!items.isEmpty()) {
                    shown.add(new Shown(s.module(), s.titleKey(), s.allKey(), "/" + community.slug() + "/" + s.allPath(), items));
                }
            }
        }
        return shown;
    }
}
