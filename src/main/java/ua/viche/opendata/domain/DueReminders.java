package ua.viche.opendata.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.opendata.OpendataModule;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.Exclusive;
import ua.viche.platform.Mailer;
import ua.viche.platform.VicheSettings;

/**
 * Daily reminders to the departments: a published dataset whose update falls due within
 * {@code opendata.reminderDays} (or is overdue) and whose department has not been reminded since its
 * last update gets one e-mail, to the dataset's contact address or else the department's. One node sends them.
 */
@Component
public class DueReminders {

    private static final String LOCK = "opendata.due-reminders";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final DatasetRepository datasets;
    private final Communities communities;
    private final Mailer mailer;
    private final Exclusive exclusive;
    private final VicheSettings settings;
    private final Clock clock;

    DueReminders(DatasetRepository datasets, Communities communities, Mailer mailer, Exclusive exclusive, VicheSettings settings, Clock clock) {
        this.datasets = datasets;
        this.communities = communities;
        this.mailer = mailer;
        this.exclusive = exclusive;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${viche.opendata.reminder-cron:0 30 8 * * *}", zone = "Europe/Kyiv")
    public void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> remindDue()));
    }

    /** Reminds about the current community's datasets due soon; returns how many reminders went. */
    @Transactional
    public int remindDue() {
        LocalDate today = Dates.day(clock.instant());
        int days = OpendataModule.REMINDER_DAYS.value();
        String slug = CurrentCommunity.require().slug();
        int sent = 0;
        for (Dataset d : datasets.findAll()) {
            if (!d.isPublic() || d.getRemindedAt() != null) {
                continue;
            }
            LocalDate due = d.dueDay().orElse(null);
            if (due == null || due.isAfter(today.plusDays(days))) {
                continue;
            }
            String to = d.getContactEmail();
            if (to == null && d.getDepartmentId() != null) {
                to = communities.department(d.getDepartmentId()).map(Department::email).orElse(null);
            }
            if (to == null) {
                continue;
            }
            mailer.send(to, Locale.forLanguageTag("uk"), "opendata.reminder", d.getTitleUk(), DAY.format(due),
                    settings.absolute("/" + slug + "/opendata/manage/" + d.getName()));
            d.reminded(clock.instant());
            sent++;
        }
        return sent;
    }
}
