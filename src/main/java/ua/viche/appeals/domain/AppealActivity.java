package ua.viche.appeals.domain;

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
 * The person's appeals on the account page and in the data export. When the account is deleted the
 * appeals stay, as the council's records that the law requires it to keep, but no longer belong to
 * an account.
 */
@Component
class AppealActivity implements PersonalData {

    private final Communities communities;
    private final AppealRepository appeals;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;

    AppealActivity(Communities communities, AppealRepository appeals, MessageSource messages, JdbcTemplate jdbc) {
        this.communities = communities;
        this.appeals = appeals;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        long personId = person.personId();
        List<Item> items = new ArrayList<>();
        communities.forEach(c -> {
            for (Appeal a : appeals.findByApplicantPersonIdOrderByReceivedAtDesc(personId)) {
                items.add(new Item("appeal", messages.getMessage("appeal.activity", new Object[] {a.getRegistrationNumber(),
                        a.getSubject(), messages.getMessage("appeal.status." + a.getStatus(), null, locale)}, locale),
                        a.getReceivedAt(), AppealService.url(a)));
            }
        });
        return items;
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        jdbc.update("update appeal set applicant_account_id = null, applicant_person_id = null where applicant_person_id = ?",
                event.personId());
        return Erasure.keptByLaw("the Law of Ukraine «On Citizens’ Appeals» (records kept by the council)", "appeal");
    }
}
