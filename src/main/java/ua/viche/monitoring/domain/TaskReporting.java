package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.monitoring.domain.Task.Source;
import ua.viche.monitoring.domain.Task.Status;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.ThreadClock;

/**
 * The progress of the programme's tasks: the coordinator, or the department responsible for a
 * task, records how far it has got and what was actually spent in a year by source. Audited.
 */
@Service
@Transactional
public class TaskReporting {

    private static final BigDecimal LIMIT = new BigDecimal("1E12");

    private final TaskRepository tasks;
    private final ProgrammeRepository programmes;
    private final FigureReporting reporting;
    private final AccessControl access;
    private final AuditLog audit;
    private final ThreadClock clock;

    TaskReporting(TaskRepository tasks, ProgrammeRepository programmes, FigureReporting reporting, AccessControl access,
                  AuditLog audit, ThreadClock clock) {
        this.tasks = tasks;
        this.programmes = programmes;
        this.reporting = reporting;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in Kyiv. */
    public LocalDate today() {
        return reporting.today();
    }

    /** Whether the signed-in person may record a task's progress: its programme's coordinator or its department. */
    @Transactional(readOnly = true)
    public boolean mayRecord(Task task) {
        Programme programme = programmes.findById(task.getProgrammeId()).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        return reporting.coordinates(programme)
                || access.scope(Role.OFFICIAL).map(s -> s.covers(task.getDepartmentId())).orElse(false);
    }

    /**
     * Records a task's status and progress note, and the actual spend by year and source as typed
     * (thousand hryvnias; blank: not known). Refused, with nothing saved, for a year outside the
     * programme, an amount that is not a sum, or a note that is too long.
     */
    public void record(long taskId, Status status, String progress, Map<Integer, Map<Source, String>> spent) {
        Task task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        if (!mayRecord(task)) {
            throw Refusal.of("monitoring.error.notYourTask", task.getCode()).status(403);
        }
        Programme programme = programmes.findById(task.getProgrammeId()).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        if (progress.strip().length() > 2000) {
            throw Refusal.field("progress", "monitoring.error.progress");
        }
        Map<Integer, Map<Source, @Nullable BigDecimal>> actual = new TreeMap<>();
        for (var year : spent.entrySet()) {
            if (year.getKey() < programme.getFirstYear() || year.getKey() > programme.getLastYear()) {
                throw Refusal.of("monitoring.error.amountYear", task.getCode(), String.valueOf(year.getKey()));
            }
            for (var e : year.getValue().entrySet()) {
                String text = e.getValue().strip();
                BigDecimal amount = text.isEmpty() ? null : ProgrammeTables.number(text);
                if (!text.isEmpty() && (amount == null || amount.signum() < 0 || amount.compareTo(LIMIT) >= 0)) {
                    throw Refusal.field("actual-" + year.getKey() + "-" + e.getKey().name().toLowerCase(Locale.ROOT),
                            "monitoring.error.spent", text);
                }
                actual.computeIfAbsent(year.getKey(), y -> new EnumMap<>(Source.class))
                        .put(e.getKey(), amount == null ? null : amount.setScale(3, RoundingMode.HALF_UP));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        task.record(status, progress.strip(), now);
        actual.forEach(task::spent);
        audit.record("monitoring.task.recorded", "monitoring_task", task.getId(),
                task.getCode() + " " + status + ", spent " + task.actual(null));
    }
}
