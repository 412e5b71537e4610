package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ua.viche.monitoring.domain.Task.BudgetLine;
import ua.viche.monitoring.domain.Task.Funding;
import ua.viche.monitoring.domain.Task.Source;
import ua.viche.platform.Refusal.Fault;

/**
 * A programme's tasks (annex 1) read from a table: priority, code, name, responsible, period,
 * funding, expected result, and the planned money as columns {@code <source>_<year>}
 * ({@code city_2025}, {@code state_2026}, {@code ita_2027}, {@code other_2025}), in thousand
 * hryvnias; an optional {@code total} column is checked against their sum. Every fault is reported
 * with its row; the caller saves nothing when there is any.
 */
public final class TaskTables {

    private static final Pattern CODE = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern MONEY_COLUMN = Pattern.compile("(city|state|ita|other)_(\\d{4})");

    /** A task as its row gives it. */
    public record TaskRow(String priority, String code, String name, String nameEn, String responsible, String period,
                   Funding funding, String result, List<BudgetLine> budget) {}

    public record Read(List<TaskRow> tasks, List<Fault> faults) {}

    private TaskTables() {}

    public static Read read(List<Map<String, String>> rows, int firstYear, int lastYear) {
        List<TaskRow> tasks = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        int line = 1;
        for (Map<String, String> row : rows) {
            line++;
            if (ProgrammeTables.blank(row)) {
                continue;
            }
            String where = "tasks:" + line;
            String code = ProgrammeTables.cell(row, "code");
            if (!CODE.matcher(code).matches()) {
                faults.add(Fault.of(where, "monitoring.error.code", code));
                continue;
            }
            if (!codes.add(code)) {
                faults.add(Fault.of(where, "monitoring.error.duplicateCode", code));
                continue;
            }
            String name = ProgrammeTables.cell(row, "name");
            if (name.isEmpty()) {
                faults.add(Fault.of(where, "monitoring.error.taskName", code));
            }
            Funding funding = funding(ProgrammeTables.cell(row, "funding"));
            if (funding == null) {
                faults.add(Fault.of(where, "monitoring.error.funding", code, ProgrammeTables.cell(row, "funding")));
                continue;
            }
            List<BudgetLine> budget = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, String> cell : row.entrySet()) {
                Matcher m = MONEY_COLUMN.matcher(cell.getKey().trim().toLowerCase(Locale.ROOT));
                String text = cell.getValue().trim();
                if (!m.matches() || text.isEmpty()) {
                    continue;
                }
                int year = Integer.parseInt(m.group(2));
                BigDecimal amount = ProgrammeTables.number(text);
                if (amount == null || amount.signum() < 0) {
                    faults.add(Fault.of(where, "monitoring.error.amount", code, cell.getKey().trim(), text));
                } else if (year < firstYear || year > lastYear) {
                    faults.add(Fault.of(where, "monitoring.error.amountYear", code, String.valueOf(year)));
                } else {
                    budget.add(new BudgetLine(year, Source.valueOf(m.group(1).toUpperCase(Locale.ROOT)), amount));
                    sum = sum.add(amount);
                }
            }
            if (funding == Funding.BUDGET && budget.isEmpty()) {
                faults.add(Fault.of(where, "monitoring.error.noBudget", code));
            } else if (funding != Funding.BUDGET && !budget.isEmpty()) {
                faults.add(Fault.of(where, "monitoring.error.unfundedBudget", code));
            }
            String total = ProgrammeTables.cell(row, "total");
            if (!total.isEmpty()) {
                BigDecimal printed = ProgrammeTables.number(total);
                if (printed == null || printed.compareTo(sum) != 0) {
                    faults.add(Fault.of(where, "monitoring.error.total", code, total, sum.toPlainString()));
                }
            }
            tasks.add(new TaskRow(ProgrammeTables.cell(row, "priority"), code, name, ProgrammeTables.cell(row, "name_en"),
                    ProgrammeTables.cell(row, "responsible"), ProgrammeTables.cell(row, "period"), funding,
                    ProgrammeTables.cell(row, "result"), List.copyOf(budget)));
        }
        return new Read(List.copyOf(tasks), List.copyOf(faults));
    }

    /** The funding column: {@code budget}, {@code within}, {@code none}, or the programme's own words. */
    static @Nullable Funding funding(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("budget") || t.startsWith("загальний обсяг") || t.equals("бюджет")) {
            return Funding.BUDGET;
        }
        if (t.equals("within") || t.startsWith("в межах")) {
            return Funding.WITHIN;
        }
        if (t.equals("none") || t.startsWith("не потребує")) {
            return Funding.NONE;
        }
        return null;
    }
}
