package ua.viche.appeals;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** Citizen appeals in the shell: navigation, settings, roles and the statistics export. */
@Component
public class AppealsModule implements ModuleDescriptor {

    /**
     * Letter(s) before the registration number, e.g. {@code К} in {@code К-2026-000123}; empty: the first
     * letter of the community's name.
     */
    public static final Setting<String> PREFIX = Setting.letters("appeals.prefix", "", 5);
    /** When the office closes (Kyiv time): appeals received later are registered on the next working day. */
    public static final Setting<LocalTime> CLOSES = Setting.timeOfDay("appeals.officeCloses", LocalTime.of(18, 0));
    /** How many days before the due day executors are reminded. */
    public static final Setting<Integer> REMINDER_DAYS = Setting.integer("appeals.reminderDays", 3, 0, 30);

    @Override public String name() { return "appeals"; }

    @Override public int order() { return 20; }

    @Override public String path() { return "appeals"; }

    @Override
    public List<Setting<?>> settings() {
        return List.of(PREFIX, CLOSES, REMINDER_DAYS);
    }

    @Override public List<Role> roles() { return List.of(Role.OFFICIAL, Role.HOTLINE_OPERATOR, Role.COMMUNITY_ADMIN); }

    @Override
    public Map<String, String> exports() {
        return Map.of("appeals-statistics.csv", "appeals/figures.csv");
    }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("appeal.categories.title", "appeal.categories.description", "admin/appeals/categories", List.of(Role.COMMUNITY_ADMIN)));
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        return List.of("appeals", "appeals/figures");
    }
}
