package ua.viche.certificates.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.identity.AccountDeleted;
import ua.viche.platform.Communities;

/**
 * The person's certificate orders on the account page and in the data export. When the account is
 * deleted the orders and certificates stay as the archive's records, but no longer belong to an account.
 */
@Component
class CertificateActivity implements PersonalData {

    private final Communities communities;
    private final CertificateOrderRepository orders;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;

    CertificateActivity(Communities communities, CertificateOrderRepository orders, MessageSource messages, JdbcTemplate jdbc) {
        this.communities = communities;
        this.orders = orders;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        long personId = person.personId();
        List<Item> items = new ArrayList<>();
        communities.forEach(c -> {
            for (CertificateOrder o : orders.findByApplicantPersonIdOrderByReceivedAtDesc(personId)) {
                items.add(new Item("certificate", messages.getMessage("certificate.activity", new Object[] {o.getNumber(),
                        messages.getMessage("certificate.output." + o.getOutput(), null, locale),
                        messages.getMessage("certificate.status." + o.shownStatus(), null, locale)}, locale),
                        o.getReceivedAt(), CertificateService.url(o)));
            }
        });
        return items;
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        jdbc.update("update certificate_order set applicant_account_id = null, applicant_person_id = null"
                + " where applicant_person_id = ?", event.personId());
        return Erasure.keptByLaw("archive record-keeping rules (orders and issued certificates are archive records)", "certificate_order");
    }
}
