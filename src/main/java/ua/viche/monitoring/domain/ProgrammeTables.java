package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ua.viche.monitoring.domain.IndicatorCalculation.Type;
import ua.viche.monitoring.domain.IndicatorCalculation.Value;
import ua.viche.monitoring.domain.IndicatorCalculation.WhenZero;
import ua.viche.platform.Refusal;
import ua.viche.platform.Refusal.Fault;

/**
 * A programme's figures (annex 3) and indicators (annex 2) read from tables, one row a map from
 * column name to cell text, as a spreadsheet sheet or a CSV file gives them. Columns are documented
 * in {@code docs/programme-import.md}; year columns are named by the year ({@code 2025}), the
 * baseline's column is {@code baseline}. Every row is checked, and every fault is reported with its
 * sheet and row; the caller saves nothing when there is any.
 */
public final class ProgrammeTables {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CODE = Pattern.compile("[A-ZА-ЯІЇЄ]?\\.?\\d+(\\.\\d+)*");
    private static final Pattern LETTER_COLUMN = Pattern.compile("[A-Z]");

    /**
     * A figure (monitoring key figure): code, name, unit, who provides it, whether it is never zero,
     * values by year, and the key of the platform's published figure it is computed from (empty: typed by its department).
     */
    public record FigureRow(String code, String name, String nameEn, String unit, String provider, boolean neverZero,
                            Map<Integer, BigDecimal> values, String computed) {}

    /** An indicator: its priority, code, name, unit, type, formula (or null), rule for zero, published values and dynamics. */
    public record IndicatorRow(String priority, String code, String name, String nameEn, String unit, Type type,
                               @Nullable Formula formula, WhenZero whenZero, Map<Integer, Value> values,
                               @Nullable Dynamics dynamics, String dynamicsText, String note) {}

    /** What was read, and every fault found (empty when all rows are good). */
    public record Read(List<Integer> years, List<FigureRow> figures, List<IndicatorRow> indicators, List<Fault> faults) {}

    private ProgrammeTables() {}

    /** Reads both tables; {@code baselineYear} is the year the baseline column stands for. */
    public static Read read(List<Map<String, String>> figureRows, List<Map<String, String>> indicatorRows, int baselineYear) {
        List<Fault> faults = new ArrayList<>();
        List<Integer> years = years(figureRows.isEmpty() ? Map.of() : figureRows.get(0), baselineYear);
        List<FigureRow> figures = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        Set<String> neverZero = new TreeSet<>();
        int line = 1;
        for (Map<String, String> row : figureRows) {
            line++;
            if (blank(row)) {
                continue;
            }
            String where = "figures:" + line;
            String code = cell(row, "code");
            if (!CODE.matcher(code).matches()) {
                faults.add(Fault.of(where, "monitoring.error.code", code));
                continue;
            }
            if (!codes.add(code)) {
                faults.add(Fault.of(where, "monitoring.error.duplicateCode", code));
                continue;
            }
            String name = cell(row, "name");
            if (name.isEmpty()) {
                faults.add(Fault.of(where, "monitoring.error.name", code));
            }
            Map<Integer, BigDecimal> values = new LinkedHashMap<>();
            for (int year : years) {
                String text = cell(row, year == baselineYear ? "baseline" : String.valueOf(year));
                if (text.isEmpty()) {
                    continue;
                }
                BigDecimal value = number(text);
                if (value == null) {
                    faults.add(Fault.of(where, "monitoring.error.number", code, String.valueOf(year), text));
                } else {
                    values.put(year, value);
                }
            }
            boolean never = yes(cell(row, "never_zero"));
            if (never) {
                neverZero.add(code);
            }
            figures.add(new FigureRow(code, name, cell(row, "name_en"), cell(row, "unit"), cell(row, "provider"), never, values,
                    cell(row, "computed")));
        }
        List<IndicatorRow> indicators = new ArrayList<>();
        Set<String> indicatorCodes = new TreeSet<>();
        line = 1;
        for (Map<String, String> row : indicatorRows) {
            line++;
            if (blank(row)) {
                continue;
            }
            String where = "indicators:" + line;
            String code = cell(row, "code");
            if (!CODE.matcher(code).matches()) {
                faults.add(Fault.of(where, "monitoring.error.code", code));
                continue;
            }
            if (!indicatorCodes.add(code)) {
                faults.add(Fault.of(where, "monitoring.error.duplicateCode", code));
                continue;
            }
            String unit = cell(row, "unit");
            Type type = type(unit, cell(row, "type"));
            if (type == null) {
                faults.add(Fault.of(where, "monitoring.error.type", code, cell(row, "type")));
                continue;
            }
            Formula formula = null;
            String formulaText = cell(row, "formula");
            WhenZero whenZero = whenZero(cell(row, "when_zero"));
            if (!formulaText.isEmpty() && !formulaText.equals("-")) {
                Map<String, String> letters = new LinkedHashMap<>();
                row.forEach((column, value) -> {
                    if (LETTER_COLUMN.matcher(column.trim()).matches() && !value.isBlank()) {
                        letters.put(column.trim(), value.trim());
                    }
                });
                try {
                    formula = Formula.parse(formulaText, letters);
                    for (String figure : formula.figureCodes()) {
                        if (!codes.contains(figure)) {
                            faults.add(Fault.of(where, "monitoring.error.unknownFigure", code, figure));
                        }
                    }
                    List<String> divisors = formula.zeroDivisors(neverZero);
                    if (!divisors.isEmpty() && whenZero == WhenZero.UNSET) {
                        faults.add(Fault.of(where, "monitoring.error.zeroDivisor", code, String.join(", ", divisors)));
                    }
                } catch (Refusal r) {
                    faults.add(Fault.of(where, r.getMessage(), r.faults().get(0).argumentArray()));
                }
            }
            Map<Integer, Value> values = new LinkedHashMap<>();
            for (int year : years) {
                String text = cell(row, year == baselineYear ? "baseline" : String.valueOf(year)).replace("*", "").trim();
                if (text.isEmpty()) {
                    continue;
                }
                Value value = value(type, text);
                if (value == null) {
                    faults.add(Fault.of(where, "monitoring.error.value", code, String.valueOf(year), text));
                } else {
                    values.put(year, value);
                }
            }
            String dynamicsText = cell(row, "dynamics");
            indicators.add(new IndicatorRow(cell(row, "priority"), code, cell(row, "name"), cell(row, "name_en"), unit, type, formula, whenZero,
                    values, dynamicsText.isEmpty() ? null : Dynamics.parse(dynamicsText), dynamicsText, cell(row, "note")));
        }
        return new Read(years, List.copyOf(figures), List.copyOf(indicators), List.copyOf(faults));
    }

