package ua.viche.problems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemStatus;

/** Problem reports in the shell: navigation, the area setting, open data, sitemap. */
@Component
public class ProblemsModule implements ModuleDescriptor {

    private final ProblemService problems;

    ProblemsModule(ProblemService problems) {
        this.problems = problems;
    }

    @Override public String name() { return "problems"; }

    @Override public int order() { return 30; }

    @Override public String path() { return "problems"; }

    /** The community's area is a platform setting; it is edited here, where it matters most (points on the map). */
    @Override
    public List<Setting<?>> settings() {
        return List.of(Community.AREA);
    }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("problem.admin.title", "problem.admin.description", "admin/problems", List.of(Role.COMMUNITY_ADMIN)));
    }

    @Override public List<Role> roles() { return List.of(Role.OFFICIAL, Role.COMMUNITY_ADMIN); }

    @Override
    public Map<String, String> exports() {
        return Map.of("problems.csv", "problems/export.csv", "problems.geojson", "problems/export.geojson");
    }

    /** The reports with a point on the map, as the open-data GeoJSON. */
    @Override
    public List<MapLayer> mapLayers(Community community) {
        return List.of(new MapLayer("problems", "problem.map.layer", "problems/export.geojson"));
    }

    /** The three newest open reports. */
    @Override
    public List<Highlight> activeNow(Community community) {
        Map<Long, String> names = new HashMap<>();
        problems.categories().forEach(c -> names.put(c.getId(), c.getNameUk()));
        return problems.list(ProblemStatus.OPEN, 0, null, 0, 3).stream()
                .map(r -> new Highlight("№ " + r.getId() + ": " + names.get(r.getCategoryId())
                        + (r.getAddress() == null ? "" : " — " + r.getAddress()),
                        "/" + community.slug() + "/problems/" + r.getId()))
                .toList();
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("problems", "problems/figures"));
        problems.all().forEach(r -> paths.add("problems/" + r.getId()));
        return paths;
    }

    @Override public boolean searchable() { return true; }
}
