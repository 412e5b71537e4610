package ua.viche.civic.domain;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Community;
import ua.viche.platform.Csv;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Events: staff publish them with a programme and seats, and so does the registrant of a verified
 * organisation in its name; a signed-in person registers (a seat, or
 * the waiting list) and cancels, which moves the first waiting person up and tells them by mail;
 * staff keep the check-in list and attach PDFs (the programme, materials: platform attachments owned
 * by {@code ('civic', 'event-material', id)}, PDF only). Registration and cancellation run in plain transactions
 * ({@link Seats}); this service's own reads and writes are JPA.
 */
@Service
public class CivicEvents {

    /** Who publishes events and keeps their check-in lists. */
    public static final Role[] STAFF = {Role.OFFICIAL, Role.COMMUNITY_ADMIN};
    /** Who may take an event off the site: staff and the community's moderators. */
    public static final Role[] WITHDRAW = {Role.MODERATOR, Role.OFFICIAL, Role.COMMUNITY_ADMIN};

    /** A session of an event's programme as shown. */
    public record Session(Instant startsAt, Instant endsAt, String titleUk, String titleEn, String speakers) {
        public String title(Locale locale) {
            return "en".equals(locale.getLanguage()) && !titleEn.isBlank() ? titleEn : titleUk;
        }
    }

    /** An event's programme and materials: PDF only, up to 10 files of 10 MB, named as sent. */
    static final Attachments.Policy MATERIALS = new Attachments.Policy(Set.of("application/pdf"), 10, 10L * 1024 * 1024, true);

