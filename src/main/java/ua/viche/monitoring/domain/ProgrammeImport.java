package ua.viche.monitoring.domain;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.monitoring.domain.IndicatorCalculation.Value;
import ua.viche.monitoring.domain.ProgrammeTables.FigureRow;
import ua.viche.monitoring.domain.ProgrammeTables.IndicatorRow;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Department;
import ua.viche.platform.Csv;
import ua.viche.platform.Refusal;
import ua.viche.platform.Refusal.Fault;
import ua.viche.platform.ThreadClock;

/**
 * Loads a programme from its tables (priorities, figures — annex 3, indicators — annex 2): every
 * row is checked first, and a single fault refuses the whole load with every fault listed by sheet
 * and row; nothing is half-saved.
 */
@Service
public class ProgrammeImport {

    /** The programme's own facts, typed on the form or given by the demo. */
    public record Header(String titleUk, String titleEn, int firstYear, int lastYear, String decision,
                         String coordinatorDepartment) {}

    /**
     * The tables, each a list of rows keyed by column name (the first row of a sheet or CSV file names
     * the columns); the tasks of annex 1 are optional (an empty list).
     */
    public record Tables(List<Map<String, String>> priorities, List<Map<String, String>> figures,
                         List<Map<String, String>> indicators, List<Map<String, String>> tasks) {

        public Tables(List<Map<String, String>> priorities, List<Map<String, String>> figures, List<Map<String, String>> indicators) {
            this(priorities, figures, indicators, List.of());
        }
    }

    private final ProgrammeRepository programmes;
    private final PriorityRepository priorities;
    private final FigureRepository figures;
    private final IndicatorRepository indicators;
    private final TaskRepository tasks;
    private final ComputedFigures computed;
    private final AuditLog audit;
    private final ThreadClock clock;
    private final Communities communities;

    ProgrammeImport(Communities communities, ProgrammeRepository programmes, PriorityRepository priorities, FigureRepository figures,
                    IndicatorRepository indicators, TaskRepository tasks, ComputedFigures computed, AuditLog audit, ThreadClock clock) {
        this.computed = computed;
        this.tasks = tasks;
        this.programmes = programmes;
        this.priorities = priorities;
        this.figures = figures;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
        this.communities = communities;
    }

