package ua.viche.queue.domain;

import ua.viche.queue.BookingChanged;
import ua.viche.platform.Refusal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Eligibility;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.annotation.Propagation;

/**
 * Slots and bookings of the current community. Capacity is held by rows of {@code cnap_hold}
 * (workplace, slot unit) under a primary key: a booking inserts all its units or none, so two
 * bookings can never hold the same capacity, however many try at once.
 */
@Service
public class Bookings {

    /** The refusal of a slot someone else took a moment ago (409); a page or API offers the nearest free ones. */
    public static final String SLOT_TAKEN = "queue.error.slotTaken";

    private static final Locale UK = Locale.forLanguageTag("uk");

    private final Catalogue catalogue;
    private final BookingRepository bookings;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final AccessControl access;
    private final WorkingDays workingDays;
    private final Mailer mailer;
    private final Clock clock;
    private final VicheSettings settings;
    private final ApplicationEventPublisher events;

    Bookings(Catalogue catalogue, BookingRepository bookings, JdbcTemplate jdbc, Identity identity, AccessControl access,
             WorkingDays workingDays, Mailer mailer, Clock clock, VicheSettings settings, ApplicationEventPublisher events) {
        this.events = events;
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.workingDays = workingDays;
        this.mailer = mailer;
        this.clock = clock;
        this.settings = settings;
    }

    // ---- slots

    /** Free start times of the service at the office on one day. */
    @Transactional(readOnly = true)
    public List<Instant> freeSlots(long officeId, long serviceId, LocalDate day) {
        return free(officeId, serviceId, day, day).getOrDefault(day, List.of());
    }

    /** Free start times by day, from today to the horizon (days without a free slot left out). */
    @Transactional(readOnly = true)
    public Map<LocalDate, List<Instant>> freeByDay(long officeId, long serviceId) {
        Instant now = Instant.now(clock);
        SlotRules rules = QueueSettings.rules();
        return free(officeId, serviceId, now.atZone(Dates.KYIV).toLocalDate(), rules.lastBookableDay(now));
    }

    /** The first free start time of the service at the office from now to the horizon, looked for a few days at a time. */
    @Transactional(readOnly = true)
    public Optional<Instant> firstFree(long officeId, long serviceId) {
        Instant now = Instant.now(clock);
        LocalDate last = QueueSettings.rules().lastBookableDay(now);
        for (LocalDate from = now.atZone(Dates.KYIV).toLocalDate(); !from.isAfter(last); from = from.plusDays(3)) {
            LocalDate to = from.plusDays(2).isAfter(last) ? last : from.plusDays(2);
            Optional<Instant> first = free(officeId, serviceId, from, to).values().stream().flatMap(List::stream).findFirst();
            if (first.isPresent()) {
                return first;
            }
        }
        return Optional.empty();
    }

    /** The nearest free start times after the given moment (for a refused attempt). */
    @Transactional(readOnly = true)
    public List<Instant> nearest(long officeId, long serviceId, Instant after, int count) {
        List<Instant> found = new ArrayList<>();
        List<Instant> before = new ArrayList<>();
        for (List<Instant> day : freeByDay(officeId, serviceId).values()) {
            for (Instant t : day) {
                (t.isBefore(after) ? before : found).add(t);
            }
        }
        // nearest in time on either side, the later ones first
        List<Instant> all = new ArrayList<>(found);
        for (int i = before.size() - 1; i >= 0; i--) {
            all.add(before.get(i));
        }
        all.sort(Comparator.comparing(t -> Duration.between(after, t).abs()));
        return all.subList(0, Math.min(count, all.size())).stream().sorted().toList();
    }

