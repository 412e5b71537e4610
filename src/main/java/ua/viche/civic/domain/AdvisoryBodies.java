package ua.viche.civic.domain;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Dates;
import ua.viche.platform.FileStore;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Advisory bodies: staff create and describe a body, keep its composition (members with roles and
 * terms, optionally a verified organisation of the register), its meetings (agenda, minutes as text
 * and a PDF, numbered decisions with an optional PDF) and its history; every change audited, any
 * fault refused with nothing changed. The public reads all of it. The PDFs are platform attachments
 * owned by {@code ('civic', 'body-meeting', id)} and {@code ('civic', 'body-decision', id)}.
 */
@Service
public class AdvisoryBodies {

    /** Who keeps the advisory bodies' records (the council's secretariat). */
    public static final Role[] STAFF = {Role.OFFICIAL, Role.COMMUNITY_ADMIN};

    /** One PDF of at most 10 MB, named as sent. */
    static final Attachments.Policy PDF = new Attachments.Policy(Set.of("application/pdf"), 1, 10L * 1024 * 1024, true);

    public static final int MAX_TEXT = 50_000;
    public static final int MAX_SHORT = 300;
    public static final int MAX_EVENT = 2000;

    /** A member as staff add them: a name (or none when an organisation is named), role, term, organisation. */
    public record MemberInput(String name, BodyMember.@Nullable Role role, @Nullable LocalDate termFrom, @Nullable LocalDate termTo,
                              @Nullable Long organisationId) {}

    /** A meeting as staff record it. */
    public record MeetingInput(@Nullable LocalDate heldOn, String place, String agenda, String minutes) {}

    /** A body with its composition on the day, its meetings and history. */
    public record Page(AdvisoryBody body, List<BodyMember> current, List<BodyMember> past, List<BodyMeeting> meetings,
                       List<BodyEvent> history, Map<Long, String> organisations) {}

    /** A meeting with its decisions and their PDFs. */
    public record MeetingPage(AdvisoryBody body, BodyMeeting meeting, @Nullable Attachment minutesPdf, List<BodyDecision> decisions,
                              Map<Long, Attachment> decisionPdfs) {}

