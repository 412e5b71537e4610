package ua.viche.notifications.domain;

import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ua.viche.appeals.AppealAnswered;
import ua.viche.identity.Identity;
import ua.viche.petitions.PetitionStatusChanged;
import ua.viche.platform.Communities;
import ua.viche.problems.ProblemStatusChanged;
import ua.viche.queue.BookingChanged;

/**
 * Other modules' events (a problem report's or a petition's new state, an appeal's answer, a CNAP booking made, cancelled or due tomorrow) turned into messages to the person concerned, when they follow that topic.
 * Each runs after the publishing transaction committed, in its own; Spring Modulith's publication
 * registry keeps an event until its listener completed, and the message's key (the event's thing,
 * state and moment) makes a repeated delivery queue nothing new.
 */
@Component
class ModuleEvents {

    private final Notifier notifier;
    private final Identity identity;
    private final Communities communities;

    ModuleEvents(Notifier notifier, Identity identity, Communities communities) {
        this.notifier = notifier;
        this.identity = identity;
        this.communities = communities;
    }

    @ApplicationModuleListener
    void on(ProblemStatusChanged e) {
        Long account = e.reporterAccountId();
        if (account == null) {
            return;
        }
        communities.byId(e.communityId()).ifPresent(c -> identity.person(account).ifPresent(p -> notifier.toPerson(c, p.personId(),
                Topic.OWN_PROBLEMS, "problems:" + e.reportId() + ":" + e.status() + ":" + e.at().toEpochMilli(),
                "notifications.event.problemStatus",
                locale -> new Object[] {String.valueOf(e.reportId()), locale.getLanguage().equals("en") ? e.statusEn() : e.statusUk()},
                e.path())));
    }

    @ApplicationModuleListener
    void on(PetitionStatusChanged e) {
        communities.byId(e.communityId()).ifPresent(c -> notifier.toPerson(c, e.authorPersonId(), Topic.OWN_PETITIONS,
                "petitions:" + e.petitionId() + ":" + e.status() + ":" + e.at().toEpochMilli(), "notifications.event.petition." + e.status(),
                new Object[] {e.title()}, e.path()));
    }

    @ApplicationModuleListener
    void on(AppealAnswered e) {
        Long account = e.applicantAccountId();
        if (account == null) {
            return;
        }
        communities.byId(e.communityId()).ifPresent(c -> identity.person(account).ifPresent(p -> notifier.toPerson(c, p.personId(),
                Topic.OWN_APPEALS, "appeals:" + e.appealId() + ":answered:" + e.at().toEpochMilli(), "notifications.event.appealAnswered",
                new Object[] {e.registrationNumber()}, e.path())));
    }

    @ApplicationModuleListener
    void on(BookingChanged e) {
        communities.byId(e.communityId()).ifPresent(c -> notifier.toPerson(c, e.personId(), Topic.OWN_BOOKINGS,
                "queue:" + e.bookingId() + ":" + e.kind() + ":" + e.at().toEpochMilli(), "notifications.event.booking." + e.kind(),
                locale -> new Object[] {locale.getLanguage().equals("en") ? e.serviceEn() : e.serviceUk(),
                        locale.getLanguage().equals("en") ? e.officeEn() : e.officeUk(),
                        TIME.format(e.startsAt().atZone(Subscriber.KYIV)), e.code()}, e.path()));
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
}
