package ua.viche.budget.domain;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.platform.Attachments;

/**
 * When a person deletes their account: their draft projects go with their costs and photos; their
 * submitted projects stay (the community reviewed and voted on them) without the author's name;
 * their support signatures and votes stay counted under the anonymised person. Runs in the
 * deletion's transaction; the draft photos' files are removed after it commits.
 */
@Component
class BudgetPrivacy {

    private final JdbcTemplate jdbc;
    private final Attachments attachments;

    BudgetPrivacy(JdbcTemplate jdbc, Attachments attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    @EventListener
    void on(AccountDeleted event) {
        String drafts = "select id from budget_project where author_person_id = ? and status = 'DRAFT'";
        List<Long> ids = jdbc.queryForList(drafts, Long.class, event.personId());
        attachments.deleteAll(ids.stream().map(id -> BudgetService.photosOf(id, null)).toList()); // the files go after the commit
        jdbc.update("delete from budget_cost_line where project_id in (" + drafts + ")", event.personId());
        jdbc.update("delete from budget_project where author_person_id = ? and status = 'DRAFT'", event.personId());
        jdbc.update("update budget_project set author_name = '', author_account_id = null where author_person_id = ?",
                event.personId());
    }
}
