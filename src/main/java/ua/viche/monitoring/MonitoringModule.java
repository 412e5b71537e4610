package ua.viche.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** The digital-development programme in the shell: navigation, settings, roles, search, exports, sitemap. */
@Component
public class MonitoringModule implements ModuleDescriptor {

    /** The day of the month after a quarter by which its figures are due (the next working day when it is not one). */
    public static final Setting<Integer> DUE_DAY = Setting.integer("monitoring.dueDay", 5, 1, 28);
    /** How many working days before the due day a department that has not entered its figures is reminded. */
    public static final Setting<Integer> REMINDER_DAYS = Setting.integer("monitoring.reminderDays", 3, 1, 20);

    private final ProgrammeService programmes;

    MonitoringModule(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override public String name() { return "monitoring"; }

    @Override public int order() { return 70; }

    @Override public String path() { return "programme"; }

    @Override public List<Setting<?>> settings() { return List.of(DUE_DAY, REMINDER_DAYS); }

    @Override public boolean searchable() { return true; }

    @Override public List<Role> roles() { return List.of(Role.OFFICIAL, Role.COMMUNITY_ADMIN); }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("monitoring.import.title", "module.monitoring.description", "programme/manage/import",
                List.of(Role.COMMUNITY_ADMIN)));
    }

    @Override
    public Map<String, String> exports() {
        return Map.of("programme-values.csv", "programme/values.csv", "programme-report.xlsx", "programme/report.xlsx");
    }

    /** A community without a programme has nothing to export. */
    @Override
    public Map<String, String> exports(Community community) {
        return programmes.current().isPresent() ? exports() : Map.of();
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("programme"));
        programmes.current().flatMap(p -> programmes.view(p.getId())).ifPresent(v ->
                v.indicators().forEach(i -> paths.add("programme/indicators/" + i.indicator().getCode())));
        return paths;
    }
}
