package ua.viche.monitoring.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.monitoring.domain.Dynamics;
import ua.viche.monitoring.domain.IndicatorCalculation;
import ua.viche.monitoring.domain.IndicatorCalculation.Value;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.monitoring.domain.ProgrammeService.IndicatorView;
import ua.viche.monitoring.domain.ProgrammeService.ProgrammeView;
import ua.viche.monitoring.domain.Task;
import ua.viche.platform.NotFoundException;

/** JSON of the community's current programme: its priorities, and its indicators with values by year. */
@RestController
@RequestMapping("/api/v1/{community}/programme")
class ProgrammeApi {

    record PriorityJson(String number, String nameUk, String nameEn, List<String> indicators) {}

    /** A budget line of a task, in thousand hryvnias; {@code actual} null until recorded. */
    record BudgetLineJson(int year, String source, BigDecimal planned, @Nullable BigDecimal actual) {}

    /** A task of annex 1: its priority, who, when, funding ({@code budget}, {@code within}, {@code none}), status and budget lines. */
    record TaskJson(String code, String priority, String nameUk, String nameEn, String responsible, String period, String funding,
                    String result, String status, String progress, @Nullable OffsetDateTime progressAt, BigDecimal planned,
                    @Nullable BigDecimal actual, List<BudgetLineJson> budget) {}

    /** A year of the programme's budget over every task. */
    record BudgetYearJson(int year, BigDecimal planned, @Nullable BigDecimal actual, Map<String, BigDecimal> plannedBySource,
                          Map<String, BigDecimal> actualBySource) {}

    record ProgrammeJson(long id, String titleUk, String titleEn, int firstYear, int lastYear, int baselineYear,
                         String decision, List<PriorityJson> priorities, List<TaskJson> tasks, List<BudgetYearJson> budget) {}

    /**
     * An indicator: its baseline and its targets by year as the programme prints them ({@code baseline},
     * {@code targets}; both together also as {@code published}, by year), what its formula gives
     * from the figures' baseline and forecasts ({@code computed}, unrounded), what it gives from the accepted
     * values the departments reported ({@code actual}, by year, unrounded), the dynamics computed
     * and printed, and each printed value that does not follow from the formula ({@code discrepancies}).
     */
    record IndicatorJson(String code, String priority, String nameUk, String nameEn, String unit, String type,
                         @Nullable String formula, Map<String, String> letters, @Nullable Object baseline,
                         Map<Integer, Object> targets, Map<Integer, Object> published,
                         Map<Integer, Object> computed, Map<Integer, Object> actual, @Nullable String dynamics, String publishedDynamics,
                         List<IndicatorCalculation.Discrepancy> discrepancies) {}

    private final ProgrammeService programmes;

    ProgrammeApi(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @GetMapping
    ProgrammeJson programme(@PathVariable("community") String slug) {
        ProgrammeView v = current();
        return new ProgrammeJson(v.programme().getId(), v.programme().getTitleUk(), v.programme().getTitleEn(),
                v.programme().getFirstYear(), v.programme().getLastYear(), v.programme().getBaselineYear(),
                v.programme().getDecision(), v.priorities().stream().map(p -> new PriorityJson(p.priority().getNumber(),
                        p.priority().getNameUk(), p.priority().getNameEn(),
                        p.indicators().stream().map(i -> i.indicator().getCode()).toList())).toList(),
                v.priorities().stream().flatMap(p -> p.tasks().stream().map(t -> task(p.priority().getNumber(), t))).toList(),
                v.budget().stream().map(b -> new BudgetYearJson(b.year(), b.planned(), b.actual(), bySource(b.plannedBySource()),
                        bySource(b.actualBySource()))).toList());
    }

    private static TaskJson task(String priority, Task t) {
        return new TaskJson(t.getCode(), priority, t.getNameUk(), t.getNameEn(), t.getResponsible(), t.getPeriod(),
                t.getFunding().name().toLowerCase(Locale.ROOT), t.getResult(), t.getStatus().name().toLowerCase(Locale.ROOT),
                t.getProgress(), t.getProgressAt(), t.planned(null), t.actual(null),
                t.getBudget().stream().map(l -> new BudgetLineJson(l.getYear(), l.getSource().name().toLowerCase(Locale.ROOT),
                        l.getPlanned(), l.getActual())).toList());
    }

    private static Map<String, BigDecimal> bySource(Map<Task.Source, BigDecimal> amounts) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        amounts.forEach((source, amount) -> out.put(source.name().toLowerCase(Locale.ROOT), amount));
        return out;
    }

    @GetMapping("/indicators")
    List<IndicatorJson> indicators(@PathVariable("community") String slug) {
        ProgrammeView v = current();
        return v.priorities().stream().flatMap(p -> p.indicators().stream().map(i -> json(p.priority().getNumber(), i,
                v.programme().years(), v.programme().getBaselineYear()))).toList();
    }

    private ProgrammeView current() {
        return programmes.current().flatMap(p -> programmes.view(p.getId()))
                .orElseThrow(() -> new NotFoundException("monitoring.notFound"));
    }

    private static IndicatorJson json(String priority, IndicatorView i, List<Integer> years, int baselineYear) {
        Map<Integer, Object> published = new LinkedHashMap<>();
        Map<Integer, Object> targets = new LinkedHashMap<>();
        Map<Integer, Object> computed = new LinkedHashMap<>();
        for (int y : years) {
            Object p = plain(i.published().get(y));
            if (p != null) {
                published.put(y, p);
                if (y != baselineYear) {
                    targets.put(y, p);
                }
            }
            Object c = plain(i.planned().computed().get(y));
            if (c != null) {
                computed.put(y, c);
            }
        }
        Map<Integer, Object> actual = new LinkedHashMap<>();
        for (int y : years) {
            Object a = plain(i.actual().get(y));
            if (a != null) {
                actual.put(y, a);
            }
        }
        Dynamics d = i.planned().dynamics();
        return new IndicatorJson(i.indicator().getCode(), priority, i.indicator().getNameUk(), i.indicator().getNameEn(),
                i.indicator().getUnit(), i.indicator().getType().name().toLowerCase(Locale.ROOT), i.indicator().getFormula(),
                i.indicator().formula() == null ? Map.of() : i.indicator().formula().letters(), plain(i.published().get(baselineYear)),
                targets, published, computed, actual,
                d == null ? null : IndicatorCalculation.describe(d), i.indicator().getPublishedDynamics(),
                i.planned().discrepancies());
    }

    private static @Nullable Object plain(@Nullable Value v) {
        if (v == null || v.missing()) {
            return null;
        }
        return v.number() != null ? v.number() : v.yes() != null ? v.yes() : v.text();
    }
}
