package ua.viche.petitions.domain;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.platform.Attachments;

/**
 * When a person deletes their account: their drafts are deleted, with their attachments' files; their signatures stay counted but
 * lose the name and notification address; their published petitions stay (they are public
 * documents the council answered) without the author's name and e-mail. Runs in the deletion's
 * transaction, so both happen or neither.
 */
@Component
class PetitionPrivacy {

    private final JdbcTemplate jdbc;
    private final Attachments attachments;

    PetitionPrivacy(JdbcTemplate jdbc, Attachments attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    @EventListener
    void on(AccountDeleted event) {
        String drafts = "select id from petition where author_person_id = ? and status = 'DRAFT'";
        attachments.deleteAll(jdbc.queryForList(drafts, Long.class, event.personId()).stream().map(PetitionService::files).toList());
        jdbc.update("delete from petition where author_person_id = ? and status = 'DRAFT'", event.personId());
        jdbc.update("update petition_signature set signer_name = '', notify = false, notify_email = null where person_id = ?",
                event.personId());
        jdbc.update("update petition set author_name = '', author_email = null, author_account_id = null where author_person_id = ?",
                event.personId());
    }
}
