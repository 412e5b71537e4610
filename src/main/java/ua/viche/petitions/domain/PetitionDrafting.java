package ua.viche.petitions.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.petitions.PetitionsModule;
import ua.viche.platform.Attachments;
import ua.viche.platform.FileStore.Upload;
import ua.viche.platform.Refusal;
import ua.viche.platform.WorkingDays;

/**
 * An author drafts a petition (with attachments), edits the draft and submits it to moderation;
 * whether the signed-in person may draft here now. Rules live in {@link Petition}.
 */
@Service
public class PetitionDrafting {

    private final PetitionRepository petitions;
    private final Attachments attachments;
    private final Identity identity;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final PetitionRecords records;

    PetitionDrafting(PetitionRepository petitions, Attachments attachments, Identity identity, WorkingDays workingDays,
                     Clock clock, PetitionRecords records) {
        this.petitions = petitions;
        this.attachments = attachments;
        this.identity = identity;
        this.workingDays = workingDays;
        this.clock = clock;
        this.records = records;
    }

    /** Creates a draft by the signed-in person, who must meet the community's level. */
    @Transactional
    public Petition draft(String title, String text) {
        return draft(title, text, List.of());
    }

    /** Creates a draft with attachments (PDF, JPEG, PNG by content; at most 5, 10 MB each). */
    @Transactional
    public Petition draft(String title, String text, List<Upload> uploads) {
        return draft(title, text, uploads, false);
    }

    /**
     * Creates a draft with attachments and, when asked, submits it to moderation, in one
     * transaction: either the petition is in moderation or nothing was created.
     */
    @Transactional
    public Petition draft(String title, String text, List<Upload> uploads, boolean submit) {
        Identity.PersonRef author = eligiblePerson();
        checkUploads(uploads, 0);
        Petition p = petitions.save(new Petition(author.personId(), author.accountId(), author.name(), author.email(),
                title, text, Instant.now(clock)));
        store(p, uploads);
        if (submit) {
            submit(p);
        }
        return p;
    }

    @Transactional
    public Petition edit(long id, String title, String text, List<Upload> uploads) {
        return edit(id, title, text, uploads, false);
    }

    /** Changes a draft and, when asked, submits it, in one transaction. */
    @Transactional
    public Petition edit(long id, String title, String text, List<Upload> uploads, boolean submit) {
        Petition p = ownDraft(id);
        checkUploads(uploads, attachments.count(PetitionRecords.files(id)));
        p.edit(title, text);
        store(p, uploads);
        if (submit) {
            eligiblePerson();
            submit(p);
        }
        return p;
    }

    private static void checkUploads(List<Upload> uploads, long existing) {
        Attachments.Policy.DOCUMENTS.refusal(uploads, existing)
                .ifPresent(r -> { throw Refusal.of("petition.error." + r.key()); });
    }

    private void store(Petition p, List<Upload> uploads) {
        attachments.store(PetitionRecords.files(p.getId()), Attachments.Policy.DOCUMENTS, uploads);
    }

    @Transactional
    public Petition submit(long id) {
        eligiblePerson();
        Petition p = ownDraft(id);
        submit(p);
        return p;
    }

    private void submit(Petition p) {
        p.submit(Instant.now(clock), workingDays, PetitionsModule.MODERATION_DAYS.value());
    }

    /**
     * Whether the signed-in person may draft petitions here now (the same requirements as signing:
     * the community's level, and residency unless the petitions setting relaxes it).
     */
    public Participation.Answer drafting() {
        Participation.Requirements required = records.signingRequirements();
        return Participation.decide(identity.participant(required), required, Participation.Window.ALWAYS,
                Instant.now(clock), false).worded(PetitionRecords.WORDING);
    }

    /** A petition the signed-in person drafted and may still edit; anyone else gets 404. */
    @Transactional(readOnly = true)
    public Petition editableDraft(long id) {
        Petition p = petitions.findById(id).orElseThrow(PetitionRecords::notFound);
        if (!PetitionRecords.isAuthor(p) || p.getStatus() != Petition.Status.DRAFT) {
            throw PetitionRecords.notFound();
        }
        return p;
    }

    /** The signed-in person as the author of a new petition (name and e-mail shown on the form). */
    public Optional<Identity.PersonRef> currentAuthor() {
        return identity.currentPerson();
    }

    private Petition ownDraft(long id) {
        Petition p = records.forUpdate(id);
        if (!PetitionRecords.isAuthor(p)) {
            throw PetitionRecords.notFound();
        }
        return p;
    }

    /** The signed-in person, if they may draft; refused with the reason otherwise. */
    private Identity.PersonRef eligiblePerson() {
        return drafting().require(Refusal::of).signedInPerson();
    }
}
