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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A task, project or work of a programme (annex 1): its code and name, who is responsible, the
 * period, how it is funded, the expected result, the progress the coordinator records, and its
 * budget lines — by year and source, planned as the programme states and actual as spent, in
 * thousand hryvnias. Found by the site search by its code, name, who is responsible, period,
 * expected result and progress; its state is the search's status.
 */
@Entity
@Table(name = "monitoring_task")
@Indexed(index = "programme_task", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "code,nameUk,nameEn,responsible,period,result,status,progress")))
public class Task implements Named, SearchDocument {

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

    // ---- site search (decision 0041)

    @Override public Long getCommunityId() { return communityId; }

    @Override public String searchKind() { return "programme_task"; }

    @Override public String searchTitle() { return code + " " + nameUk; }

    @Override public @Nullable String searchTitleEn() { return nameEn.isBlank() ? null : code + " " + nameEn; }

    @Override
    public String searchText() {
        return String.join("\n", responsible, period, result, progress);
    }

    @Override
    public SearchStatus searchStatus() {
        return switch (status) {
            case PLANNED -> SearchStatus.REFERENCE;
            case UNDER_WAY -> SearchStatus.IN_WORK;
            case DONE -> SearchStatus.DONE;
            case SUSPENDED -> SearchStatus.CLOSED;
        };
    }

    /** The day its progress was last recorded, if ever. */
    @Override
    public @Nullable LocalDate searchDate() {
        return progressAt == null ? null : progressAt.atZoneSameInstant(Dates.KYIV).toLocalDate();
    }

    /** Public as soon as the programme is loaded. */
    @Override public @Nullable LocalDate searchPublicFrom() { return LocalDate.EPOCH; }

    @Override public String searchPath() { return "programme/tasks/" + code; }

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
