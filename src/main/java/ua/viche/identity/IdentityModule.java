package ua.viche.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** Identity's per-community settings: required assurance level and residency rules. */
@Component
public class IdentityModule implements ModuleDescriptor {

    /** The level a person needs for counted actions (signing, voting). */
    public static final Setting<AssuranceLevel> ASSURANCE = Setting.choice("identity.assurance", AssuranceLevel.class,
            AssuranceLevel.VERIFIED);
    /** Whether every counted action needs residency in the community. */
    public static final Setting<Boolean> RESIDENCY_REQUIRED = Setting.flag("identity.residencyRequired", false);
    /** On what grounds a person counts as a resident. */
    public static final Setting<Set<ResidencyBasis>> RESIDENCY_BASES = Setting.choices("identity.residencyBases",
            ResidencyBasis.class, EnumSet.allOf(ResidencyBasis.class));

    @Override public String name() { return "identity"; }

    @Override public int order() { return 0; }

    @Override
    public List<Setting<?>> settings() {
        return List.of(ASSURANCE, RESIDENCY_REQUIRED, RESIDENCY_BASES);
    }

    @Override public List<Role> roles() { return List.of(Role.COMMUNITY_ADMIN); }

    @Override public boolean enabledIn(Community community) { return true; }
}
