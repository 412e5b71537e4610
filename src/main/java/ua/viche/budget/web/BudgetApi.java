package ua.viche.budget.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.budget.domain.BudgetFigures;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.Category;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.Project;
import ua.viche.budget.results.Outcome;

/** JSON of cycles, their projects and results (sums in kopecks). */
@RestController
@RequestMapping("/api/v1/{community}/budget")
class BudgetApi {

    private final BudgetService budget;
    private final BudgetFigures figures;

    BudgetApi(BudgetService budget, BudgetFigures figures) {
        this.budget = budget;
        this.figures = figures;
    }

    @GetMapping("/cycles")
    List<CycleJson> cycles(@PathVariable("community") String slug) {
        return budget.cycles().stream().map(c -> CycleJson.of(c, budget.categories(c.getId()), budget.today())).toList();
    }

    @GetMapping("/cycles/{id:\\d+}")
    CycleJson cycle(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Cycle c = budget.cycle(id);
        return CycleJson.of(c, budget.categories(id), budget.today());
    }

    @GetMapping("/cycles/{id:\\d+}/projects")
    List<ProjectJson> projects(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Cycle cycle = budget.cycle(id);
        Cycle.Phase phase = cycle.phase(budget.today());
        boolean countsPublic = phase == Cycle.Phase.VOTING || phase == Cycle.Phase.COUNTING || phase == Cycle.Phase.RESULTS;
        Map<Long, Long> votes = figures.voteCounts(id);
        return budget.projects(id).stream().map(p -> ProjectJson.of(p, countsPublic ? votes.getOrDefault(p.getId(), 0L) : null)).toList();
    }

    @GetMapping("/cycles/{id:\\d+}/results")
    ResultsJson results(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Cycle cycle = budget.cycle(id);
        Cycle.Phase phase = cycle.phase(budget.today());
        if (phase != Cycle.Phase.COUNTING && phase != Cycle.Phase.RESULTS) {
            return new ResultsJson(id, cycle.getMethod().name().toLowerCase(), false, false, List.of());
        }
        Map<Long, Outcome> outcomes = figures.results(id);
        return new ResultsJson(id, cycle.getMethod().name().toLowerCase(), true, cycle.getResultsPublishedAt() != null,
                budget.categories(id).stream().map(c -> CategoryResult.of(c, outcomes.get(c.getId()))).toList());
    }

    record CategoryJson(long id, String nameUk, String nameEn, long amount) {
        static CategoryJson of(Category c) {
            return new CategoryJson(c.getId(), c.getNameUk(), c.getNameEn(), c.getAmount());
        }
    }

    record CycleJson(long id, String name, int year, String phase, String method, int votesPerPerson, boolean onePerCategory,
                     int minVoterAge, boolean residencyRequired, int supportsNeeded, LocalDate submissionStarts,
                     LocalDate submissionEnds, LocalDate reviewEnds, LocalDate votingStarts, LocalDate votingEnds,
                     LocalDate resultsOn, List<CategoryJson> categories) {
        static CycleJson of(Cycle c, List<Category> categories, LocalDate today) {
            return new CycleJson(c.getId(), c.getName(), c.getYear(), c.phase(today).name().toLowerCase(),
                    c.getMethod().name().toLowerCase(), c.getVotesPerPerson(), c.isOnePerCategory(), c.getMinVoterAge(),
                    c.isResidencyRequired(), c.getSupportsNeeded(), c.getSubmissionStarts(), c.getSubmissionEnds(),
                    c.getReviewEnds(), c.getVotingStarts(), c.getVotingEnds(), c.getResultsOn(),
                    categories.stream().map(CategoryJson::of).toList());
        }
    }

    record ProjectJson(long id, long categoryId, String title, String summary, String status, long cost,
                       @Nullable Long revisedCost, @Nullable Double latitude, @Nullable Double longitude, @Nullable String address,
                       String authorName, @Nullable Instant submittedAt, @Nullable Long votes, @Nullable String implementation,
                       long spent, String url) {
        static ProjectJson of(Project p, @Nullable Long votes) {
            return new ProjectJson(p.getId(), p.getCategoryId(), p.getTitle(), p.getSummary(), p.getStatus().name().toLowerCase(),
                    p.getCost(), p.getRevisedCost(), p.getLatitude(), p.getLongitude(), p.getAddress(), p.getAuthorName(),
                    p.getSubmittedAt(), votes, p.getImplementation() == null ? null : p.getImplementation().name().toLowerCase(),
                    p.getSpent(), BudgetService.url(p));
        }
    }

    record LineJson(long projectId, long votes, long cost, boolean won, String reason, int round,
                    @Nullable BigDecimal pricePerSupporter, int payers) {}

    record CategoryResult(long categoryId, String name, long amount, long spent, List<LineJson> lines) {
        static CategoryResult of(Category c, Outcome o) {
            return new CategoryResult(c.getId(), c.getNameUk(), c.getAmount(), o.spent(), o.lines().stream()
                    .map(l -> new LineJson(l.projectId(), l.votes(), l.cost(), l.won(), l.reason().name().toLowerCase(), l.round(),
                            l.pricePerSupporter(), l.payers())).toList());
        }
    }

    record ResultsJson(long cycleId, String method, boolean available, boolean published, List<CategoryResult> categories) {}
}
