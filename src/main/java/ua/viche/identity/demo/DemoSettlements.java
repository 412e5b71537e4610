package ua.viche.identity.demo;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.identity.domain.ResidencyService;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;

/**
 * The demo communities' settlements, seeded once when a community's list is empty. Only codes the
 * source documents give are used: Kropyvnytskyi's programme of digital development names its
 * community's KATOTTG code, so Kropyvnytskyi is listed by that one code. The codes of the other
 * demo communities and of the settlements inside them are not in the source documents; they are
 * left for each community's administrator to enter from the official codifier, and the demo
 * residents there are residents by the census list instead (decision 0032).
 */
@Component
@Order(15)
class DemoSettlements implements ApplicationRunner {

    /** Kropyvnytskyi's community code, as the programme of digital development 2025–2027 gives it. */
    static final String KROPYVNYTSKYI = "UA35040000000034705";

    private static final Map<String, String[]> SEED = Map.of("kropyvnytskyi", new String[] {KROPYVNYTSKYI,
            "Кропивницька міська територіальна громада", "Kropyvnytskyi City Territorial Community"});

    private final VicheSettings settings;
    private final Communities communities;
    private final ResidencyService residency;

    DemoSettlements(VicheSettings settings, Communities communities, ResidencyService residency) {
        this.settings = settings;
        this.communities = communities;
        this.residency = residency;
    }

    /** The code the demo gives addresses in the community, or null where none is known. */
    static String codeOf(String slug) {
        String[] seed = SEED.get(slug);
        return seed == null ? null : seed[0];
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        SEED.forEach((slug, s) -> communities.bySlug(slug).ifPresent(c -> CurrentCommunity.runAs(c, () -> {
            if (residency.settlements().isEmpty()) {
                residency.addSettlement(s[0], s[1], s[2]);
            }
        })));
    }
}
