package ua.viche.budget.domain;

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
import ua.viche.platform.Attachments;
import ua.viche.platform.Communities;

/**
 * The budget's personal data. Export: the person's projects, the projects they supported and the
 * cycles they voted in. When a person deletes their account: their draft projects go with their costs and photos; their
 * submitted projects stay (the community reviewed and voted on them) without the author's name, and so do
 * the notes they wrote on them;
 * their support signatures and votes stay counted under the anonymised person. Runs in the
 * deletion's transaction; the draft photos' files are removed after it commits.
 */
@Component
class BudgetPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Attachments attachments;
    private final Communities communities;
    private final MessageSource messages;

    BudgetPrivacy(JdbcTemplate jdbc, Attachments attachments, Communities communities, MessageSource messages) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.communities = communities;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        jdbc.query("select community_id, id, title, status, created_at from budget_project where author_person_id = ?", rs -> {
            items.add(new Item("budget-project", messages.getMessage("budget.activity.project", new Object[] {rs.getString(3),
                    messages.getMessage("budget.status." + rs.getString(4), null, locale)}, locale),
                    rs.getObject(5, OffsetDateTime.class).toInstant(), path(rs.getLong(1), "budget/projects/" + rs.getLong(2))));
        }, person.personId());
        jdbc.query("""
                select p.community_id, p.id, p.title, s.supported_at from budget_support s join budget_project p on p.id = s.project_id
                 where s.person_id = ?""", rs -> {
            items.add(new Item("budget-support", messages.getMessage("budget.activity.supported", new Object[] {rs.getString(3)}, locale),
                    rs.getObject(4, OffsetDateTime.class).toInstant(), path(rs.getLong(1), "budget/projects/" + rs.getLong(2))));
        }, person.personId());
        jdbc.query("""
                select y.community_id, y.id, y.name, b.first_vote_at from budget_ballot b join budget_cycle y on y.id = b.cycle_id
                 where b.person_id = ?""", rs -> {
            items.add(new Item("budget-vote", messages.getMessage("budget.activity.voted", new Object[] {rs.getString(3)}, locale),
                    rs.getObject(4, OffsetDateTime.class).toInstant(), path(rs.getLong(1), "budget/cycles/" + rs.getLong(2))));
        }, person.personId());
        return items;
    }

    private String path(long communityId, String path) {
        return communities.byId(communityId).map(c -> "/" + c.slug() + "/" + path).orElse("/");
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        String drafts = "select id from budget_project where author_person_id = ? and status = 'DRAFT'";
        List<Long> ids = jdbc.queryForList(drafts, Long.class, event.personId());
        attachments.deleteAll(ids.stream().map(id -> BudgetRecords.photosOf(id, null)).toList()); // the files go after the commit
        jdbc.update("delete from budget_cost_line where project_id in (" + drafts + ")", event.personId());
        jdbc.update("delete from budget_project where author_person_id = ? and status = 'DRAFT'", event.personId());
        jdbc.update("update budget_project set author_name = '', author_account_id = null where author_person_id = ?",
                event.personId());
        jdbc.update("update budget_update set author_name = '', author_person_id = null where author_person_id = ?",
                event.personId());
        return Erasure.complete();
    }
}
