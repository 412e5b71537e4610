package ua.viche.civic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ua.viche.civic.domain.AdvisoryBodies;
import ua.viche.civic.domain.CivicEvent;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.CivicNews;
import ua.viche.civic.domain.CoursePriority;
import ua.viche.civic.domain.Initiatives;
import ua.viche.civic.domain.Organisation;
import ua.viche.civic.domain.OrganisationRegister;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** The civic space in the shell: the register of organisations, advisory bodies, initiatives, the events, courses and news, their settings, roles, exports and search. */
@Component
public class CivicModule implements ModuleDescriptor {

    /** Whether signed-in people may register organisations themselves. */
    public static final Setting<Boolean> SELF_REGISTRATION = Setting.flag("civic.selfRegistration", true);
    /** Seats a new event offers unless staff give another number. */
    public static final Setting<Integer> DEFAULT_SEATS = Setting.integer("civic.defaultSeats", 50, 1, 100_000);
    /** How many hours before an event starts its registered participants are reminded by e-mail. */
    public static final Setting<Integer> EVENT_REMINDER_HOURS = Setting.integer("civic.eventReminderHours", 24, 1, 336);

    private final ObjectProvider<OrganisationRegister> organisations;
    private final ObjectProvider<CivicEvents> events;
    private final ObjectProvider<CivicNews> news;
    private final ObjectProvider<AdvisoryBodies> bodies;
    private final ObjectProvider<Initiatives> initiatives;

    CivicModule(ObjectProvider<OrganisationRegister> organisations, ObjectProvider<CivicEvents> events, ObjectProvider<CivicNews> news,
                ObjectProvider<AdvisoryBodies> bodies, ObjectProvider<Initiatives> initiatives) {
        this.organisations = organisations;
        this.events = events;
        this.news = news;
        this.bodies = bodies;
        this.initiatives = initiatives;
    }

    @Override public String name() { return "civic"; }

    @Override public int order() { return 38; }

    @Override public String path() { return "organisations"; }

    @Override public List<Setting<?>> settings() {
        return List.of(SELF_REGISTRATION, DEFAULT_SEATS, EVENT_REMINDER_HOURS, COURSE_PRIORITY_GROUPS, COURSE_RESERVED_PERCENT, COURSE_RESERVE_DAYS);
    }

    @Override public List<Role> roles() { return List.of(Role.MODERATOR, Role.OFFICIAL, Role.COMMUNITY_ADMIN); }

    @Override public boolean searchable() { return true; }

    @Override
    public Map<String, String> exports() {
        return Map.of("civic-organisations.csv", "organisations/export.csv", "civic-events.csv", "events/export.csv",
                "civic-initiatives.csv", "initiatives/export.csv");
    }

    @Override
    public List<MapLayer> mapLayers(Community community) {
        return List.of(new MapLayer("civic-events", "civic.events.mapLayer", "events/map.geojson"));
    }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("civic.review.title", "civic.review.description", "organisations/review",
                        List.of(Role.MODERATOR, Role.COMMUNITY_ADMIN)),
                new AdminLink("civic.initiatives.title", "civic.initiatives.adminDescription", "initiatives",
                        List.of(Role.MODERATOR, Role.OFFICIAL, Role.COMMUNITY_ADMIN)),
                new AdminLink("civic.bodies.title", "civic.bodies.adminDescription", "advisory-bodies",
                        List.of(Role.OFFICIAL, Role.COMMUNITY_ADMIN)));
    }

    @Override
    public List<Highlight> activeNow(Community community) {
        return events.getObject().upcoming(0, 3).stream()
                .map(e -> new Highlight(e.getTitleUk(), e.url(community.slug()))).toList();
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("organisations", "events", "courses", "news", "advisory-bodies", "initiatives"));
        bodies.getObject().all().forEach(b -> paths.add(b.path()));
        initiatives.getObject().published(null, 0, 100).forEach(i -> paths.add(i.path()));
        organisations.getObject().verified().stream().map(Organisation::getId).forEach(id -> paths.add("organisations/" + id));
        events.getObject().upcoming(0, 100).stream().map(CivicEvent::getId).forEach(id -> paths.add("events/" + id));
        news.getObject().published(null, 0, 100).forEach(n -> paths.add(n.path()));
        return paths;
    }

    // ---- courses (decision 0052)

    /** The vulnerable groups the community gives priority on its courses. */
    public static final Setting<Set<CoursePriority>> COURSE_PRIORITY_GROUPS = Setting.choices("civic.coursePriorityGroups", CoursePriority.class,
            EnumSet.of(CoursePriority.OLDER_PEOPLE, CoursePriority.DISABILITY, CoursePriority.IDP, CoursePriority.VETERANS));
    /** The share of a course group's seats (per cent, rounded down) held for priority groups. */
    public static final Setting<Integer> COURSE_RESERVED_PERCENT = Setting.integer("civic.courseReservedPercent", 50, 0, 100);
    /** Days before a group's first lesson when its reserved seats go to anyone (the waiting list moves up). */
    public static final Setting<Integer> COURSE_RESERVE_DAYS = Setting.integer("civic.courseReserveDays", 7, 0, 90);
}
