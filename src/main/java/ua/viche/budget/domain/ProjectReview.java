package ua.viche.budget.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;

/**
 * The review of a submitted project: the community admin sends it to a department, the department's
 * official finds it feasible or not (with reasons, and a revised breakdown when the cost changes),
 * and the admin records the coordination council's decision.
 */
@Service
public class ProjectReview {

    private final CostLineRepository costs;
    private final BudgetRecords records;
    private final AccessControl access;
    private final AuditLog audit;
    private final Communities communities;
    private final Clock clock;

    ProjectReview(CostLineRepository costs, BudgetRecords records, AccessControl access, AuditLog audit, Communities communities,
                  Clock clock) {
        this.costs = costs;
        this.records = records;
        this.access = access;
        this.audit = audit;
        this.communities = communities;
        this.clock = clock;
    }

    /** Sends a submitted project to a department for review. */
    @Transactional
    public Project assign(long projectId, long departmentId) {
        access.require(Role.COMMUNITY_ADMIN);
        Project p = records.forUpdate(projectId);
        communities.department(departmentId).orElseThrow(() -> Refusal.of("budget.error.department"));
        p.assignTo(departmentId);
        audit.record("budget.assigned", "budget_project", p.getId(), String.valueOf(departmentId));
        return p;
    }

    /** The review of a department's official: feasible or not, reasons, and a revised breakdown when the cost changes. */
    @Transactional
    public Project review(long projectId, boolean feasible, String reason, @Nullable List<CostLine.Item> revised) {
        Project p = records.forUpdate(projectId);
        SignedInUser reviewer = AccessControl.requireUser();
        if (!access.scope(Role.OFFICIAL, Role.COMMUNITY_ADMIN).map(s -> s.covers(p.getDepartmentId())).orElse(false)) {
            throw new AccessDeniedException("not this department's project");
        }
        Cycle cycle = records.cycle(p.getCycleId());
        Cycle.Phase phase = cycle.phase(records.today());
        Cycle.require(phase == Cycle.Phase.SUBMISSION || phase == Cycle.Phase.REVIEW, "budget.error.notReviewPhase");
        Long newCost = null;
        if (revised != null && !revised.isEmpty()) {
            revised.forEach(CostLine.Item::check);
            newCost = Project.total(revised);
        }
        p.review(feasible, reason, newCost, records.categoryOf(cycle, p.getCategoryId()).getAmount(), cycle.getSupportsNeeded(),
                p.getDepartmentId(), reviewer.displayName(), Instant.now(clock));
        if (newCost != null) {
            costs.deleteByProjectIdAndRevised(p.getId(), true);
            records.saveLines(p, revised, true);
        }
        audit.record(feasible ? "budget.admitted" : "budget.rejected", "budget_project", p.getId(), reason.strip());
        return p;
    }

    /** Records the coordination council's decision on a reviewed project. */
    @Transactional
    public Project councilDecision(long projectId, String text) {
        access.require(Role.COMMUNITY_ADMIN);
        Project p = records.forUpdate(projectId);
        p.councilDecision(text);
        audit.record("budget.councilDecision", "budget_project", p.getId(), text.strip());
        return p;
    }
}
