package ua.viche.petitions.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;

/**
 * Closes petitions whose collection period is over, every minute, community by community. Safe
 * with several nodes (advisory lock) and idempotent (each petition is locked and checked again).
 */
@Component
public class PetitionExpiry {

    private static final long LOCK = 0x7669636865_10L;

    private final Communities communities;
    private final PetitionService petitions;
    private final Exclusive exclusive;

    PetitionExpiry(Communities communities, PetitionService petitions, Exclusive exclusive) {
        this.communities = communities;
        this.petitions = petitions;
        this.exclusive = exclusive;
    }

    @Scheduled(fixedDelayString = "${viche.petitions.expiry-interval:60000}", initialDelay = 10_000)
    public void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> petitions.dueForExpiry().forEach(petitions::expireIfDue)));
    }
}