    /** Loads a programme into the current community; returns its id. */
    @Transactional
    public long load(Header header, Tables tables) {
        Programme programme = new Programme(header.titleUk(), header.titleEn(), header.firstYear(), header.lastYear(),
                header.firstYear() - 1, header.decision(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        ProgrammeTables.Read read = ProgrammeTables.read(tables.figures(), tables.indicators(), programme.getBaselineYear());
        List<Fault> faults = new ArrayList<>(read.faults());
        Map<String, String[]> priorityNames = new LinkedHashMap<>();
        int line = 1;
        for (Map<String, String> row : tables.priorities()) {
            line++;
            if (ProgrammeTables.blank(row)) {
                continue;
            }
            String number = row.getOrDefault("number", "").trim();
            String name = row.getOrDefault("name", "").trim();
            if (number.isEmpty() || name.isEmpty() || priorityNames.containsKey(number)) {
                faults.add(Fault.of("priorities:" + line, "monitoring.error.priority", number));
                continue;
            }
            priorityNames.put(number, new String[] {name, row.getOrDefault("name_en", "").trim()});
        }
        for (int y : read.years()) {
            if (y > programme.getLastYear()) {
                faults.add(Fault.of("figures:1", "monitoring.error.yearOutside", y, programme.getFirstYear(), programme.getLastYear()));
            }
        }
        line = 1;
        for (IndicatorRow i : read.indicators()) {
            line++;
            if (!priorityNames.containsKey(i.priority())) {
                faults.add(Fault.of("indicators:" + line, "monitoring.error.unknownPriority", i.code(), i.priority()));
            }
        }
        TaskTables.Read taskRead = TaskTables.read(tables.tasks(), programme.getFirstYear(), programme.getLastYear());
        faults.addAll(taskRead.faults());
        line = 1;
        for (TaskTables.TaskRow t : taskRead.tasks()) {
            line++;
            if (!priorityNames.containsKey(t.priority())) {
                faults.add(Fault.of("tasks:" + line, "monitoring.error.taskPriority", t.code(), t.priority()));
            }
        }
        line = 1;
        for (FigureRow f : read.figures()) {
            line++;
            if (!f.computed().isEmpty() && computed.definition(f.computed()).isEmpty()) {
                faults.add(Fault.of("figures:" + line, "monitoring.error.computed", f.code(), f.computed()));
            }
        }
        if (read.indicators().isEmpty()) {
            faults.add(Fault.of("indicators:1", "monitoring.error.noIndicators"));
        }
        List<Department> departments = communities.departments();
        Long coordinator = null;
        if (!header.coordinatorDepartment().isBlank()) {
            coordinator = department(departments, header.coordinatorDepartment());
            if (coordinator == null) {
                faults.add(Fault.of("coordinatorDepartment", "monitoring.error.department", header.coordinatorDepartment()));
            }
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        programme.coordinatedBy(coordinator);
        programmes.save(programme);
        long id = programme.getId();
        Map<String, Long> priorityIds = new HashMap<>();
        int position = 0;
        for (var e : priorityNames.entrySet()) {
            Priority p = priorities.save(new Priority(id, e.getKey(), e.getValue()[0], e.getValue()[1], position++));
            priorityIds.put(e.getKey(), p.getId());
        }
        position = 0;
        for (FigureRow f : read.figures()) {
            figures.save(new Figure(id, f.code(), f.name(), f.nameEn(), f.unit(), f.provider(), department(departments, f.provider()),
                    f.neverZero(), f.computed().isEmpty() ? null : f.computed(), position++, f.values()));
        }
        position = 0;
        for (IndicatorRow i : read.indicators()) {
            Map<Integer, String> published = new LinkedHashMap<>();
            i.values().forEach((year, value) -> published.put(year, printed(value)));
            indicators.save(new Indicator(id, priorityIds.get(i.priority()), i.code(), i.name(), i.nameEn(), i.unit(), i.type(),
                    i.formula(), i.whenZero(), published, i.dynamicsText(), i.note(), position++));
        }
        position = 0;
        for (TaskTables.TaskRow t : taskRead.tasks()) {
            tasks.save(new Task(id, priorityIds.get(t.priority()), t, department(departments, t.responsible()), position++));
        }
        audit.record("monitoring.programme.loaded", "monitoring_programme", id,
                header.titleUk() + ": " + read.figures().size() + " figures, " + read.indicators().size() + " indicators, "
                        + taskRead.tasks().size() + " tasks");
        return id;
    }

    /**
     * The department a provider's text names: the first of the community's departments whose Ukrainian
     * or English name the text contains (the annex writes «Управління освіти» or a list of several);
     * null when none (then only the coordinator enters the figure).
     */
    static @Nullable Long department(List<Department> departments, String provider) {
        String text = provider.toLowerCase(Locale.ROOT);
        return departments.stream().filter(d -> text.contains(d.nameUk().toLowerCase(Locale.ROOT))
                        || !d.nameEn().isBlank() && text.contains(d.nameEn().toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt(d -> text.indexOf(d.nameUk().toLowerCase(Locale.ROOT)) < 0 ? Integer.MAX_VALUE
                        : text.indexOf(d.nameUk().toLowerCase(Locale.ROOT))))
                .map(Department::id).orElse(null);
    }

    /**
     * The tables from a spreadsheet (.xlsx) with the sheets {@code priorities}, {@code figures} and
     * {@code indicators} (or {@code пріоритети}, {@code показники}, {@code індикатори}), and optionally
     * {@code tasks} ({@code завдання}); a cell reads as
     * it is shown (its number format kept, so a value printed with two decimals keeps them). Refused
     * when the file is not a spreadsheet or a sheet is missing.
     */
    public static Tables tables(InputStream xlsx) {
        try (Workbook book = WorkbookFactory.create(xlsx)) {
            DataFormatter shown = new DataFormatter(Locale.forLanguageTag("uk"));
            return new Tables(sheet(book, shown, "priorities", "пріоритети"), sheet(book, shown, "figures", "показники"),
                    sheet(book, shown, "indicators", "індикатори"),
                    find(book, "tasks", "завдання") != null ? sheet(book, shown, "tasks", "завдання") : List.of());
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal r) {
                throw r;
            }
            throw Refusal.field("file", "monitoring.error.spreadsheet");
        }
    }

    private static @Nullable Sheet find(Workbook book, String... names) {
        for (String name : names) {
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                if (book.getSheetName(i).trim().equalsIgnoreCase(name)) {
                    return book.getSheetAt(i);
                }
            }
        }
        return null;
    }

    private static List<Map<String, String>> sheet(Workbook book, DataFormatter shown, String... names) {
        Sheet sheet = find(book, names);
        if (sheet == null) {
            throw Refusal.field("file", "monitoring.error.sheet", names[0]);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        Row first = sheet.getRow(sheet.getFirstRowNum());
        if (first == null) {
            return rows;
        }
        List<String> header = new ArrayList<>();
        for (int c = 0; c < first.getLastCellNum(); c++) {
            header.add(first.getCell(c) == null ? "" : shown.formatCellValue(first.getCell(c)).trim());
        }
        for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                Cell cell = row == null ? null : row.getCell(c);
                cells.put(header.get(c), cell == null ? "" : shown.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Rows of a CSV file keyed by its header; blank rows are skipped but counted, so row numbers match the file. */
    public static List<Map<String, String>> rows(String csv) {
        List<List<String>> rows = Csv.read(csv);
        List<Map<String, String>> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < r.size() ? r.get(c) : "");
            }
            out.add(row);
        }
        return out;
    }

    private static String printed(Value value) {
        if (value.number() != null) {
            return value.number().toPlainString();
        }
        if (value.yes() != null) {
            return value.yes() ? "так" : "ні";
        }
        return value.text() == null ? "" : value.text();
    }
}
