package ua.viche.archive.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;

/**
 * The archive's personal data of the platform's users: none. Its holdings are historical documents
 * (a file that holds personal data stays closed for 75 years, whoever asks), not linked to any
 * account; archivists' work is in the platform's audit log; certificate orders are the certificates
 * module's. So there is nothing to export and nothing to erase.
 */
@Component
class ArchivePrivacy implements PersonalData {

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        return List.of();
    }

    @Override
    public Erasure erase(AccountDeleted deleted) {
        return Erasure.complete();
    }
}
