package ua.viche.monitoring.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.monitoring.domain.IndicatorCalculation.Value;
import ua.viche.monitoring.domain.ProgrammeService.IndicatorView;
import ua.viche.monitoring.domain.ProgrammeService.PriorityView;
import ua.viche.monitoring.domain.ProgrammeService.ProgrammeView;
import ua.viche.platform.Csv;

/**
 * The programme's report in the shape of its annexes: a spreadsheet (Apache POI) with a sheet of
 * indicators (annex 2: priority, code, name, unit, formula, baseline and targets as printed, the
 * actual values the formula gives from the accepted figures, dynamics printed and computed, any
 * discrepancy) and a sheet of figures (annex 3: code, name, unit, provider, baseline and forecasts,
 * accepted actual values by year with the quarter they are as of) and a sheet of tasks (annex 1: who,
 * when, planned and spent money by year and source, the state); and a CSV of every accepted
 * quarterly value. Numbers are numeric cells at full precision (the page rounds them for reading).
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeReport {


    private static final Locale UK = Locale.forLanguageTag("uk");

    private final FigureReporting reporting;

    private final MessageSource messages;

    ProgrammeReport(FigureReporting reporting, MessageSource messages) {
        this.reporting = reporting;
        this.messages = messages;
    }

    /** The spreadsheet: sheets «Індикатори», «Показники» and «Завдання» (annex 1: a row for each task and source of its money). */
    public byte[] xlsx(ProgrammeView view) {
        List<Integer> years = view.programme().years();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet indicators = book.createSheet("Індикатори");
            List<Object> header = new ArrayList<>(List.of("Пріоритет", "Код", "Індикатор", "Одиниця виміру", "Формула"));
            years.forEach(y -> header.add(y == view.programme().getBaselineYear() ? "Базове " + y : "Ціль " + y));
            years.forEach(y -> header.add("Фактично " + y));
            header.addAll(List.of("Динаміка (у програмі)", "Динаміка (обчислено)", "Розбіжності"));
            row(indicators, 0, header, bold);
            int r = 1;
            for (PriorityView p : view.priorities()) {
                for (IndicatorView i : p.indicators()) {
                    List<Object> cells = new ArrayList<>(List.of(p.priority().getNumber(), i.indicator().getCode(),
                            i.indicator().getNameUk(), i.indicator().getUnit(), formula(i.indicator())));
                    years.forEach(y -> cells.add(cell(i.published().get(y))));
                    years.forEach(y -> cells.add(cell(i.actual().get(y))));
                    cells.add(i.indicator().getPublishedDynamics());
                    cells.add(i.planned().dynamics() == null ? "" : IndicatorCalculation.describe(i.planned().dynamics()));
                    cells.add(String.join("; ", i.planned().discrepancies().stream()
                            .map(d -> d.where() + ": " + d.published() + " ≠ " + d.computed()).toList()));
                    row(indicators, r++, cells, null);
                }
            }

            Sheet figures = book.createSheet("Показники");
            List<Object> figureHeader = new ArrayList<>(List.of("Код", "Показник", "Одиниця виміру", "Джерело інформації"));
            years.forEach(y -> figureHeader.add(y == view.programme().getBaselineYear() ? "Базове " + y : "Прогноз " + y));
            years.stream().filter(y -> y != view.programme().getBaselineYear()).forEach(y -> {
                figureHeader.add("Фактично " + y);
                figureHeader.add("Станом на квартал " + y);
            });
            row(figures, 0, figureHeader, bold);
            Map<String, Map<Integer, FigureReporting.Actual>> actuals = reporting.actuals(view.programme().getId());
            r = 1;
            for (Figure f : view.figures()) {
                List<Object> cells = new ArrayList<>(List.of(f.getCode(), f.getNameUk(), f.getUnit(), f.getProvider()));
                years.forEach(y -> cells.add(f.getPlan().containsKey(y) ? f.getPlan().get(y).stripTrailingZeros() : ""));
                Map<Integer, FigureReporting.Actual> actual = actuals.getOrDefault(f.getCode(), Map.of());
                years.stream().filter(y -> y != view.programme().getBaselineYear()).forEach(y -> {
                    FigureReporting.Actual a = actual.get(y);
                    cells.add(a == null ? "" : a.value().stripTrailingZeros());
                    cells.add(a == null ? "" : a.quarter());
                });
                row(figures, r++, cells, null);
            }
            Sheet tasks = book.createSheet("Завдання");
            List<Object> taskHeader = new ArrayList<>(List.of("Пріоритет", "Код", "Завдання", "Відповідальні за виконання",
                    "Строки виконання", "Фінансування", "Джерело"));
            List<Integer> programmeYears = years.stream().filter(y -> y != view.programme().getBaselineYear()).toList();
            programmeYears.forEach(y -> taskHeader.add("Заплановано " + y + ", тис. грн"));
            programmeYears.forEach(y -> taskHeader.add("Використано " + y + ", тис. грн"));
            taskHeader.addAll(List.of("Стан", "Хід виконання", "Очікувані результати"));
            row(tasks, 0, taskHeader, bold);
            r = 1;
            for (PriorityView p : view.priorities()) {
                for (Task t : p.tasks()) {
                    List<Task.Source> sources = t.getBudget().stream().map(Task.BudgetLine::getSource).distinct().sorted().toList();
                    for (Task.Source source : sources) {
                        row(tasks, r++, taskCells(p, t, source, programmeYears), null);
                    }
                    if (sources.isEmpty()) {
                        row(tasks, r++, taskCells(p, t, null, programmeYears), null);
                    }
                }
            }
            indicators.createFreezePane(3, 1);
            figures.createFreezePane(2, 1);
            tasks.createFreezePane(3, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every accepted quarterly value of the programme's figures, one row each. */
    public String valuesCsv(ProgrammeView view) {
        Csv csv = new Csv().row(List.of("figure_code", "figure_name", "unit", "year", "quarter", "value", "accepted_at"));
        for (Figure f : view.figures()) {
            reporting.history(f.getId()).stream().filter(e -> e.getStatus() == Entry.Status.ACCEPTED)
                    .sorted((a, b) -> a.getYear() != b.getYear() ? Integer.compare(a.getYear(), b.getYear())
                            : Integer.compare(a.getQuarter(), b.getQuarter()))
                    .forEach(e -> csv.row(List.of(f.getCode(), f.getNameUk(), f.getUnit(), e.getYear(), e.getQuarter(),
                            e.getValue().stripTrailingZeros().toPlainString(),
                            e.getDecidedAt() == null ? "" : e.getDecidedAt().toString())));
        }
        return csv.toString();
    }

    /** A task's row for one source of its money (or for none when it has no budget lines of its own). */
    private List<Object> taskCells(PriorityView p, Task t, Task.@Nullable Source source, List<Integer> years) {
        List<Object> cells = new ArrayList<>(List.of(p.priority().getNumber(), t.getCode(), t.getNameUk(), t.getResponsible(),
                t.getPeriod(), uk("monitoring.funding." + t.getFunding()), source == null ? "" : uk("monitoring.source." + source)));
        for (int y : years) {
            Task.BudgetLine line = source == null ? null : t.line(y, source);
            cells.add(line == null ? "" : line.getPlanned());
        }
        for (int y : years) {
            Task.BudgetLine line = source == null ? null : t.line(y, source);
            cells.add(line == null || line.getActual() == null ? "" : line.getActual());
        }
        cells.addAll(List.of(uk("monitoring.status." + t.getStatus()), t.getProgress(), t.getResult()));
        return cells;
    }

    /** A label of the report in Ukrainian, the language of the programme's annexes. */
    private String uk(String key) {
        return messages.getMessage(key, null, UK);
    }

    private static String formula(Indicator i) {
        Formula f = i.formula();
        if (f == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(f.text());
        f.letters().forEach((letter, code) -> text.append(", ").append(letter).append(" – показник ").append(code));
        return text.toString();
    }

    private static Object cell(@Nullable Value v) {
        if (v == null || v.missing()) {
            return "";
        }
        if (v.number() != null) {
            return v.number();
        }
        if (v.yes() != null) {
            return v.yes() ? "Так" : "Ні";
        }
        return v.text() == null ? "" : v.text();
    }

    private static void row(Sheet sheet, int index, List<Object> values, @Nullable CellStyle style) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            Cell cell = row.createCell(c);
            Object v = values.get(c);
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(v));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
