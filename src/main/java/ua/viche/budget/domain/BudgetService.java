package ua.viche.budget.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.CurrentCommunity;

/**
 * Reading the participatory budget in the current community: cycles, categories, projects as each
 * person may see them (drafts only to their author) with everything a project's page shows, the
 * signed-in person's votes, the community's day. The actions are use cases of their own:
 * {@link CycleAdministration} (admins), {@link ProjectAuthoring} (residents write),
 * {@link ProjectReview} (departments review), {@link BudgetVoting} (support, votes, paper ballots),
 * {@link ProjectImplementation} (updates on the work); the numbers are {@link BudgetFigures}. Rules of
 * a cycle's phases live in {@link Cycle}, of a project in {@link Project}.
 */
@Service
public class BudgetService {

    private final ProjectRepository projects;
    private final CycleRepository cycles;
    private final CostLineRepository costs;
    private final BudgetRecords records;
    private final Attachments photos;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final Clock clock;

    BudgetService(ProjectRepository projects, CycleRepository cycles, CostLineRepository costs, BudgetRecords records,
                  Attachments photos, JdbcTemplate jdbc, Identity identity, Clock clock) {
        this.projects = projects;
        this.cycles = cycles;
        this.costs = costs;
        this.records = records;
        this.photos = photos;
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Cycle> cycles() {
        return cycles.findAllByOrderByYearDescIdDesc();
    }

    @Transactional(readOnly = true)
    public Cycle cycle(long id) {
        return records.cycle(id);
    }

    @Transactional(readOnly = true)
    public List<Category> categories(long cycleId) {
        return records.categories(cycleId);
    }

    /** The cycle's public projects (not drafts), oldest submission first. */
    @Transactional(readOnly = true)
    public List<Project> projects(long cycleId) {
        return projects.findByCycleIdAndStatusInOrderBySubmittedAtAscIdAsc(cycleId, BudgetRecords.PUBLIC);
    }

    /** A project the current user may see: public ones to all, drafts to their author. */
    @Transactional(readOnly = true)
    public Project visible(long id) {
        return projects.findById(id).filter(p -> p.publiclyVisible() || records.isAuthor(p)).orElseThrow(BudgetRecords::notFound);
    }

    /** Everything a project's page shows, read in one transaction. */
    @Transactional(readOnly = true)
    public ProjectPage page(long projectId) {
        Project p = visible(projectId);
        Cycle cycle = records.cycle(p.getCycleId());
        long votes = jdbc.queryForObject("select count(*) from budget_vote where project_id = ?", Long.class, p.getId());
        Set<Long> mine = myVotes(p.getCycleId());
        Participation.Requirements required = identity.requirements(cycle.isResidencyRequired(), cycle.getMinVoterAge());
        Participation.Participant who = identity.participant(required);
        Instant now = Instant.now(clock);
        Participation.Answer voting = Participation.decide(who, required,
                p.votable() ? cycle.voting() : Participation.Window.closed(), now, mine.contains(p.getId())).worded(BudgetRecords.VOTING);
        boolean supported = who.person() != null && !jdbc.queryForList("select 1 from budget_support where project_id = ?"
                + " and person_id = ?", Integer.class, p.getId(), who.person().personId()).isEmpty();
        Participation.Answer supporting = Participation.decide(who, required,
                cycle.getSupportsNeeded() > 0 && p.getStatus() == Project.Status.SUBMITTED ? cycle.supporting()
                        : Participation.Window.closed(), now, supported).worded(BudgetRecords.SUPPORTING);
        return new ProjectPage(p, costs.findByProjectIdOrderByRevisedAscPositionAsc(p.getId()), updatesOf(p.getId()),
                photos(p.getId(), updatesOf(p.getId())), votes, mine.size(), records.isAuthor(p), voting, supporting);
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
        List<Attachment> all = new ArrayList<>(photos.list(BudgetRecords.photosOf(projectId, null)));
        all.addAll(photos.list("budget", "update", updates.stream().map(Update::id).toList()));
        return all;
    }

    @Transactional(readOnly = true)
    public Attachment photo(long projectId, long photoId) {
        long id = visible(projectId).getId();
        List<Attachments.Owner> owners = new ArrayList<>(List.of(BudgetRecords.photosOf(id, null)));
        updatesOf(id).forEach(u -> owners.add(BudgetRecords.photosOf(id, u.id())));
        return photos.find(owners, photoId).orElseThrow(BudgetRecords::notFound);
    }

    private List<Update> updatesOf(long projectId) {
        return jdbc.query("select id, at, author_name, status, spent, text from budget_update where project_id = ? order by at, id",
                (r, i) -> new Update(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                        r.getObject(5) == null ? null : r.getLong(5), r.getString(6)), projectId);
    }

    public record Update(long id, Instant at, String authorName, @Nullable String status, @Nullable Long spent, String text) {}

    /** The projects the signed-in person voted for in the cycle. */
    @Transactional(readOnly = true)
    public Set<Long> myVotes(long cycleId) {
        return identity.currentPerson().map(p -> Set.copyOf(jdbc.queryForList(
                "select project_id from budget_vote where cycle_id = ? and person_id = ?", Long.class, cycleId, p.personId())))
                .orElse(Set.of());
    }

    /** The community's day (Kyiv time). */
    public LocalDate today() {
        return records.today();
    }

    /** Whether the signed-in person wrote the project. */
    public boolean isAuthor(Project p) {
        return records.isAuthor(p);
    }

    /** The project's page in the current community. */
    public static String url(Project p) {
        return "/" + CurrentCommunity.require().slug() + "/budget/projects/" + p.getId();
    }
}
