package ua.viche.petitions.domain;

import ua.viche.platform.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.petitions.PetitionForwardedAsAppeal;
import ua.viche.petitions.PetitionThresholdReached;
import ua.viche.platform.Paging;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore.Upload;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;
import ua.viche.platform.WorkingDays;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Optional;
import org.springframework.data.domain.PageImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.petitions.PetitionsModule;
import ua.viche.platform.Dates;
import ua.viche.platform.PlainTransactions;
import ua.viche.platform.VicheSettings;

/** The petition use cases, for the current community. Rules live in {@link Petition}. */
@Service
public class PetitionService {

    private static final Locale UK = Locale.forLanguageTag("uk");

    private final PetitionRepository petitions;
    private final PetitionSearch search;
    private final Attachments attachments;
    private final SignatureRepository signatures;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VicheSettings settings;
    private final TransactionTemplate tx;
    private final PlainTransactions plain;

    PetitionService(PetitionRepository petitions, PetitionSearch search, Attachments attachments,
                    SignatureRepository signatures, JdbcTemplate jdbc, Identity identity,
                    AccessControl access, AuditLog audit, Mailer mailer, WorkingDays workingDays,
                    ApplicationEventPublisher events, Clock clock, VicheSettings settings,
                    PlatformTransactionManager transactions,
                    PlainTransactions plain) {
        this.petitions = petitions;
        this.search = search;
        this.attachments = attachments;
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.plain = plain;
    }

