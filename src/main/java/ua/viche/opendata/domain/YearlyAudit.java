package ua.viche.opendata.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.Refusal;

/**
 * The yearly audit of the register (decision 0053): for each dataset the current user keeps (every
 * one for the coordinator), how many updates its schedule made due in the year, how many were made,
 * and how the due ones went: on time, late or missed; totals by department; and the datasets
 * overdue now. As a page, JSON and a spreadsheet with headers in the reader's language.
 *
 * <p>The year is cut into the frequency's calendar periods ({@link Frequency#periods}). A period is
 * due once it has ended (before the audit day) and the dataset was registered by its first day, or
 * as soon as an update was made in it. It is <b>on time</b> with an update inside it, <b>late</b>
 * when the first update after it comes within one more period, else <b>missed</b> (as of the audit
 * day). An update is a day on which a version of any resource was recorded, or the dataset was first
 * published or last updated. Irregular, continuous and never-updated datasets, generated ones (the
 * platform refreshes them) and withdrawn ones have no updates due; their updates are still counted.
 */
@Service
public class YearlyAudit {

    private static final String XLSX_DATE = "dd.mm.yyyy";

    private final Register register;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;

    YearlyAudit(Register register, JdbcTemplate jdbc, MessageSource messages) {
        this.register = register;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** How a dataset's schedule went in a year. */
    public record Counts(int due, int made, int onTime, int late, int missed, @Nullable LocalDate lastUpdate) {}

    /** A dataset's line of the report. */
    public record Line(Dataset dataset, @Nullable Department department, Dataset.Shown status, boolean scheduled, Counts counts) {}

    /** The sums of a department's lines ({@code department} null: datasets with none set; in {@link Report#total}: all). */
    public record Total(@Nullable Department department, int datasets, int due, int made, int onTime, int late, int missed) {

        /** The share of due updates made on time, in whole per cent; null when nothing was due. */
        public @Nullable Integer onTimePercent() {
            return due == 0 ? null : Math.round(onTime * 100f / due);
        }
    }

    /** The report of a year as of a day (the last day of the year, or today for the current one). */
    public record Report(int year, LocalDate asOf, List<Integer> years, List<Line> lines, List<Total> departments, Total total,
                         List<Line> overdueNow) {}

    /**
     * Counts one dataset's year: {@code updates} are its update days, {@code registered} the day it
     * entered the register, {@code today} the audit day (periods not over by then are not yet due).
     */
    public static Counts count(Frequency frequency, boolean scheduled, LocalDate registered, NavigableSet<LocalDate> updates, int year,
                               LocalDate today) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31).isBefore(today) ? LocalDate.of(year, 12, 31) : today;
        int made = last.isBefore(first) ? 0 : updates.subSet(first, true, last, true).size();
        LocalDate lastUpdate = updates.floor(last);
        int due = 0;
        int onTime = 0;
        int late = 0;
        int missed = 0;
        if (scheduled) {
            for (Frequency.Period p : frequency.periods(year)) {
                if (p.start().isAfter(today)) {
                    break;
                }
                LocalDate inside = updates.ceiling(p.start());
                if (inside != null && !inside.isAfter(p.end()) && !inside.isAfter(today)) {
                    due++;
                    onTime++;
                } else if (p.end().isBefore(today) && !registered.isAfter(p.start())) {
                    due++;
                    LocalDate after = updates.ceiling(p.end().plusDays(1));
                    if (after != null && !after.isAfter(frequency.next(p).end()) && !after.isAfter(today)) {
                        late++;
                    } else {
                        missed++;
                    }
                }
            }
        }
        return new Counts(due, made, onTime, late, missed, lastUpdate);
    }

    /** The report of a year for the datasets the current user keeps; a year before the register or after today is refused. */
    @Transactional(readOnly = true)
    public Report report(int year) {
        List<Register.Entry> entries = register.managedByMe();
        LocalDate today = register.today();
        int from = entries.stream().map(e -> Dates.day(e.dataset().getCreatedAt()).getYear()).min(Integer::compare).orElse(today.getYear());
        if (year < Math.min(from, today.getYear()) || year > today.getYear()) {
            throw Refusal.badInput("opendata.audit.error.year", String.valueOf(year));
        }
        List<Integer> years = new ArrayList<>();
        for (int y = today.getYear(); y >= Math.min(from, today.getYear()); y--) {
            years.add(y);
        }
        Map<Long, NavigableSet<LocalDate>> updates = updateDays();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<Line> lines = new ArrayList<>();
        for (Register.Entry e : entries) {
            Dataset d = e.dataset();
            LocalDate registered = Dates.day(d.getCreatedAt());
            if (registered.isAfter(yearEnd)) {
                continue;
            }
            boolean scheduled = d.getFrequency().scheduled() && d.getOrigin() != Dataset.Origin.GENERATED
                    && d.getStatus() != Dataset.Status.WITHDRAWN;
            NavigableSet<LocalDate> days = updates.getOrDefault(d.getId(), new TreeSet<>());
            if (d.getIssuedAt() != null) {
                days.add(Dates.day(d.getIssuedAt()));
            }
            if (d.getUpdatedAt() != null) {
                days.add(Dates.day(d.getUpdatedAt()));
            }
            lines.add(new Line(d, e.department(), e.status(), scheduled, count(d.getFrequency(), scheduled, registered, days, year, today)));
        }
        lines.sort(Comparator.comparing((Line l) -> l.department() == null ? "\uffff" : l.department().nameUk())
                .thenComparing(l -> l.dataset().getTitleUk()));
        Map<@Nullable Long, List<Line>> byDepartment = new LinkedHashMap<>();
        lines.forEach(l -> byDepartment.computeIfAbsent(l.department() == null ? null : l.department().id(), k -> new ArrayList<>()).add(l));
        List<Total> departments = byDepartment.values().stream().map(ls -> total(ls.get(0).department(), ls)).toList();
        List<Line> overdue = lines.stream().filter(l -> l.status() == Dataset.Shown.OVERDUE)
                .sorted(Comparator.comparing((Line l) -> l.dataset().dueDay().orElse(LocalDate.MAX))).toList();
        return new Report(year, yearEnd.isBefore(today) ? yearEnd : today, years, lines, departments, total(null, lines), overdue);
    }

    private static Total total(@Nullable Department department, List<Line> lines) {
        return new Total(department, lines.size(), lines.stream().mapToInt(l -> l.counts().due()).sum(),
                lines.stream().mapToInt(l -> l.counts().made()).sum(), lines.stream().mapToInt(l -> l.counts().onTime()).sum(),
                lines.stream().mapToInt(l -> l.counts().late()).sum(), lines.stream().mapToInt(l -> l.counts().missed()).sum());
    }

    /** The days (Kyiv) on which a version of any of a dataset's resources was recorded, by dataset id. */
    private Map<Long, NavigableSet<LocalDate>> updateDays() {
        Map<Long, NavigableSet<LocalDate>> out = new HashMap<>();
        jdbc.query("select r.dataset_id, v.created_at from opendata_version v join opendata_resource r on r.id = v.resource_id"
                        + " where v.community_id = ? and r.community_id = ?",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(Dates.day(rs.getTimestamp(2).toInstant()));
                }, CurrentCommunity.require().id(), CurrentCommunity.require().id());
        return out;
    }

    // ---- the spreadsheet

    /** The report as a spreadsheet: sheets of datasets, departments and datasets overdue now, headed in the reader's language. */
    public byte[] xlsx(Report report, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CreationHelper helper = book.getCreationHelper();
            CellStyle date = book.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat(XLSX_DATE));

            Sheet datasets = book.createSheet(text("opendata.audit.sheet.datasets", locale));
            row(datasets, 0, List.of(text("opendata.field.title", locale), text("opendata.field.identifier", locale),
                    text("opendata.field.department", locale), text("opendata.field.frequency", locale),
                    text("opendata.audit.due", locale), text("opendata.audit.made", locale), text("opendata.audit.onTime", locale),
                    text("opendata.audit.late", locale), text("opendata.audit.missed", locale), text("opendata.audit.lastUpdate", locale),
                    text("opendata.field.status", locale)), bold, date);
            int r = 1;
            for (Line l : report.lines()) {
                Counts c = l.counts();
                row(datasets, r++, List.of(l.dataset().title(locale), l.dataset().getName(), department(l.department(), locale),
                        text("opendata.frequency." + l.dataset().getFrequency().name(), locale),
                        l.scheduled() ? c.due() : text("opendata.audit.notScheduled", locale), c.made(), c.onTime(), c.late(), c.missed(),
                        c.lastUpdate() == null ? "" : c.lastUpdate(), text("opendata.status." + l.status().name(), locale)), null, date);
            }
            datasets.createFreezePane(1, 1);

            Sheet departments = book.createSheet(text("opendata.audit.sheet.departments", locale));
            row(departments, 0, List.of(text("opendata.field.department", locale), text("opendata.audit.datasets", locale),
                    text("opendata.audit.due", locale), text("opendata.audit.made", locale), text("opendata.audit.onTime", locale),
                    text("opendata.audit.late", locale), text("opendata.audit.missed", locale), text("opendata.audit.onTimeShare", locale)),
                    bold, date);
            r = 1;
            for (Total t : report.departments()) {
                row(departments, r++, totalCells(department(t.department(), locale), t), null, date);
            }
            row(departments, r, totalCells(text("opendata.audit.total", locale), report.total()), bold, date);
            departments.createFreezePane(1, 1);

            Sheet overdue = book.createSheet(text("opendata.audit.sheet.overdue", locale));
            row(overdue, 0, List.of(text("opendata.field.title", locale), text("opendata.field.department", locale),
                    text("opendata.field.frequency", locale), text("opendata.field.due", locale), text("opendata.field.contactEmail", locale)),
                    bold, date);
            r = 1;
            for (Line l : report.overdueNow()) {
                row(overdue, r++, List.of(l.dataset().title(locale), department(l.department(), locale),
                        text("opendata.frequency." + l.dataset().getFrequency().name(), locale),
                        l.dataset().dueDay().<Object>map(d -> d).orElse(""),
                        Objects.requireNonNullElse(l.dataset().getContactEmail(), "")), null, date);
            }
            for (Sheet s : List.of(datasets, departments, overdue)) {
                for (int i = 0; i < s.getRow(0).getLastCellNum(); i++) {
                    s.setColumnWidth(i, i == 0 ? 60 * 256 : 18 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> totalCells(String name, Total t) {
        return List.of(name, t.datasets(), t.due(), t.made(), t.onTime(), t.late(), t.missed(),
                t.onTimePercent() == null ? "" : t.onTimePercent());
    }

    private String department(@Nullable Department d, Locale locale) {
        return d == null ? text("opendata.field.noDepartment", locale) : d.name(locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void row(Sheet sheet, int index, List<?> cells, @Nullable CellStyle style, CellStyle date) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = row.createCell(i);
            Object v = cells.get(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(String.valueOf(v));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
