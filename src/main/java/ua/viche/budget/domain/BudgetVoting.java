package ua.viche.budget.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.identity.ResidencyBasis;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.PlainTransactions;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;

/**
 * Residents back projects: support signatures (when the cycle asks for them) while projects are
 * collected and reviewed, then votes online, and paper ballots that CNAP staff register for them.
 * Votes are rows with one per person and project (a unique constraint), added under a lock on the
 * voter's ballot row so that the votes allowed are never exceeded, whatever the number of sessions.
 */
@Service
public class BudgetVoting {

    private final BudgetRecords records;
    private final JdbcTemplate jdbc;
    private final PlainTransactions plain;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    BudgetVoting(BudgetRecords records, JdbcTemplate jdbc, PlainTransactions plain, Identity identity, AccessControl access,
                 AuditLog audit, Clock clock) {
        this.records = records;
        this.jdbc = jdbc;
        this.plain = plain;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A support signature (when the cycle asks for them), one per person, while projects are collected and reviewed. */
    @Transactional
    public boolean support(long projectId) {
        Project p = records.forUpdate(projectId);
        if (!Project.publiclyVisible(p.getStatus())) {
            throw BudgetRecords.notFound(); // someone's draft is not there for anyone else
        }
        Cycle cycle = records.cycle(p.getCycleId());
        Cycle.require(cycle.getSupportsNeeded() > 0, "budget.error.noSupports");
        Participation.Requirements required = identity.requirements(cycle.isResidencyRequired(), cycle.getMinVoterAge());
        Identity.PersonRef person = Participation.decide(identity.participant(required), required, cycle.supporting(),
                Instant.now(clock), false).worded(BudgetRecords.SUPPORTING).require(Refusal::of).signedInPerson();
        int added = jdbc.update("insert into budget_support (community_id, project_id, person_id, supported_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", p.getCommunityId(), p.getId(), person.personId(), Timestamp.from(Instant.now(clock)));
        if (added == 1) {
            p.supported();
        }
        return added == 1;
    }

    /**
     * Votes for a project as the signed-in person; false when the vote was already there. Plain SQL
     * in a plain JDBC transaction, without an entity manager (decision 0025).
     */
    public boolean vote(long projectId) {
        return Boolean.TRUE.equals(plain.execute(status -> {
            VoteTarget t = voteTarget(projectId).filter(VoteTarget::visible).orElseThrow(BudgetRecords::notFound);
            Participation.Requirements required = identity.requirements(t.residencyRequired(), t.minVoterAge());
            Participation.Answer voter = Participation.decide(identity.participant(required), required, t.window(),
                    Instant.now(clock), false).worded(BudgetRecords.VOTING).require(Refusal::of);
            return addVote(t, voter.signedInPerson().personId(), "WEB", null, voter.declaredResidency());
        }));
    }

    /** Takes back a vote while voting is open. */
    public boolean unvote(long projectId) {
        return Boolean.TRUE.equals(plain.execute(status -> {
            VoteTarget t = voteTarget(projectId).filter(VoteTarget::visible).orElseThrow(BudgetRecords::notFound);
            Cycle.require(t.phase() == Cycle.Phase.VOTING, "budget.error.notVoting");
            Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("sign in"));
            lockBallot(t.communityId(), t.cycleId(), person.personId());
            return jdbc.update("delete from budget_vote where project_id = ? and person_id = ? and channel = 'WEB'",
                    t.projectId(), person.personId()) == 1;
        }));
    }

    /**
     * What a vote needs of a project and its cycle. People vote at once, so this is one statement of
     * plain SQL, not two JPA reads (decision 0024).
     */
    private record VoteTarget(long projectId, long communityId, long cycleId, long categoryId, boolean visible,
                              boolean votable, Cycle.Phase phase, Participation.Window window, int votesPerPerson,
                              boolean onePerCategory, int minVoterAge, boolean residencyRequired) {}

