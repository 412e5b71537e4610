package ua.viche.monitoring.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.viche.monitoring.domain.Dynamics;
import ua.viche.monitoring.domain.IndicatorCalculation.Value;
import ua.viche.platform.Numbers;

/** Indicator values and dynamics in the reader's language, at the precision the programme prints (the pages' {@code @programmeValues}). */
@Component("programmeValues")
class ProgrammeValues {

    private final MessageSource messages;

    ProgrammeValues(MessageSource messages) {
        this.messages = messages;
    }

    /** A value as printed: a number with its own decimals, yes/no in words, or the text; a dash for nothing. */
    public String show(@Nullable Value value) {
        if (value == null || value.missing()) {
            return "—";
        }
        if (value.number() != null) {
            return number(value.number(), Math.max(0, value.number().scale()));
        }
        if (value.yes() != null) {
            return text(value.yes() ? "monitoring.yes" : "monitoring.no");
        }
        return value.text() == null ? "—" : value.text();
    }

    /** A figure's value with the decimals it has (none for a whole number). */
    public String figure(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return number(v, Math.max(0, v.scale()));
    }

    /** Money in thousand hryvnias with three decimals, as the programme prints it; a dash for nothing. */
    public String money(@Nullable BigDecimal value) {
        return value == null ? "—" : number(value, 3);
    }

    /** What share of the planned money was spent, in whole percent; a dash when nothing is planned or recorded. */
    public String spentShare(@Nullable BigDecimal actual, BigDecimal planned) {
        return actual == null || planned.signum() == 0 ? "—"
                : number(actual.multiply(BigDecimal.valueOf(100)).divide(planned, 0, RoundingMode.HALF_UP), 0) + " %";
    }

    /** A computed value at the precision of the printed one beside it (two decimals without one). */
    public String computed(@Nullable Value computed, @Nullable Value printed) {
        if (computed == null || computed.number() == null) {
            return show(computed);
        }
        int scale = printed != null && printed.number() != null ? Math.max(0, printed.number().scale()) : 2;
        return number(computed.number(), scale);
    }

    public String dynamics(@Nullable Dynamics d) {
        if (d == null) {
            return "—";
        }
        return switch (d.kind()) {
            case PERCENT -> number(d.percent(), 2) + " %";
            case REACHED -> text("monitoring.dynamics.reached", d.year());
            case LOST -> text("monitoring.dynamics.lost", d.year());
        };
    }

    private static String number(BigDecimal n, int scale) {
        NumberFormat f = NumberFormat.getNumberInstance(Numbers.locale());
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        return f.format(n.setScale(scale, RoundingMode.HALF_UP));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Numbers.locale());
    }
}
