package ua.viche.platform;

import java.util.List;
import java.util.Map;

/**
 * A module's manifest: what it contributes to the shell — its navigation entry, its per-community
 * settings (typed, each default declared once), the roles it checks, the open-data exports and map
 * layers it offers, whether it offers content to the site search — in one place. The header, the
 * community admin's settings page, the sitemap and the open-data portal are built from these.
 * Personal data (export and erasure) is the module's implementation of identity's
 * {@code PersonalData}; {@code ModuleManifestTest} checks that every module has one, and that a
 * module that says it is {@link #searchable()} has a search provider.
 */
public interface ModuleDescriptor {

    /** Module name, e.g. {@code petitions}. */
    String name();

    /** Order in the navigation (lower first). */
    default int order() { return 100; }

    /** Message key of the module's title in the navigation. */
    default String titleKey() { return "module." + name() + ".title"; }

    /** Path under the community, e.g. {@code petitions}; empty when the module has no public page. */
    default String path() { return ""; }

    /** Per-community settings, in the order the settings page shows them; keys are prefixed with the module name. */
    default List<Setting<?>> settings() { return List.of(); }

    /** Whether the module is switched on in a community: shown on the settings page for a module with a public page. */
    default Setting<Boolean> enabled() { return Setting.flag(name() + ".enabled", true); }

    /** Roles this module checks for its official actions. */
    default List<Role> roles() { return List.of(); }

    /** Open-data exports: dataset name to path under the community. */
    default Map<String, String> exports() { return Map.of(); }

    /** The exports the module has in this community (the current one): all of them unless it holds nothing there to export. */
    default Map<String, String> exports(Community community) { return exports(); }

    /**
     * Whether the module offers its content to the site search: it then has a bean implementing
     * search's {@code SearchProvider} in its package (the platform cannot name it; the manifest test checks it).
     */
    default boolean searchable() { return false; }

    /** The public GeoJSON layers the module offers in the community (for maps and the geoportal). */
    default List<MapLayer> mapLayers(Community community) { return List.of(); }

    /** What is active now in the community (shown on its home page); empty when nothing is. */
    default List<Highlight> activeNow(Community community) { return List.of(); }

    /** Public paths for the sitemap, relative to the community (e.g. {@code petitions/42}). */
    default List<String> sitemapPaths(Community community) { return path().isEmpty() ? List.of() : List.of(path()); }

    /** The module's pages for community admins (listed on the admin dashboard). */
    default List<AdminLink> adminLinks() { return List.of(); }

    /**
     * A card on the community admin's dashboard: message keys of its title and description, path under the
     * community, and the roles the target page requires (any of them): the dashboard shows the card only to
     * those who hold one, so nobody is offered a page that refuses them.
     */
    record AdminLink(String titleKey, String descriptionKey, String path, List<Role> roles) {

        public AdminLink {
            roles = List.copyOf(roles);
        }
    }

    /**
     * A map layer: a key unique in the community, the message key of its title (with arguments, e.g.
     * a cycle's name) and the path of its public GeoJSON under the community.
     */
    record MapLayer(String key, String titleKey, List<Object> titleArgs, String path) {

        public MapLayer {
            titleArgs = List.copyOf(titleArgs);
        }

        public MapLayer(String key, String titleKey, String path) {
            this(key, titleKey, List.of(), path);
        }
    }

    /** A link to something active on the community's home page. */
    record Highlight(String title, String href) {}

    /** Whether the module is switched on in the community (setting {@code <name>.enabled}, default on). */
    default boolean enabledIn(Community community) {
        return enabled().value(community);
    }
}
