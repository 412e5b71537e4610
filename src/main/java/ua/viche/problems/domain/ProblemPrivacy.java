package ua.viche.problems.domain;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;

/**
 * When a person deletes their account: the problems they reported stay on the map (the council
 * works on them) without the reporter's name, e-mail, phone or account, and the e-mail updates
 * they followed by the account's address stop. Runs in the deletion's transaction.
 */
@Component
class ProblemPrivacy {

    private final JdbcTemplate jdbc;

    ProblemPrivacy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AccountDeleted event) {
        jdbc.update("""
                update problem_report set reporter_name = null, reporter_email = null, reporter_phone = null,
                       reporter_account_id = null
                 where reporter_account_id = ?""", event.accountId());
        if (event.email() != null) {
            jdbc.update("delete from problem_subscriber where lower(email) = lower(?)", event.email());
        }
    }
}