    private final CivicEventRepository events;
    private final OrganisationRepository organisations;
    private final OrganisationRegister register;
    private final Attachments attachments;
    private final Seats seats;
    private final PromotionNotices notices;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    CivicEvents(CivicEventRepository events, OrganisationRepository organisations, OrganisationRegister register, Attachments attachments, Seats seats, PromotionNotices notices, Identity identity, AccessControl access, AuditLog audit,
                JdbcTemplate jdbc, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.organisations = organisations;
        this.register = register;
        this.attachments = attachments;
        this.notices = notices;
        this.events = events;
        this.seats = seats;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Publishes an event: staff, in the community's name or a verified organisation's; the registrant
     * of a verified organisation, in its name only (audited without their name, decision 0059).
     */
    @Transactional
    public CivicEvent publish(EventInput input) {
        Long organisation = input.organisationId();
        if (organisation == null) {
            access.require(STAFF);
            return create(input);
        }
        AccessControl.requireUser();
        boolean staff = isStaff();
        List<Organisation> allowed = staff ? register.verified() : postingFor();
        if (allowed.stream().noneMatch(o -> o.getId().equals(organisation))) {
            if (!staff && allowed.isEmpty()) {
                throw new AccessDeniedException("events staff or a verified organisation only");
            }
            throw Refusal.field("organisation", "civic.error.eventOrganisation");
        }
        if (staff) {
            return create(input);
        }
        CivicEvent e = insert(input);
        audit.recordByResident("civic.event.published", "civic_event", e.getId(), e.getTitleUk());
        return e;
    }

    /** The verified organisations the signed-in person registered, in whose name they may post events; none for a visitor. */
    public List<Organisation> postingFor() {
        return register.mine().stream().filter(o -> o.getStatus() == Organisation.Status.VERIFIED).toList();
    }

    /** Whether the signed-in person may post events: staff, or the registrant of a verified organisation. */
    public boolean mayPublish() {
        return isStaff() || !postingFor().isEmpty();
    }

    /** The organisations the event form offers: every verified one to staff, the person's own to a registrant. */
    public List<Organisation> organisationsForForm() {
        return isStaff() ? register.verified() : postingFor();
    }

    /** The verified organisation that posted the event, while it is public. */
    public Optional<Organisation> organiser(CivicEvent e) {
        Long id = e.getOrganisationId();
        return id == null ? Optional.empty() : organisations.findById(id).filter(Organisation::isPublic);
    }

    /** Creates an event without a role check: the demo's history. */
    @Transactional
    public CivicEvent create(EventInput input) {
        CivicEvent e = insert(input);
        if (AccessControl.currentUser().isPresent()) {
            audit.record("civic.event.published", "civic_event", e.getId(), e.getTitleUk());
        }
        return e;
    }

    private CivicEvent insert(EventInput input) {
        input.check();
        long roster = seats.create("EVENT", input.seats());
        CivicEvent e = events.saveAndFlush(new CivicEvent(input, roster, Instant.now(clock)));
        long community = CurrentCommunity.require().id();
        for (EventInput.Session s : input.sessions()) {
            jdbc.update("insert into civic_event_session (community_id, event_id, starts_at, ends_at, title_uk, title_en, speakers)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", community, e.getId(), Timestamp.from(s.startsAt()), Timestamp.from(s.endsAt()),
                    s.titleUk().strip(), s.titleEn().strip(), s.speakers().strip());
        }
        return e;
    }

    public Page<CivicEvent> upcoming(int page, int size) {
        return events.findByPublishedTrueAndEndsAtAfterOrderByStartsAtAscIdAsc(Instant.now(clock), Paging.of(page, size));
    }

    public Page<CivicEvent> past(int page, int size) {
        return events.findByPublishedTrueAndEndsAtLessThanEqualOrderByStartsAtDescIdDesc(Instant.now(clock), Paging.of(page, size));
    }

    /** Published events from a month ago on, for the community's calendar feed. */
    public List<CivicEvent> forCalendar() {
        return events.findByPublishedTrueAndStartsAtAfterOrderByStartsAtAscIdAsc(Instant.now(clock).minusSeconds(31L * 24 * 3600));
    }

    /**
     * Takes an event off the site (an organisation's post that breaks the rules, an event called off):
     * its page, the lists, the feeds, the open data and the search no longer show it. Staff and
     * moderators only, with a reason, audited; nothing changes without a reason.
     */
    @Transactional
    public void withdraw(long id, String reason) {
        access.require(WITHDRAW);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw Refusal.field("reason", "civic.error.withdrawReason");
        }
        CivicEvent e = event(id);
        e.withdraw(Instant.now(clock));
        audit.record("civic.event.withdrawn", "civic_event", e.getId(), e.getTitleUk() + ": " + why);
    }

    /** Whether the signed-in person may take events off the site. */
    public boolean mayWithdraw() {
        return access.currentUserHasAny(List.of(WITHDRAW));
    }

    public CivicEvent event(long id) {
        return events.findById(id).filter(CivicEvent::isPublished).orElseThrow(() -> new NotFoundException("civic.error.noEvent"));
    }

