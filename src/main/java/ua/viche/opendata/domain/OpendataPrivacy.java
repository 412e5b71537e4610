package ua.viche.opendata.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;

/**
 * The portal holds nothing linked to a person: datasets name a department and its office e-mail,
 * resources are the council's files, and who changed what is in the platform's audit log. Download
 * counts are numbers only. So the export is empty and the erasure complete.
 */
@Component
class OpendataPrivacy implements PersonalData {

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        return List.of();
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        return Erasure.complete();
    }
}
