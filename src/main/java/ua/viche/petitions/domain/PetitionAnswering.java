package ua.viche.petitions.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Mailer;
import ua.viche.platform.Role;

/**
 * Officials' work: the petitions under consideration, soonest due first, and the council's answer,
 * audited and mailed to the author and to the signers who asked to be told.
 */
@Service
public class PetitionAnswering {

    private final PetitionRepository petitions;
    private final SignatureRepository signatures;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Clock clock;
    private final PetitionRecords records;

    PetitionAnswering(PetitionRepository petitions, SignatureRepository signatures, AccessControl access, AuditLog audit,
                      Mailer mailer, Clock clock, PetitionRecords records) {
        this.petitions = petitions;
        this.signatures = signatures;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.clock = clock;
        this.records = records;
    }

    @Transactional
    public Petition answer(long id, Petition.Outcome outcome, String text, @Nullable String documentUrl) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Petition p = records.forUpdate(id);
        p.answer(Instant.now(clock), outcome, text, documentUrl);
        audit.record("petition.answered", "petition", p.getId(), outcome.name());
        String link = records.link(p);
        records.tellAuthor(p, "mail.petition.answered", p.getTitle(), link);
        records.changed(p, Instant.now(clock));
        for (Signature s : signatures.findByPetitionIdAndNotifyTrue(p.getId())) {
            if (s.getNotifyEmail() != null && !s.getNotifyEmail().equalsIgnoreCase(p.getAuthorEmail())) {
                mailer.send(s.getNotifyEmail(), PetitionRecords.UK, "mail.petition.answered", p.getTitle(), link);
            }
        }
        return p;
    }

    @Transactional(readOnly = true)
    public List<Petition> considerationQueue() {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN, Role.MODERATOR);
        return petitions.findByStatusOrderByAnswerDueAtAsc(Petition.Status.CONSIDERATION);
    }
}
