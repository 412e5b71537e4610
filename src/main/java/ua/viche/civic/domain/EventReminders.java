package ua.viche.civic.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.civic.CivicModule;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Exclusive;
import ua.viche.platform.Mailer;
import ua.viche.platform.VicheSettings;

/**
 * Reminders of events by e-mail: each person registered (not waiting) for a published event that
 * starts within the community's {@link CivicModule#EVENT_REMINDER_HOURS} is written to once per
 * registration, in the language they chose. The reminder is claimed by setting the place's
 * {@code reminded_at} from null in the transaction that queues the mail, so parallel runs never send
 * it twice; people registered by the operator without an account are not written to.
 */
@Component
public class EventReminders {

    private static final String LOCK = "civic.event-reminders";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Communities communities;
    private final Exclusive exclusive;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final Mailer mailer;
    private final VicheSettings settings;
    private final Clock clock;

    EventReminders(Communities communities, Exclusive exclusive, JdbcTemplate jdbc, Identity identity, Mailer mailer, VicheSettings settings,
                   Clock clock) {
        this.communities = communities;
        this.exclusive = exclusive;
        this.jdbc = jdbc;
        this.identity = identity;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${viche.civic.event-reminder-cron:0 */10 * * * *}", zone = "Europe/Kyiv")
    public void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> remind()));
    }

    private record Due(long placeId, long personId, long eventId, String titleUk, String titleEn, Instant startsAt, String place) {}

    /** Sends the current community's reminders that are due; returns how many were sent. */
    @Transactional
    public int remind() {
        Instant now = Instant.now(clock);
        Instant until = now.plus(Duration.ofHours(CivicModule.EVENT_REMINDER_HOURS.value()));
        List<Due> due = jdbc.query("select p.id, p.person_id, e.id, e.title_uk, e.title_en, e.starts_at, coalesce(e.place, e.online_url)"
                        + " from civic_place p join civic_event e on e.roster_id = p.roster_id"
                        + " where p.community_id = ? and e.community_id = ? and e.published and p.status = 'REGISTERED'"
                        + " and p.reminded_at is null and p.person_id is not null and e.starts_at > ? and e.starts_at <= ? order by p.id",
                (rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)),
                community(), community(), Timestamp.from(now), Timestamp.from(until));
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, Identity.Contact> contacts = identity.contacts(due.stream().map(Due::personId).distinct().toList()).stream()
                .collect(Collectors.toMap(Identity.Contact::personId, Function.identity(), (a, b) -> a));
        String slug = CurrentCommunity.require().slug();
        int sent = 0;
        for (Due d : due) {
            Identity.Contact to = contacts.get(d.personId());
            if (to == null || !claim(d.placeId(), now)) {
                continue;
            }
            boolean en = "en".equals(to.locale().getLanguage());
            String title = en && !d.titleEn().isBlank() ? d.titleEn() : d.titleUk();
            mailer.send(to.email(), en ? Locale.ENGLISH : Locale.forLanguageTag("uk"), "civic.mail.reminder", title,
                    WHEN.format(d.startsAt().atZone(Dates.KYIV)), d.place() == null ? "" : d.place(),
                    settings.absolute("/" + slug + "/events/" + d.eventId()));
            sent++;
        }
        return sent;
    }

    /** Marks the place reminded; false when it already was (by a parallel run: the row lock makes it wait and see). */
    private boolean claim(long placeId, Instant now) {
        return jdbc.update("update civic_place set reminded_at = ? where id = ? and reminded_at is null and status = 'REGISTERED'",
                Timestamp.from(now), placeId) == 1;
    }

    private static long community() {
        return CurrentCommunity.require().id();
    }
}
