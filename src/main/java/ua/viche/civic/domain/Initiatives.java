package ua.viche.civic.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Csv;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Civic initiatives: a signed-in person proposes one (optionally on behalf of a verified
 * organisation they registered); staff publish or refuse it with a reason; published ones collect
 * supporters, one per person (the table's primary key decides, so parallel clicks count once);
 * staff mark its stage with dated notes and a result. Staff actions are audited.
 */
@Service
public class Initiatives {

    /** Who moderates initiatives and marks their progress. */
    public static final Role[] STAFF = {Role.MODERATOR, Role.OFFICIAL, Role.COMMUNITY_ADMIN};

    public static final int MAX_NOTE = 4000;

    /** What a person proposes: a title (and, optionally, the title in English), the text and, optionally, the organisation they act for. */
    public record Proposal(String title, @Nullable String titleEn, String body, @Nullable Long organisationId) {}

    private final InitiativeRepository initiatives;
    private final InitiativeNoteRepository notes;
    private final OrganisationRegister register;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Initiatives(InitiativeRepository initiatives, InitiativeNoteRepository notes, OrganisationRegister register, Identity identity,
                AccessControl access, AuditLog audit, JdbcTemplate jdbc, Clock clock) {
        this.initiatives = initiatives;
        this.notes = notes;
        this.register = register;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isStaff() {
        return access.currentUserHasAny(List.of(STAFF));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** Whether the signed-in person may propose or support now (signed in, with the assurance the community asks). */
    public Participation.Answer eligibility() {
        Participation.Requirements required = identity.requirements(false, 0);
        return Participation.decide(identity.participant(required), required, Participation.Window.ALWAYS, now(), false);
    }

    // ---- residents

    @Transactional
    public Initiative propose(Proposal p) {
        Identity.PersonRef person = eligibility().require(Refusal::of).signedInPerson();
        String title = p.title().strip();
        String titleEn = p.titleEn() == null || p.titleEn().isBlank() ? null : p.titleEn().strip();
        String body = p.body().strip();
        List<Refusal.Fault> faults = new ArrayList<>();
        if (title.isEmpty() || title.length() > Initiative.MAX_TITLE) {
            faults.add(Refusal.Fault.of("title", "civic.initiative.error.title", Initiative.MAX_TITLE));
        }
        if (titleEn != null && titleEn.length() > Initiative.MAX_TITLE) {
            faults.add(Refusal.Fault.of("titleEn", "civic.initiative.error.titleEn", Initiative.MAX_TITLE));
        }
        if (body.isEmpty() || body.length() > Initiative.MAX_BODY) {
            faults.add(Refusal.Fault.of("body", "civic.initiative.error.body", Initiative.MAX_BODY));
        }
        Organisation organisation = null;
        if (p.organisationId() != null) {
            organisation = register.mine().stream()
                    .filter(o -> o.getId().equals(p.organisationId()) && o.getStatus() == Organisation.Status.VERIFIED).findFirst().orElse(null);
            if (organisation == null) {
                faults.add(Refusal.Fault.of("organisationId", "civic.initiative.error.organisation"));
            }
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        return initiatives.saveAndFlush(new Initiative(title, titleEn, body, person.personId(), person.accountId(),
                organisation == null ? null : organisation.getId(), organisation == null ? null : organisation.getName(), now()));
    }

    /**
     * Adds the signed-in person's support to a published initiative still collecting; a second
     * support by the same person (however many arrive at once) changes nothing. Returns whether it was new.
     */
    @Transactional
    public boolean support(long id) {
        Identity.PersonRef person = eligibility().require(Refusal::of).signedInPerson();
        Initiative i = visible(id);
        if (!i.collecting()) {
            throw Refusal.conflict("civic.initiative.error.notCollecting");
        }
        return jdbc.update("insert into civic_initiative_support (initiative_id, person_id, community_id, created_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", id, person.personId(), CurrentCommunity.require().id(),
                Timestamp.from(now())) == 1;
    }

    /** Takes the signed-in person's support back (while the initiative collects). */
    @Transactional
    public boolean withdraw(long id) {
        Identity.PersonRef person = eligibility().require(Refusal::of).signedInPerson();
        Initiative i = visible(id);
        if (!i.collecting()) {
            throw Refusal.conflict("civic.initiative.error.notCollecting");
        }
        return jdbc.update("delete from civic_initiative_support where initiative_id = ? and person_id = ?", id, person.personId()) == 1;
    }

    /** Whether the signed-in person supports it. */
    @Transactional(readOnly = true)
    public boolean supportedByMe(long id) {
        return identity.currentPerson().map(p -> jdbc.queryForObject(
                "select count(*) from civic_initiative_support where initiative_id = ? and person_id = ?", Long.class, id, p.personId()) > 0)
                .orElse(false);
    }

    /** The current person's initiatives, newest first. */
    @Transactional(readOnly = true)
    public List<Initiative> mine() {
        return identity.currentPerson().map(p -> initiatives.findByAuthorPersonIdOrderByCreatedAtDesc(p.personId())).orElse(List.of());
    }

    // ---- staff

    @Transactional
    public Initiative publish(long id) {
        access.require(STAFF);
        Initiative i = initiatives.lock(id).orElseThrow(() -> new NotFoundException("civic.initiative.error.none"));
        i.publish(now());
        initiatives.flush();
        audit.record("civic.initiative.published", "civic_initiative", id, i.getTitle());
        return i;
    }

    @Transactional
    public Initiative refuse(long id, String reason) {
        access.require(STAFF);
        Initiative i = initiatives.lock(id).orElseThrow(() -> new NotFoundException("civic.initiative.error.none"));
        i.refuse(reason, now());
        initiatives.flush();
        audit.record("civic.initiative.refused", "civic_initiative", id, i.getRefusalReason());
        return i;
    }

    /** Marks a published initiative's stage with a dated note, and its result text (kept when none is given). */
    @Transactional
    public Initiative progress(long id, @Nullable InitiativeStage stage, @Nullable LocalDate day, String note, @Nullable String result) {
        access.require(STAFF);
        Initiative i = initiatives.lock(id).orElseThrow(() -> new NotFoundException("civic.initiative.error.none"));
        String text = note.strip();
        String res = result == null ? i.getResult() : result.strip();
        List<Refusal.Fault> faults = new ArrayList<>();
        if (!i.isPublic()) {
            throw Refusal.conflict("civic.initiative.error.notPublished");
        }
        if (stage == null) {
            faults.add(Refusal.Fault.of("stage", "civic.initiative.error.stage"));
        }
        if (day == null) {
            faults.add(Refusal.Fault.of("notedOn", "civic.initiative.error.day"));
        } else if (day.isAfter(LocalDate.now(clock.withZone(Dates.KYIV))) || day.isBefore(Dates.day(i.getCreatedAt()))) {
            faults.add(Refusal.Fault.of("notedOn", "civic.initiative.error.dayRange"));
        }
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            faults.add(Refusal.Fault.of("note", "civic.initiative.error.note", MAX_NOTE));
        }
        if (res.length() > Initiative.MAX_RESULT) {
            faults.add(Refusal.Fault.of("result", "civic.initiative.error.result", Initiative.MAX_RESULT));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        i.progress(stage, res, now());
        notes.save(new InitiativeNote(id, day, stage, text, now()));
        initiatives.flush();
        audit.record("civic.initiative.progress", "civic_initiative", id, stage + " @ " + day);
        return i;
    }

    @Transactional(readOnly = true)
    public List<Initiative> pending() {
        access.require(STAFF);
        return initiatives.findByStatusOrderByCreatedAtAscIdAsc(Initiative.Status.PENDING);
    }

    // ---- the public

    /** Published initiatives, newest first, optionally at one stage. */
    @Transactional(readOnly = true)
    public Page<Initiative> published(@Nullable InitiativeStage stage, int page, int size) {
        return stage == null ? initiatives.findByStatusOrderByCreatedAtDescIdDesc(Initiative.Status.PUBLISHED, Paging.of(page, size))
                : initiatives.findByStatusAndStageOrderByCreatedAtDescIdDesc(Initiative.Status.PUBLISHED, stage, Paging.of(page, size));
    }

    /** The most recent published initiatives still under way (collecting support, under review or in progress), newest first. */
    @Transactional(readOnly = true)
    public List<Initiative> underWay(int size) {
        return initiatives.findByStatusAndStageInOrderByCreatedAtDescIdDesc(Initiative.Status.PUBLISHED,
                EnumSet.of(InitiativeStage.PROPOSED, InitiativeStage.UNDER_REVIEW, InitiativeStage.IN_PROGRESS), Paging.of(0, size)).getContent();
    }

    /** An initiative as the current user may see it: published ones by anyone, others by their author and staff. */
    @Transactional(readOnly = true)
    public Initiative visible(long id) {
        Initiative i = initiatives.findById(id).orElseThrow(() -> new NotFoundException("civic.initiative.error.none"));
        if (i.isPublic() || isStaff() || isAuthor(i)) {
            return i;
        }
        throw new NotFoundException("civic.initiative.error.none");
    }

    private boolean isAuthor(Initiative i) {
        return i.getAuthorAccountId() != null
                && AccessControl.currentUser().map(u -> u.accountId() == i.getAuthorAccountId()).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<InitiativeNote> notes(long id) {
        return notes.findByInitiativeIdOrderByNotedOnAscIdAsc(id);
    }

    /** How many people support each of these initiatives. */
    @Transactional(readOnly = true)
    public Map<Long, Long> supporters(List<Initiative> items) {
        Map<Long, Long> counts = new HashMap<>();
        items.forEach(i -> counts.put(i.getId(), 0L));
        if (!items.isEmpty()) {
            jdbc.query("select initiative_id, count(*) from civic_initiative_support where initiative_id = any(?) group by initiative_id",
                    rs -> {
                        counts.put(rs.getLong(1), rs.getLong(2));
                    }, (Object) items.stream().map(Initiative::getId).toArray(Long[]::new));
        }
        return counts;
    }

    /** Published initiatives as open data (CSV): their course and supporters, never the author's name. */
    @Transactional(readOnly = true)
    public String csv() {
        List<Initiative> all = initiatives.findByStatusOrderByCreatedAtAscIdAsc(Initiative.Status.PUBLISHED);
        Map<Long, Long> counts = supporters(all);
        Csv csv = new Csv().row(List.of("id", "title", "stage", "supporters", "organisation", "proposed_on", "updated_at", "result"));
        for (Initiative i : all) {
            csv.row(Arrays.asList(i.getId(), i.getTitle(), i.getStage().name(), counts.getOrDefault(i.getId(), 0L), i.getOrganisationName(),
                    Dates.day(i.getCreatedAt()), i.getUpdatedAt(), i.getResult()));
        }
        return csv.toString();
    }

    @Transactional(readOnly = true)
    public long supporters(long id) {
        return jdbc.queryForObject("select count(*) from civic_initiative_support where initiative_id = ?", Long.class, id);
    }
}