    private Map<LocalDate, List<Instant>> free(long officeId, long serviceId, LocalDate from, LocalDate to) {
        Office office = catalogue.office(officeId);
        AdminService service = catalogue.service(serviceId);
        Map<LocalDate, List<Instant>> result = new LinkedHashMap<>();
        List<Long> places = catalogue.workplacesOffering(officeId, serviceId);
        if (places.isEmpty() || !office.isEQueue()) {
            return result;
        }
        Instant now = Instant.now(clock);
        SlotRules rules = QueueSettings.rules();
        Set<String> held = held(places, from, to.plusDays(1));
        OfficeHours hours = office.hours();
        Set<LocalDate> closed = office.holidays();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            List<Instant> starts = new ArrayList<>();
            for (Instant start : rules.starts(hours, closed, workingDays::isWorkingDay, d, service.getDurationMinutes(), now)) {
                List<Instant> units = rules.unitsOf(start, service.getDurationMinutes());
                if (places.stream().anyMatch(w -> units.stream().noneMatch(u -> held.contains(w + "@" + u)))) {
                    starts.add(start);
                }
            }
            if (!starts.isEmpty()) {
                result.put(d, starts);
            }
        }
        return result;
    }

    private Set<String> held(List<Long> workplaces, LocalDate from, LocalDate to) {
        Set<String> held = new HashSet<>();
        jdbc.query("select workplace_id, unit_start from cnap_hold where workplace_id = any(?::bigint[]) and unit_start >= ? and unit_start < ?",
                r -> {
                    held.add(r.getLong(1) + "@" + r.getTimestamp(2).toInstant());
                }, "{" + workplaces.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}", Timestamp.from(from.atStartOfDay(Dates.KYIV).toInstant()),
                Timestamp.from(to.atStartOfDay(Dates.KYIV).toInstant()));
        return held;
    }

    // ---- booking

    /** Books the slot for the signed-in person; a {@link #SLOT_TAKEN} refusal (409) if it was just taken. */
    @Transactional
    public Booking book(long serviceId, long officeId, Instant start) {
        Identity.PersonRef person = requireEligible();
        AdminService service = catalogue.service(serviceId);
        Office office = catalogue.office(officeId);
        List<Long> places = checkSlot(office, service, start);
        Instant now = Instant.now(clock);
        jdbc.query("select pg_advisory_xact_lock(9, ?)", (RowCallbackHandler) r -> { },
                (int) (person.personId() % Integer.MAX_VALUE));
        ZonedDateTime month = now.atZone(Dates.KYIV).toLocalDate().withDayOfMonth(1).atStartOfDay(Dates.KYIV);
        long made = bookings.countByPersonIdAndCreatedAtBetween(person.personId(), month.toInstant(), month.plusMonths(1).toInstant());
        if (made >= QueueSettings.monthlyLimit()) {
            throw Refusal.of("queue.error.limit");
        }
        String code = Codes.next();
        while (jdbc.queryForObject("select count(*) from cnap_booking where code = ?", Long.class, code) > 0) {
            code = Codes.next();
        }
        Instant end = start.plusSeconds(60L * QueueSettings.rules().units(service.getDurationMinutes()) * QueueSettings.rules().unitMinutes());
        Booking b = bookings.saveAndFlush(new Booking(code, person.personId(), person.accountId(), person.name(), person.email(),
                serviceId, officeId, places.get(0), start, end, now));
        long workplace = hold(b, places, start, service.getDurationMinutes());
        b.moveTo(workplace, start, end);
        if (person.email() != null) {
            mailer.send(person.email(), UK, "mail.queue.booked", service.getNameUk(), office.getNameUk(), office.getAddressUk(),
                    formatTime(start), Codes.pretty(code), settings.absolute(url(b)));
        }
        publish(b, BookingChanged.Kind.BOOKED, service, office, now);
        return b;
    }

    /** Cancels the person's own booking (until the set time before the slot); its capacity is freed. */
    @Transactional
    public Booking cancel(String code) {
        Booking b = own(code);
        b.cancel(Instant.now(clock), QueueSettings.changeBefore());
        jdbc.update("delete from cnap_hold where booking_id = ?", b.getId());
        if (b.getEmail() != null) {
            mailer.send(b.getEmail(), UK, "mail.queue.cancelled", Codes.pretty(b.getCode()), formatTime(b.getStartsAt()));
        }
        publish(b, BookingChanged.Kind.CANCELLED, catalogue.service(b.getServiceId()), catalogue.office(b.getOfficeId()),
                Instant.now(clock));
        return b;
    }

    /** Moves the person's own booking to another free time of the same service and office. */
    @Transactional
    public Booking move(String code, Instant start) {
        Booking b = own(code);
        if (!b.changeable(Instant.now(clock), QueueSettings.changeBefore())) {
            throw Refusal.of(b.getStatus() == Booking.Status.BOOKED ? "queue.error.tooLateToChange" : "queue.error.notActive");
        }
        AdminService service = catalogue.service(b.getServiceId());
        Office office = catalogue.office(b.getOfficeId());
        List<Long> places = checkSlot(office, service, start);
        jdbc.update("delete from cnap_hold where booking_id = ?", b.getId());
        long workplace = hold(b, places, start, service.getDurationMinutes());
        SlotRules rules = QueueSettings.rules();
        b.moveTo(workplace, start, start.plusSeconds(60L * rules.units(service.getDurationMinutes()) * rules.unitMinutes()));
        if (b.getEmail() != null) {
            mailer.send(b.getEmail(), UK, "mail.queue.moved", Codes.pretty(b.getCode()), formatTime(start), settings.absolute(url(b)));
        }
        return b;
    }

    /** The workplaces that may take the slot, or the reason it cannot be booked at all. */
    private List<Long> checkSlot(Office office, AdminService service, Instant start) {
        if (!office.isEQueue()) {
            throw Refusal.of("queue.error.noEQueue");
        }
        List<Long> places = catalogue.workplacesOffering(office.getId(), service.getId());
        if (places.isEmpty()) {
            throw Refusal.of("queue.error.notOffered");
        }
        Instant now = Instant.now(clock);
        if (!start.isAfter(now)) {
            throw Refusal.of("queue.error.past");
        }
        SlotRules rules = QueueSettings.rules();
        LocalDate day = start.atZone(Dates.KYIV).toLocalDate();
        if (day.isAfter(rules.lastBookableDay(now))) {
            throw Refusal.of("queue.error.notYetOpen");
        }
        if (!rules.starts(office.hours(), office.holidays(), workingDays::isWorkingDay, day, service.getDurationMinutes(), now)
                .contains(start)) {
            throw Refusal.of("queue.error.noSuchSlot");
        }
        return places;
    }

    /** Inserts the booking's units at the first workplace where all are free; otherwise the slot is gone. */
    private long hold(Booking b, List<Long> places, Instant start, int minutes) {
        SlotRules rules = QueueSettings.rules();
        List<Instant> units = rules.unitsOf(start, minutes);
        for (long w : places) {
            int inserted = jdbc.update("insert into cnap_hold (workplace_id, unit_start, booking_id)"
                    + " select ?, u, ? from generate_series(?::timestamptz, ?::timestamptz, make_interval(mins => ?)) u"
                    + " on conflict do nothing", w, b.getId(), Timestamp.from(units.get(0)),
                    Timestamp.from(units.get(units.size() - 1)), rules.unitMinutes());
            if (inserted == units.size()) {
                return w;
            }
            if (inserted > 0) {
                jdbc.update("delete from cnap_hold where booking_id = ? and workplace_id = ?", b.getId(), w);
            }
        }
        throw Refusal.conflict(SLOT_TAKEN);
    }

    /**
     * E-mails a reminder for the current community's bookings that start within the next 24 hours
     * and were not reminded yet; marks and sends in one transaction, so each is reminded once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int sendReminders() {
        Instant now = Instant.now(clock);
        List<Object[]> due = jdbc.query("update cnap_booking set reminded_at = ? where community_id = ? and status = 'BOOKED'"
                        + " and reminded_at is null and email is not null and starts_at > ? and starts_at <= ?"
                        + " returning email, code, starts_at, service_id, office_id, id, person_id",
                (r, i) -> new Object[] {r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(), r.getLong(4), r.getLong(5),
                        r.getLong(6), r.getLong(7)},
                Timestamp.from(now), CurrentCommunity.require().id(), Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofHours(24))));
        for (Object[] b : due) {
            Office office = catalogue.office((Long) b[4]);
            mailer.send((String) b[0], UK, "mail.queue.reminder", catalogue.service((Long) b[3]).getNameUk(),
                    office.getNameUk(), office.getAddressUk(), formatTime((Instant) b[2]), Codes.pretty((String) b[1]),
                    settings.absolute("/" + CurrentCommunity.require().slug() + "/cnap/bookings/" + b[1]));
            AdminService service = catalogue.service((Long) b[3]);
            events.publishEvent(new BookingChanged(CurrentCommunity.require().id(), (Long) b[5], (String) b[1], (Long) b[6],
                    BookingChanged.Kind.REMINDER, service.getNameUk(), service.getNameEn(), office.getNameUk(), office.getNameEn(),
                    (Instant) b[2], now, "/" + CurrentCommunity.require().slug() + "/cnap/bookings/" + b[1]));
        }
        return due.size();
    }

    // ---- reading

    /** The signed-in person's own booking, or a staff member's view of any booking of the community. */
    @Transactional(readOnly = true)
    public Booking visible(String code) {
        Booking b = bookings.findByCode(Codes.normalise(code)).orElseThrow(Bookings::notFound);
        if (isOwner(b) || access.currentUserHas(Role.CNAP_ADMINISTRATOR)) {
            return b;
        }
        throw notFound();
    }

    @Transactional(readOnly = true)
    public List<Booking> mine() {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("sign in"));
        return bookings.findByPersonIdOrderByStartsAtDesc(person.personId());
    }

    @Transactional(readOnly = true)
    public List<Booking> ofPerson(long personId) {
        return bookings.findByPersonIdOrderByStartsAtDesc(personId);
    }

    /** How many more bookings the signed-in person may make this month. */
    @Transactional(readOnly = true)
    public int remainingThisMonth() {
        Optional<Identity.PersonRef> person = identity.currentPerson();
        if (person.isEmpty()) {
            return QueueSettings.monthlyLimit();
        }
        ZonedDateTime month = Instant.now(clock).atZone(Dates.KYIV).toLocalDate().withDayOfMonth(1).atStartOfDay(Dates.KYIV);
        long made = bookings.countByPersonIdAndCreatedAtBetween(person.get().personId(), month.toInstant(), month.plusMonths(1).toInstant());
        return (int) Math.max(0, QueueSettings.monthlyLimit() - made);
    }

    public boolean changeable(Booking b) {
        return b.changeable(Instant.now(clock), QueueSettings.changeBefore());
    }

    public Eligibility eligibility() {
        return identity.eligibility();
    }

    public static String url(Booking b) {
        return "/" + CurrentCommunity.require().slug() + "/cnap/bookings/" + b.getCode();
    }

    private void publish(Booking b, BookingChanged.Kind kind, AdminService service, Office office, Instant at) {
        events.publishEvent(new BookingChanged(b.getCommunityId(), b.getId(), b.getCode(), b.getPersonId(), kind, service.getNameUk(),
                service.getNameEn(), office.getNameUk(), office.getNameEn(), b.getStartsAt(), at, url(b)));
    }

    static String formatTime(Instant t) {
        return new Dates().dateTime(t);
    }

    private Booking own(String code) {
        Booking b = bookings.findForUpdate(Codes.normalise(code)).orElseThrow(Bookings::notFound);
        if (!isOwner(b)) {
            throw notFound();
        }
        return b;
    }

    private boolean isOwner(Booking b) {
        return identity.currentPerson().map(p -> p.personId() == b.getPersonId()).orElse(false);
    }

    private Identity.PersonRef requireEligible() {
        Eligibility e = identity.eligibility();
        Identity.PersonRef person = e.signedInPerson();
        if (!e.allowed()) {
            throw Refusal.of(e.reasonKey());
        }
        return person;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("queue.error.bookingNotFound");
    }
}
