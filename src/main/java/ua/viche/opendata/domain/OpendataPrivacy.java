package ua.viche.opendata.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Communities;

/**
 * The portal holds one thing about a person: a dataset's contact e-mail, when it is the person's own
 * address rather than their department's. The export lists those datasets; when the account is deleted
 * the address is taken off them (the department's address answers instead, in the catalogue, the API and
 * the reminders). Datasets and files are the council's; who changed what is in the platform's audit log;
 * download counts are numbers only. Runs in the deletion's transaction.
 */
@Component
class OpendataPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final MessageSource messages;

    OpendataPrivacy(JdbcTemplate jdbc, Communities communities, MessageSource messages) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        if (person.email() == null) {
            return items;
        }
        jdbc.query("select community_id, name, title_uk, title_en, status, modified_at from opendata_dataset where lower(contact_email) = lower(?)"
                + " order by community_id, name", rs -> {
            String title = "en".equals(locale.getLanguage()) && !rs.getString(4).isBlank() ? rs.getString(4) : rs.getString(3);
            String page = ("PUBLISHED".equals(rs.getString(5)) ? "/opendata/" : "/opendata/manage/") + rs.getString(2);
            items.add(new Item("opendata-contact", messages.getMessage("opendata.activity.contact", new Object[] {title}, locale),
                    rs.getObject(6, OffsetDateTime.class).toInstant(),
                    communities.byId(rs.getLong(1)).map(c -> "/" + c.slug() + page).orElse("/")));
        }, person.email());
        return items;
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        if (event.email() != null) {
            jdbc.update("update opendata_dataset set contact_email = null, modified_at = now() where lower(contact_email) = lower(?)",
                    event.email());
        }
        return Erasure.complete();
    }
}
