package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.monitoring.MonitoringModule;
import ua.viche.monitoring.domain.Quarters.Quarter;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.FileStore;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.WorkingDays;

/**
 * Quarterly reporting of the programme's figures: a department enters a figure's value for an
 * ended quarter (an official whose role covers the figure's department), the coordinator — a
 * community admin, or an official of the programme's coordinating department — accepts it or returns
 * it with a reason. Every entry is kept; a new entry for a quarter replaces the current one; every
 * step is audited. A year's actual value is the latest accepted value of its latest reported quarter.
 */
@Service
@Transactional
public class FigureReporting {

    /** Where a figure stands for a quarter, as the coordinator's dashboard shows it. */
    public enum State { ACCEPTED, ENTERED, RETURNED, MISSING, OVERDUE }

    /** A figure's line on the dashboard: its state for the quarter, the current entry, and when it is due. */
    public record Line(Figure figure, Quarter quarter, State state, @Nullable Entry current, LocalDate due, boolean mayEnter) {}

    /** A year's actual value of a figure: the value and the quarter it is as of. */
    public record Actual(BigDecimal value, int quarter) {}

    private final ProgrammeRepository programmes;
    private final FigureRepository figures;
    private final EntryRepository entries;
    private final AccessControl access;
    private final Identity identity;
    private final AuditLog audit;
    private final ThreadClock clock;
    private final WorkingDays workingDays;
    private final ComputedFigures computed;
    private final Attachments attachments;