    // ---- residents

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
        checkUploads(uploads, attachments.count(files(id)));
        p.edit(title, text);
        store(p, uploads);
        if (submit) {
            eligiblePerson();
            submit(p);
        }
        return p;
    }

    /** Attachments of a petition the current user may see. */
    @Transactional(readOnly = true)
    public List<Attachment> attachments(long petitionId) {
        return attachments.list(files(visible(petitionId).getId()));
    }

    /** One attachment of a visible petition. */
    @Transactional(readOnly = true)
    public Attachment attachment(long petitionId, long attachmentId) {
        return attachments.find(List.of(files(visible(petitionId).getId())), attachmentId).orElseThrow(PetitionService::notFound);
    }

    private static void checkUploads(List<Upload> uploads, long existing) {
        Attachments.Policy.DOCUMENTS.refusal(uploads, existing)
                .ifPresent(r -> { throw Refusal.of("petition.error." + r.key()); });
    }

    private void store(Petition p, List<Upload> uploads) {
        attachments.store(files(p.getId()), Attachments.Policy.DOCUMENTS, uploads);
    }

    /** A petition as the owner of its attachments (PDF, JPEG, PNG by content; at most 5, 10 MB each). */
    static Attachments.Owner files(long petitionId) {
        return new Attachments.Owner("petitions", "petition", petitionId);
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
     * Signs for the signed-in person; signing twice is harmless. Returns true if a signature was added.
     * The petition's row is not written: the signature appends a +1 delta (decision 0021), so that
     * people signing one petition at once do not queue for one row. A count that reaches the
     * threshold moves the petition to consideration right after the signature commits. Plain SQL in
     * a plain JDBC transaction, without an entity manager (decision 0025).
     */
    public boolean sign(long id, boolean notify) {
        Signing signing = plain.execute(status -> {
            Participation.Requirements required = signingRequirements();
            Participation.Participant who = identity.participant(required);
            Signable p = signable(id);
            Instant now = Instant.now(clock);
            Participation.Answer answer = Participation.decide(who, required, p.window(), now, false).worded(WORDING)
                    .require(Refusal::of);
            Identity.PersonRef person = answer.signedInPerson();
            // one round trip: the signature (once per person), its +1 delta, and the exact count after it
            // (a statement does not see its own inserts, hence the count of "added" on top)
            Map<String, Object> r = jdbc.queryForMap("with added as (insert into petition_signature (community_id, petition_id,"
                            + " person_id, signer_name, signed_at, notify, notify_email, declared_residency) values (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict (petition_id, person_id) do nothing returning petition_id),"
                            + " delta as (insert into petition_signature_delta (petition_id, delta) select petition_id, 1 from added)"
                            + " select (select count(*) from added) as added, " + EXACT_COUNT + " + (select count(*) from added) as count"
                            + " from petition p where p.id = ?",
                    p.communityId(), p.id(), person.personId(), person.name(), Timestamp.from(now), notify,
                    notify ? person.email() : null, answer.declaredResidency(), p.id());
            boolean added = ((Number) r.get("added")).intValue() > 0;
            return new Signing(added, added && p.threshold() != null && ((Number) r.get("count")).intValue() >= p.threshold());
        });
        if (signing.reachedThreshold()) {
            settle(id);
        }
        return signing.added();
    }

    /** Whether a signature was added, and whether the count after it is at the threshold. */
    private record Signing(boolean added, boolean reachedThreshold) {}

    /** A petition's exact count in SQL (alias {@code p}): the stored count and the deltas not yet folded. */
    private static final String EXACT_COUNT = "p.signature_count + coalesce((select sum(d.delta) from petition_signature_delta d"
            + " where d.petition_id = p.id), 0)";

    /** Withdraws the signed-in person's signature while the petition collects (a -1 delta). */
    public boolean withdraw(long id) {
        return Boolean.TRUE.equals(plain.execute(status -> {
            Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("sign in"));
            Signable p = signable(id);
            if (!p.window().contains(Instant.now(clock))) {
                throw Refusal.of(NOT_COLLECTING);
            }
            int deleted = jdbc.update("delete from petition_signature where petition_id = ? and person_id = ? and community_id = ?",
                    p.id(), person.personId(), p.communityId());
            if (deleted == 0) {
                return false;
            }
            jdbc.update("insert into petition_signature_delta (petition_id, delta) values (?, -1)", p.id());
            return true;
        }));
    }

    /**
     * A publicly visible petition of this community with the window in which it takes signatures,
     * read under a key-share lock: signers do not block each other, while a change of state (which
     * locks the row for update) waits for them, and a signer that comes after it sees the new state.
     * Read as the few columns signing needs, without the entity.
     */
    private Signable signable(long id) {
        Community community = CurrentCommunity.require();
        List<Signable> found = jdbc.query("select status, hidden_at, collection_ends_at, threshold from petition"
                + " where id = ? and community_id = ? for key share", (rs, i) -> {
                    Petition.Status status = Petition.Status.valueOf(rs.getString(1));
                    Instant hidden = instant(rs.getTimestamp(2));
                    Instant ends = instant(rs.getTimestamp(3));
                    int threshold = rs.getInt(4);
                    return new Signable(id, community.id(), Petition.publiclyVisible(status, hidden),
                            Petition.signing(status, hidden, ends), rs.wasNull() ? null : threshold);
                }, id, community.id());
        return found.stream().filter(Signable::visible).findFirst().orElseThrow(PetitionService::notFound);
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** What signing and withdrawing need of a petition. */
    private record Signable(long id, long communityId, boolean visible, Participation.Window window, @Nullable Integer threshold) {}

    /**
     * Folds the petition's committed deltas into its stored count, under the row lock, and moves it to
     * consideration if the count reached the threshold (mail to the author, event for the others).
     */
    public void settle(long id) {
        tx.executeWithoutResult(status -> {
            Petition p = petitions.findForUpdate(id).orElse(null);
            if (p == null) {
                return;
            }
            if (p.counted(fold(id), Instant.now(clock), workingDays, answerDays())) {
                events.publishEvent(new PetitionThresholdReached(p.getCommunityId(), p.getId(), p.getTitle(),
                        p.getSignatureCount(), p.getAnswerDueAt()));
                if (p.getAuthorEmail() != null) {
                    mailer.send(p.getAuthorEmail(), UK, "mail.petition.threshold", p.getTitle(), settings.absolute(url(p)));
                }
            }
        });
    }

    /**
     * Moves the deltas of one petition into its stored count and returns the count; the caller holds
     * the petition's row lock (for update, or for no-key update when only folding), always taken
     * before the deltas' so that two folds never wait for each other in a circle.
     */
    private int fold(long id) {
        Integer count = jdbc.queryForObject("with moved as (delete from petition_signature_delta where petition_id = ? returning delta)"
                + " update petition set signature_count = signature_count + (select coalesce(sum(delta), 0) from moved)"
                + " where id = ? returning signature_count", Integer.class, id, id);
        return count == null ? 0 : count;
    }

    /** Folds the deltas of every petition that has some (any community; the job runs every second). */
    public void foldAll() {
        List<Long> ids = jdbc.queryForList("select distinct petition_id from petition_signature_delta", Long.class);
        for (long id : ids) {
            plain.executeWithoutResult(status -> {
                if (!jdbc.queryForList("select id from petition where id = ? for no key update", Long.class, id).isEmpty()) {
                    fold(id);
                }
            });
        }
    }

    /** The stored count with the deltas not yet folded: exact as of this statement. */
    private int exactCount(long id) {
        Integer count = jdbc.queryForObject("select " + EXACT_COUNT + " from petition p where p.id = ?", Integer.class, id);
        return count == null ? 0 : count;
    }

    /** Shows the petition with its exact count (the stored count lags the signatures by up to a second). */
    private Petition exact(Petition p) {
        p.pending(exactCount(p.getId()) - p.getSignatureCount());
        return p;
    }

    @Transactional
    public void report(long id, String reason) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("sign in"));
        Petition p = petitions.findById(id).filter(Petition::publiclyVisible).orElseThrow(PetitionService::notFound);
        if (reason.isBlank() || reason.length() > 1000) {
            throw Refusal.of("petition.error.reportReason");
        }
        jdbc.update("insert into petition_report (community_id, petition_id, person_id, reason, reported_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (petition_id, person_id) do nothing",
                p.getCommunityId(), p.getId(), person.personId(), reason.strip(), Timestamp.from(Instant.now(clock)));
    }

    // ---- moderators and officials

    @Transactional
    public Petition publish(long id) {
        access.require(Role.MODERATOR);
        Petition p = petitions.findForUpdate(id).orElseThrow(PetitionService::notFound);
        p.publish(Instant.now(clock), PetitionsModule.THRESHOLD.value(),
                PetitionsModule.PERIOD_DAYS.value());
        audit.record("petition.published", "petition", p.getId(), p.getTitle());
        if (p.getAuthorEmail() != null) {
            mailer.send(p.getAuthorEmail(), UK, "mail.petition.published", p.getTitle(), settings.absolute(url(p)));
        }
        return p;
    }

    @Transactional
    public Petition reject(long id, String reason) {
        access.require(Role.MODERATOR);
        Petition p = petitions.findForUpdate(id).orElseThrow(PetitionService::notFound);
        p.reject(Instant.now(clock), reason);
        audit.record("petition.rejected", "petition", p.getId(), reason);
        if (p.getAuthorEmail() != null) {
            mailer.send(p.getAuthorEmail(), UK, "mail.petition.rejected", p.getTitle(), reason);
        }
        return p;
    }

    @Transactional
    public Petition hide(long id, String reason) {
        access.require(Role.MODERATOR);
        Petition p = petitions.findForUpdate(id).orElseThrow(PetitionService::notFound);
        p.hide(Instant.now(clock), reason);
        audit.record("petition.hidden", "petition", p.getId(), reason);
        return p;
    }

    @Transactional
    public Petition answer(long id, Petition.Outcome outcome, String text, @Nullable String documentUrl) {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Petition p = petitions.findForUpdate(id).orElseThrow(PetitionService::notFound);
        p.answer(Instant.now(clock), outcome, text, documentUrl);
        audit.record("petition.answered", "petition", p.getId(), outcome.name());
        String link = settings.absolute(url(p));
        if (p.getAuthorEmail() != null) {
            mailer.send(p.getAuthorEmail(), UK, "mail.petition.answered", p.getTitle(), link);
        }
        for (Signature s : signatures.findByPetitionIdAndNotifyTrue(p.getId())) {
            if (s.getNotifyEmail() != null && !s.getNotifyEmail().equalsIgnoreCase(p.getAuthorEmail())) {
                mailer.send(s.getNotifyEmail(), UK, "mail.petition.answered", p.getTitle(), link);
            }
        }
        return p;
    }

    /**
     * Ends the collection of a petition whose period is over; publishes the forwarding event. Always
     * in a transaction of its own, so that a job looping over communities reads each in its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean expireIfDue(long id) {
        Petition p = petitions.findForUpdate(id).orElse(null);
        Instant now = Instant.now(clock);
        if (p == null || !p.expireIfDue(now)) {
            return false;
        }
        p.counted(fold(id), now, workingDays, answerDays()); // no longer collecting: it only takes its final count
        events.publishEvent(new PetitionForwardedAsAppeal(p.getCommunityId(), p.getId(), p.getTitle(), p.getText(),
                p.getAuthorPersonId(), p.getAuthorName(), p.getAuthorEmail(), p.getSignatureCount(), url(p)));
        if (p.getAuthorEmail() != null) {
            mailer.send(p.getAuthorEmail(), UK, "mail.petition.expired", p.getTitle(), settings.absolute(url(p)));
        }
        return true;
    }

    /** Collecting petitions of this community whose stored count reached the threshold (a missed settling). */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public List<Long> dueForSettling() {
        return petitions.findDueForSettling();
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public List<Long> dueForExpiry() {
        return petitions.findDueForExpiry(Instant.now(clock));
    }

    // ---- reading

    /** A petition the current user may see: public ones to all, drafts and rejected to author and moderators. */
    @Transactional(readOnly = true)
    public Petition visible(long id) {
        Petition p = petitions.findById(id).orElseThrow(PetitionService::notFound);
        if (p.publiclyVisible() || isAuthor(p) || access.currentUserHas(Role.MODERATOR)
                || (p.getStatus() != Petition.Status.DRAFT && access.currentUserHas(Role.OFFICIAL))) {
            return p.getPublishedAt() == null ? p : exact(p);
        }
        throw notFound();
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

    /** Everything a petition's page shows, read in one transaction. */
    @Transactional(readOnly = true)
    public PetitionPage page(long id, int signersPerPage) {
        Petition p = visible(id);
        Participation.Requirements required = signingRequirements();
        Participation.Participant who = identity.participant(required);
        boolean signed = who.person() != null
                && signatures.findByPetitionIdAndPersonId(p.getId(), who.person().personId()).isPresent();
        Participation.Answer signing = Participation.decide(who, required, p.signing(), Instant.now(clock), signed)
                .worded(WORDING);
        return new PetitionPage(p, signers(p, 0, signersPerPage), attachments.list(files(p.getId())), signing);
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
    public List<Petition> moderationQueue() {
        access.require(Role.MODERATOR);
        return petitions.findByStatusOrderByModerationDueAtAsc(Petition.Status.MODERATION);
    }

    @Transactional(readOnly = true)
    public List<Petition> considerationQueue() {
        access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN, Role.MODERATOR);
        return petitions.findByStatusOrderByAnswerDueAtAsc(Petition.Status.CONSIDERATION);
    }

    @Transactional(readOnly = true)
    public List<Report> reports() {
        access.require(Role.MODERATOR);
        return jdbc.query("select r.petition_id, p.title, count(*), max(r.reported_at), string_agg(r.reason, ' | ') from petition_report r"
                        + " join petition p on p.id = r.petition_id where r.community_id = ? and p.hidden_at is null"
                        + " group by r.petition_id, p.title order by count(*) desc",
                (r, i) -> new Report(r.getLong(1), r.getString(2), r.getInt(3), r.getTimestamp(4).toInstant(), r.getString(5)),
                CurrentCommunity.require().id());
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

    @Transactional(readOnly = true)
    public Figures figures(int year) {
        Community c = CurrentCommunity.require();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Dates.KYIV).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Dates.KYIV).toInstant();
        Map<Petition.Status, Long> byStatus = new EnumMap<>(Petition.Status.class);
        for (Petition.Status s : Petition.PUBLIC) {
            byStatus.put(s, petitions.countByStatusAndHiddenAtIsNull(s));
        }
        long signers = signatures.countDistinctSigners(from, to);
        double share = c.population() == 0 ? 0 : signers * 100.0 / c.population();
        return new Figures(year, byStatus, signers, signatures.countDistinctDeclaredSigners(from, to), c.population(), share);
    }

    /**
     * Published counts by state, unique signers of the year (and of them, those resident by their own
     * declaration of an address) and their share of the population.
     */
    public record Figures(int year, Map<Petition.Status, Long> byStatus, long uniqueSigners, long declaredSigners,
                          int population, double sharePercent) {}

    /** Abuse reports of one petition. */
    public record Report(long petitionId, String title, int count, Instant last, String reasons) {}

    /** How the petitions module words some of the participation rule's reasons. */
    public static final Map<Participation.Reason, String> WORDING = Map.of(
            Participation.Reason.NOT_OPEN_YET, "petition.error.notCollecting",
            Participation.Reason.CLOSED, "petition.error.notCollecting");

    private static final String NOT_COLLECTING = "petition.error.notCollecting";

    /**
     * Whether the signed-in person may draft petitions here now (the same requirements as signing:
     * the community's level, and residency unless the petitions setting relaxes it).
     */
    public Participation.Answer drafting() {
        Participation.Requirements required = signingRequirements();
        return Participation.decide(identity.participant(required), required, Participation.Window.ALWAYS,
                Instant.now(clock), false).worded(WORDING);
    }

    /** What drafting and signing require: the community's level, and residency unless relaxed; no age. */
    private Participation.Requirements signingRequirements() {
        return identity.requirements(PetitionsModule.RESIDENCY_REQUIRED.value(), 0);
    }

    /** A petition the signed-in person drafted and may still edit; anyone else gets 404. */
    @Transactional(readOnly = true)
    public Petition editableDraft(long id) {
        Petition p = petitions.findById(id).orElseThrow(PetitionService::notFound);
        if (!isAuthor(p) || p.getStatus() != Petition.Status.DRAFT) {
            throw notFound();
        }
        return p;
    }

    /** The signed-in person as the author of a new petition (name and e-mail shown on the form). */
    public Optional<Identity.PersonRef> currentAuthor() {
        return identity.currentPerson();
    }

    public static String url(Petition p) {
        return "/" + CurrentCommunity.require().slug() + "/petitions/" + p.slug();
    }

    private Petition ownDraft(long id) {
        Petition p = petitions.findForUpdate(id).orElseThrow(PetitionService::notFound);
        if (!isAuthor(p)) {
            throw notFound();
        }
        return p;
    }

    private boolean isAuthor(Petition p) {
        SignedInUser user = AccessControl.currentUser().orElse(null);
        return user != null && p.getAuthorAccountId() != null && p.getAuthorAccountId() == user.accountId();
    }

    /** The signed-in person, if they may draft; refused with the reason otherwise. */
    private Identity.PersonRef eligiblePerson() {
        return drafting().require(Refusal::of).signedInPerson();
    }

    private int answerDays() {
        return PetitionsModule.ANSWER_DAYS.value();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("petition.error.notFound");
    }
}
