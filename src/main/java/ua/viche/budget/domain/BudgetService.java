package ua.viche.budget.domain;

import ua.viche.platform.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.budget.results.Ballot;
import ua.viche.budget.results.Candidate;
import ua.viche.budget.results.Outcome;
import ua.viche.budget.results.Results;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.identity.ResidencyBasis;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import ua.viche.platform.FileStore;
import ua.viche.platform.PlainTransactions;

/**
 * The participatory budget's use cases in the current community. Rules of a cycle's phases live
 * in {@link Cycle}, of a project in {@link Project}; votes are rows with one per person and project
 * (a unique constraint), added under a lock on the voter's ballot row so that the votes allowed are
 * never exceeded, whatever the number of sessions.
 */
@Service
public class BudgetService {

    private static final Set<Project.Status> PUBLIC = Set.of(Project.Status.SUBMITTED, Project.Status.ADMITTED,
            Project.Status.REJECTED, Project.Status.WON, Project.Status.LOST);
    private static final Set<Project.Status> IN_VOTE = Set.of(Project.Status.ADMITTED, Project.Status.WON, Project.Status.LOST);

    private final CycleRepository cycles;
    private final CategoryRepository categories;
    private final ProjectRepository projects;
    private final CostLineRepository costs;
    private final Attachments photos;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Communities communities;
    private final Clock clock;

    private final PlainTransactions plain;

    BudgetService(CycleRepository cycles, CategoryRepository categories, ProjectRepository projects, CostLineRepository costs,
                  Attachments photos, JdbcTemplate jdbc, Identity identity, AccessControl access, AuditLog audit, Communities communities,
                  Clock clock, PlainTransactions plain) {
        this.plain = plain;
        this.cycles = cycles;
        this.categories = categories;
        this.projects = projects;
        this.costs = costs;
        this.photos = photos;
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.communities = communities;
        this.clock = clock;
    }

    /** A category as the admin enters it: names and sum in kopecks. */
    public record CategoryDraft(String nameUk, String nameEn, long amount) {}

    // ---- community admins

    @Transactional
    public Cycle createCycle(Cycle.Rules rules, List<CategoryDraft> drafts) {
        access.require(Role.COMMUNITY_ADMIN);
        Cycle.require(!drafts.isEmpty() && drafts.size() <= 20, "budget.error.categories");
        Cycle cycle = cycles.save(new Cycle(rules, Instant.now(clock)));
        int position = 0;
        for (CategoryDraft d : drafts) {
            categories.save(new Category(cycle.getId(), d.nameUk(), d.nameEn(), d.amount(), position++));
        }
        audit.record("budget.cycleCreated", "budget_cycle", cycle.getId(), cycle.getName());
        return cycle;
    }

    @Transactional
    public Cycle changeCycle(long id, Cycle.Rules rules) {
        access.require(Role.COMMUNITY_ADMIN);
        Cycle cycle = cycle(id);
        cycle.change(rules);
        audit.record("budget.cycleChanged", "budget_cycle", id, cycle.getName());
        return cycle;
    }

    /** Sends a submitted project to a department for review. */
    @Transactional
    public Project assign(long projectId, long departmentId) {
        access.require(Role.COMMUNITY_ADMIN);
        Project p = forUpdate(projectId);
        communities.department(departmentId).orElseThrow(() -> Refusal.of("budget.error.department"));
        p.assignTo(departmentId);
        audit.record("budget.assigned", "budget_project", p.getId(), String.valueOf(departmentId));
        return p;
    }

    @Transactional
    public Project councilDecision(long projectId, String text) {
        access.require(Role.COMMUNITY_ADMIN);
        Project p = forUpdate(projectId);
        p.councilDecision(text);
        audit.record("budget.councilDecision", "budget_project", p.getId(), text.strip());
        return p;
    }

    /** Marks the winners and losers of every category by the cycle's method; once, after voting closed. */
    @Transactional
    public Map<Long, Outcome> publishResults(long cycleId) {
        access.require(Role.COMMUNITY_ADMIN);
        Cycle cycle = cycle(cycleId);
        Cycle.Phase phase = cycle.phase(today());
        Cycle.require(phase == Cycle.Phase.COUNTING || phase == Cycle.Phase.RESULTS, "budget.error.votingNotOver");
        cycle.resultsPublished(Instant.now(clock));
        Map<Long, Outcome> outcomes = results(cycle);
        outcomes.values().forEach(o -> o.lines().forEach(line ->
                forUpdate(line.projectId()).result(line.won(), (int) line.votes())));
        audit.record("budget.resultsPublished", "budget_cycle", cycleId, cycle.getName());
        return outcomes;
    }