    private final AdvisoryBodyRepository bodies;
    private final BodyMemberRepository members;
    private final BodyMeetingRepository meetings;
    private final BodyDecisionRepository decisions;
    private final BodyEventRepository events;
    private final OrganisationRepository organisations;
    private final Attachments attachments;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    AdvisoryBodies(AdvisoryBodyRepository bodies, BodyMemberRepository members, BodyMeetingRepository meetings,
                   BodyDecisionRepository decisions, BodyEventRepository events, OrganisationRepository organisations,
                   Attachments attachments, AccessControl access, AuditLog audit, Clock clock) {
        this.bodies = bodies;
        this.members = members;
        this.meetings = meetings;
        this.decisions = decisions;
        this.events = events;
        this.organisations = organisations;
        this.attachments = attachments;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    static Attachments.Owner meetingOwner(long id) {
        return new Attachments.Owner("civic", "body-meeting", id);
    }

    static Attachments.Owner decisionOwner(long id) {
        return new Attachments.Owner("civic", "body-decision", id);
    }

    public boolean isStaff() {
        return access.currentUserHasAny(List.of(STAFF));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    // ---- staff

    @Transactional
    public AdvisoryBody create(AdvisoryBody.Input input) {
        access.require(STAFF);
        AdvisoryBody b = bodies.saveAndFlush(new AdvisoryBody(input, now()));
        audit.record("civic.body.created", "civic_body", b.getId(), b.getNameUk());
        return b;
    }

    @Transactional
    public AdvisoryBody update(long id, AdvisoryBody.Input input) {
        access.require(STAFF);
        AdvisoryBody b = body(id);
        b.apply(input, now());
        bodies.flush();
        audit.record("civic.body.changed", "civic_body", id, b.getNameUk());
        return b;
    }

    @Transactional
    public BodyMember addMember(long bodyId, MemberInput in) {
        access.require(STAFF);
        AdvisoryBody b = body(bodyId);
        List<Refusal.Fault> faults = new ArrayList<>();
        String name = in.name().strip();
        Organisation organisation = null;
        if (in.organisationId() != null) {
            organisation = organisations.findById(in.organisationId()).filter(o -> o.getStatus() == Organisation.Status.VERIFIED).orElse(null);
            if (organisation == null) {
                faults.add(Refusal.Fault.of("organisationId", "civic.body.error.organisation"));
            } else if (name.isEmpty()) {
                name = organisation.getName();
            }
        }
        if (name.isEmpty() || name.length() > MAX_SHORT) {
            faults.add(Refusal.Fault.of("memberName", "civic.body.error.memberName", MAX_SHORT));
        }
        if (in.role() == null) {
            faults.add(Refusal.Fault.of("role", "civic.body.error.role"));
        }
        if (in.termFrom() == null) {
            faults.add(Refusal.Fault.of("termFrom", "civic.body.error.termFrom"));
        } else if (in.termTo() != null && in.termTo().isBefore(in.termFrom())) {
            faults.add(Refusal.Fault.of("termTo", "civic.body.error.termOrder"));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        BodyMember m = members.saveAndFlush(new BodyMember(b.getId(), name, in.role(), in.termFrom(), in.termTo(),
                organisation == null ? null : organisation.getId()));
        audit.record("civic.body.memberAdded", "civic_body", bodyId, name + " (" + in.role() + ", " + in.termFrom() + " – "
                + (in.termTo() == null ? "" : in.termTo()) + ")");
        return m;
    }

    /** Ends a member's term on that day (they move to the past composition once it is over). */
    @Transactional
    public BodyMember endTerm(long bodyId, long memberId, @Nullable LocalDate to) {
        access.require(STAFF);
        BodyMember m = members.findById(memberId).filter(x -> x.getBodyId() == bodyId)
                .orElseThrow(() -> new NotFoundException("civic.body.error.none"));
        if (to == null) {
            throw Refusal.field("termTo-" + memberId, "civic.body.error.termTo");
        }
        if (to.isBefore(m.getTermFrom())) {
            throw Refusal.field("termTo-" + memberId, "civic.body.error.termOrder");
        }
        m.endTerm(to);
        members.flush();
        audit.record("civic.body.termEnded", "civic_body", bodyId, m.getName() + " @ " + to);
        return m;
    }

    @Transactional
    public BodyMeeting addMeeting(long bodyId, MeetingInput in, FileStore.@Nullable Upload minutesPdf) {
        access.require(STAFF);
        AdvisoryBody b = body(bodyId);
        checkMeeting(in);
        checkPdf("minutesPdf", minutesPdf);
        BodyMeeting m = new BodyMeeting(b.getId(), now());
        m.apply(in.heldOn(), in.place().strip(), in.agenda().strip(), in.minutes().strip());
        meetings.saveAndFlush(m);
        if (minutesPdf != null) {
            attachments.store(meetingOwner(m.getId()), PDF, List.of(minutesPdf));
        }
        audit.record("civic.body.meetingAdded", "civic_body_meeting", m.getId(), b.getNameUk() + " @ " + in.heldOn());
        return m;
    }

    /** Changes a meeting's record (the minutes come after it); a new PDF replaces the old one. */
    @Transactional
    public BodyMeeting updateMeeting(long bodyId, long meetingId, MeetingInput in, FileStore.@Nullable Upload minutesPdf) {
        access.require(STAFF);
        BodyMeeting m = meeting(bodyId, meetingId);
        checkMeeting(in);
        checkPdf("minutesPdf", minutesPdf);
        m.apply(in.heldOn(), in.place().strip(), in.agenda().strip(), in.minutes().strip());
        meetings.flush();
        if (minutesPdf != null) {
            attachments.deleteAll(List.of(meetingOwner(meetingId)));
            attachments.store(meetingOwner(meetingId), PDF, List.of(minutesPdf));
        }
        audit.record("civic.body.meetingChanged", "civic_body_meeting", meetingId, "@ " + in.heldOn());
        return m;
    }

    private static void checkMeeting(MeetingInput in) {
        List<Refusal.Fault> faults = new ArrayList<>();
        if (in.heldOn() == null) {
            faults.add(Refusal.Fault.of("heldOn", "civic.body.error.heldOn"));
        }
        if (in.place().strip().length() > MAX_SHORT) {
            faults.add(Refusal.Fault.of("place", "civic.body.error.place", MAX_SHORT));
        }
        if (in.agenda().length() > MAX_TEXT || in.minutes().length() > MAX_TEXT) {
            faults.add(Refusal.Fault.of("agenda", "civic.body.error.text", MAX_TEXT));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
    }

    private static void checkPdf(String field, FileStore.@Nullable Upload pdf) {
        if (pdf != null) {
            PDF.refusal(List.of(pdf), 0).ifPresent(r -> { throw Refusal.field(field, "civic.body.error.pdf." + r.key()); });
        }
    }

    /** Records a decision of a meeting: the next number unless one is given; an optional PDF. */
    @Transactional
    public BodyDecision addDecision(long bodyId, long meetingId, @Nullable Integer number, String text, FileStore.@Nullable Upload pdf) {
        access.require(STAFF);
        BodyMeeting m = meeting(bodyId, meetingId);
        String t = text.strip();
        List<Refusal.Fault> faults = new ArrayList<>();
        if (number != null && number < 1) {
            faults.add(Refusal.Fault.of("number", "civic.body.error.number"));
        }
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            faults.add(Refusal.Fault.of("decisionText", "civic.body.error.decisionText"));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        checkPdf("decisionPdf", pdf);
        int n = number == null ? decisions.maxNumber(m.getId()) + 1 : number;
        if (decisions.existsByMeetingIdAndNumber(m.getId(), n)) {
            throw Refusal.field("number", "civic.body.error.numberTaken", String.valueOf(n)).status(Refusal.CONFLICT);
        }
        BodyDecision d = decisions.saveAndFlush(new BodyDecision(m.getId(), n, t));
        if (pdf != null) {
            attachments.store(decisionOwner(d.getId()), PDF, List.of(pdf));
        }
        audit.record("civic.body.decisionAdded", "civic_body_meeting", meetingId, "№ " + n);
        return d;
    }

    /** Adds a dated event (an election, a rotation, …) to a body's history. */
    @Transactional
    public BodyEvent addEvent(long bodyId, @Nullable LocalDate day, BodyEvent.@Nullable Kind kind, String text) {
        access.require(STAFF);
        AdvisoryBody b = body(bodyId);
        String t = text.strip();
        List<Refusal.Fault> faults = new ArrayList<>();
        if (day == null) {
            faults.add(Refusal.Fault.of("happenedOn", "civic.body.error.happenedOn"));
        }
        if (kind == null) {
            faults.add(Refusal.Fault.of("eventKind", "civic.body.error.eventKind"));
        }
        if (t.isEmpty() || t.length() > MAX_EVENT) {
            faults.add(Refusal.Fault.of("eventText", "civic.body.error.eventText", MAX_EVENT));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        BodyEvent e = events.saveAndFlush(new BodyEvent(b.getId(), day, kind, t));
        audit.record("civic.body.eventAdded", "civic_body", bodyId, kind + " @ " + day);
        return e;
    }

    // ---- the public

    @Transactional(readOnly = true)
    public List<AdvisoryBody> all() {
        return bodies.findAllByOrderByNameUkAscIdAsc();
    }

    @Transactional(readOnly = true)
    public AdvisoryBody body(long id) {
        return bodies.findById(id).orElseThrow(() -> new NotFoundException("civic.body.error.none"));
    }

    @Transactional(readOnly = true)
    public BodyMeeting meeting(long bodyId, long meetingId) {
        return meetings.findById(meetingId).filter(m -> m.getBodyId() == bodyId)
                .orElseThrow(() -> new NotFoundException("civic.body.error.none"));
    }

    /** A body's page: its members sitting today (by role), past members, meetings newest first and history. */
    @Transactional(readOnly = true)
    public Page page(long id) {
        AdvisoryBody b = body(id);
        LocalDate today = today();
        List<BodyMember> all = members.findByBodyIdOrderByTermFromDescIdAsc(id);
        List<BodyMember> current = all.stream().filter(m -> m.current(today))
                .sorted(Comparator.comparing(BodyMember::getRole).thenComparing(BodyMember::getName)).toList();
        List<BodyMember> past = all.stream().filter(m -> m.getTermTo() != null && m.getTermTo().isBefore(today)).toList();
        Map<Long, String> names = new HashMap<>();
        all.stream().map(BodyMember::getOrganisationId).filter(o -> o != null).distinct()
                .forEach(o -> organisations.findById(o).filter(Organisation::isPublic).ifPresent(org -> names.put(o, org.getName())));
        return new Page(b, current, past, meetings.findByBodyIdOrderByHeldOnDescIdDesc(id), events.findByBodyIdOrderByHappenedOnDescIdDesc(id),
                names);
    }

    @Transactional(readOnly = true)
    public MeetingPage meetingPage(long bodyId, long meetingId) {
        AdvisoryBody b = body(bodyId);
        BodyMeeting m = meeting(bodyId, meetingId);
        List<BodyDecision> ds = decisions.findByMeetingIdOrderByNumberAsc(meetingId);
        Map<Long, Attachment> pdfs = new HashMap<>();
        if (!ds.isEmpty()) {
            attachments.list("civic", "body-decision", ds.stream().map(BodyDecision::getId).toList())
                    .forEach(a -> pdfs.putIfAbsent(a.getOwnerId(), a));
        }
        return new MeetingPage(b, m, attachments.list(meetingOwner(meetingId)).stream().findFirst().orElse(null), ds, pdfs);
    }

    /** Serves a meeting's PDF (its minutes or one of its decisions'). */
    @Transactional(readOnly = true)
    public ResponseEntity<InputStreamResource> download(long bodyId, long meetingId, long fileId) throws IOException {
        meeting(bodyId, meetingId);
        List<Attachments.Owner> owners = new ArrayList<>(List.of(meetingOwner(meetingId)));
        decisions.findByMeetingIdOrderByNumberAsc(meetingId).forEach(d -> owners.add(decisionOwner(d.getId())));
        Optional<Attachment> a = attachments.find(owners, fileId);
        return attachments.download(a.orElseThrow(() -> new NotFoundException("civic.body.error.none")),
                CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    /** Gives a meeting minutes the demo wrote itself (no role check, no audit). */
    @Transactional
    public void attachGenerated(BodyMeeting m, byte[] pdf, Instant at) {
        attachments.storeGenerated(meetingOwner(m.getId()), "protokol-" + m.getHeldOn() + ".pdf", "application/pdf", pdf, at);
    }
}
