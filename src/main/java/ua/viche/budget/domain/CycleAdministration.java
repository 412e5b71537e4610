package ua.viche.budget.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.budget.results.Outcome;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Role;

/**
 * Community admins run the budget's cycles: they set one up with its rules, phases and categories,
 * change its rules, and publish its results once voting is over. Rules of the phases live in
 * {@link Cycle}.
 */
@Service
public class CycleAdministration {

    private final CycleRepository cycles;
    private final CategoryRepository categories;
    private final BudgetRecords records;
    private final BudgetFigures figures;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    CycleAdministration(CycleRepository cycles, CategoryRepository categories, BudgetRecords records, BudgetFigures figures,
                        AccessControl access, AuditLog audit, Clock clock) {
        this.cycles = cycles;
        this.categories = categories;
        this.records = records;
        this.figures = figures;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A category as the admin enters it: names and sum in kopecks. */
    public record CategoryDraft(String nameUk, String nameEn, long amount) {}

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
        Cycle cycle = records.cycle(id);
        cycle.change(rules);
        audit.record("budget.cycleChanged", "budget_cycle", id, cycle.getName());
        return cycle;
    }

    /** Marks the winners and losers of every category by the cycle's method; once, after voting closed. */
    @Transactional
    public Map<Long, Outcome> publishResults(long cycleId) {
        access.require(Role.COMMUNITY_ADMIN);
        Cycle cycle = records.cycle(cycleId);
        Cycle.Phase phase = cycle.phase(records.today());
        Cycle.require(phase == Cycle.Phase.COUNTING || phase == Cycle.Phase.RESULTS, "budget.error.votingNotOver");
        cycle.resultsPublished(Instant.now(clock));
        Map<Long, Outcome> outcomes = figures.results(cycle);
        outcomes.values().forEach(o -> o.lines().forEach(line ->
                records.forUpdate(line.projectId()).result(line.won(), (int) line.votes())));
        audit.record("budget.resultsPublished", "budget_cycle", cycleId, cycle.getName());
        return outcomes;
    }
}
