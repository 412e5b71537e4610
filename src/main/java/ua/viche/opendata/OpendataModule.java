package ua.viche.opendata;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.opendata.domain.Register;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/**
 * The open-data portal in the shell: navigation, roles (the coordinator is a community admin; an
 * official keeps the datasets of their department), settings, the coordinator's page, sitemap and search.
 */
@Component
public class OpendataModule implements ModuleDescriptor {

    /** The hour (Kyiv time) at which generated datasets are fetched again every day. */
    public static final Setting<Integer> REFRESH_HOUR = Setting.integer("opendata.refreshHour", 3, 0, 23);
    /** How many days before a dataset falls due its department is reminded. */
    public static final Setting<Integer> REMINDER_DAYS = Setting.integer("opendata.reminderDays", 7, 0, 60);

    private final Register register;

    OpendataModule(Register register) {
        this.register = register;
    }

    @Override public String name() { return "opendata"; }

    @Override public int order() { return 48; }

    @Override public String path() { return "opendata"; }

    @Override public List<Setting<?>> settings() { return List.of(REFRESH_HOUR, REMINDER_DAYS); }

    @Override public List<Role> roles() { return List.of(Role.COMMUNITY_ADMIN, Role.OFFICIAL); }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("opendata.manage.title", "opendata.manage.description", "opendata/manage",
                List.of(Role.COMMUNITY_ADMIN, Role.OFFICIAL)));
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("opendata", "opendata/api"));
        CurrentCommunity.runAs(community, () -> register.published().forEach(e -> paths.add("opendata/" + e.dataset().getName())));
        return paths;
    }

    @Override public boolean searchable() { return true; }
}
