package ua.viche.platform;

import java.util.List;
import java.util.Map;

/**
 * What a module contributes to the shell: its navigation entry, per-community settings with
 * defaults, the permissions it checks and the open-data exports it offers. The header, the
 * community admin's settings page, the sitemap and the open-data portal are built from these.
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

    /** Per-community settings (key to default value); keys are prefixed with the module name. */
    default Map<String, String> settings() { return Map.of(); }

    /** Roles this module checks for its official actions. */
    default List<Role> roles() { return List.of(); }

    /** Open-data exports: dataset name to path under the community. */
    default Map<String, String> exports() { return Map.of(); }

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

    /** A link to something active on the community's home page. */
    record Highlight(String title, String href) {}

    /** Whether the module is switched on in the community (setting {@code <name>.enabled}, default on). */
    default boolean enabledIn(Community community) {
        return Boolean.parseBoolean(community.setting(name() + ".enabled", "true"));
    }
}
