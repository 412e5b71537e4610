package ua.viche.consultations.polls;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.Exclusive;

/**
 * Keeps PostgreSQL itself from joining a response to its person (decision 0063). A response is
 * written in the transaction that records its person as a participant, so both rows carry the same
 * writing transaction ({@code xmin}), and rows lie in the order they were written ({@code ctid}).
 * Every second, each poll answered online since the last run has all its responses and answers
 * deleted and written again in one transaction, in the order of their random ids: afterwards every
 * response of the poll has the same writing transaction, and their order says nothing of who
 * answered when. Answers keep their ids and moderation. The poll's row is locked meanwhile, so
 * answers and moderation wait for the few milliseconds it takes.
 */
@Component
public class PollMixing {

    private static final String LOCK = "polls.mix";

    private final JdbcTemplate jdbc;
    private final Exclusive exclusive;

    PollMixing(JdbcTemplate jdbc, Exclusive exclusive) {
        this.jdbc = jdbc;
        this.exclusive = exclusive;
    }

    @Scheduled(fixedDelayString = "${viche.polls.mix-interval:1000}", initialDelay = 1_000)
    public void run() {
        exclusive.run(LOCK, this::mixAll);
    }

    /** Marks a poll as answered online: its responses are mixed by the next run (in the answer's transaction). */
    static void mark(JdbcTemplate jdbc, long pollId) {
        jdbc.update("insert into poll_unmixed (poll_id) values (?)", pollId);
    }

    /** Mixes the responses of every poll answered online since the last run; returns how many polls it mixed. */
    @Transactional
    public int mixAll() {
        List<Long> polls = jdbc.queryForList("select distinct poll_id from poll_unmixed order by poll_id", Long.class);
        int mixed = 0;
        for (long poll : polls) {
            mixed += mix(poll) ? 1 : 0;
        }
        return mixed;
    }

    private boolean mix(long pollId) {
        // answers (which hold the poll's row shared) finish first; new ones wait until this commits
        jdbc.query("select id from poll where id = ? for update", rs -> {}, pollId);
        if (jdbc.update("delete from poll_unmixed where poll_id = ?", pollId) == 0) {
            return false; // mixed meanwhile by another run
        }
        List<Object[]> responses = jdbc.query("select id, community_id, poll_id, paper from poll_response where poll_id = ? order by id",
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)}, pollId);
        List<Object[]> answers = jdbc.query("select a.id, a.response_id, a.question_id, a.option_id, a.rank, a.value, a.text, a.published,"
                        + " a.hidden from poll_answer a join poll_response r on r.id = a.response_id where r.poll_id = ?"
                        + " order by a.response_id, a.id",
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                        rs.getObject(4, Long.class), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class), rs.getString(7),
                        rs.getBoolean(8), rs.getBoolean(9)}, pollId);
        jdbc.update("delete from poll_response where poll_id = ?", pollId); // the answers go with them (on delete cascade)
        jdbc.batchUpdate("insert into poll_response (id, community_id, poll_id, paper) values (?, ?, ?, ?)", responses);
        jdbc.batchUpdate("insert into poll_answer (id, response_id, question_id, option_id, rank, value, text, published, hidden)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", answers);
        return true;
    }
}
