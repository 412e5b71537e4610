package ua.viche.monitoring.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.platform.AuditLog;

/**
 * The programme's personal data: none. A programme, its figures and indicators are the council's
 * documents, not linked to any account; who loaded or changed them is in the platform's
 * {@link AuditLog}. Nothing to export, nothing to erase.
 */
@Component
class MonitoringPrivacy implements PersonalData {

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        return List.of();
    }

    @Override
    public Erasure erase(AccountDeleted deleted) {
        return Erasure.complete();
    }
}
