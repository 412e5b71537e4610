package ua.viche.consultations.polls;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Free texts of a poll (answers to text questions and "other" texts) are published only once a
 * moderator or official approves them; a hidden one is never shown. Texts waiting are listed by
 * question and then alphabetically, never in the order they came, and the audit names the poll and
 * the decision, not the answer, so moderation leaves no trail from a text to when it was sent.
 */
@Service
public class PollModeration {

    public static final int PAGE = 50;

    private final JdbcTemplate jdbc;
    private final PollService polls;
    private final AccessControl access;
    private final AuditLog audit;

    PollModeration(JdbcTemplate jdbc, PollService polls, AccessControl access, AuditLog audit) {
        this.jdbc = jdbc;
        this.polls = polls;
        this.access = access;
        this.audit = audit;
    }

    /** A text waiting for a decision: its random id, its question, whether it is an "other" text, and the text. */
    public record PendingText(UUID id, int position, String question, boolean other, String text) {}

    /** Texts of the poll waiting for a decision (at most a page of them). */
    @Transactional(readOnly = true)
    public List<PendingText> pending(long pollId) {
        access.require(Role.MODERATOR, Role.OFFICIAL);
        Poll poll = polls.poll(pollId);
        return jdbc.query("select a.id, q.position, q.text, a.option_id is null and q.kind <> 'TEXT', a.text from poll_answer a"
                        + " join poll_question q on q.id = a.question_id where q.poll_id = ? and q.community_id = ? and a.text is not null"
                        + " and not a.published and not a.hidden order by q.position, a.text, a.id limit ?",
                (rs, i) -> new PendingText(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)),
                poll.id(), CurrentCommunity.require().id(), PAGE);
    }

    /** Publishes or hides a text of the poll; a text already decided keeps its decision. */
    @Transactional
    public void decide(long pollId, String answerId, boolean publish) {
        access.require(Role.MODERATOR, Role.OFFICIAL);
        Poll poll = polls.poll(pollId);
        polls.lockForAnswers(poll.id()); // not while the responses are being mixed
        UUID id;
        try {
            id = UUID.fromString(answerId.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("poll.error.textNotFound");
        }
        int changed = jdbc.update("update poll_answer a set published = ?, hidden = ? from poll_question q where a.id = ?"
                        + " and q.id = a.question_id and q.poll_id = ? and q.community_id = ? and a.text is not null"
                        + " and not a.published and not a.hidden", publish, !publish, id, poll.id(), CurrentCommunity.require().id());
        if (changed == 0) {
            Boolean exists = jdbc.queryForObject("select exists (select 1 from poll_answer a join poll_question q on q.id = a.question_id"
                    + " where a.id = ? and q.poll_id = ? and q.community_id = ? and a.text is not null)", Boolean.class, id, poll.id(),
                    CurrentCommunity.require().id());
            if (!Boolean.TRUE.equals(exists)) {
                throw new NotFoundException("poll.error.textNotFound");
            }
            throw Refusal.conflict("poll.error.textDecided");
        }
        audit.record(publish ? "poll.textPublished" : "poll.textHidden", "poll", poll.id(), null);
    }

    /** A page (from 0) of a text question's published texts, alphabetically, and how many there are in all. */
    @Transactional(readOnly = true)
    public Texts published(long pollId, long questionId, int page) {
        Poll poll = polls.poll(pollId);
        Poll.Question q = poll.question(questionId).orElseThrow(() -> new NotFoundException("poll.error.notFound"));
        return texts(q, page, PAGE);
    }

    public record Texts(Poll.Question question, List<String> texts, int total, int page, int size) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    Texts texts(Poll.Question q, int page, int size) {
        int total = jdbc.queryForObject("select count(*) from poll_answer where question_id = ? and published and text is not null"
                + " and option_id is null", Integer.class, q.id());
        int p = Math.max(0, Math.min(page, Math.max(0, (total - 1) / size)));
        List<String> texts = jdbc.queryForList("select text from poll_answer where question_id = ? and published and text is not null"
                + " and option_id is null order by text, id limit ? offset ?", String.class, q.id(), size, (long) p * size);
        return new Texts(q, texts, total, p, size);
    }
}
