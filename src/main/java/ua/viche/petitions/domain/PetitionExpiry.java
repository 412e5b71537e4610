package ua.viche.petitions.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;

/**
 * Closes petitions whose collection period is over, every minute, community by community (and
 * moves any that reached the threshold without being moved, should a node have stopped between a
 * signature and its settling); folds signature deltas into the counts every second. Safe
 * with several nodes (advisory lock) and idempotent (each petition is locked and checked again).
 */
@Component
public class PetitionExpiry {

    private static final String LOCK = "petitions.expiry";

    private final Communities communities;
    private final PetitionSigning petitions;
    private final Exclusive exclusive;

    PetitionExpiry(Communities communities, PetitionSigning petitions, Exclusive exclusive) {
        this.communities = communities;
        this.petitions = petitions;
        this.exclusive = exclusive;
    }

    @Scheduled(fixedDelayString = "${viche.petitions.expiry-interval:60000}", initialDelay = 10_000)
    public void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> {
            petitions.dueForSettling().forEach(petitions::settle);
            petitions.dueForExpiry().forEach(petitions::expireIfDue);
        }));
    }

    /** Folds the signature deltas into the petitions' stored counts (idempotent, safe on several nodes). */
    @Scheduled(fixedDelayString = "${viche.petitions.fold-interval:1000}", initialDelay = 1_000)
    public void fold() {
        petitions.foldAll();
    }
}
