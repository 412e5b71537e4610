package ua.viche.budget.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.Attachments;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;

/**
 * Residents write projects: a draft (with its cost lines, place and photos) in the submission phase,
 * changed while it is a draft, then submitted; and, once, the author's reply to the review. Rules
 * of a project live in {@link Project}.
 */
@Service
public class ProjectAuthoring {

    private final ProjectRepository projects;
    private final CostLineRepository costs;
    private final BudgetRecords records;
    private final Attachments photos;
    private final Identity identity;
    private final Clock clock;

    ProjectAuthoring(ProjectRepository projects, CostLineRepository costs, BudgetRecords records, Attachments photos,
                     Identity identity, Clock clock) {
        this.projects = projects;
        this.costs = costs;
        this.records = records;
        this.photos = photos;
        this.identity = identity;
        this.clock = clock;
    }

    /** Whether the signed-in person may draft a project in the cycle now (the author's age, submission phase). */
    public Participation.Answer eligibility(Cycle cycle) {
        Participation.Requirements required = identity.requirements(cycle.isResidencyRequired(), cycle.getMinAuthorAge());
        return Participation.decide(identity.participant(required), required, cycle.submission(), Instant.now(clock), false)
                .worded(BudgetRecords.SUBMITTING);
    }

    /** A new draft by the signed-in person, in the submission phase. */
    @Transactional
    public Project draft(long cycleId, Project.Draft draft) {
        return draft(cycleId, draft, List.of());
    }

    /** A new draft with photos (JPEG or PNG by content, at most 5, 5 MB each). */
    @Transactional
    public Project draft(long cycleId, Project.Draft draft, List<FileStore.Upload> uploads) {
        Cycle cycle = records.cycle(cycleId);
        Identity.PersonRef author = eligibility(cycle).require(Refusal::of).signedInPerson();
        Project p = new Project(cycle.getId(), author.personId(), author.accountId(), author.name(), Instant.now(clock));
        p.write(draft, records.categoryOf(cycle, draft.categoryId()).getAmount());
        checkPlace(draft);
        BudgetRecords.checkPhotos(uploads, 0);
        projects.save(p);
        records.saveLines(p, draft.costs(), false);
        records.storePhotos(p, null, uploads);
        return p;
    }

    @Transactional
    public Project edit(long projectId, Project.Draft draft) {
        return edit(projectId, draft, List.of());
    }

    @Transactional
    public Project edit(long projectId, Project.Draft draft, List<FileStore.Upload> uploads) {
        Project p = ownDraft(projectId);
        Cycle cycle = records.cycle(p.getCycleId());
        Cycle.require(cycle.phase(records.today()) == Cycle.Phase.SUBMISSION, "budget.error.notSubmission");
        p.write(draft, records.categoryOf(cycle, draft.categoryId()).getAmount());
        checkPlace(draft);
        BudgetRecords.checkPhotos(uploads, photos.count(BudgetRecords.photosOf(p.getId(), null)));
        costs.deleteByProjectIdAndRevised(p.getId(), false);
        records.saveLines(p, draft.costs(), false);
        records.storePhotos(p, null, uploads);
        return p;
    }

    @Transactional
    public Project submit(long projectId) {
        Project p = ownDraft(projectId);
        Cycle cycle = records.cycle(p.getCycleId());
        Cycle.require(cycle.phase(records.today()) == Cycle.Phase.SUBMISSION, "budget.error.notSubmission");
        p.submit(Instant.now(clock));
        return p;
    }

    /** The author's reply to the review, once. */
    @Transactional
    public Project reply(long projectId, String text) {
        Project p = records.forUpdate(projectId);
        if (!records.isAuthor(p)) {
            throw BudgetRecords.notFound();
        }
        p.reply(text, Instant.now(clock));
        return p;
    }

    private void checkPlace(Project.Draft d) {
        if (d.latitude() != null && d.longitude() != null) {
            CurrentCommunity.require().area().filter(a -> !a.contains(d.latitude(), d.longitude()))
                    .ifPresent(a -> { throw Refusal.of("budget.error.outsideCommunity"); });
        }
    }

    private Project ownDraft(long id) {
        Project p = records.forUpdate(id);
        if (!records.isAuthor(p)) {
            throw BudgetRecords.notFound();
        }
        Cycle.require(p.getStatus() == Project.Status.DRAFT, "budget.error.notDraft");
        return p;
    }
}
