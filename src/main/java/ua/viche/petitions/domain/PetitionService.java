package ua.viche.petitions.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Reading the current community's petitions (lists, search, a petition's page, signers, what a
 * person wrote and signed) and reporting one for abuse. Drafting is {@link PetitionDrafting},
 * signing and counting {@link PetitionSigning}, moderators' work {@link PetitionModeration},
 * officials' answers {@link PetitionAnswering}, statistics {@link PetitionFigures}; rules live in
 * {@link Petition}.
 */
@Service
public class PetitionService {

    private final PetitionRepository petitions;
    private final PetitionSearch search;
    private final Attachments attachments;
    private final SignatureRepository signatures;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final AccessControl access;
    private final Clock clock;
    private final PetitionRecords records;

    PetitionService(PetitionRepository petitions, PetitionSearch search, Attachments attachments,
                    SignatureRepository signatures, JdbcTemplate jdbc, Identity identity, AccessControl access,
                    Clock clock, PetitionRecords records) {
        this.petitions = petitions;
        this.search = search;
        this.attachments = attachments;
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.clock = clock;
        this.records = records;
    }

    /** A petition the current user may see: public ones to all, drafts and rejected to author and moderators. */
    @Transactional(readOnly = true)
    public Petition visible(long id) {
        Petition p = petitions.findById(id).orElseThrow(PetitionRecords::notFound);
        if (p.publiclyVisible() || PetitionRecords.isAuthor(p) || access.currentUserHas(Role.MODERATOR)
                || (p.getStatus() != Petition.Status.DRAFT && access.currentUserHas(Role.OFFICIAL))) {
            return p.getPublishedAt() == null ? p : exact(p);
        }
        throw PetitionRecords.notFound();
    }

    /** The stored count with the deltas not yet folded: exact as of this statement. */
    private int exactCount(long id) {
        Integer count = jdbc.queryForObject("select " + PetitionRecords.EXACT_COUNT + " from petition p where p.id = ?",
                Integer.class, id);
        return count == null ? 0 : count;
    }

    /** Shows the petition with its exact count (the stored count lags the signatures by up to a second). */
    private Petition exact(Petition p) {
        p.pending(exactCount(p.getId()) - p.getSignatureCount());
        return p;
    }

    @Transactional(readOnly = true)
    public Page<Petition> list(PetitionList which, String sort, int year, int page, int size) {
        Sort order = switch (which) {
            case ACTIVE -> switch (sort) {
                case "newest" -> Sort.by(Sort.Direction.DESC, "publishedAt");
                case "ending" -> Sort.by(Sort.Direction.ASC, "collectionEndsAt");
                default -> Sort.by(Sort.Direction.DESC, "signatureCount").and(Sort.by(Sort.Direction.DESC, "publishedAt"));
            };
            case CONSIDERATION -> Sort.by(Sort.Direction.ASC, "answerDueAt");
            case ANSWERED -> Sort.by(Sort.Direction.DESC, "answeredAt");
            case ARCHIVED -> Sort.by(Sort.Direction.DESC, "expiredAt");
        };
        return petitions.findPublic(which.statuses(), year, Paging.of(page, size, order.and(Sort.by("id"))));
    }

    /** Public petitions matching the words (Ukrainian morphology), best first. */
    @Transactional(readOnly = true)
    public Page<Petition> search(String words, int page, int size) {
        return search.search(words, page, size).map(PetitionSearch.Hit::petition);
    }

    @Transactional(readOnly = true)
    public Page<Signature> signatures(long petitionId, int page, int size) {
        return signers(visible(petitionId), Math.max(0, page), size);
    }

    /** A page of signers in signing order; the petition keeps their count, so nothing counts them again. */
    private Page<Signature> signers(Petition p, int page, int size) {
        PageRequest request = Paging.of(page, size, Sort.by("signedAt", "id"));
        return new PageImpl<>(signatures.findByPetitionId(p.getId(), request), request,
                p.getSignatureCount());
    }

    /** Attachments of a petition the current user may see. */
    @Transactional(readOnly = true)
    public List<Attachment> attachments(long petitionId) {
        return attachments.list(PetitionRecords.files(visible(petitionId).getId()));
    }

    /** One attachment of a visible petition. */
    @Transactional(readOnly = true)
    public Attachment attachment(long petitionId, long attachmentId) {
        return attachments.find(List.of(PetitionRecords.files(visible(petitionId).getId())), attachmentId)
                .orElseThrow(PetitionRecords::notFound);
    }

    /** Everything a petition's page shows, read in one transaction. */
    @Transactional(readOnly = true)
    public PetitionPage page(long id, int signersPerPage) {
        Petition p = visible(id);
        Participation.Requirements required = records.signingRequirements();
        Participation.Participant who = identity.participant(required);
        boolean signed = who.person() != null
                && signatures.findByPetitionIdAndPersonId(p.getId(), who.person().personId()).isPresent();
        Participation.Answer signing = Participation.decide(who, required, p.signing(), Instant.now(clock), signed)
                .worded(PetitionRecords.WORDING);
        return new PetitionPage(p, signers(p, 0, signersPerPage), attachments.list(PetitionRecords.files(p.getId())), signing);
    }

    /**
     * A petition with its first signers, attachments, and the signed-in person's answer for signing
     * it now: what the page offers (to sign, to withdraw, or the reason why not) is what signing decides.
     */
    public record PetitionPage(Petition petition, Page<Signature> signers, List<Attachment> attachments,
                               Participation.Answer signing) {

        public boolean signed() {
            return signing.alreadyDone();
        }
    }

    @Transactional(readOnly = true)
    public List<Petition> mostSigned(int limit) {
        return petitions.findByStatusAndHiddenAtIsNull(Petition.Status.COLLECTING,
                PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "signatureCount").and(Sort.by("id"))));
    }

    @Transactional(readOnly = true)
    public List<Petition> allPublic() {
        return petitions.findAllPublic(Petition.PUBLIC);
    }

    @Transactional(readOnly = true)
    public List<Petition> byAuthor(long personId) {
        return petitions.findByAuthorPersonIdOrderByCreatedAtDesc(personId);
    }

    @Transactional(readOnly = true)
    public List<Signature> signedBy(long personId) {
        return signatures.findByPersonIdOrderBySignedAtDesc(personId);
    }

    /** Reports a public petition to the moderators, once per person; the reason is required (at most 1000 characters). */
    @Transactional
    public void report(long id, String reason) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("sign in"));
        Petition p = petitions.findById(id).filter(Petition::publiclyVisible).orElseThrow(PetitionRecords::notFound);
        if (reason.isBlank() || reason.length() > 1000) {
            throw Refusal.of("petition.error.reportReason");
        }
        jdbc.update("insert into petition_report (community_id, petition_id, person_id, reason, reported_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (petition_id, person_id) do nothing",
                p.getCommunityId(), p.getId(), person.personId(), reason.strip(), Timestamp.from(Instant.now(clock)));
    }

    /** A petition's page, in the current community. */
    public static String url(Petition p) {
        return "/" + CurrentCommunity.require().slug() + "/petitions/" + p.slug();
    }
}
