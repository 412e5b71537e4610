package ua.viche.appeals;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/** Citizen appeals in the shell: navigation, settings, roles and the statistics export. */
@Component
public class AppealsModule implements ModuleDescriptor {

    /** Letter(s) before the registration number, e.g. {@code К} in {@code К-2026-000123}. */
    public static final String PREFIX = "appeals.prefix";
    /** When the office closes (Kyiv time): appeals received later are registered on the next working day. */
    public static final String CLOSES = "appeals.officeCloses";
    /** How many days before the due day executors are reminded. */
    public static final String REMINDER_DAYS = "appeals.reminderDays";

    @Override public String name() { return "appeals"; }

    @Override public int order() { return 20; }

    @Override public String path() { return "appeals"; }

    @Override
    public Map<String, String> settings() {
        return Map.of(PREFIX, "", CLOSES, "18:00", REMINDER_DAYS, "3");
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