    public List<Session> sessions(long eventId) {
        return jdbc.query("select starts_at, ends_at, title_uk, title_en, speakers from civic_event_session where event_id = ?"
                        + " and community_id = ? order by starts_at, id",
                (rs, i) -> new Session(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5)), eventId, CurrentCommunity.require().id());
    }

    public Seats.Count count(CivicEvent e) {
        return seats.count(e.getRosterId());
    }

    /** The current person's place at the event, if they hold one. */
    public Optional<Seats.Place> myPlace(CivicEvent e) {
        return AccessControl.currentUser().flatMap(u -> identity.currentPerson())
                .flatMap(p -> seats.heldBy(e.getRosterId(), p.personId()));
    }

    /** Registers the signed-in person: a seat while there are any, else the end of the waiting list. */
    public Seats.Place register(long eventId) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("not signed in"));
        CivicEvent e = event(eventId);
        if (!e.registrationOpen(Instant.now(clock))) {
            throw Refusal.conflict("civic.error.registrationOver");
        }
        return seats.register(e.getRosterId(), new Seats.Holder(person.personId(), person.accountId(), person.name(), null, null));
    }

    /** Cancels the signed-in person's place; whoever moves up from the waiting list is told by mail. */
    public Seats.Cancelled cancel(long eventId) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("not signed in"));
        CivicEvent e = event(eventId);
        Seats.Place place = seats.heldBy(e.getRosterId(), person.personId())
                .orElseThrow(() -> Refusal.conflict("civic.error.notRegistered"));
        Seats.Cancelled done = seats.cancel(e.getRosterId(), place.id());
        if (done.promoted() != null) {
            notices.tell(done.promoted(), "civic.mail.promoted", locale -> new Object[] {e.title(locale)});
        }
        return done;
    }

    /** Who may register a person on their behalf (by phone): the hotline operator and the events' staff. */
    public static final Role[] ON_BEHALF = {Role.HOTLINE_OPERATOR, Role.OFFICIAL, Role.COMMUNITY_ADMIN};

    public Seats.Place registerOnBehalf(long eventId, String name, String phone) {
        return registerOnBehalf(eventId, name, phone, null);
    }

    /**
     * Registers, on their behalf, a person who called the hotline: by name and phone, with no account
     * (many participants are elderly), and the e-mail address they give, if any, to be told when they
     * move up from the waiting list. Audited, without the phone number.
     */
    public Seats.Place registerOnBehalf(long eventId, String name, String phone, @Nullable String email) {
        access.require(ON_BEHALF);
        String n = name.strip();
        String p = phone.strip();
        String mail = PromotionNotices.email(email);
        if (n.isEmpty() || n.length() > 300) {
            throw Refusal.field("name", "civic.error.personName");
        }
        if (!p.matches("\\+?[0-9 ()-]{5,40}")) {
            throw Refusal.field("phone", "civic.error.phone");
        }
        CivicEvent e = event(eventId);
        if (!e.registrationOpen(Instant.now(clock))) {
            throw Refusal.conflict("civic.error.registrationOver");
        }
        long operator = AccessControl.requireUser().accountId();
        Seats.Place place = seats.register(e.getRosterId(), new Seats.Holder(null, null, n, p, operator, null, mail));
        tx.executeWithoutResult(s -> audit.record("civic.event.registeredOnBehalf", "civic_place", place.id(), place.status().name()));
        return place;
    }

    public boolean mayRegisterOnBehalf() {
        return access.currentUserHasAny(List.of(ON_BEHALF));
    }

    /** The people registered by phone, for the operator to call those who moved up and left no e-mail. */
    public List<Seats.Place> byPhone(long eventId) {
        access.require(ON_BEHALF);
        return seats.byPhone(event(eventId).getRosterId());
    }

    /** The check-in list: staff only. */
    public List<Seats.Place> checkInList(long eventId) {
        access.require(STAFF);
        return seats.places(event(eventId).getRosterId());
    }

    public void checkIn(long eventId, long placeId, boolean attended) {
        access.require(STAFF);
        seats.attended(event(eventId).getRosterId(), placeId, attended);
    }

    public boolean isStaff() {
        return access.currentUserHasAny(List.of(STAFF));
    }

    // ---- open data and the map layer

    /**
     * The published events as open data (CSV): time, place, its point, link, organiser, seats and the
     * figures of registration and attendance; no person's name.
     */
    @Transactional(readOnly = true)
    public String csv() {
        Community c = CurrentCommunity.require();
        Csv csv = new Csv().row(List.of("id", "title_uk", "title_en", "starts_at", "ends_at", "place", "latitude", "longitude", "online_url",
                "organisation", "seats", "registered", "waiting", "attended", "url"));
        jdbc.query("select e.id, e.title_uk, e.title_en, e.starts_at, e.ends_at, e.place, e.latitude, e.longitude, e.online_url,"
                + " case when o.status = 'VERIFIED' then o.name end, r.seats,"
                + " count(p.id) filter (where p.status = 'REGISTERED'), count(p.id) filter (where p.status = 'WAITING'),"
                + " count(p.id) filter (where p.status = 'REGISTERED' and p.attended_at is not null)"
                + " from civic_event e join civic_roster r on r.id = e.roster_id"
                + " left join civic_organisation o on o.id = e.organisation_id"
                + " left join civic_place p on p.roster_id = r.id"
                + " where e.community_id = ? and e.published"
                + " group by e.id, o.status, o.name, r.seats order by e.starts_at, e.id", rs -> {
                    csv.row(Arrays.asList(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getObject(7), rs.getObject(8), rs.getString(9),
                            rs.getString(10), rs.getInt(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                            "/" + c.slug() + "/events/" + rs.getLong(1)));
                }, c.id());
        return csv.toString();
    }

    /** The upcoming events with a point on the map, as GeoJSON points (the module's map layer). */
    @Transactional(readOnly = true)
    public Map<String, Object> geoJson(String slug) {
        List<Map<String, Object>> features = events.findByPublishedTrueAndStartsAtAfterOrderByStartsAtAscIdAsc(Instant.now(clock)).stream()
                .filter(CivicEvent::hasPoint)
                .map(e -> Map.<String, Object>of("type", "Feature",
                        "geometry", Map.of("type", "Point", "coordinates", List.of(e.getLongitude(), e.getLatitude())),
                        "properties", Map.of("id", e.getId(), "name", e.getTitleUk(), "name_en", e.getTitleEn(),
                                "address", Objects.requireNonNullElse(e.getPlace(), ""), "starts_at", e.getStartsAt().toString(),
                                "url", e.url(slug))))
                .toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }

    // ---- the programme and materials (PDF)

    static Attachments.Owner materialsOwner(long eventId) {
        return new Attachments.Owner("civic", "event-material", eventId);
    }

    /** Attaches PDFs to an event (staff, audited); any file that is not a PDF, too large or too many refuses them all. */
    @Transactional
    public List<Attachment> attach(long eventId, List<FileStore.Upload> files) {
        access.require(STAFF);
        CivicEvent e = event(eventId);
        if (files.isEmpty()) {
            throw Refusal.field("materials", "civic.event.error.materials.missing");
        }
        MATERIALS.refusal(files, attachments.count(materialsOwner(eventId))).ifPresent(r -> {
            throw Refusal.field("materials", "civic.event.error.materials." + r.key());
        });
        List<Attachment> stored = attachments.store(materialsOwner(eventId), MATERIALS, files);
        audit.record("civic.event.materialsAdded", "civic_event", e.getId(),
                String.join(", ", stored.stream().map(Attachment::getName).toList()));
        return stored;
    }

    /** Takes a PDF off an event (staff, audited). */
    @Transactional
    public void detach(long eventId, long fileId) {
        access.require(STAFF);
        event(eventId);
        Attachment a = attachments.find(List.of(materialsOwner(eventId)), fileId)
                .orElseThrow(() -> new NotFoundException("civic.error.noEvent"));
        attachments.delete(a);
        audit.record("civic.event.materialRemoved", "civic_event", eventId, a.getName());
    }

    /** The event's PDFs in the order they were added. */
    public List<Attachment> materials(long eventId) {
        return attachments.list(materialsOwner(eventId));
    }

    /** Serves a PDF of a published event. */
    public ResponseEntity<InputStreamResource> download(long eventId, long fileId) throws IOException {
        event(eventId);
        Attachment a = attachments.find(List.of(materialsOwner(eventId)), fileId)
                .orElseThrow(() -> new NotFoundException("civic.error.noEvent"));
        return attachments.download(a, CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    /** The address of an event's PDF. */
    public static String materialUrl(CivicEvent e, Attachment a, String slug) {
        return e.url(slug) + "/files/" + a.getId();
    }
}
