package ua.viche.appeals.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;

/** Daily reminders to executors of appeals that fall due soon; one node sends them. */
@Component
public class AppealReminders {

    private static final String LOCK = "appeals.reminders";

    private final Communities communities;
    private final AppealWork appeals;
    private final Exclusive exclusive;

    AppealReminders(Communities communities, AppealWork appeals, Exclusive exclusive) {
        this.communities = communities;
        this.appeals = appeals;
        this.exclusive = exclusive;
    }

    @Scheduled(cron = "${viche.appeals.reminder-cron:0 0 8 * * *}", zone = "Europe/Kyiv")
    public void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> appeals.remindDue()));
    }
}
