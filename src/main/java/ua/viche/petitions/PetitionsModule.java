package ua.viche.petitions;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/** E-petitions in the shell: navigation, settings with the law's defaults, exports, what is active. */
@Component
public class PetitionsModule implements ModuleDescriptor {

    public static final String THRESHOLD = "petitions.threshold";
    public static final String PERIOD_DAYS = "petitions.periodDays";
    public static final String MODERATION_DAYS = "petitions.moderationWorkingDays";
    public static final String ANSWER_DAYS = "petitions.answerWorkingDays";
    /** Whether drafting and signing need residency in the community (the statutes ask it; a community may relax it). */
    public static final String RESIDENCY_REQUIRED = "petitions.residencyRequired";

    private final PetitionService petitions;

    PetitionsModule(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override public String name() { return "petitions"; }

    @Override public int order() { return 10; }

    @Override public String path() { return "petitions"; }

    @Override
    public Map<String, String> settings() {
        return Map.of(THRESHOLD, "500", PERIOD_DAYS, "90", MODERATION_DAYS, "2", ANSWER_DAYS, "10", RESIDENCY_REQUIRED, "true");
    }

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
        List<String> paths = new java.util.ArrayList<>(List.of("petitions", "petitions/figures"));
        petitions.allPublic().forEach(p -> paths.add("petitions/" + p.slug()));
        return paths;
    }
}
