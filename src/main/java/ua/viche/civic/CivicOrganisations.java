package ua.viche.civic;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.civic.domain.Organisation;
import ua.viche.civic.domain.OrganisationRegister;

/**
 * What other modules may ask of the register of organisations (read only): the verified
 * organisations of the current community that the signed-in person acts for, that is, those they
 * registered and the community verified. A module that lets people take part on an organisation's
 * behalf offers these and keeps the name it was given.
 */
@Component
public class CivicOrganisations {

    /** A verified organisation: its id in the register, its name and its EDRPOU code. */
    public record Acting(long id, String name, String edrpou) {}

    private final OrganisationRegister register;

    CivicOrganisations(OrganisationRegister register) {
        this.register = register;
    }

    /** The verified organisations the signed-in person acts for, by name; none when nobody is signed in. */
    public List<Acting> actingForMe() {
        return register.mine().stream().filter(o -> o.getStatus() == Organisation.Status.VERIFIED)
                .map(o -> new Acting(o.getId(), o.getName(), o.getEdrpou()))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }
}