    // ---- residents

    /** A new draft by the signed-in person, in the submission phase. */
    @Transactional
    public Project draft(long cycleId, Project.Draft draft) {
        return draft(cycleId, draft, List.of());
    }

    /** A new draft with photos (JPEG or PNG by content, at most 5, 5 MB each). */
    @Transactional
    public Project draft(long cycleId, Project.Draft draft, List<FileStore.Upload> uploads) {
        Cycle cycle = cycle(cycleId);
        Identity.PersonRef author = authoring(cycle).require(Refusal::of).signedInPerson();
        Project p = new Project(cycle.getId(), author.personId(), author.accountId(), author.name(), Instant.now(clock));
        p.write(draft, categoryOf(cycle, draft.categoryId()).getAmount());
        checkPlace(draft);
        checkPhotos(uploads, 0);
        projects.save(p);
        saveLines(p, draft.costs(), false);
        storePhotos(p, null, uploads);
        return p;
    }

    @Transactional
    public Project edit(long projectId, Project.Draft draft) {
        return edit(projectId, draft, List.of());
    }

    @Transactional
    public Project edit(long projectId, Project.Draft draft, List<FileStore.Upload> uploads) {
        Project p = ownDraft(projectId);
        Cycle cycle = cycle(p.getCycleId());
        Cycle.require(cycle.phase(today()) == Cycle.Phase.SUBMISSION, "budget.error.notSubmission");
        p.write(draft, categoryOf(cycle, draft.categoryId()).getAmount());
        checkPlace(draft);
        checkPhotos(uploads, photos.count(photosOf(p.getId(), null)));
        costs.deleteByProjectIdAndRevised(p.getId(), false);
        saveLines(p, draft.costs(), false);
        storePhotos(p, null, uploads);
        return p;
    }

    @Transactional
    public Project submit(long projectId) {
        Project p = ownDraft(projectId);
        Cycle cycle = cycle(p.getCycleId());
        Cycle.require(cycle.phase(today()) == Cycle.Phase.SUBMISSION, "budget.error.notSubmission");
        p.submit(Instant.now(clock));
        return p;
    }

    /** A support signature (when the cycle asks for them), one per person, while projects are collected and reviewed. */
    @Transactional
    public boolean support(long projectId) {
        Project p = forUpdate(projectId);
        Cycle cycle = cycle(p.getCycleId());
        Cycle.require(cycle.getSupportsNeeded() > 0, "budget.error.noSupports");
        Participation.Requirements required = identity.requirements(cycle.isResidencyRequired(), cycle.getMinVoterAge());
        Identity.PersonRef person = Participation.decide(identity.participant(required), required, cycle.supporting(),
                Instant.now(clock), false).worded(SUPPORTING).require(Refusal::of).signedInPerson();
        int added = jdbc.update("insert into budget_support (community_id, project_id, person_id, supported_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", p.getCommunityId(), p.getId(), person.personId(), Timestamp.from(Instant.now(clock)));
        if (added == 1) {
            p.supported();
        }
        return added == 1;
    }

    @Transactional
    public Project reply(long projectId, String text) {
        Project p = forUpdate(projectId);
        if (!isAuthor(p)) {
            throw notFound();
        }
        p.reply(text, Instant.now(clock));
        return p;
    }

    /**
     * Votes for a project as the signed-in person; false when the vote was already there. Plain SQL
     * in a plain JDBC transaction, without an entity manager (decision 0025).
     */
    public boolean vote(long projectId) {
        return Boolean.TRUE.equals(plain.execute(status -> {
            VoteTarget t = voteTarget(projectId).filter(VoteTarget::visible).orElseThrow(BudgetService::notFound);
            Participation.Requirements required = identity.requirements(t.residencyRequired(), t.minVoterAge());
            Participation.Answer voter = Participation.decide(identity.participant(required), required, t.window(),
                    Instant.now(clock), false).worded(VOTING).require(Refusal::of);
            return addVote(t, voter.signedInPerson().personId(), "WEB", null, voter.declaredResidency());
        }));
    }

