package ua.viche.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.Cycle;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/** The participatory budget in the shell: navigation, roles, admin page, what is open now, sitemap, open-data exports. */
@Component
public class BudgetModule implements ModuleDescriptor {

    private final BudgetService budget;

    BudgetModule(BudgetService budget) {
        this.budget = budget;
    }

    @Override public String name() { return "budget"; }

    @Override public int order() { return 30; }

    @Override public String path() { return "budget"; }

    @Override public List<Role> roles() { return List.of(Role.COMMUNITY_ADMIN, Role.OFFICIAL, Role.CNAP_ADMINISTRATOR); }

    @Override
    public Map<String, String> exports() {
        return Map.of("budget-cycles.json", "budget/cycles.json");
    }

    /** The cycles, and each cycle's projects and results (called with the community current). */
    @Override
    public Map<String, String> exports(Community community) {
        Map<String, String> out = new LinkedHashMap<>(exports());
        for (Cycle c : budget.cycles()) {
            String name = "budget-" + c.getYear() + "-" + c.getId();
            out.put(name + "-projects.csv", "budget/cycles/" + c.getId() + "/projects.csv");
            out.put(name + "-results.csv", "budget/cycles/" + c.getId() + "/results.csv");
        }
        return out;
    }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("budget.admin.title", "budget.admin.description", "admin/budget", List.of(Role.COMMUNITY_ADMIN)));
    }

    /** Each cycle's projects that have a place on the map (called with the community current). */
    @Override
    public List<MapLayer> mapLayers(Community community) {
        return budget.cycles().stream().map(c -> new MapLayer("budget-" + c.getId(), "budget.map.layer", List.of(c.getName()),
                "budget/cycles/" + c.getId() + "/projects.geojson")).toList();
    }

    @Override
    public List<Highlight> activeNow(Community community) {
        return budget.cycles().stream()
                .filter(c -> c.phase(budget.today()) == Cycle.Phase.VOTING || c.phase(budget.today()) == Cycle.Phase.SUBMISSION)
                .map(c -> new Highlight(c.getName(), "/" + community.slug() + "/budget/cycles/" + c.getId())).toList();
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("budget"));
        for (Cycle c : budget.cycles()) {
            paths.add("budget/cycles/" + c.getId());
            paths.add("budget/cycles/" + c.getId() + "/results");
            budget.projects(c.getId()).forEach(p -> paths.add("budget/projects/" + p.getId()));
        }
        return paths;
    }

    @Override public boolean searchable() { return true; }
}
