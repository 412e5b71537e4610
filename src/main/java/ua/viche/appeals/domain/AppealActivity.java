package ua.viche.appeals.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountActivity;
import ua.viche.identity.AccountDeleted;
import ua.viche.platform.Communities;

/**
 * The person's appeals on the account page and in the data export. When the account is deleted the
 * appeals stay, as the council's records that the law requires it to keep, but no longer belong to
 * an account.
 */
@Component
class AppealActivity implements AccountActivity {

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
    public List<Item> itemsOf(long personId, Locale locale) {
        List<Item> items = new ArrayList<>();
        communities.forEach(c -> {
            for (Appeal a : appeals.findByApplicantPersonIdOrderByReceivedAtDesc(personId)) {
                items.add(new Item("appeal", messages.getMessage("appeal.activity", new Object[] {a.getRegistrationNumber(),
                        a.getSubject(), messages.getMessage("appeal.status." + a.getStatus(), null, locale)}, locale),
                        a.getReceivedAt(), AppealService.url(a)));
            }
        });
        items.sort(Comparator.comparing(Item::at).reversed());
        return items;
    }

    @EventListener
    void on(AccountDeleted event) {
        jdbc.update("update appeal set applicant_account_id = null, applicant_person_id = null where applicant_person_id = ?",
                event.personId());
    }
}
