package ua.viche.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.archive.reading.PublicArchive;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/** The digital archive in the shell: navigation, the archivists' role and the open holdings in the sitemap. */
@Component
class ArchiveModule implements ModuleDescriptor {

    private final PublicArchive archive;

    ArchiveModule(PublicArchive archive) {
        this.archive = archive;
    }

    @Override public String name() { return "archive"; }

    @Override public int order() { return 60; }

    @Override public String path() { return "archive"; }

    @Override public List<Role> roles() { return List.of(Role.ARCHIVIST); }

    @Override public boolean searchable() { return true; }

    @Override
    public Map<String, String> exports() {
        return Map.of("archive-digitisation.csv", "archive/figures.csv");
    }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("archivists.admin.title", "archivists.admin.description", "archive/manage", roles()));
    }

    /** The archive, its fonds, inventories and the files open to the public (never a closed one). */
    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("archive", "archive/search", "archive/figures"));
        paths.addAll(archive.openPaths());
        return paths;
    }
}
