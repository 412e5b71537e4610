package ua.viche.consultations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** E-consultations in the shell: navigation, settings, roles, exports, what is open now. */
@Component
public class ConsultationsModule implements ModuleDescriptor {

    /** The shortest period of a consultation in calendar days, both ends counted (at least 15). */
    public static final Setting<Integer> PERIOD_DAYS = Setting.integer("consultations.periodDays", 15, 15, 365);
    /** Calendar days after the end within which the report is due. */
    public static final Setting<Integer> REPORT_DAYS = Setting.integer("consultations.reportDays", 14, 1, 90);
    /** Whether taking part needs residency in the community (the default of a new consultation's form). */
    public static final Setting<Boolean> RESIDENCY_REQUIRED = Setting.flag("consultations.residencyRequired", true);
    /** The youngest age at which a person may take part (the default of a new consultation's form; 0: any). */
    public static final Setting<Integer> MINIMUM_AGE = Setting.integer("consultations.minimumAge", 0, 0, 120);

    private final ConsultationService consultations;

    ConsultationsModule(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override public String name() { return "consultations"; }

    @Override public int order() { return 35; }

    @Override public String path() { return "consultations"; }

    @Override
    public List<Setting<?>> settings() {
        return List.of(PERIOD_DAYS, REPORT_DAYS, RESIDENCY_REQUIRED, MINIMUM_AGE);
    }

    @Override public boolean searchable() { return true; }

    @Override public List<Role> roles() { return List.of(Role.OFFICIAL, Role.MODERATOR); }

    @Override
    public Map<String, String> exports() {
        return Map.of("consultations-proposals.csv", "consultations/proposals.csv",
                "polls-results.csv", "polls/results.csv",
                "polls-results.json", "polls/results.json",
                "polls-responses.csv", "polls/responses.csv");
    }

    @Override
    public List<AdminLink> adminLinks() {
        return List.of(new AdminLink("consultations.new", "consultations.admin.description", "consultations/new", List.of(Role.OFFICIAL)),
                new AdminLink("poll.new.title", "polls.admin.description", "polls/new", List.of(Role.OFFICIAL)));
    }

    @Override
    public List<Highlight> activeNow(Community community) {
        return consultations.openNow(3).stream()
                .map(c -> new Highlight(c.getTitle(), c.url(community.slug()))).toList();
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("consultations", "polls"));
        consultations.allVisible().forEach(c -> paths.add("consultations/" + c.slug()));
        return paths;
    }
}
