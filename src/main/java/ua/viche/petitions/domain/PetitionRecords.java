package ua.viche.petitions.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.petitions.PetitionStatusChanged;
import ua.viche.petitions.PetitionsModule;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachments;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.SignedInUser;
import ua.viche.platform.VicheSettings;

/**
 * What the petition use cases share: the petition one acts on (locked), whether the signed-in
 * person wrote it, what drafting and signing require and how their reasons are worded, the
 * author's mail, the petition as the owner of its attachments, its exact count in SQL.
 */
@Component
class PetitionRecords {

    static final Locale UK = Locale.forLanguageTag("uk");

    /** How the petitions module words some of the participation rule's reasons. */
    static final Map<Participation.Reason, String> WORDING = Map.of(
            Participation.Reason.NOT_OPEN_YET, "petition.error.notCollecting",
            Participation.Reason.CLOSED, "petition.error.notCollecting");

    /** A petition's exact count in SQL (alias {@code p}): the stored count and the deltas not yet folded. */
    static final String EXACT_COUNT = "p.signature_count + coalesce((select sum(d.delta) from petition_signature_delta d"
            + " where d.petition_id = p.id), 0)";

    private final PetitionRepository petitions;
    private final Identity identity;
    private final Mailer mailer;
    private final VicheSettings settings;
    private final ApplicationEventPublisher events;

    PetitionRecords(PetitionRepository petitions, Identity identity, Mailer mailer, VicheSettings settings,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.petitions = petitions;
        this.identity = identity;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** A petition of this community to change, under its row lock; 404 if there is none. */
    Petition forUpdate(long id) {
        return petitions.findForUpdate(id).orElseThrow(PetitionRecords::notFound);
    }

    /** Whether the signed-in user drafted the petition. */
    static boolean isAuthor(Petition p) {
        SignedInUser user = AccessControl.currentUser().orElse(null);
        return user != null && p.getAuthorAccountId() != null && p.getAuthorAccountId() == user.accountId();
    }

    /** What drafting and signing require: the community's level, and residency unless relaxed; no age. */
    Participation.Requirements signingRequirements() {
        return identity.requirements(PetitionsModule.RESIDENCY_REQUIRED.value(), 0);
    }

    /** Mails the author, if they gave an address (in Ukrainian, as the council writes). */
    void tellAuthor(Petition p, String key, Object... args) {
        if (p.getAuthorEmail() != null) {
            mailer.send(p.getAuthorEmail(), UK, key, args);
        }
    }

    /** Tells the other modules (notifications) that the petition is now in its state; in the change's transaction. */
    void changed(Petition p, Instant at) {
        events.publishEvent(new PetitionStatusChanged(p.getCommunityId(), p.getId(), p.getTitle(), p.getStatus().name(),
                p.getAuthorPersonId(), PetitionService.url(p), at));
    }

    /** The petition's page as an absolute address, for mail. */
    String link(Petition p) {
        return settings.absolute(PetitionService.url(p));
    }

    /** A petition as the owner of its attachments (PDF, JPEG, PNG by content; at most 5, 10 MB each). */
    static Attachments.Owner files(long petitionId) {
        return new Attachments.Owner("petitions", "petition", petitionId);
    }

    static NotFoundException notFound() {
        return new NotFoundException("petition.error.notFound");
    }
}
