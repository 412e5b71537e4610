package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.monitoring.domain.IndicatorCalculation.Value;
import ua.viche.monitoring.domain.Task.Source;

/**
 * Reading a community's programmes: the programme with its priorities, each indicator with what
 * its formula gives from the figures' baseline and forecasts and where the printed values differ.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

    /** An indicator with its calculation over the programme's years. */
    public record IndicatorView(Indicator indicator, IndicatorCalculation.Result planned, Map<Integer, Value> published,
                                @Nullable Dynamics publishedDynamics, Map<Integer, Value> actual) {

        /** Whether any year has an actual value (from accepted figures). */
        public boolean hasActual() { return actual.values().stream().anyMatch(v -> !v.missing()); }

        public boolean flagged() { return !planned.discrepancies().isEmpty(); }

        /** The discrepancy at a year or at "dynamics", if any. */
        public IndicatorCalculation.@Nullable Discrepancy discrepancy(String where) {
            return planned.discrepancies().stream().filter(d -> d.where().equals(where)).findFirst().orElse(null);
        }
    }

    /** A priority with its indicators and its tasks. */
    public record PriorityView(Priority priority, List<IndicatorView> indicators, List<Task> tasks) {}

    /** A year of the programme's budget: planned and actual (null when nothing is recorded), in all and by source. */
    public record BudgetYear(int year, BigDecimal planned, @Nullable BigDecimal actual, Map<Source, BigDecimal> plannedBySource,
                             Map<Source, BigDecimal> actualBySource) {}

    /** A programme as its public page shows it. */
    public record ProgrammeView(Programme programme, List<PriorityView> priorities, List<Figure> figures) {

        public List<IndicatorView> indicators() {
            return priorities.stream().flatMap(p -> p.indicators().stream()).toList();
        }

        public List<Task> tasks() {
            return priorities.stream().flatMap(p -> p.tasks().stream()).toList();
        }

        /** The sources of money the tasks' budget lines name, in the order of {@link Source}. */
        public List<Source> sources() {
            return tasks().stream().flatMap(t -> t.getBudget().stream()).map(Task.BudgetLine::getSource).distinct().sorted().toList();
        }

        /** The budget by year of the programme (its first to last year) over every task. */
        public List<BudgetYear> budget() {
            List<BudgetYear> years = new ArrayList<>();
            for (int year = programme.getFirstYear(); year <= programme.getLastYear(); year++) {
                Map<Source, BigDecimal> planned = new EnumMap<>(Source.class);
                Map<Source, BigDecimal> actual = new EnumMap<>(Source.class);
                for (Task t : tasks()) {
                    for (Task.BudgetLine l : t.getBudget()) {
                        if (l.getYear() == year) {
                            planned.merge(l.getSource(), l.getPlanned(), BigDecimal::add);
                            if (l.getActual() != null) {
                                actual.merge(l.getSource(), l.getActual(), BigDecimal::add);
                            }
                        }
                    }
                }
                years.add(new BudgetYear(year, planned.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                        actual.values().stream().reduce(BigDecimal::add).orElse(null), planned, actual));
            }
            return years;
        }

        public Optional<IndicatorView> indicator(String code) {
            return indicators().stream().filter(i -> i.indicator().getCode().equals(code)).findFirst();
        }
    }

    private final ProgrammeRepository programmes;
    private final PriorityRepository priorities;
    private final FigureRepository figures;
    private final IndicatorRepository indicators;
    private final TaskRepository tasks;
    private final FigureReporting reporting;

    ProgrammeService(ProgrammeRepository programmes, PriorityRepository priorities, FigureRepository figures,
                     IndicatorRepository indicators, TaskRepository tasks, FigureReporting reporting) {
        this.tasks = tasks;
        this.reporting = reporting;
        this.programmes = programmes;
        this.priorities = priorities;
        this.figures = figures;
        this.indicators = indicators;
    }

    /** The community's programmes, the latest first. */
    public List<Programme> programmes() {
        return programmes.findAllByOrderByFirstYearDescIdDesc();
    }

    /** The programme running now or last, if the community has any. */
    public Optional<Programme> current() {
        return programmes().stream().findFirst();
    }

    public Optional<ProgrammeView> view(long programmeId) {
        return programmes.findById(programmeId).map(this::view);
    }

    private ProgrammeView view(Programme programme) {
        List<Figure> figureList = figures.findByProgrammeIdOrderByPositionAscIdAsc(programme.getId());
        Map<String, Map<Integer, BigDecimal>> planned = new LinkedHashMap<>();
        figureList.forEach(f -> planned.put(f.getCode(), f.getPlan()));
        Map<String, Map<Integer, BigDecimal>> actual = new LinkedHashMap<>();
        reporting.actuals(programme.getId()).forEach((code, years) -> {
            Map<Integer, BigDecimal> values = new LinkedHashMap<>();
            years.forEach((year, a) -> values.put(year, a.value()));
            Map<Integer, BigDecimal> plan = planned.getOrDefault(code, Map.of());
            if (plan.containsKey(programme.getBaselineYear())) {
                values.putIfAbsent(programme.getBaselineYear(), plan.get(programme.getBaselineYear()));
            }
            actual.put(code, values);
        });
        Map<Long, List<IndicatorView>> byPriority = new LinkedHashMap<>();
        for (Indicator i : indicators.findByProgrammeIdOrderByPositionAscIdAsc(programme.getId())) {
            Map<Integer, Value> published = values(i.getType(), i.getPublished());
            Dynamics printedDynamics = i.getPublishedDynamics().isBlank() ? null : Dynamics.parse(i.getPublishedDynamics());
            IndicatorCalculation.Result result = IndicatorCalculation.calculate(i.getType(), i.formula(), i.getWhenZero(),
                    programme.years(), published, planned, printedDynamics);
            Map<Integer, Value> actualValues = new LinkedHashMap<>();
            if (i.formula() != null && i.getType() == IndicatorCalculation.Type.NUMBER) {
                actualValues.putAll(IndicatorCalculation.calculate(i.getType(), i.formula(), i.getWhenZero(), programme.years(),
                        Map.of(), actual, null).computed());
            } else {
                actualValues.putAll(values(i.getType(), i.getActual()));
            }
            byPriority.computeIfAbsent(i.getPriorityId(), k -> new ArrayList<>())
                    .add(new IndicatorView(i, result, published, printedDynamics, actualValues));
        }
        Map<Long, List<Task>> tasksByPriority = new LinkedHashMap<>();
        tasks.findByProgrammeIdOrderByPositionAscIdAsc(programme.getId())
                .forEach(t -> tasksByPriority.computeIfAbsent(t.getPriorityId(), k -> new ArrayList<>()).add(t));
        List<PriorityView> views = new ArrayList<>();
        for (Priority p : priorities.findByProgrammeIdOrderByPositionAscIdAsc(programme.getId())) {
            views.add(new PriorityView(p, List.copyOf(byPriority.getOrDefault(p.getId(), List.of())),
                    List.copyOf(tasksByPriority.getOrDefault(p.getId(), List.of()))));
        }
        return new ProgrammeView(programme, List.copyOf(views), List.copyOf(figureList));
    }

    /** Values as printed or recorded (text by year), read as the indicator's type. */
    static Map<Integer, Value> values(IndicatorCalculation.Type type, Map<Integer, String> texts) {
        Map<Integer, Value> values = new LinkedHashMap<>();
        new TreeMap<>(texts).forEach((year, text) -> {
            Value v = switch (type) {
                case YES_NO -> Value.of(text.equalsIgnoreCase("так") || text.equalsIgnoreCase("yes"));
                case NUMBER -> {
                    BigDecimal n = ProgrammeTables.number(text);
                    yield n == null ? Value.text(text) : Value.of(n);
                }
                case TEXT -> Value.text(text);
            };
            values.put(year, v);
        });
        return values;
    }
}
