package ua.viche.problems.domain;

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
 * The problem reports' personal data. Export: the reports the person made while signed in and the
 * reports they follow by the account's e-mail. When a person deletes their account: the problems they reported stay on the map (the council
 * works on them) without the reporter's name, e-mail, phone or account, and the e-mail updates
 * they followed by the account's address stop. Runs in the deletion's transaction.
 */
@Component
class ProblemPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final MessageSource messages;

    ProblemPrivacy(JdbcTemplate jdbc, Communities communities, MessageSource messages) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        jdbc.query("select community_id, id, status, address, created_at from problem_report where reporter_account_id = ?", rs -> {
            String address = rs.getString(4);
            items.add(new Item("problem-report", messages.getMessage("problem.activity.reported", new Object[] {String.valueOf(rs.getLong(2)),
                    address == null ? "" : address, messages.getMessage("problem.status." + rs.getString(3), null, locale)}, locale),
                    rs.getObject(5, OffsetDateTime.class).toInstant(), path(rs.getLong(1), rs.getLong(2))));
        }, person.accountId());
        if (person.email() != null) {
            jdbc.query("select community_id, report_id, created_at from problem_subscriber where lower(email) = lower(?)", rs -> {
                items.add(new Item("problem-subscription", messages.getMessage("problem.activity.following",
                        new Object[] {String.valueOf(rs.getLong(2))}, locale),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), path(rs.getLong(1), rs.getLong(2))));
            }, person.email());
        }
        return items;
    }

    private String path(long communityId, long reportId) {
        return communities.byId(communityId).map(c -> "/" + c.slug() + "/problems/" + reportId).orElse("/");
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        jdbc.update("""
                update problem_report set reporter_name = null, reporter_email = null, reporter_phone = null,
                       reporter_account_id = null
                 where reporter_account_id = ?""", event.accountId());
        if (event.email() != null) {
            jdbc.update("delete from problem_subscriber where lower(email) = lower(?)", event.email());
        }
        return Erasure.complete();
    }
}