    /** The baseline year and the year columns after it, in order. */
    static List<Integer> years(Map<String, String> header, int baselineYear) {
        List<Integer> years = new ArrayList<>(List.of(baselineYear));
        header.keySet().stream().map(String::trim).filter(c -> YEAR.matcher(c).matches()).map(Integer::parseInt)
                .filter(y -> y > baselineYear).sorted().forEach(years::add);
        return List.copyOf(years);
    }

    /** A number as councils type it: a decimal comma or point, spaces or no-break spaces between thousands. */
    public static @Nullable BigDecimal number(String text) {
        String s = text.replace("*", "").replace('\u00a0', ' ').replace(" ", "").replace(',', '.').trim();
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static @Nullable Value value(Type type, String text) {
        return switch (type) {
            case YES_NO -> {
                String t = text.toLowerCase(Locale.ROOT);
                if (yes(t)) {
                    yield Value.of(true);
                }
                yield t.equals("ні") || t.equals("no") ? Value.of(false) : null;
            }
            case NUMBER -> {
                BigDecimal n = number(text);
                yield n == null ? null : Value.of(n);
            }
            case TEXT -> Value.text(text);
        };
    }

    private static @Nullable Type type(String unit, String declared) {
        if (!declared.isEmpty()) {
            for (Type t : Type.values()) {
                if (t.name().equalsIgnoreCase(declared)) {
                    return t;
                }
            }
            return null;
        }
        String u = unit.toLowerCase(Locale.ROOT).replace(" ", "");
        return u.equals("так/ні") || u.equals("yes/no") ? Type.YES_NO : Type.NUMBER;
    }

    private static WhenZero whenZero(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "none", "немає" -> WhenZero.NONE;
            case "zero", "0" -> WhenZero.ZERO;
            default -> WhenZero.UNSET;
        };
    }

    private static boolean yes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.equals("так") || t.equals("yes") || t.equals("true");
    }

    /** A row with nothing in it (a spreadsheet's empty line between blocks). */
    public static boolean blank(Map<String, String> row) {
        return row.values().stream().allMatch(String::isBlank);
    }

    static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.trim();
    }
}
