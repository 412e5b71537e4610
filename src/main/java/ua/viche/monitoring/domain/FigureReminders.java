package ua.viche.monitoring.domain;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.monitoring.MonitoringModule;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Exclusive;
import ua.viche.platform.Mailer;
import ua.viche.platform.Role;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;

/**
 * Reminders of the quarterly figures by e-mail: each department that has not entered (or has had
 * returned) a figure of the quarter being reported is reminded once in the working days before the
 * values are due (three unless the community sets {@code monitoring.reminderDays}), and once when they are overdue; to the department's address, or else
 * to its officials. The figures the platform computes are never asked for. One node sends them.
 */
@Component
public class FigureReminders {

    private static final String LOCK = "monitoring.figure-reminders";

    private final Communities communities;
    private final ProgrammeRepository programmes;
    private final FigureRepository figures;
    private final EntryRepository entries;
    private final Identity identity;
    private final Mailer mailer;
    private final WorkingDays workingDays;
    private final JdbcTemplate jdbc;
    private final ThreadClock clock;
    private final VicheSettings settings;
    private final Exclusive exclusive;
    private final FigureReporting reporting;

    FigureReminders(Communities communities, ProgrammeRepository programmes, FigureRepository figures, EntryRepository entries,
                    Identity identity, Mailer mailer, WorkingDays workingDays, JdbcTemplate jdbc, ThreadClock clock,
                    VicheSettings settings, Exclusive exclusive, FigureReporting reporting) {
        this.communities = communities;
        this.programmes = programmes;
        this.figures = figures;
        this.entries = entries;
        this.identity = identity;
        this.mailer = mailer;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.exclusive = exclusive;
        this.reporting = reporting;
    }

    @Scheduled(cron = "${viche.monitoring.reminder-cron:0 30 8 * * *}", zone = "Europe/Kyiv")
    public void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> remind()));
    }

    /** Sends the current community's reminders that are due today; returns how many departments were reminded. */
    @Transactional
    public int remind() {
        long community = CurrentCommunity.require().id();
        LocalDate today = reporting.today();
        int sent = 0;
        for (Programme programme : programmes.findAllByOrderByFirstYearDescIdDesc()) {
            Quarters.Quarter quarter = reporting.reportingQuarter(programme);
            LocalDate due = reporting.due(quarter);
            String kind;
            if (today.isAfter(due)) {
                kind = "OVERDUE";
            } else if (!today.isBefore(reminderDay(due))) {
                kind = "DUE";
            } else {
                continue;
            }
            if (Quarters.lastEnded(today).compareTo(quarter) != 0) {
                continue; // a programme that has ended: its last quarter is not asked for again and again
            }
            for (Map.Entry<Long, List<String>> e : missing(programme, quarter).entrySet()) {
                Department department = communities.department(e.getKey()).orElse(null);
                if (department == null || !claim(community, programme, quarter, e.getKey(), kind)) {
                    continue;
                }
                List<String> to = department.email() != null && !department.email().isBlank() ? List.of(department.email())
                        : identity.staff(Role.OFFICIAL, department.id()).stream().map(Identity.PersonRef::email)
                                .filter(Objects::nonNull).toList();
                String link = settings.absolute("/" + CurrentCommunity.require().slug() + "/programme/manage");
                for (String address : to) {
                    mailer.send(address, Locale.forLanguageTag("uk"), "mail.monitoring." + kind.toLowerCase(Locale.ROOT),
                            String.valueOf(quarter.quarter()), String.valueOf(quarter.year()), day(due),
                            String.join(", ", e.getValue()), link);
                }
                sent++;
            }
        }
        return sent;
    }

    /** The day the first reminder goes out: the community's {@code monitoring.reminderDays} working days before the due day. */
    public LocalDate reminderDay(LocalDate due) {
        LocalDate day = due;
        int left = MonitoringModule.REMINDER_DAYS.value();
        while (left > 0) {
            day = day.minusDays(1);
            if (workingDays.isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The figures of each department not entered for the quarter, or returned (by department id; codes in order). */
    private Map<Long, List<String>> missing(Programme programme, Quarters.Quarter quarter) {
        List<Figure> all = figures.findByProgrammeIdOrderByPositionAscIdAsc(programme.getId());
        Map<Long, Entry> current = new LinkedHashMap<>();
        entries.findByFigureIdInAndCurrentTrue(all.stream().map(Figure::getId).toList()).stream()
                .filter(e -> e.getYear() == quarter.year() && e.getQuarter() == quarter.quarter())
                .forEach(e -> current.put(e.getFigureId(), e));
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (Figure f : all) {
            Entry e = current.get(f.getId());
            if (f.getComputed() == null && f.getDepartmentId() != null && (e == null || e.getStatus() == Entry.Status.RETURNED)) {
                out.computeIfAbsent(f.getDepartmentId(), k -> new ArrayList<>()).add(f.getCode());
            }
        }
        return out;
    }

    /** Records that this reminder is sent; false when it already was (on this node or another). */
    private boolean claim(long community, Programme programme, Quarters.Quarter quarter, long department, String kind) {
        return jdbc.update("insert into monitoring_reminder (community_id, programme_id, year, quarter, department_id, kind, sent_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", community, programme.getId(), quarter.year(),
                quarter.quarter(), department, kind, Timestamp.from(clock.instant())) == 1;
    }

    private static String day(LocalDate date) {
        return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
