package ua.viche.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.geo.domain.GeoRoutes;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.Layer;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** The geoportal in the shell: navigation, roles, base map settings, the officials' page, sitemap, search. */
@Component
public class GeoModule implements ModuleDescriptor {

    /** The base map's tile address (a Leaflet URL template); the page's content policy must allow its host. */
    public static final Setting<String> TILES = Setting.text("geo.tiles", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", 300);
    /** The base map's attribution, shown on the map. */
    public static final Setting<String> ATTRIBUTION = Setting.text("geo.attribution", "OpenStreetMap", 200);

    private final GeoService geo;
    private final GeoRoutes routes;

    GeoModule(GeoService geo, GeoRoutes routes) {
        this.geo = geo;
        this.routes = routes;
    }

    @Override public String name() { return "geo"; }

    @Override public int order() { return 45; }

    @Override public String path() { return "map"; }

    @Override public List<Setting<?>> settings() { return List.of(TILES, ATTRIBUTION); }

    @Override public List<Role> roles() { return List.of(Role.COMMUNITY_ADMIN, Role.OFFICIAL); }

    @Override
    public Map<String, String> exports() {
        return Map.of("geo-layers.json", "map/layers.json");
    }

    /** The list of layers, and each published layer's objects as GeoJSON (called with the community current). */
    @Override
    public Map<String, String> exports(Community community) {
        Map<String, String> out = new LinkedHashMap<>(exports());
        for (Layer l : geo.publicLayers()) {
            out.put("geo-layer-" + l.getSlug() + ".geojson", "map/" + l.getSlug() + "/export.geojson");
        }
        return out;
    }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("geo.manage.title", "geo.manage.description", "map/manage", List.of(Role.COMMUNITY_ADMIN, Role.OFFICIAL)));
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("map", "map/events"));
        for (Layer l : geo.publicLayers()) {
            paths.add("map/" + l.getSlug());
        }
        List<GeoRoutes.Route> list = routes.publicRoutes();
        if (!list.isEmpty()) {
            paths.add("routes");
        }
        list.forEach(r -> paths.add("routes/" + r.getId()));
        return paths;
    }

    @Override public boolean searchable() { return true; }
}
