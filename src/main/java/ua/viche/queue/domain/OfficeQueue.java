package ua.viche.queue.domain;

import ua.viche.platform.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;

/**
 * The live queue of an office: check-in by booking code, walk-in tickets, calling the next
 * visitor, the outcome of a visit, the public display and the rating afterwards.
 *
 * <p>Calling order: booked visitors whose time has come, by booked time; then the live queue
 * (walk-ins and those late beyond the grace) by arrival; then booked visitors who came early.
 */
@Service
public class OfficeQueue {

    private static final Locale UK = Locale.forLanguageTag("uk");

    private final Catalogue catalogue;
    private final BookingRepository bookings;
    private final VisitRepository visits;
    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Clock clock;
    private final VicheSettings settings;
    private final WorkingDays workingDays;

    OfficeQueue(Catalogue catalogue, BookingRepository bookings, VisitRepository visits, JdbcTemplate jdbc,
                AccessControl access, AuditLog audit, Mailer mailer, Clock clock, VicheSettings settings, WorkingDays workingDays) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.visits = visits;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.clock = clock;
        this.settings = settings;
        this.workingDays = workingDays;
    }

    /** Checks a booked visitor in by code (kiosk or administrator): on time keeps the booked place, late joins the live queue. */
    @Transactional
    public Visit checkIn(long officeId, String typedCode) {
        Office office = catalogue.office(officeId);
        String code = Codes.normalise(typedCode);
        Booking b = code.isEmpty() ? null : bookings.findForUpdate(code).orElse(null);
        if (b == null) {
            throw Refusal.of("queue.error.codeUnknown");
        }
        if (b.getOfficeId() != office.getId()) {
            throw Refusal.of("queue.error.otherOffice");
        }
        Instant now = Instant.now(clock);
        boolean onTime = b.checkIn(now, QueueSettings.grace());
        if (!onTime) {
            jdbc.update("delete from cnap_hold where booking_id = ?", b.getId());
        }
        Visit v = enqueue(office, b.getServiceId(), b.getId(), onTime ? Visit.Kind.BOOKED : Visit.Kind.LIVE,
                onTime ? b.getStartsAt() : now, now, null);
        if (AccessControl.currentUser().isPresent() && access.currentUserHas(Role.CNAP_ADMINISTRATOR)) {
            audit.record("queue.checkedIn", "cnap_visit", v.getId(), v.getTicket());
        }
        return v;
    }

    /** A ticket for a visitor without a booking. */
    @Transactional
    public Visit walkIn(long officeId, long serviceId) {
        Office office = catalogue.office(officeId);
        AdminService service = catalogue.service(serviceId);
        if (catalogue.workplacesOffering(office.getId(), service.getId()).isEmpty()) {
            throw Refusal.of("queue.error.notOffered");
        }
        Instant now = Instant.now(clock);
        Visit v = enqueue(office, service.getId(), null, Visit.Kind.LIVE, now, now, null);
        if (AccessControl.currentUser().isPresent() && access.currentUserHas(Role.CNAP_ADMINISTRATOR)) {
            audit.record("queue.ticketIssued", "cnap_visit", v.getId(), v.getTicket());
        }
        return v;
    }

    private Visit enqueue(Office office, long serviceId, @Nullable Long bookingId, Visit.Kind kind, Instant queueAt,
                          Instant arrivedAt, @Nullable Visit from) {
        LocalDate day = Instant.now(clock).atZone(Dates.KYIV).toLocalDate();
        String ticket;
        if (from != null) {
            ticket = from.getTicket();
        } else {
            // a new ticket only while the office receives visitors: its day (hours, own closed days,
            // the working-day calendar) and between its opening and closing time
            if (!QueueSettings.rules().openAt(office.hours(), office.holidays(), workingDays::isWorkingDay, Instant.now(clock))) {
                throw Refusal.of("queue.error.officeClosedNow");
            }
            jdbc.query("select pg_advisory_xact_lock(10, ?)", (RowCallbackHandler) r -> { }, (int) office.getId());
            long n = visits.countByOfficeIdAndDay(office.getId(), day) + 1;
            ticket = (bookingId != null && kind == Visit.Kind.BOOKED ? "B" : "A") + "-" + String.format("%03d", n);
        }
        return visits.saveAndFlush(new Visit(office.getId(), serviceId, bookingId, day, ticket, Codes.next(), kind, arrivedAt,
                queueAt, from == null ? null : from.getId()));
    }

    /** The administrator at a workplace calls the next visitor the workplace can serve; empty when nobody waits. */
    @Transactional
    public @Nullable Visit callNext(long workplaceId) {
        access.require(Role.CNAP_ADMINISTRATOR);
        Workplace w = catalogue.workplace(workplaceId);
        if (current(workplaceId) != null) {
            throw Refusal.of("queue.error.finishCurrent");
        }
        Instant now = Instant.now(clock);
        LocalDate day = now.atZone(Dates.KYIV).toLocalDate();
        List<Long> next = jdbc.queryForList("""
                select v.id from cnap_visit v
                 where v.office_id = ? and v.day = ? and v.status = 'WAITING' and v.community_id = ?
                   and exists (select 1 from cnap_workplace_service ws where ws.workplace_id = ? and ws.service_id = v.service_id)
                 order by case when v.kind = 'BOOKED' and v.queue_at <= ? then 0 when v.kind = 'LIVE' then 1 else 2 end,
                          v.queue_at, v.id
                 limit 1 for update skip locked
                """, Long.class, w.getOfficeId(), day, CurrentCommunity.require().id(), w.getId(), Timestamp.from(now));
        if (next.isEmpty()) {
            return null;
        }
        Visit v = visits.findById(next.get(0)).orElseThrow();
        v.call(w, now);
        audit.record("queue.called", "cnap_visit", v.getId(), v.getTicket() + " → " + w.getWindowLabel());
        return v;
    }

    /** The visitor being served at a workplace, if any. */
    @Transactional(readOnly = true)
    public @Nullable Visit current(long workplaceId) {
        List<Long> ids = jdbc.queryForList("select id from cnap_visit where workplace_id = ? and status = 'CALLED' and community_id = ?",
                Long.class, workplaceId, CurrentCommunity.require().id());
        return ids.isEmpty() ? null : visits.findById(ids.get(0)).orElse(null);
    }

    /** Marks the called visitor served, absent (no-show) or redirected to another service (keeps the place). */
    @Transactional
    public Visit finish(long visitId, Visit.Status outcome, @Nullable Long redirectToService) {
        access.require(Role.CNAP_ADMINISTRATOR);
        Visit v = visits.findForUpdate(visitId).orElseThrow(() -> new NotFoundException("queue.error.visitNotFound"));
        if (outcome == Visit.Status.REDIRECTED) {
            if (redirectToService == null || catalogue.workplacesOffering(v.getOfficeId(), redirectToService).isEmpty()) {
                throw Refusal.of("queue.error.redirectTarget");
            }
        }
        v.finish(outcome, Instant.now(clock));
        audit.record("queue." + outcome.name().toLowerCase(Locale.ROOT), "cnap_visit", v.getId(), v.getTicket());
        if (outcome == Visit.Status.REDIRECTED) {
            enqueue(catalogue.office(v.getOfficeId()), redirectToService, v.getBookingId(), Visit.Kind.LIVE, v.getArrivedAt(),
                    v.getArrivedAt(), v);
        }
        if (outcome == Visit.Status.SERVED && v.getBookingId() != null) {
            bookings.findById(v.getBookingId()).filter(b -> b.getEmail() != null).ifPresent(b -> mailer.send(b.getEmail(), UK,
                    "mail.queue.rate", settings.absolute(rateUrl(v))));
        }
        return v;
    }

    /** Visitors waiting in the office today, in calling order as of now. */
    @Transactional(readOnly = true)
    public List<Visit> waiting(long officeId) {
        Instant now = Instant.now(clock);
        List<Visit> list = new ArrayList<>(visits.findByOfficeIdAndDayAndStatusOrderByQueueAtAscIdAsc(officeId,
                now.atZone(Dates.KYIV).toLocalDate(), Visit.Status.WAITING));
        list.sort(Comparator.comparingInt((Visit v) -> v.getKind() == Visit.Kind.BOOKED && !v.getQueueAt().isAfter(now) ? 0
                : v.getKind() == Visit.Kind.LIVE ? 1 : 2).thenComparing(Visit::getQueueAt).thenComparing(Visit::getId));
        return list;
    }

    /** The latest calls in the office today, newest first (the public display). */
    @Transactional(readOnly = true)
    public List<Visit> calls(long officeId, int limit) {
        List<Visit> list = visits.findByOfficeIdAndDayAndStatusInOrderByCalledAtDesc(officeId,
                Instant.now(clock).atZone(Dates.KYIV).toLocalDate(), List.of(Visit.Status.CALLED));
        return list.subList(0, Math.min(limit, list.size()));
    }

    /** Bookings of the office for today (the console), by time. */
    @Transactional(readOnly = true)
    public List<Booking> bookingsToday(long officeId) {
        access.require(Role.CNAP_ADMINISTRATOR);
        LocalDate day = Instant.now(clock).atZone(Dates.KYIV).toLocalDate();
        return bookings.findByOfficeIdAndStartsAtBetweenOrderByStartsAt(officeId, day.atStartOfDay(Dates.KYIV).toInstant(),
                day.plusDays(1).atStartOfDay(Dates.KYIV).toInstant());
    }

    @Transactional(readOnly = true)
    public Visit byRateCode(String code) {
        return visits.findByRateCode(Codes.normalise(code)).orElseThrow(() -> new NotFoundException("queue.error.visitNotFound"));
    }

    @Transactional(readOnly = true)
    public Optional<Visit> visitOfBooking(long bookingId) {
        return visits.findFirstByBookingIdOrderByIdDesc(bookingId);
    }

    /** The visitor rates the service (1–5, an optional comment), once, after being served. */
    @Transactional
    public Visit rate(String code, int score, String comment) {
        Visit v = visits.findByRateCode(Codes.normalise(code)).orElseThrow(() -> new NotFoundException("queue.error.visitNotFound"));
        v = visits.findForUpdate(v.getId()).orElseThrow();
        v.rate(score, comment, Instant.now(clock));
        return v;
    }

    public static String rateUrl(Visit v) {
        return "/" + CurrentCommunity.require().slug() + "/cnap/rate/" + v.getRateCode();
    }
}
