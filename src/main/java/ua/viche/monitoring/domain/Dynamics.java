package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An indicator's average yearly dynamics, as the programme defines it: the mean over consecutive
 * years of {@code B·100/A − 100} (B a year's value, A the year's before), in per cent, rounded to two
 * decimals half up. Computed from the values as they are, not as printed: the programme's printed
 * dynamics follow from its unrounded figures.
 *
 * <p>The programme's conventions for steps from zero, read from its own table: a step from zero to
 * zero is no change and is left out of the mean; a series that rises from zero (or a yes/no indicator
 * that turns from no to yes) has no percentage — the programme says instead in which year the
 * maximum is reached, and that the change is nil after it («досягнення максимального значення у
 * 2025 році, надалі 0»). A yes/no indicator that stays the same has dynamics 0; one that turns from
 * yes to no is reported as lost in that year. A series with no step to average has dynamics 0.
 */
public record Dynamics(Kind kind, BigDecimal percent, int year) {

    public enum Kind { PERCENT, REACHED, LOST }

    private static final Pattern REACHED_TEXT = Pattern.compile("(?iu).*досягнення.*?(\\d{4}).*");
    private static final Pattern NUMBER = Pattern.compile("\\s*(-?\\d+(?:[.,]\\d+)?)\\s*\\**\\s*");

    public static Dynamics percent(BigDecimal percent) {
        return new Dynamics(Kind.PERCENT, percent.setScale(2, RoundingMode.HALF_UP), 0);
    }

    public static Dynamics reached(int year) { return new Dynamics(Kind.REACHED, BigDecimal.ZERO, year); }

    public static Dynamics lost(int year) { return new Dynamics(Kind.LOST, BigDecimal.ZERO, year); }

    /** The dynamics of numbers given for consecutive years ({@code years} names them, first the baseline's). */
    public static Dynamics ofNumbers(List<Integer> years, List<BigDecimal> values) {
        List<BigDecimal> steps = new ArrayList<>();
        boolean fromZero = false;
        for (int i = 1; i < values.size(); i++) {
            BigDecimal a = values.get(i - 1);
            BigDecimal b = values.get(i);
            if (a.signum() == 0) {
                fromZero |= b.signum() != 0;
                continue;
            }
            steps.add(b.multiply(BigDecimal.valueOf(100)).divide(a, MathContext.DECIMAL128).subtract(BigDecimal.valueOf(100)));
        }
        if (fromZero) {
            BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).compareTo(max) == 0) {
                    return reached(years.get(i));
                }
            }
        }
        if (steps.isEmpty()) {
            return percent(BigDecimal.ZERO);
        }
        BigDecimal sum = steps.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return percent(sum.divide(BigDecimal.valueOf(steps.size()), MathContext.DECIMAL128));
    }

    /** The dynamics of a yes/no indicator over consecutive years. */
    public static Dynamics ofYesNo(List<Integer> years, List<Boolean> values) {
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i - 1).equals(values.get(i))) {
                return values.get(i) ? reached(years.get(i)) : lost(years.get(i));
            }
        }
        return percent(BigDecimal.ZERO);
    }

    /**
     * Reads dynamics as a programme prints them: a number with a decimal comma and footnote stars
     * ({@code 1,08}, {@code 0***}), or the «досягнення максимального значення у 2025 році» sentence.
     * Null when the text is neither.
     */
    public static @Nullable Dynamics parse(String printed) {
        Matcher number = NUMBER.matcher(printed);
        if (number.matches()) {
            return new Dynamics(Kind.PERCENT, new BigDecimal(number.group(1).replace(',', '.')), 0);
        }
        Matcher reached = REACHED_TEXT.matcher(printed);
        if (reached.matches()) {
            return reached(Integer.parseInt(reached.group(1)));
        }
        return null;
    }

    /** Whether {@code printed} (as parsed) says the same, the percentage compared at its printed precision. */
    public boolean agreesWith(Dynamics printed) {
        if (kind != printed.kind) {
            return false;
        }
        if (kind != Kind.PERCENT) {
            return year == printed.year;
        }
        int scale = Math.max(0, printed.percent.scale());
        return percent.setScale(scale, RoundingMode.HALF_UP).compareTo(printed.percent) == 0;
    }
}
