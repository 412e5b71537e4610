package ua.viche.monitoring.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A task, project or work of a programme (annex 1): its code and name, who is responsible, the
 * period, how it is funded, the expected result, the progress the coordinator records, and its
 * budget lines — by year and source, planned as the programme states and actual as spent, in
 * thousand hryvnias.
 */
@Entity
@Table(name = "monitoring_task")
public class Task implements Named {

    /** How the programme funds a task: budget lines of its own, within existing allocations, or no funding needed. */
    public enum Funding { BUDGET, WITHIN, NONE }

    /** Where the money comes from (the programme's columns «джерела фінансування»). */
    public enum Source { CITY, STATE, ITA, OTHER }

    /** How far a task has got. */
    public enum Status { PLANNED, UNDER_WAY, DONE, SUSPENDED }

    /** One year's money from one source: planned, and spent when known (null until recorded). */
    @Embeddable
    public static class BudgetLine {
        private int year;
        @Enumerated(EnumType.STRING)
        private Source source;
        private BigDecimal planned;
        private @Nullable BigDecimal actual;

        protected BudgetLine() {}

        public BudgetLine(int year, Source source, BigDecimal planned) {
            this.year = year;
            this.source = source;
            this.planned = planned;
        }

        public int getYear() { return year; }
        public Source getSource() { return source; }
        public BigDecimal getPlanned() { return planned; }
        public @Nullable BigDecimal getActual() { return actual; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long programmeId;
    private long priorityId;
    private String code;
    private String nameUk;
    private String nameEn;
    private String responsible;
    private @Nullable Long departmentId;
    private String period;
    @Enumerated(EnumType.STRING)
    private Funding funding;
    private String result;
    @Enumerated(EnumType.STRING)
    private Status status = Status.PLANNED;
    private String progress = "";
    private @Nullable OffsetDateTime progressAt;
    private int position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "monitoring_budget_line", joinColumns = @JoinColumn(name = "task_id"))
    @OrderBy("year, source")
    private List<BudgetLine> budget = new ArrayList<>();

    protected Task() {}

    Task(long programmeId, long priorityId, TaskTables.TaskRow row, @Nullable Long departmentId, int position) {
        this.programmeId = programmeId;
        this.priorityId = priorityId;
        this.code = row.code();
        this.nameUk = row.name();
        this.nameEn = row.nameEn();
        this.responsible = row.responsible();
        this.departmentId = departmentId;
        this.period = row.period();
        this.funding = row.funding();
        this.result = row.result();
        this.position = position;
        this.budget = new ArrayList<>(row.budget());
    }

    /** Records how far the task has got. */
    void record(Status status, String progress, OffsetDateTime at) {
        this.status = status;
        this.progress = progress;
        this.progressAt = at;
    }

    /** Records the actual spend of a year by source (null: not known); a source without a planned line gets one planned at zero. */
    void spent(int year, Map<Source, @Nullable BigDecimal> actual) {
        for (BudgetLine line : budget) {
            if (line.year == year && actual.containsKey(line.source)) {
                line.actual = actual.get(line.source);
            }
        }
        actual.forEach((source, value) -> {
            if (value != null && budget.stream().noneMatch(l -> l.year == year && l.source == source)) {
                BudgetLine line = new BudgetLine(year, source, BigDecimal.ZERO);
                line.actual = value;
                budget.add(line);
            }
        });
    }

    /** Planned money of a year (null year: all years), from every source. */
    public BigDecimal planned(@Nullable Integer year) {
        return budget.stream().filter(l -> year == null || l.year == year).map(BudgetLine::getPlanned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Actual spend of a year (null year: all years), or null when nothing is recorded for it. */
    public @Nullable BigDecimal actual(@Nullable Integer year) {
        return budget.stream().filter(l -> (year == null || l.year == year) && l.actual != null).map(BudgetLine::getActual)
                .filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }

    /** The line of a year and source, if the task has one. */
    public @Nullable BudgetLine line(int year, Source source) {
        return budget.stream().filter(l -> l.year == year && l.source == source).findFirst().orElse(null);
    }

    public Long getId() { return id; }
    public long getProgrammeId() { return programmeId; }
    public long getPriorityId() { return priorityId; }
    public String getCode() { return code; }
    @Override public String getNameUk() { return nameUk; }
    @Override public String getNameEn() { return nameEn; }
    public String getResponsible() { return responsible; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public String getPeriod() { return period; }
    public Funding getFunding() { return funding; }
    public String getResult() { return result; }
    public Status getStatus() { return status; }
    public String getProgress() { return progress; }
    public @Nullable OffsetDateTime getProgressAt() { return progressAt; }
    public int getPosition() { return position; }
    public List<BudgetLine> getBudget() { return List.copyOf(budget); }
}
