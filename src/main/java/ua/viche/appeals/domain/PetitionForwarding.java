package ua.viche.appeals.domain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ua.viche.petitions.PetitionForwardedAsAppeal;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;

/**
 * A petition that ended below its threshold becomes an appeal of its author. The listener runs
 * after the petition's transaction commits and is tracked by the event publication registry, so a
 * failure is retried on restart; registering twice is prevented by the source petition's id.
 */
@Component
class PetitionForwarding {

    private final AppealRegistration appeals;
    private final Communities communities;

    PetitionForwarding(AppealRegistration appeals, Communities communities) {
        this.appeals = appeals;
        this.communities = communities;
    }

    @TransactionalEventListener
    void on(PetitionForwardedAsAppeal event) {
        communities.byId(event.communityId()).ifPresent(c -> CurrentCommunity.runAs(c, () -> appeals.fromPetition(event)));
    }
}
