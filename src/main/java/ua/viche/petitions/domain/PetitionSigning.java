package ua.viche.petitions.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.petitions.PetitionForwardedAsAppeal;
import ua.viche.petitions.PetitionThresholdReached;
import ua.viche.petitions.PetitionsModule;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.PlainTransactions;
import ua.viche.platform.Refusal;
import ua.viche.platform.WorkingDays;

/**
 * Collecting signatures: residents sign and withdraw while a petition collects; the signatures are
 * counted (deltas folded into the stored count, decision 0021), a petition whose count reaches the
 * threshold moves to consideration, and one whose period ends below it is forwarded as an appeal.
 */
@Service
public class PetitionSigning {

    private static final String NOT_COLLECTING = "petition.error.notCollecting";

    private final PetitionRepository petitions;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final PlainTransactions plain;
    private final PetitionRecords records;

    PetitionSigning(PetitionRepository petitions, JdbcTemplate jdbc, Identity identity, WorkingDays workingDays,
                    ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
                    PlainTransactions plain, PetitionRecords records) {
        this.petitions = petitions;
        this.jdbc = jdbc;
        this.identity = identity;
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.plain = plain;
        this.records = records;
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
            Participation.Requirements required = records.signingRequirements();
            Participation.Participant who = identity.participant(required);
            Signable p = signable(id);
            Instant now = Instant.now(clock);
            Participation.Answer answer = Participation.decide(who, required, p.window(), now, false)
                    .worded(PetitionRecords.WORDING).require(Refusal::of);
            Identity.PersonRef person = answer.signedInPerson();
            // one round trip: the signature (once per person), its +1 delta, and the exact count after it
            // (a statement does not see its own inserts, hence the count of "added" on top)
            Map<String, Object> r = jdbc.queryForMap("with added as (insert into petition_signature (community_id, petition_id,"
                            + " person_id, signer_name, signed_at, notify, notify_email, declared_residency) values (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict (petition_id, person_id) do nothing returning petition_id),"
                            + " delta as (insert into petition_signature_delta (petition_id, delta) select petition_id, 1 from added)"
                            + " select (select count(*) from added) as added, " + PetitionRecords.EXACT_COUNT
                            + " + (select count(*) from added) as count from petition p where p.id = ?",
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
        return found.stream().filter(Signable::visible).findFirst().orElseThrow(PetitionRecords::notFound);
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
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
                records.tellAuthor(p, "mail.petition.threshold", p.getTitle(), records.link(p));
                records.changed(p, Instant.now(clock));
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
                p.getAuthorPersonId(), p.getAuthorName(), p.getAuthorEmail(), p.getSignatureCount(), PetitionService.url(p)));
        records.tellAuthor(p, "mail.petition.expired", p.getTitle(), records.link(p));
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

    private int answerDays() {
        return PetitionsModule.ANSWER_DAYS.value();
    }
}
