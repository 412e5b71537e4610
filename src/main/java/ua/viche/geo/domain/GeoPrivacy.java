package ua.viche.geo.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;

/**
 * The geoportal holds nothing linked to a person: layers and objects are the council's public
 * records of places, with no author, visitor or account stored (who edited them is in the platform's
 * audit log, which the platform keeps). So the export is empty and the erasure complete.
 */
@Component
class GeoPrivacy implements PersonalData {

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        return List.of();
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        return Erasure.complete();
    }
}
