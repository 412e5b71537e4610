package ua.viche.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled work that must run on one node at a time: the work runs in a transaction holding a
 * PostgreSQL advisory lock, and is skipped (on this node, this time) if another node holds it.
 */
@Service
public class Exclusive {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    Exclusive(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Whether the application has finished starting: scheduled work waits for it, so that jobs
     * acting on "now" (closing petitions, reminders) never meet data still being created "as of"
     * past moments by the demo.
     */
    private volatile boolean ready;

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    /** The first half of every job's lock key ("vich"); the second is the hash of the job's name. */
    private static final int LOCKS = 0x76696368;

    /**
     * Runs the work under the lock named after the job (its own name, such as {@code "queue.reminders"};
     * two jobs never share one by accident of a hand-picked number); returns false if another node held it or the
     * application is still starting.
     */
    public boolean run(String job, Runnable work) {
        if (!ready) {
            return false;
        }
        Boolean ran = tx.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?, hashtext(?))", Boolean.class, LOCKS, job);
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            work.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
