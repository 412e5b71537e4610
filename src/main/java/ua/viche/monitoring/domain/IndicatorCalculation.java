package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What an indicator's numbers are, computed: for each year the value its formula gives from the
 * figures (or, without a formula, the value given), the average yearly dynamics from those values,
 * and every published value that does not follow from them at its printed precision. The platform
 * never replaces either side: a discrepancy is shown beside the computed value and flagged.
 */
public final class IndicatorCalculation {

    private IndicatorCalculation() {}

    /** Which kind of value an indicator has. */
    public enum Type { NUMBER, YES_NO, TEXT }

    /**
     * What an indicator is when its formula divides by zero: no value for the year, or zero. A formula
     * that can divide by a figure which may be zero needs one of them (otherwise it is refused).
     */
    public enum WhenZero { UNSET, NONE, ZERO }

    /** One published value that differs from what the indicator's own formula gives. */
    public record Discrepancy(String where, String published, String computed) {}

    /** A year's value: a number, yes/no, or text; {@code missing} when nothing is known for the year. */
    public record Value(@Nullable BigDecimal number, @Nullable Boolean yes, @Nullable String text) {
        public static final Value MISSING = new Value(null, null, null);

        public static Value of(BigDecimal number) { return new Value(number, null, null); }
        public static Value of(boolean yes) { return new Value(null, yes, null); }
        public static Value text(String text) { return new Value(null, null, text); }

        public boolean missing() { return number == null && yes == null && text == null; }
    }

    /** The outcome: computed values by year, the dynamics (null for text indicators or gaps) and the discrepancies. */
    public record Result(Map<Integer, Value> computed, @Nullable Dynamics dynamics, List<Discrepancy> discrepancies) {}

    /**
     * Computes an indicator over {@code years}. {@code published} are the values the document prints
     * (their scale is the printed precision), {@code figures} each figure's values by year, and
     * {@code publishedDynamics} the printed dynamics, if any.
     */
    public static Result calculate(Type type, @Nullable Formula formula, WhenZero whenZero, List<Integer> years,
            Map<Integer, Value> published,
            Map<String, Map<Integer, BigDecimal>> figures, @Nullable Dynamics publishedDynamics) {
        Map<Integer, Value> computed = new LinkedHashMap<>();
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (int year : years) {
            Value given = published.getOrDefault(year, Value.MISSING);
            if (formula == null || type != Type.NUMBER) {
                computed.put(year, given);
                continue;
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (String code : formula.figureCodes()) {
                BigDecimal v = figures.getOrDefault(code, Map.of()).get(year);
                if (v != null) {
                    values.put(code, v);
                }
            }
            if (values.size() < formula.figureCodes().size()) {
                computed.put(year, Value.MISSING);
                continue;
            }
            Formula.Result r = formula.evaluate(values);
            Value value = r.defined() ? Value.of(r.value()) : whenZero == WhenZero.ZERO ? Value.of(BigDecimal.ZERO) : Value.MISSING;
            computed.put(year, value);
            if (given.number() != null) {
                if (value.number() == null) {
                    discrepancies.add(new Discrepancy(String.valueOf(year), given.number().toPlainString(), "—"));
                } else {
                    BigDecimal shown = value.number().setScale(Math.max(0, given.number().scale()), RoundingMode.HALF_UP);
                    if (shown.compareTo(given.number()) != 0) {
                        discrepancies.add(new Discrepancy(String.valueOf(year), given.number().toPlainString(), shown.toPlainString()));
                    }
                }
            }
        }
        Dynamics dynamics = dynamics(type, years, computed);
        if (dynamics != null && publishedDynamics != null && !dynamics.agreesWith(publishedDynamics)) {
            discrepancies.add(new Discrepancy("dynamics", describe(publishedDynamics), describe(dynamics)));
        }
        return new Result(computed, dynamics, List.copyOf(discrepancies));
    }

    private static @Nullable Dynamics dynamics(Type type, List<Integer> years, Map<Integer, Value> values) {
        if (type == Type.TEXT || years.stream().anyMatch(y -> values.get(y).missing())) {
            return null;
        }
        if (type == Type.YES_NO) {
            return Dynamics.ofYesNo(years, years.stream().map(y -> Boolean.TRUE.equals(values.get(y).yes())).toList());
        }
        return Dynamics.ofNumbers(years, years.stream().map(y -> values.get(y).number()).toList());
    }

    /** Dynamics in a short neutral form for a discrepancy's columns: {@code 1.08}, {@code reached 2025}, {@code lost 2026}. */
    public static String describe(Dynamics d) {
        return switch (d.kind()) {
            case PERCENT -> d.percent().toPlainString();
            case REACHED -> "reached " + d.year();
            case LOST -> "lost " + d.year();
        };
    }

    /** The figure codes a set of formulas reads, for checking that every one exists. */
    public static Set<String> codes(List<Formula> formulas) {
        Set<String> codes = new TreeSet<>();
        formulas.forEach(f -> codes.addAll(f.figureCodes()));
        return codes;
    }
}
