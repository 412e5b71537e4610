package ua.viche.petitions.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.platform.Communities;

/**
 * Closes petitions whose collection period is over, every minute, community by community. Safe
 * with several nodes (advisory lock) and idempotent (each petition is locked and checked again).
 */
@Component
class PetitionExpiry {

    private static final long LOCK = 0x7669636865_10L;

    private final Communities communities;
    private final PetitionService petitions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    PetitionExpiry(Communities communities, PetitionService petitions, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.communities = communities;
        this.petitions = petitions;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${viche.petitions.expiry-interval:60000}", initialDelay = 10_000)
    public void run() {
        tx.executeWithoutResult(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
            if (Boolean.TRUE.equals(locked)) {
                communities.forEach(c -> petitions.dueForExpiry().forEach(petitions::expireIfDue));
            }
        });
    }
}