    private Optional<VoteTarget> voteTarget(long projectId) {
        LocalDate today = records.today();
        return jdbc.query("select p.status, p.cycle_id, p.category_id, c.submission_starts, c.submission_ends, c.review_ends,"
                + " c.voting_starts, c.voting_ends, c.results_on, c.votes_per_person, c.one_per_category, c.min_voter_age,"
                + " c.residency_required, p.community_id from budget_project p join budget_cycle c on c.id = p.cycle_id"
                + " where p.id = ? and p.community_id = ?", (rs, i) -> {
                    Project.Status status = Project.Status.valueOf(rs.getString(1));
                    Cycle.Phase phase = Cycle.phase(today, rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                            rs.getObject(9, LocalDate.class));
                    Participation.Window window = Cycle.voting(rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalDate.class));
                    return new VoteTarget(projectId, rs.getLong(14), rs.getLong(2), rs.getLong(3), Project.publiclyVisible(status),
                            Project.votable(status), phase, window, rs.getInt(10), rs.getBoolean(11), rs.getInt(12),
                            rs.getBoolean(13));
                }, projectId, CurrentCommunity.require().id()).stream().findFirst();
    }

    /**
     * Registers the paper ballot of a person who voted at a CNAP: the official identifies the
     * person by the tax number on their documents, so that they cannot vote again online or on paper,
     * and confirms the registered residence from the same documents when the cycle requires it.
     */
    @Transactional
    public List<Long> paperVote(long cycleId, String taxNumber, String lastName, String givenName, String middleName,
                                boolean residenceSeen, List<Long> projectIds) {
        SignedInUser official = access.require(Role.CNAP_ADMINISTRATOR, Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        Cycle cycle = records.cycle(cycleId);
        Cycle.require(!projectIds.isEmpty(), "budget.error.noProjects");
        Identity.DocumentedPerson person;
        try {
            person = identity.personByTaxNumber(taxNumber, lastName, givenName, middleName);
        } catch (IllegalArgumentException e) {
            throw Refusal.of("budget.error.taxNumber");
        }
        Participation.Requirements required = identity.requirements(cycle.isResidencyRequired(), cycle.getMinVoterAge());
        // the official may confirm the residence from the person's documents (their registered address)
        ResidencyBasis basis = residenceSeen ? ResidencyBasis.VERIFIED_ADDRESS
                : required.residency() ? identity.residency(person.personId()).orElse(null) : null;
        lockBallot(cycle.getCommunityId(), cycle.getId(), person.personId());
        boolean voted = jdbc.queryForObject("select count(*) from budget_vote where cycle_id = ? and person_id = ?",
                Integer.class, cycle.getId(), person.personId()) > 0;
        boolean declared = Participation.decide(Participation.Participant.documented(person.birthDate(), basis), required,
                cycle.voting(), Instant.now(clock), voted).worded(BudgetRecords.PAPER).require(Refusal::of).declaredResidency();
        List<Long> added = new ArrayList<>();
        for (long id : new LinkedHashSet<>(projectIds)) {
            VoteTarget t = voteTarget(id).filter(x -> x.cycleId() == cycle.getId()).orElseThrow(BudgetRecords::notFound);
            addVote(t, person.personId(), "PAPER", official.accountId(), declared);
            added.add(id);
        }
        audit.record("budget.paperVote", "budget_cycle", cycle.getId(), added.size() + " votes");
        return added;
    }

    private boolean addVote(VoteTarget t, long personId, String channel, @Nullable Long registeredBy, boolean declaredResidency) {
        Cycle.require(t.phase() == Cycle.Phase.VOTING, "budget.error.notVoting");
        Cycle.require(t.votable(), "budget.error.notVotable");
        lockBallot(t.communityId(), t.cycleId(), personId);
        // the person's votes in the cycle, as (project, category) pairs: whether this one is there, and what is left
        List<long[]> mine = jdbc.query("select project_id, category_id from budget_vote where cycle_id = ? and person_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, t.cycleId(), personId);
        if (mine.stream().anyMatch(v -> v[0] == t.projectId())) {
            return false;
        }
        if (t.onePerCategory()) {
            Cycle.require(mine.stream().noneMatch(v -> v[1] == t.categoryId()), "budget.error.oneInCategory");
        } else {
            Cycle.require(mine.size() < t.votesPerPerson(), "budget.error.noVotesLeft");
        }
        jdbc.update("insert into budget_vote (community_id, cycle_id, category_id, project_id, person_id, cast_at, channel,"
                        + " registered_by_account_id, declared_residency) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", t.communityId(), t.cycleId(),
                t.categoryId(), t.projectId(), personId, Timestamp.from(Instant.now(clock)), channel, registeredBy,
                declaredResidency);
        return true;
    }

    /**
     * Takes (creating if needed) and locks the person's ballot row of the cycle until the transaction
     * ends, in one statement: an insert that meets the existing row updates it, which locks it as
     * {@code for update} would (the update leaves the row as it was).
     */
    private void lockBallot(long communityId, long cycleId, long personId) {
        jdbc.update("insert into budget_ballot (community_id, cycle_id, person_id, first_vote_at) values (?, ?, ?, ?)"
                + " on conflict (cycle_id, person_id) do update set first_vote_at = budget_ballot.first_vote_at",
                communityId, cycleId, personId, Timestamp.from(Instant.now(clock)));
    }
}
