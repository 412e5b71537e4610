package ua.viche.petitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** E-petitions in the shell: navigation, settings with the law's defaults, exports, what is active. */
@Component
public class PetitionsModule implements ModuleDescriptor {

    /** Signatures a petition needs to be considered (the law's example: 500). */
    public static final Setting<Integer> THRESHOLD = Setting.integer("petitions.threshold", 500, 1, 1_000_000);
    /** Calendar days of collecting signatures. */
    public static final Setting<Integer> PERIOD_DAYS = Setting.integer("petitions.periodDays", 90, 1, 365);
    /** Working days the moderators have to publish or refuse a submitted petition. */
    public static final Setting<Integer> MODERATION_DAYS = Setting.integer("petitions.moderationWorkingDays", 2, 1, 60);
    /** Working days the council has to answer a supported petition. */
    public static final Setting<Integer> ANSWER_DAYS = Setting.integer("petitions.answerWorkingDays", 10, 1, 60);
    /** Whether drafting and signing need residency in the community (the statutes ask it; a community may relax it). */
    public static final Setting<Boolean> RESIDENCY_REQUIRED = Setting.flag("petitions.residencyRequired", true);

    private final PetitionService petitions;

    PetitionsModule(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override public String name() { return "petitions"; }

    @Override public int order() { return 10; }

    @Override public String path() { return "petitions"; }

    @Override
    public List<Setting<?>> settings() {
        return List.of(THRESHOLD, PERIOD_DAYS, MODERATION_DAYS, ANSWER_DAYS, RESIDENCY_REQUIRED);
    }

    @Override public boolean searchable() { return true; }

    @Override public List<Role> roles() { return List.of(Role.MODERATOR, Role.OFFICIAL); }

    @Override
    public Map<String, String> exports() {
        return Map.of("petitions.csv", "petitions/export.csv", "petitions.json", "petitions/export.json");
    }

    @Override
    public List<Highlight> activeNow(Community community) {
        return petitions.mostSigned(3).stream()
                .map(p -> new Highlight(p.getTitle(), "/" + community.slug() + "/petitions/" + p.slug())).toList();
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        List<String> paths = new ArrayList<>(List.of("petitions", "petitions/figures"));
        petitions.allPublic().forEach(p -> paths.add("petitions/" + p.slug()));
        return paths;
    }
}