    FigureReporting(ProgrammeRepository programmes, FigureRepository figures, EntryRepository entries, AccessControl access,
                    Identity identity, AuditLog audit, ThreadClock clock, WorkingDays workingDays, ComputedFigures computed,
                    Attachments attachments) {
        this.attachments = attachments;
        this.computed = computed;
        this.programmes = programmes;
        this.figures = figures;
        this.entries = entries;
        this.access = access;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    /** Now: the moment the platform's own figures are computed for a page. */
    public Instant now() {
        return clock.instant();
    }

    /** The supporting document a department may attach to a value: one PDF, JPEG or PNG, its name kept. */
    static final Attachments.Policy DOCUMENT = new Attachments.Policy(Attachments.Policy.DOCUMENTS.types(), 1,
            Attachments.Policy.DOCUMENTS.maxBytes(), true);

    /** Where an entry's supporting document is kept. */
    public static Attachments.Owner documentOwner(long entryId) {
        return new Attachments.Owner("monitoring", "entry", entryId);
    }

    /** Enters a figure's value for a quarter that has ended; refused (nothing saved) with the reason otherwise. */
    public Entry enter(long figureId, int year, int quarter, String valueText, String comment) {
        return enter(figureId, year, quarter, valueText, comment, List.of());
    }

    /**
     * Enters a figure's value for a quarter that has ended, with at most one supporting document;
     * refused (nothing saved) with the reason otherwise.
     */
    public Entry enter(long figureId, int year, int quarter, String valueText, String comment, List<FileStore.Upload> document) {
        Figure figure = figures.lockById(figureId).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        Programme programme = programme(figure);
        if (!mayEnter(programme, figure)) {
            throw Refusal.of("monitoring.error.notYourFigure", figure.getCode()).status(403);
        }
        if (figure.getComputed() != null) {
            throw Refusal.of("monitoring.error.computedFigure", figure.getCode());
        }
        if (year < programme.getFirstYear() || year > programme.getLastYear() || quarter < 1 || quarter > 4) {
            throw Refusal.field("quarter", "monitoring.error.quarterOutside", year, quarter, programme.getFirstYear(),
                    programme.getLastYear());
        }
        Quarter q = new Quarter(year, quarter);
        if (q.compareTo(Quarters.lastEnded(today())) > 0) {
            throw Refusal.field("quarter", "monitoring.error.quarterNotEnded", year, quarter);
        }
        BigDecimal value = ProgrammeTables.number(valueText);
        if (value == null || value.abs().compareTo(new BigDecimal("1E17")) >= 0) {
            throw Refusal.field("value", "monitoring.error.entryNumber", valueText.strip());
        }
        if (comment.length() > 2000) {
            throw Refusal.field("comment", "monitoring.error.comment");
        }
        DOCUMENT.refusal(document, 0).ifPresent(r -> { throw Refusal.field("document", "monitoring.error.document." + r.key()); });
        entries.findByFigureIdAndYearAndQuarterAndCurrentTrue(figureId, year, quarter).ifPresent(previous -> {
            previous.replaced();
            entries.saveAndFlush(previous); // before the insert: one current entry a quarter (partial unique index)
        });
        Entry entry = entries.save(new Entry(figureId, year, quarter, value, comment.strip(), personId(), clock.instant()));
        attachments.store(documentOwner(entry.getId()), DOCUMENT, document);
        audit.record("monitoring.entered", "monitoring_entry", entry.getId(),
                figure.getCode() + " " + year + "/" + quarter + " = " + value.toPlainString());
        return entry;
    }

    /** The coordinator accepts a current entry. */
    public void accept(long entryId) {
        Entry entry = decidable(entryId);
        entry.accept(personId(), clock.instant());
        audit.record("monitoring.accepted", "monitoring_entry", entryId, null);
    }

    /** The coordinator returns a current entry to its department with a reason. */
    public void giveBack(long entryId, String reason) {
        Entry entry = decidable(entryId);
        entry.giveBack(personId(), clock.instant(), reason);
        audit.record("monitoring.returned", "monitoring_entry", entryId, reason.strip());
    }

    private Entry decidable(long entryId) {
        Entry entry = entries.lockById(entryId).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        Figure figure = figures.findById(entry.getFigureId()).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        if (!coordinates(programme(figure))) {
            throw Refusal.of("monitoring.error.notCoordinator").status(403);
        }
        return entry;
    }

    /** Whether the signed-in person coordinates the programme. */
    @Transactional(readOnly = true)
    public boolean coordinates(Programme programme) {
        if (access.currentUserHas(Role.COMMUNITY_ADMIN)) {
            return true;
        }
        Long department = programme.getCoordinatorDepartmentId();
        return access.scope(Role.OFFICIAL).map(s -> department == null ? s.all() : s.covers(department)).orElse(false);
    }

    /** Whether the signed-in person may enter the figure's values: its department's official, or the coordinator. */
    @Transactional(readOnly = true)
    public boolean mayEnter(Programme programme, Figure figure) {
        return coordinates(programme) || access.scope(Role.OFFICIAL)
                .map(s -> s.covers(figure.getDepartmentId())).orElse(false);
    }

    /** The dashboard: every figure of the programme the person may see, for the latest ended quarter of the programme. */
    @Transactional(readOnly = true)
    public List<Line> dashboard(Programme programme) {
        Quarter quarter = reportingQuarter(programme);
        LocalDate due = due(quarter);
        List<Figure> all = figures.findByProgrammeIdOrderByPositionAscIdAsc(programme.getId());
        Map<Long, Entry> current = new HashMap<>();
        entries.findByFigureIdInAndCurrentTrue(all.stream().map(Figure::getId).toList()).stream()
                .filter(e -> e.getYear() == quarter.year() && e.getQuarter() == quarter.quarter())
                .forEach(e -> current.put(e.getFigureId(), e));
        boolean coordinator = coordinates(programme);
        List<Line> lines = new ArrayList<>();
        for (Figure f : all) {
            boolean mayEnter = coordinator || mayEnter(programme, f);
            if (!mayEnter || f.getComputed() != null) {
                continue;
            }
            Entry e = current.get(f.getId());
            State state = e == null ? State.MISSING : State.valueOf(e.getStatus().name());
            if ((state == State.MISSING || state == State.RETURNED) && today().isAfter(due)) {
                state = State.OVERDUE;
            }
            lines.add(new Line(f, quarter, state, e, due, mayEnter));
        }
        return lines;
    }

    /** The day a quarter's values are due in the current community (its setting {@code monitoring.dueDay}, working days). */
    public LocalDate due(Quarter quarter) {
        return Quarters.due(quarter, MonitoringModule.DUE_DAY.value(), workingDays::isWorkingDay);
    }

    /** The quarter being reported now: the latest ended one, within the programme's years. */
    public Quarter reportingQuarter(Programme programme) {
        Quarter last = Quarters.lastEnded(today());
        Quarter first = new Quarter(programme.getFirstYear(), 1);
        Quarter end = new Quarter(programme.getLastYear(), 4);
        return last.compareTo(first) < 0 ? first : last.compareTo(end) > 0 ? end : last;
    }

    /** The supporting documents of a figure's entries, by entry id. */
    @Transactional(readOnly = true)
    public Map<Long, List<Attachment>> documents(List<Entry> history) {
        Map<Long, List<Attachment>> out = new HashMap<>();
        attachments.list("monitoring", "entry", history.stream().map(Entry::getId).toList())
                .forEach(a -> out.computeIfAbsent(a.getOwnerId(), k -> new ArrayList<>()).add(a));
        return out;
    }

    /** An entry's supporting document, for those who may see the reporting pages. */
    @Transactional(readOnly = true)
    public Attachment document(long entryId, long attachmentId) {
        entries.findById(entryId).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        return attachments.find(List.of(documentOwner(entryId)), attachmentId)
                .orElseThrow(() -> new NotFoundException("monitoring.notFound"));
    }

    /** Every entry of a figure, the newest first (its history). */
    @Transactional(readOnly = true)
    public List<Entry> history(long figureId) {
        return entries.findByFigureIdOrderByYearDescQuarterDescEnteredAtDesc(figureId);
    }

    /**
     * Each figure's actual value by year (by code): the latest accepted value of the year's latest
     * accepted quarter, or for a figure the platform computes, the value its module publishes.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<Integer, Actual>> actuals(long programmeId) {
        Map<String, Map<Integer, Actual>> out = new LinkedHashMap<>();
        Programme programme = programmes.findById(programmeId).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        for (Figure f : figures.findByProgrammeIdOrderByPositionAscIdAsc(programmeId)) {
            if (f.getComputed() != null) {
                out.put(f.getCode(), computed.values(f.getComputed(), programme, today()));
                continue;
            }
            Map<Integer, Actual> byYear = new LinkedHashMap<>();
            entries.findByFigureIdOrderByYearDescQuarterDescEnteredAtDesc(f.getId()).stream()
                    .filter(e -> e.getStatus() == Entry.Status.ACCEPTED)
                    .sorted(Comparator.comparing(Entry::getYear).thenComparing(Entry::getQuarter).thenComparing(Entry::getEnteredAt))
                    .forEach(e -> byYear.put(e.getYear(), new Actual(e.getValue(), e.getQuarter())));
            out.put(f.getCode(), byYear);
        }
        return out;
    }

    /** The figure with the given code in a programme. */
    @Transactional(readOnly = true)
    public Optional<Figure> figure(long programmeId, String code) {
        return figures.findByProgrammeIdOrderByPositionAscIdAsc(programmeId).stream().filter(f -> f.getCode().equals(code)).findFirst();
    }

    private Programme programme(Figure figure) {
        return programmes.findById(figure.getProgrammeId()).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
    }

    private @Nullable Long personId() {
        return identity.currentPerson().map(Identity.PersonRef::personId).orElse(null);
    }

}
