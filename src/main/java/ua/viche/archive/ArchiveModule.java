package ua.viche.archive;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/** The digital archive in the shell: navigation and the archivists' role. */
@Component
class ArchiveModule implements ModuleDescriptor {

    @Override public String name() { return "archive"; }

    @Override public int order() { return 60; }

    @Override public String path() { return "archive"; }

    @Override public List<Role> roles() { return List.of(Role.ARCHIVIST); }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("archivists.admin.title", "archivists.admin.description", "archive/manage"));
    }
}
