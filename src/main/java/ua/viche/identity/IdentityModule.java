package ua.viche.identity;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/** Identity's per-community settings: required assurance level and residency rules. */
@Component
class IdentityModule implements ModuleDescriptor {

    static final String ASSURANCE = "identity.assurance";
    static final String RESIDENCY_REQUIRED = "identity.residencyRequired";
    static final String RESIDENCY_BASES = "identity.residencyBases";

    @Override public String name() { return "identity"; }

    @Override public int order() { return 0; }

    @Override
    public Map<String, String> settings() {
        return Map.of(ASSURANCE, AssuranceLevel.VERIFIED.name(),
                RESIDENCY_REQUIRED, "false",
                RESIDENCY_BASES, "DECLARED,CENSUS,VERIFIED_ADDRESS");
    }

    @Override public List<Role> roles() { return List.of(Role.COMMUNITY_ADMIN); }

    @Override public boolean enabledIn(ua.viche.platform.Community community) { return true; }
}
