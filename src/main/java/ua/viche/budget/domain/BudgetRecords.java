package ua.viche.budget.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.Attachments;
import ua.viche.platform.Dates;
import ua.viche.platform.FileStore;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;

/**
 * What the budget's use cases share: the cycle and the project they act on (a project locked for the
 * change), whether the signed-in person wrote it, the category a cost must fit, cost lines and photos
 * as they are stored, the community's day, and how the budget words the participation rule's reasons.
 */
@Component
class BudgetRecords {

    /** Projects everyone sees (not drafts). */
    static final Set<Project.Status> PUBLIC = Set.of(Project.Status.SUBMITTED, Project.Status.ADMITTED,
            Project.Status.REJECTED, Project.Status.WON, Project.Status.LOST);
    /** Projects that went to the vote. */
    static final Set<Project.Status> IN_VOTE = Set.of(Project.Status.ADMITTED, Project.Status.WON, Project.Status.LOST);

    /** How the budget words some of the participation rule's reasons, whatever the action. */
    private static final Map<Participation.Reason, String> WORDING = Map.of(
            Participation.Reason.NOT_RESIDENT, "budget.error.notResident",
            Participation.Reason.AGE_UNKNOWN, "budget.error.ageUnknown",
            Participation.Reason.TOO_YOUNG, "budget.error.tooYoung");
    static final Map<Participation.Reason, String> SUBMITTING = wording("budget.error.notSubmission", null);
    static final Map<Participation.Reason, String> SUPPORTING = wording("budget.error.notSupportPhase", "budget.project.alreadySupported");
    static final Map<Participation.Reason, String> VOTING = wording("budget.error.notVoting", "budget.vote.already");
    static final Map<Participation.Reason, String> PAPER = wording("budget.error.notVoting", "budget.error.alreadyVoted");

    private final CycleRepository cycles;
    private final CategoryRepository categories;
    private final ProjectRepository projects;
    private final CostLineRepository costs;
    private final Attachments photos;
    private final Identity identity;
    private final Clock clock;

    BudgetRecords(CycleRepository cycles, CategoryRepository categories, ProjectRepository projects, CostLineRepository costs,
                  Attachments photos, Identity identity, Clock clock) {
        this.cycles = cycles;
        this.categories = categories;
        this.projects = projects;
        this.costs = costs;
        this.photos = photos;
        this.identity = identity;
        this.clock = clock;
    }

    private static Map<Participation.Reason, String> wording(String notNow, @Nullable String alreadyDone) {
        Map<Participation.Reason, String> words = new HashMap<>(WORDING);
        words.put(Participation.Reason.NOT_OPEN_YET, notNow);
        words.put(Participation.Reason.CLOSED, notNow);
        if (alreadyDone != null) {
            words.put(Participation.Reason.ALREADY_DONE, alreadyDone);
        }
        return Map.copyOf(words);
    }

    Cycle cycle(long id) {
        return cycles.findById(id).orElseThrow(BudgetRecords::notFound);
    }

    List<Category> categories(long cycleId) {
        return categories.findByCycleIdOrderByPositionAscIdAsc(cycleId);
    }

    /** The community's day (Kyiv time). */
    LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    boolean isAuthor(Project p) {
        return identity.currentPerson().map(person -> person.personId() == p.getAuthorPersonId()).orElse(false);
    }

    /** The project, locked until the transaction ends. */
    Project forUpdate(long id) {
        return projects.findForUpdate(id).orElseThrow(BudgetRecords::notFound);
    }

    /** The cycle's category of that id; refused when it is another cycle's or none. */
    Category categoryOf(Cycle cycle, long categoryId) {
        return categories.findById(categoryId).filter(c -> c.getCycleId() == cycle.getId())
                .orElseThrow(() -> Refusal.of("budget.error.category"));
    }

    void saveLines(Project p, List<CostLine.Item> items, boolean revised) {
        int position = 0;
        for (CostLine.Item item : items) {
            costs.save(new CostLine(p.getId(), position++, item, revised));
        }
    }

    /** Refuses uploads that are not photos (JPEG or PNG by content) or too many or too large, beside {@code existing} ones. */
    static void checkPhotos(List<FileStore.Upload> uploads, long existing) {
        Attachments.Policy.PHOTOS.refusal(uploads, existing)
                .ifPresent(r -> { throw Refusal.of("budget.error." + r.key()); });
    }

    void storePhotos(Project p, @Nullable Long updateId, List<FileStore.Upload> uploads) {
        photos.store(photosOf(p.getId(), updateId), Attachments.Policy.PHOTOS, uploads);
    }

    /** A project as the owner of its author's photos, or one of its updates as the owner of the work's photos. */
    static Attachments.Owner photosOf(long projectId, @Nullable Long updateId) {
        return updateId == null ? new Attachments.Owner("budget", "project", projectId) : new Attachments.Owner("budget", "update", updateId);
    }

    static NotFoundException notFound() {
        return new NotFoundException("budget.notFound");
    }
}