    /** Takes back a vote while voting is open. */
    public boolean unvote(long projectId) {
        return Boolean.TRUE.equals(plain.execute(status -> {
            VoteTarget t = voteTarget(projectId).filter(VoteTarget::visible).orElseThrow(BudgetService::notFound);
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
        LocalDate today = today();
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
        Cycle cycle = cycle(cycleId);
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
                cycle.voting(), Instant.now(clock), voted).worded(PAPER).require(Refusal::of).declaredResidency();
        List<Long> added = new ArrayList<>();
        for (long id : new LinkedHashSet<>(projectIds)) {
            VoteTarget t = voteTarget(id).filter(x -> x.cycleId() == cycle.getId()).orElseThrow(BudgetService::notFound);
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

    // ---- reviewers and officials

    /** The review of a department's official: feasible or not, reasons, and a revised breakdown when the cost changes. */
    @Transactional
    public Project review(long projectId, boolean feasible, String reason, @Nullable List<CostLine.Item> revised) {
        Project p = forUpdate(projectId);
        SignedInUser reviewer = AccessControl.requireUser();
        if (!access.scope(Role.OFFICIAL, Role.COMMUNITY_ADMIN).map(s -> s.covers(p.getDepartmentId())).orElse(false)) {
            throw new AccessDeniedException("not this department's project");
        }
        Cycle cycle = cycle(p.getCycleId());
        Cycle.Phase phase = cycle.phase(today());
        Cycle.require(phase == Cycle.Phase.SUBMISSION || phase == Cycle.Phase.REVIEW, "budget.error.notReviewPhase");
        Long newCost = null;
        if (revised != null && !revised.isEmpty()) {
            revised.forEach(CostLine.Item::check);
            newCost = Project.total(revised);
        }
        p.review(feasible, reason, newCost, categoryOf(cycle, p.getCategoryId()).getAmount(), cycle.getSupportsNeeded(),
                p.getDepartmentId(), reviewer.displayName(), Instant.now(clock));
        if (newCost != null) {
            costs.deleteByProjectIdAndRevised(p.getId(), true);
            saveLines(p, revised, true);
        }
        audit.record(feasible ? "budget.admitted" : "budget.rejected", "budget_project", p.getId(), reason.strip());
        return p;
    }

    /** A public implementation update (officials) or a note by the author. */
    @Transactional
    public Project implementationUpdate(long projectId, Project.@Nullable Implementation state, @Nullable Long spent, String text) {
        return implementationUpdate(projectId, state, spent, text, List.of());
    }

    /** An implementation update with photos of the work. */
    @Transactional
    public Project implementationUpdate(long projectId, Project.@Nullable Implementation state, @Nullable Long spent, String text,
                                        List<FileStore.Upload> uploads) {
        Project p = forUpdate(projectId);
        boolean official = access.currentUserHas(Role.OFFICIAL) || access.currentUserHas(Role.COMMUNITY_ADMIN);
        if (!official && !isAuthor(p)) {
            throw new AccessDeniedException("author or official");
        }
        Cycle.require(!text.isBlank() && text.length() <= 4000, "budget.error.updateText");
        if (official && state != null) {
            p.implementation(state, spent == null ? p.getSpent() : spent);
            audit.record("budget.implementation", "budget_project", p.getId(), state + " " + p.getSpent());
        } else {
            Cycle.require(p.getStatus() == Project.Status.WON, "budget.error.notWinner");
        }
        checkPhotos(uploads, 0);
        Long updateId = jdbc.queryForObject("insert into budget_update (community_id, project_id, at, author_name, status, spent, text)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                p.getCommunityId(), p.getId(), Timestamp.from(Instant.now(clock)), AccessControl.requireUser().displayName(),
                official && state != null ? state.name() : null, official && state != null ? p.getSpent() : null, text.strip());
        storePhotos(p, updateId, uploads);
        return p;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public List<Cycle> cycles() {
        return cycles.findAllByOrderByYearDescIdDesc();
    }

    @Transactional(readOnly = true)
    public Cycle cycle(long id) {
        return cycles.findById(id).orElseThrow(BudgetService::notFound);
    }

    @Transactional(readOnly = true)
    public List<Category> categories(long cycleId) {
        return categories.findByCycleIdOrderByPositionAscIdAsc(cycleId);
    }

    /** The cycle's public projects (not drafts), oldest submission first. */
    @Transactional(readOnly = true)
    public List<Project> projects(long cycleId) {
        return projects.findByCycleIdAndStatusInOrderBySubmittedAtAscIdAsc(cycleId, PUBLIC);
    }

    /** A project the current user may see: public ones to all, drafts to their author. */
    @Transactional(readOnly = true)
    public Project visible(long id) {
        return projects.findById(id).filter(p -> p.publiclyVisible() || isAuthor(p)).orElseThrow(BudgetService::notFound);
    }

    /** Everything a project's page shows, read in one transaction. */
    @Transactional(readOnly = true)
    public ProjectPage page(long projectId) {
        Project p = visible(projectId);
        Cycle cycle = cycle(p.getCycleId());
        long votes = jdbc.queryForObject("select count(*) from budget_vote where project_id = ?", Long.class, p.getId());
        Set<Long> mine = myVotes(p.getCycleId());
        Participation.Requirements required = identity.requirements(cycle.isResidencyRequired(), cycle.getMinVoterAge());
        Participation.Participant who = identity.participant(required);
        Instant now = Instant.now(clock);
        Participation.Answer voting = Participation.decide(who, required,
                p.votable() ? cycle.voting() : Participation.Window.closed(), now, mine.contains(p.getId())).worded(VOTING);
        boolean supported = who.person() != null && !jdbc.queryForList("select 1 from budget_support where project_id = ?"
                + " and person_id = ?", Integer.class, p.getId(), who.person().personId()).isEmpty();
        Participation.Answer supporting = Participation.decide(who, required,
                cycle.getSupportsNeeded() > 0 && p.getStatus() == Project.Status.SUBMITTED ? cycle.supporting()
                        : Participation.Window.closed(), now, supported).worded(SUPPORTING);
        return new ProjectPage(p, costs.findByProjectIdOrderByRevisedAscPositionAsc(p.getId()), updatesOf(p.getId()),
                photos(p.getId(), updatesOf(p.getId())), votes, mine.size(), isAuthor(p), voting, supporting);
    }

    /**
     * A project with its cost lines, updates, photos, votes, and the signed-in person's part in it: their
     * answers for voting for it and supporting it now, which the page follows and the actions decide again.
     */
    public record ProjectPage(Project project, List<CostLine> lines, List<Update> updates, List<Attachment> photos, long votes,
                              int myVoteCount, boolean author, Participation.Answer voting, Participation.Answer supporting) {

        public boolean voted() {
            return voting.alreadyDone();
        }
    }

    @Transactional(readOnly = true)
    public List<CostLine> costLines(long projectId) {
        return costs.findByProjectIdOrderByRevisedAscPositionAsc(visible(projectId).getId());
    }

    /** Photos of a project the current user may see (the author's and the implementation's). */
    @Transactional(readOnly = true)
    public List<Attachment> photos(long projectId) {
        long id = visible(projectId).getId();
        return photos(id, updatesOf(id));
    }

    private List<Attachment> photos(long projectId, List<Update> updates) {
        List<Attachment> all = new ArrayList<>(photos.list(photosOf(projectId, null)));
        all.addAll(photos.list("budget", "update", updates.stream().map(Update::id).toList()));
        return all;
    }

    /** A project as the owner of its author's photos, or one of its updates as the owner of the work's photos. */
    static Attachments.Owner photosOf(long projectId, @Nullable Long updateId) {
        return updateId == null ? new Attachments.Owner("budget", "project", projectId) : new Attachments.Owner("budget", "update", updateId);
    }

    @Transactional(readOnly = true)
    public Attachment photo(long projectId, long photoId) {
        long id = visible(projectId).getId();
        List<Attachments.Owner> owners = new ArrayList<>(List.of(photosOf(id, null)));
        updatesOf(id).forEach(u -> owners.add(photosOf(id, u.id())));
        return photos.find(owners, photoId).orElseThrow(BudgetService::notFound);
    }

    private List<Update> updatesOf(long projectId) {
        return jdbc.query("select id, at, author_name, status, spent, text from budget_update where project_id = ? order by at, id",
                (r, i) -> new Update(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                        r.getObject(5) == null ? null : r.getLong(5), r.getString(6)), projectId);
    }

    public record Update(long id, Instant at, String authorName, @Nullable String status, @Nullable Long spent, String text) {}

    /** Votes per project of the cycle (live during voting). */
    @Transactional(readOnly = true)
    public Map<Long, Long> voteCounts(long cycleId) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("select project_id, count(*) from budget_vote where cycle_id = ? group by project_id",
                rs -> { counts.put(rs.getLong(1), rs.getLong(2)); }, cycleId);
        return counts;
    }

    /** The projects the signed-in person voted for in the cycle. */
    @Transactional(readOnly = true)
    public Set<Long> myVotes(long cycleId) {
        return identity.currentPerson().map(p -> Set.copyOf(jdbc.queryForList(
                "select project_id from budget_vote where cycle_id = ? and person_id = ?", Long.class, cycleId, p.personId())))
                .orElse(Set.of());
    }

    /** Results of every category by the cycle's method, from the votes as they stand (deterministic). */
    @Transactional(readOnly = true)
    public Map<Long, Outcome> results(long cycleId) {
        return results(cycle(cycleId));
    }

    private Map<Long, Outcome> results(Cycle cycle) {
        Map<Long, List<Long>> approvals = new HashMap<>();
        jdbc.query("select person_id, project_id from budget_vote where cycle_id = ? order by person_id, project_id",
                rs -> { approvals.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)); }, cycle.getId());
        List<Project> inVote = projects.findByCycleIdAndStatusInOrderBySubmittedAtAscIdAsc(cycle.getId(), IN_VOTE);
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        for (Category c : categories(cycle.getId())) {
            List<Project> here = inVote.stream().filter(p -> p.getCategoryId() == c.getId()).toList();
            Set<Long> ids = new HashSet<>(here.stream().map(Project::getId).toList());
            List<Candidate> candidates = here.stream().map(p -> new Candidate(p.getId(), p.effectiveCost(),
                    p.getSubmittedAt() == null ? p.getCreatedAt() : p.getSubmittedAt())).toList();
            List<Ballot> ballots = new ArrayList<>();
            approvals.forEach((voter, chosen) -> {
                Set<Long> inCategory = new HashSet<>(chosen);
                inCategory.retainAll(ids);
                if (!inCategory.isEmpty()) {
                    ballots.add(new Ballot(voter, inCategory));
                }
            });
            outcomes.put(c.getId(), Results.of(cycle.getMethod(), c.getAmount(), cycle.getMaxProjects(), candidates, ballots));
        }
        return outcomes;
    }

    /** Participation figures of a cycle and its share of the population (programme indicator). */
    @Transactional(readOnly = true)
    public Figures figures(long cycleId) {
        Cycle cycle = cycle(cycleId);
        Community c = CurrentCommunity.require();
        long submitted = projects.countByCycleIdAndStatusIn(cycle.getId(), PUBLIC);
        long admitted = projects.countByCycleIdAndStatusIn(cycle.getId(), IN_VOTE);
        long voters = jdbc.queryForObject("select count(distinct person_id) from budget_vote where cycle_id = ?", Long.class, cycleId);
        long votes = jdbc.queryForObject("select count(*) from budget_vote where cycle_id = ?", Long.class, cycleId);
        long online = jdbc.queryForObject("select count(distinct person_id) from budget_vote where cycle_id = ? and channel = 'WEB'",
                Long.class, cycleId);
        long declared = jdbc.queryForObject("select count(distinct person_id) from budget_vote where cycle_id = ? and declared_residency",
                Long.class, cycleId);
        Map<Long, long[]> counts = new LinkedHashMap<>();
        categories(cycleId).forEach(category -> counts.put(category.getId(), new long[4]));
        jdbc.query("select category_id, count(*) filter (where status <> 'DRAFT'),"
                + " count(*) filter (where status in ('ADMITTED', 'WON', 'LOST')) from budget_project where cycle_id = ?"
                + " group by category_id", rs -> {
                    long[] n = counts.get(rs.getLong(1));
                    if (n != null) {
                        n[0] = rs.getLong(2);
                        n[1] = rs.getLong(3);
                    }
                }, cycleId);
        jdbc.query("select category_id, count(distinct person_id), count(*) from budget_vote where cycle_id = ? group by category_id",
                rs -> {
                    long[] n = counts.get(rs.getLong(1));
                    if (n != null) {
                        n[2] = rs.getLong(2);
                        n[3] = rs.getLong(3);
                    }
                }, cycleId);
        Map<Long, CategoryFigures> byCategory = new LinkedHashMap<>();
        counts.forEach((id, n) -> byCategory.put(id, new CategoryFigures(n[0], n[1], n[2], n[3])));
        return new Figures(submitted, admitted, voters, online, declared, votes, c.population(),
                c.population() == 0 ? 0 : online * 100.0 / c.population(), byCategory);
    }

    /**
     * Projects, voters (all, online — the programme counts online ones — and those resident by their own
     * declaration of an address), votes, share of residents voting online, per category.
     */
    public record Figures(long submitted, long admitted, long voters, long onlineVoters, long declaredVoters, long votes, int population,
                          double onlineVoterPercent, Map<Long, CategoryFigures> byCategory) {}

    /** One category's projects submitted and admitted, its voters and votes. */
    public record CategoryFigures(long submitted, long admitted, long voters, long votes) {}

    /** How the budget words some of the participation rule's reasons, whatever the action. */
    private static final Map<Participation.Reason, String> WORDING = Map.of(
            Participation.Reason.NOT_RESIDENT, "budget.error.notResident",
            Participation.Reason.AGE_UNKNOWN, "budget.error.ageUnknown",
            Participation.Reason.TOO_YOUNG, "budget.error.tooYoung");
    static final Map<Participation.Reason, String> SUBMITTING = wording("budget.error.notSubmission", null);
    static final Map<Participation.Reason, String> SUPPORTING = wording("budget.error.notSupportPhase", "budget.project.alreadySupported");
    static final Map<Participation.Reason, String> VOTING = wording("budget.error.notVoting", "budget.vote.already");
    static final Map<Participation.Reason, String> PAPER = wording("budget.error.notVoting", "budget.error.alreadyVoted");

    private static Map<Participation.Reason, String> wording(String notNow, @Nullable String alreadyDone) {
        Map<Participation.Reason, String> words = new HashMap<>(WORDING);
        words.put(Participation.Reason.NOT_OPEN_YET, notNow);
        words.put(Participation.Reason.CLOSED, notNow);
        if (alreadyDone != null) {
            words.put(Participation.Reason.ALREADY_DONE, alreadyDone);
        }
        return Map.copyOf(words);
    }

    /** Whether the signed-in person may draft a project in the cycle now (the author's age, submission phase). */
    public Participation.Answer authoring(Cycle cycle) {
        Participation.Requirements required = identity.requirements(cycle.isResidencyRequired(), cycle.getMinAuthorAge());
        return Participation.decide(identity.participant(required), required, cycle.submission(), Instant.now(clock), false)
                .worded(SUBMITTING);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    public boolean isAuthor(Project p) {
        return identity.currentPerson().map(person -> person.personId() == p.getAuthorPersonId()).orElse(false);
    }

    public static String url(Project p) {
        return "/" + CurrentCommunity.require().slug() + "/budget/projects/" + p.getId();
    }

    // ---- internals

    private void checkPlace(Project.Draft d) {
        if (d.latitude() != null && d.longitude() != null) {
            CurrentCommunity.require().area().filter(a -> !a.contains(d.latitude(), d.longitude()))
                    .ifPresent(a -> { throw Refusal.of("budget.error.outsideCommunity"); });
        }
    }

    private static void checkPhotos(List<FileStore.Upload> uploads, long existing) {
        Attachments.Policy.PHOTOS.refusal(uploads, existing)
                .ifPresent(r -> { throw Refusal.of("budget.error." + r.key()); });
    }

    private void storePhotos(Project p, @Nullable Long updateId, List<FileStore.Upload> uploads) {
        photos.store(photosOf(p.getId(), updateId), Attachments.Policy.PHOTOS, uploads);
    }

    private Category categoryOf(Cycle cycle, long categoryId) {
        return categories.findById(categoryId).filter(c -> c.getCycleId() == cycle.getId())
                .orElseThrow(() -> Refusal.of("budget.error.category"));
    }

    private void saveLines(Project p, List<CostLine.Item> items, boolean revised) {
        int position = 0;
        for (CostLine.Item item : items) {
            costs.save(new CostLine(p.getId(), position++, item, revised));
        }
    }

    private Project ownDraft(long id) {
        Project p = forUpdate(id);
        if (!isAuthor(p)) {
            throw notFound();
        }
        Cycle.require(p.getStatus() == Project.Status.DRAFT, "budget.error.notDraft");
        return p;
    }

    private Project forUpdate(long id) {
        return projects.findForUpdate(id).orElseThrow(BudgetService::notFound);
    }

    static NotFoundException notFound() {
        return new NotFoundException("budget.notFound");
    }
}
