package ua.viche.budget.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.budget.results.Ballot;
import ua.viche.budget.results.Candidate;
import ua.viche.budget.results.Outcome;
import ua.viche.budget.results.Results;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * The budget's numbers, read from the votes as they stand: votes per project, each category's
 * results by the cycle's method (computed by {@link Results}), and a cycle's participation figures.
 */
@Service
public class BudgetFigures {

    private final ProjectRepository projects;
    private final BudgetRecords records;
    private final JdbcTemplate jdbc;

    BudgetFigures(ProjectRepository projects, BudgetRecords records, JdbcTemplate jdbc) {
        this.projects = projects;
        this.records = records;
        this.jdbc = jdbc;
    }

    /** Votes per project of the cycle (live during voting). */
    @Transactional(readOnly = true)
    public Map<Long, Long> voteCounts(long cycleId) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("select project_id, count(*) from budget_vote where cycle_id = ? group by project_id",
                rs -> { counts.put(rs.getLong(1), rs.getLong(2)); }, cycleId);
        return counts;
    }

    /** Results of every category by the cycle's method, from the votes as they stand (deterministic). */
    @Transactional(readOnly = true)
    public Map<Long, Outcome> results(long cycleId) {
        return results(records.cycle(cycleId));
    }

    /** The same for a cycle at hand (in the caller's transaction). */
    Map<Long, Outcome> results(Cycle cycle) {
        Map<Long, List<Long>> approvals = new HashMap<>();
        jdbc.query("select person_id, project_id from budget_vote where cycle_id = ? order by person_id, project_id",
                rs -> { approvals.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)); }, cycle.getId());
        List<Project> inVote = projects.findByCycleIdAndStatusInOrderBySubmittedAtAscIdAsc(cycle.getId(), BudgetRecords.IN_VOTE);
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        for (Category c : records.categories(cycle.getId())) {
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
        Cycle cycle = records.cycle(cycleId);
        Community c = CurrentCommunity.require();
        long submitted = projects.countByCycleIdAndStatusIn(cycle.getId(), BudgetRecords.PUBLIC);
        long admitted = projects.countByCycleIdAndStatusIn(cycle.getId(), BudgetRecords.IN_VOTE);
        long voters = jdbc.queryForObject("select count(distinct person_id) from budget_vote where cycle_id = ?", Long.class, cycleId);
        long votes = jdbc.queryForObject("select count(*) from budget_vote where cycle_id = ?", Long.class, cycleId);
        long online = jdbc.queryForObject("select count(distinct person_id) from budget_vote where cycle_id = ? and channel = 'WEB'",
                Long.class, cycleId);
        long declared = jdbc.queryForObject("select count(distinct person_id) from budget_vote where cycle_id = ? and declared_residency",
                Long.class, cycleId);
        Map<Long, long[]> counts = new LinkedHashMap<>();
        records.categories(cycleId).forEach(category -> counts.put(category.getId(), new long[4]));
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
}
