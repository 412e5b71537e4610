package ua.viche.civic.domain;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.civic.CivicModule;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.search.SearchIndexing;

/**
 * Digital-literacy courses: programmes (with their partner organisations, a number of lessons and
 * the attendance a certificate needs), groups with a schedule of lessons and seats on a roster
 * ({@link Seats}, kind {@code GROUP}), registration by the person or by the hotline operator on
 * their behalf, priority for the vulnerable groups the community lists, attendance per lesson, and
 * completion certificates with a verify code.
 *
 * <p>The priority rule: a share of a group's seats (setting {@code civic.courseReservedPercent},
 * rounded down) is held for people of a priority group until {@code civic.courseReserveDays} days
 * before the first lesson. Until then a person of no priority group takes a seat only while more
 * seats are free than reserved seats are left untaken by priority people, and joins the waiting
 * list otherwise; priority people take any free seat. When the reservation ends, the waiting list
 * moves up into the seats left ({@code CourseReservations}).
 */
@Service
public class Courses {

    /** Who keeps the courses: staff publish programmes, keep attendance and issue certificates. */
    public static final Role[] STAFF = CivicEvents.STAFF;

    public record Course(long id, String titleUk, String titleEn, String descriptionUk, String descriptionEn, int lessons, int threshold) {
        public String title(Locale locale) {
            return "en".equals(locale.getLanguage()) && !titleEn.isBlank() ? titleEn : titleUk;
        }

        public String description(Locale locale) {
            return "en".equals(locale.getLanguage()) && !descriptionEn.isBlank() ? descriptionEn : descriptionUk;
        }

        public String url(String slug) {
            return "/" + slug + "/courses/" + id;
        }
    }

    public record Group(long id, long courseId, String name, String place, long rosterId, @Nullable Instant startsAt, @Nullable Instant endsAt) {
        public String url(String slug) {
            return "/" + slug + "/courses/groups/" + id;
        }
    }

    public record Lesson(long id, long groupId, int number, Instant startsAt, Instant endsAt, String place) {}

    /** What staff give for a new programme. */
    public record NewCourse(String titleUk, String titleEn, String descriptionUk, String descriptionEn, int lessons, int threshold,
                            List<Long> partners, List<NewGroup> groups) {}

    public record NewGroup(String name, String place, int seats, List<NewLesson> lessons) {}

    public record NewLesson(Instant startsAt, Instant endsAt) {}

    /** What staff change of a programme: its titles, descriptions and partner organisations. */
    public record CourseChange(String titleUk, String titleEn, String descriptionUk, String descriptionEn, List<Long> partners) {}

    /** A participant's attendance in a group: lessons attended, and the certificate's code once issued. */
    public record Attendance(Seats.Place place, Set<Long> lessons, @Nullable String certificate) {
        public int count() {
            return lessons.size();
        }
    }

    public record Certificate(long id, long groupId, long placeId, @Nullable Long personId, String name, String code, int attended, Instant issuedAt) {}

    public enum State { VALID, UNKNOWN }

    /** What the public verify page shows: the holder's initials only. */
    public record Verification(State state, String code, @Nullable String initials, @Nullable Course course, @Nullable Group group,
                               @Nullable Instant issuedAt, int attended) {}

    private final Seats seats;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final PromotionNotices notices;
    private final CourseProgrammeRepository programmes;
    private final SearchIndexing searchIndexing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Courses(Seats seats, Identity identity, AccessControl access, AuditLog audit, PromotionNotices notices, CourseProgrammeRepository programmes,
            SearchIndexing searchIndexing, JdbcTemplate jdbc, TransactionTemplate tx,
            Clock clock) {
        this.seats = seats;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.notices = notices;
        this.programmes = programmes;
        this.searchIndexing = searchIndexing;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- programmes and groups

    @Transactional
    public Course publish(NewCourse input) {
        access.require(STAFF);
        Course c = create(input);
        audit.record("civic.course.published", "civic_course", c.id(), c.titleUk());
        return c;
    }

    /** Creates a programme with its groups and lessons without a role check (the demo); checks the input whole. */
    @Transactional
    public Course create(NewCourse in) {
        long community = community();
        List<Refusal.Fault> faults = new ArrayList<>();
        if (in.titleUk().isBlank() || in.titleUk().length() > 300 || in.titleEn().length() > 300) {
            faults.add(Refusal.Fault.of("titleUk", "civic.error.title"));
        }
        if (in.lessons() < 1 || in.lessons() > 200) {
            faults.add(Refusal.Fault.of("schedule", "civic.error.courseLessons"));
        } else if (in.threshold() < 1 || in.threshold() > in.lessons()) {
            faults.add(Refusal.Fault.of("threshold", "civic.error.courseThreshold"));
        }
        for (Long partner : in.partners()) {
            Integer n = jdbc.queryForObject("select count(*) from civic_organisation where id = ? and community_id = ? and status = 'VERIFIED'",
                    Integer.class, partner, community);
            if (n == null || n == 0) {
                faults.add(Refusal.Fault.of("partners", "civic.error.coursePartner"));
                break;
            }
        }
        for (NewGroup g : in.groups()) {
            if (g.seats() < 1 || g.seats() > 100_000) {
                faults.add(Refusal.Fault.of("seats", "civic.error.seats"));
            }
            if (g.name().isBlank() || g.place().isBlank() || g.lessons().size() != in.lessons()
                    || g.lessons().stream().anyMatch(l -> !l.endsAt().isAfter(l.startsAt()))) {
                faults.add(Refusal.Fault.of("schedule", "civic.error.courseGroup"));
                break;
            }
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        Instant now = Instant.now(clock);
        Long id = jdbc.queryForObject("insert into civic_course (community_id, title_uk, title_en, description_uk, description_en, lessons,"
                + " threshold, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class, community, in.titleUk().strip(),
                in.titleEn().strip(), in.descriptionUk().strip(), in.descriptionEn().strip(), in.lessons(), in.threshold(), Timestamp.from(now));
        for (Long partner : new HashSet<>(in.partners())) {
            jdbc.update("insert into civic_course_partner (course_id, organisation_id) values (?, ?)", id, partner);
        }
        for (NewGroup g : in.groups()) {
            insertGroup(id, g, now);
        }
        indexAgain(id);
        return course(id);
    }

    /** Adds a group with its lessons to a programme: staff only; the group has as many lessons as the programme. */
    @Transactional
    public Group addGroup(long courseId, NewGroup g) {
        access.require(STAFF);
        Course c = course(courseId);
        if (g.name().isBlank() || g.name().length() > 200 || g.place().isBlank() || g.place().length() > 300) {
            throw Refusal.field("groupName", "civic.error.courseGroup");
        }
        if (g.lessons().size() != c.lessons() || g.lessons().stream().anyMatch(l -> !l.endsAt().isAfter(l.startsAt()))) {
            throw Refusal.field("schedule", "civic.error.courseSchedule", String.valueOf(c.lessons()));
        }
        long id = insertGroup(c.id(), g, Instant.now(clock));
        indexAgain(c.id());
        audit.record("civic.course.groupAdded", "civic_course_group", id, g.name().strip());
        return group(id);
    }

    /** Changes a programme's titles, descriptions and partners: staff only, checked whole, audited. */
    @Transactional
    public Course update(long courseId, CourseChange in) {
        access.require(STAFF);
        Course c = course(courseId);
        List<Refusal.Fault> faults = new ArrayList<>();
        if (in.titleUk().isBlank() || in.titleUk().length() > 300 || in.titleEn().length() > 300) {
            faults.add(Refusal.Fault.of("titleUk", "civic.error.title"));
        }
        if (in.descriptionUk().length() > 4000 || in.descriptionEn().length() > 4000) {
            faults.add(Refusal.Fault.of("descriptionUk", "civic.error.courseDescription"));
        }
        for (Long partner : in.partners()) {
            Integer n = jdbc.queryForObject("select count(*) from civic_organisation where id = ? and community_id = ? and status = 'VERIFIED'",
                    Integer.class, partner, community());
            if (n == null || n == 0) {
                faults.add(Refusal.Fault.of("partners", "civic.error.coursePartner"));
                break;
            }
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        jdbc.update("update civic_course set title_uk = ?, title_en = ?, description_uk = ?, description_en = ? where id = ? and community_id = ?",
                in.titleUk().strip(), in.titleEn().strip(), in.descriptionUk().strip(), in.descriptionEn().strip(), c.id(), community());
        jdbc.update("delete from civic_course_partner where course_id = ?", c.id());
        for (Long partner : new HashSet<>(in.partners())) {
            jdbc.update("insert into civic_course_partner (course_id, organisation_id) values (?, ?)", c.id(), partner);
        }
        indexAgain(c.id());
        audit.record("civic.course.changed", "civic_course", c.id(), in.titleUk().strip());
        return course(c.id());
    }

    /** The ids of the programme's partner organisations. */
    public Set<Long> partnerIds(long courseId) {
        return new HashSet<>(jdbc.queryForList("select organisation_id from civic_course_partner where course_id = ?", Long.class, courseId));
    }

    /**
     * Changes a group's name, place, schedule (as many lessons as the programme has, by number) and
     * seats — never below the seats taken (refused with that number; nothing changed); more seats move
     * the waiting list up, and those moved up are told. One transaction: all of it or nothing. Staff
     * only, audited.
     */
    public Group updateGroup(long groupId, NewGroup g) {
        access.require(STAFF);
        Group old = group(groupId);
        Course c = course(old.courseId());
        List<Refusal.Fault> faults = new ArrayList<>();
        if (g.name().isBlank() || g.name().length() > 200 || g.place().isBlank() || g.place().length() > 300) {
            faults.add(Refusal.Fault.of("groupName", "civic.error.courseGroup"));
        }
        if (g.lessons().size() != c.lessons() || g.lessons().stream().anyMatch(l -> !l.endsAt().isAfter(l.startsAt()))) {
            faults.add(Refusal.Fault.of("schedule", "civic.error.courseSchedule", String.valueOf(c.lessons())));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        List<Seats.Place> moved = tx.execute(s -> {
            List<Seats.Place> up = seats.resizeInCallerTransaction(old.rosterId(), g.seats(), reserved(old));
            jdbc.update("update civic_course_group set name = ?, place = ? where id = ? and community_id = ?", g.name().strip(), g.place().strip(),
                    groupId, community());
            List<NewLesson> lessons = g.lessons().stream().sorted((a, b) -> a.startsAt().compareTo(b.startsAt())).toList();
            for (int i = 0; i < lessons.size(); i++) {
                jdbc.update("update civic_course_lesson set starts_at = ?, ends_at = ?, place = ? where group_id = ? and number = ?",
                        Timestamp.from(lessons.get(i).startsAt()), Timestamp.from(lessons.get(i).endsAt()), g.place().strip(), groupId, i + 1);
            }
            indexAgain(c.id());
            audit.record("civic.course.groupChanged", "civic_course_group", groupId, g.name().strip() + ", " + g.seats());
            return up;
        });
        Group changed = group(groupId);
        moved.forEach(p -> tell(p, changed));
        return changed;
    }

    /** Sets until when the programme takes registrations (its latest first lesson) and has it indexed again when the transaction commits. */
    private void indexAgain(long courseId) {
        jdbc.update("update civic_course c set open_until = (select max(f.first_at) from (select min(l.starts_at) as first_at"
                + " from civic_course_lesson l join civic_course_group g on g.id = l.group_id where g.course_id = c.id group by g.id) f)"
                + " where c.id = ?", courseId);
        programmes.findById(courseId).ifPresent(searchIndexing::written);
    }

    private long insertGroup(long courseId, NewGroup g, Instant now) {
        long community = community();
        long roster = seats.create("GROUP", g.seats());
        Long group = jdbc.queryForObject("insert into civic_course_group (community_id, course_id, name, place, roster_id, created_at)"
                + " values (?, ?, ?, ?, ?, ?) returning id", Long.class, community, courseId, g.name().strip(), g.place().strip(), roster,
                Timestamp.from(now));
        List<NewLesson> lessons = g.lessons().stream().sorted((a, b) -> a.startsAt().compareTo(b.startsAt())).toList();
        for (int i = 0; i < lessons.size(); i++) {
            jdbc.update("insert into civic_course_lesson (community_id, group_id, number, starts_at, ends_at, place) values (?, ?, ?, ?, ?, ?)",
                    community, group, i + 1, Timestamp.from(lessons.get(i).startsAt()), Timestamp.from(lessons.get(i).endsAt()), g.place().strip());
        }
        return group;
    }

    /** The community's verified organisations, id and name, that may partner a programme. */
    public Map<Long, String> partnersToChoose() {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.query("select id, name from civic_organisation where community_id = ? and status = 'VERIFIED' order by name", rs -> {
            out.put(rs.getLong(1), rs.getString(2));
        }, community());
        return out;
    }

    public List<Course> courses() {
        return jdbc.query(COURSE + " where community_id = ? order by id", (rs, i) -> new Course(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7)), community());
    }

    public Course course(long id) {
        return jdbc.query(COURSE + " where id = ? and community_id = ?", (rs, i) -> new Course(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7)), id, community()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("civic.error.noCourse"));
    }

    /** The names of the programme's partner organisations. */
    public List<String> partners(long courseId) {
        return jdbc.queryForList("select o.name from civic_course_partner p join civic_organisation o on o.id = p.organisation_id"
                + " where p.course_id = ? and o.community_id = ? order by o.name", String.class, courseId, community());
    }

    public List<Group> groups(long courseId) {
        return jdbc.query(GROUP + " where g.course_id = ? and g.community_id = ? order by starts_at nulls last, g.id",
                (rs, i) -> group(rs), courseId, community());
    }

    public Group group(long id) {
        return jdbc.query(GROUP + " where g.id = ? and g.community_id = ?", (rs, i) -> group(rs), id, community()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("civic.error.noGroup"));
    }

    public List<Lesson> lessons(long groupId) {
        return jdbc.query("select id, group_id, number, starts_at, ends_at, place from civic_course_lesson where group_id = ? and community_id = ?"
                + " order by number", (rs, i) -> new Lesson(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(), rs.getString(6)), groupId, community());
    }

    public Seats.Count count(Group g) {
        return seats.count(g.rosterId());
    }

    /** Registration is open until the first lesson starts. */
    public boolean open(Group g) {
        return g.startsAt() != null && Instant.now(clock).isBefore(g.startsAt());
    }

    /** The seats held for priority people in the group now: none once the reservation has ended. */
    public int reserved(Group g) {
        if (g.startsAt() == null) {
            return 0;
        }
        LocalDate first = Dates.day(g.startsAt());
        LocalDate today = Dates.day(Instant.now(clock));
        if (!today.isBefore(first.minusDays(CivicModule.COURSE_RESERVE_DAYS.value()))) {
            return 0;
        }
        return seats.count(g.rosterId()).seats() * CivicModule.COURSE_RESERVED_PERCENT.value() / 100;
    }

    /** The priority groups the community lists, in order. */
    public List<CoursePriority> priorities() {
        Set<CoursePriority> listed = CivicModule.COURSE_PRIORITY_GROUPS.value();
        return List.of(CoursePriority.values()).stream().filter(listed::contains).toList();
    }

    // ---- registration

    public Optional<Seats.Place> myPlace(Group g) {
        return AccessControl.currentUser().flatMap(u -> identity.currentPerson()).flatMap(p -> seats.heldBy(g.rosterId(), p.personId()));
    }

    /** Registers the signed-in person, with the priority group they say they belong to (blank: none). */
    public Seats.Place register(long groupId, @Nullable String priority) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("not signed in"));
        Group g = group(groupId);
        CoursePriority p = priority(priority);
        if (p == CoursePriority.OLDER_PEOPLE) {
            person.age(Dates.day(Instant.now(clock))).ifPresent(age -> {
                if (age < CoursePriority.OLDER_FROM) {
                    throw Refusal.field("priority", "civic.error.courseNotOlder", String.valueOf(CoursePriority.OLDER_FROM));
                }
            });
        }
        requireOpen(g);
        return seats.register(g.rosterId(), new Seats.Holder(person.personId(), person.accountId(), person.name(), null, null,
                p == null ? null : p.name()), reserved(g));
    }

    /** Registers, on their behalf, a person who called the hotline: by name and phone, with no account. Audited without the phone. */
    public Seats.Place registerOnBehalf(long groupId, String name, String phone, @Nullable String priority) {
        return registerOnBehalf(groupId, name, phone, priority, null);
    }

    /** Registers a caller as above, with the e-mail address they give (if any) to be told when they move up from the waiting list. */
    public Seats.Place registerOnBehalf(long groupId, String name, String phone, @Nullable String priority, @Nullable String email) {
        access.require(CivicEvents.ON_BEHALF);
        String n = name.strip();
        String ph = phone.strip();
        List<Refusal.Fault> faults = new ArrayList<>();
        if (n.isEmpty() || n.length() > 300) {
            faults.add(Refusal.Fault.of("name", "civic.error.personName"));
        }
        if (!ph.matches("\\+?[0-9 ()-]{5,40}")) {
            faults.add(Refusal.Fault.of("phone", "civic.error.phone"));
        }
        String mail = null;
        try {
            mail = PromotionNotices.email(email);
        } catch (Refusal r) {
            faults.addAll(r.faults());
        }
        CoursePriority p;
        try {
            p = priority(priority);
        } catch (Refusal r) {
            faults.addAll(r.faults());
            p = null;
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        Group g = group(groupId);
        requireOpen(g);
        long operator = AccessControl.requireUser().accountId();
        Seats.Place place = seats.register(g.rosterId(), new Seats.Holder(null, null, n, ph, operator, p == null ? null : p.name(), mail), reserved(g));
        tx.executeWithoutResult(s -> audit.record("civic.course.registeredOnBehalf", "civic_place", place.id(), place.status().name()));
        return place;
    }

    public boolean mayRegisterOnBehalf() {
        return access.currentUserHasAny(List.of(CivicEvents.ON_BEHALF));
    }

    /** Cancels the signed-in person's place; whoever moves up from the waiting list is told by mail. */
    public Seats.Cancelled cancel(long groupId) {
        Identity.PersonRef person = identity.currentPerson().orElseThrow(() -> new AccessDeniedException("not signed in"));
        Group g = group(groupId);
        Seats.Place place = seats.heldBy(g.rosterId(), person.personId()).orElseThrow(() -> Refusal.conflict("civic.error.courseNotRegistered"));
        Seats.Cancelled done = seats.cancel(g.rosterId(), place.id(), reserved(g));
        if (done.promoted() != null) {
            tell(done.promoted(), g);
        }
        return done;
    }

    /** Moves the waiting list up into the seats a reservation no longer holds; for groups not yet started. */
    public int releaseReservations() {
        int moved = 0;
        List<Group> ahead = jdbc.query(GROUP + " where g.community_id = ? and exists (select 1 from civic_place w where w.roster_id = g.roster_id"
                + " and w.status = 'WAITING')", (rs, i) -> group(rs), community());
        for (Group g : ahead) {
            if (open(g)) {
                for (Seats.Place p : seats.settle(g.rosterId(), reserved(g))) {
                    tell(p, g);
                    moved++;
                }
            }
        }
        return moved;
    }

    private void tell(Seats.Place promoted, Group g) {
        Course c = course(g.courseId());
        notices.tell(promoted, "civic.mail.coursePromoted", locale -> new Object[] {c.title(locale), g.name()});
    }

    /** The people registered by phone, for the operator to call those who moved up and left no e-mail. */
    public List<Seats.Place> byPhone(long groupId) {
        access.require(CivicEvents.ON_BEHALF);
        return seats.byPhone(group(groupId).rosterId());
    }

    private void requireOpen(Group g) {
        if (!open(g)) {
            throw Refusal.conflict("civic.error.courseRegistrationOver");
        }
    }

    /** A priority group the community lists, or none for a blank value. */
    private @Nullable CoursePriority priority(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return priorities().stream().filter(p -> p.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> Refusal.field("priority", "civic.error.coursePriority"));
    }

    // ---- attendance and certificates

    public boolean isStaff() {
        return access.currentUserHasAny(List.of(STAFF));
    }

    /** The registered participants with the lessons they attended and their certificates: staff only. */
    public List<Attendance> attendance(long groupId) {
        access.require(STAFF);
        Group g = group(groupId);
        return attendanceOf(g);
    }

    private List<Attendance> attendanceOf(Group g) {
        Map<Long, Set<Long>> attended = new HashMap<>();
        jdbc.query("select a.place_id, a.lesson_id from civic_course_attendance a join civic_course_lesson l on l.id = a.lesson_id"
                + " where l.group_id = ?", rs -> {
                    attended.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                }, g.id());
        Map<Long, String> codes = new HashMap<>();
        jdbc.query("select place_id, verify_code from civic_course_certificate where group_id = ?", rs -> {
            codes.put(rs.getLong(1), rs.getString(2));
        }, g.id());
        return seats.places(g.rosterId()).stream().filter(p -> p.status() == Seats.Status.REGISTERED)
                .map(p -> new Attendance(p, Set.copyOf(attended.getOrDefault(p.id(), Set.of())), codes.get(p.id()))).toList();
    }

    /**
     * Marks a registered participant present at a lesson (or not). Reaching the programme's
     * threshold issues the completion certificate (once; a certificate issued stays).
     */
    public @Nullable Certificate mark(long groupId, long lessonId, long placeId, boolean present) {
        access.require(STAFF);
        Group g = group(groupId);
        Lesson lesson = lessons(groupId).stream().filter(l -> l.id() == lessonId).findFirst()
                .orElseThrow(() -> Refusal.badInput("civic.error.noLesson"));
        Seats.Place place = seats.places(g.rosterId()).stream().filter(p -> p.id() == placeId && p.status() == Seats.Status.REGISTERED)
                .findFirst().orElseThrow(() -> Refusal.conflict("civic.error.courseNotRegistered"));
        long by = AccessControl.requireUser().accountId();
        return tx.execute(s -> {
            if (present) {
                jdbc.update("insert into civic_course_attendance (lesson_id, place_id, community_id, marked_at, marked_by_account_id)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing", lesson.id(), place.id(), community(), Timestamp.from(Instant.now(clock)), by);
            } else {
                jdbc.update("delete from civic_course_attendance where lesson_id = ? and place_id = ?", lesson.id(), place.id());
            }
            Course c = course(g.courseId());
            Integer attended = jdbc.queryForObject("select count(*) from civic_course_attendance where place_id = ?", Integer.class, place.id());
            if (attended != null && attended >= c.threshold()) {
                return issue(g, place, attended, by);
            }
            return null;
        });
    }

    /** Issues the certificate (in the caller's transaction), or returns the one issued already. */
    private Certificate issue(Group g, Seats.Place place, int attended, @Nullable Long by) {
        int made = jdbc.update("insert into civic_course_certificate (community_id, group_id, place_id, person_id, name, verify_code, attended,"
                + " issued_at, issued_by_account_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (place_id) do nothing", community(), g.id(),
                place.id(), place.personId(), place.name(), newCode(), attended, Timestamp.from(Instant.now(clock)), by);
        Certificate c = jdbc.queryForObject(CERTIFICATE + " where place_id = ?", (rs, i) -> certificate(rs), place.id());
        if (made == 1 && by != null) {
            audit.record("civic.course.certificateIssued", "civic_course_certificate", c.id(), g.name());
        }
        return c;
    }

    /** Issues certificates without a role check: the demo's history. */
    @Transactional
    public void issueQualified(long groupId) {
        Group g = group(groupId);
        Course c = course(g.courseId());
        for (Attendance a : attendanceOf(g)) {
            if (a.count() >= c.threshold() && a.certificate() == null) {
                issue(g, a.place(), a.count(), null);
            }
        }
    }

    /** Marks attendance without a role check: the demo's history. */
    public void markForDemo(long lessonId, long placeId) {
        jdbc.update("insert into civic_course_attendance (lesson_id, place_id, community_id, marked_at) values (?, ?, ?, ?) on conflict do nothing",
                lessonId, placeId, community(), Timestamp.from(Instant.now(clock)));
    }

    /** The certificate of a place, for its holder or staff. */
    public Certificate certificate(long groupId, long placeId) {
        Group g = group(groupId);
        Certificate c = jdbc.query(CERTIFICATE + " where group_id = ? and place_id = ? and community_id = ?", (rs, i) -> certificate(rs),
                g.id(), placeId, community()).stream().findFirst().orElseThrow(() -> new NotFoundException("civic.error.noCertificate"));
        boolean holder = c.personId() != null && identity.currentPerson().map(p -> p.personId() == c.personId()).orElse(false);
        if (!holder) {
            if (AccessControl.currentUser().isEmpty()) {
                AccessControl.requireUser();
            }
            access.require(STAFF);
        }
        return c;
    }

    /** The signed-in person's certificate in a group, if issued. */
    public Optional<Certificate> myCertificate(Group g) {
        return myPlace(g).flatMap(p -> jdbc.query(CERTIFICATE + " where place_id = ?", (rs, i) -> certificate(rs), p.id()).stream().findFirst());
    }

    /** Verifies a typed code (leniently read), showing the holder's initials only. */
    public Verification verify(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isEmpty()) {
            return new Verification(State.UNKNOWN, typed.replaceAll("[^A-Za-z0-9-]", ""), null, null, null, null, 0);
        }
        List<Certificate> found = jdbc.query(CERTIFICATE + " where verify_code = ? and community_id = ?", (rs, i) -> certificate(rs),
                code.get(), community());
        if (found.isEmpty()) {
            return new Verification(State.UNKNOWN, readable(code.get()), null, null, null, null, 0);
        }
        Certificate c = found.get(0);
        Group g = group(c.groupId());
        return new Verification(State.VALID, readable(c.code()), initials(c.name()), course(g.courseId()), g, c.issuedAt(), c.attended());
    }

    static String initials(String name) {
        StringBuilder s = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
                s.append(s.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append('.');
            }
        }
        return s.isEmpty() ? "—" : s.toString();
    }

    // ---- verify codes: 16 characters of Crockford's base 32, printed in groups of four

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    static String newCode() {
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** A typed code in its stored form: any case, spaces and dashes ignored, O read as 0 and I or L as 1. */
    public static Optional<String> normalise(String typed) {
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != 16 || s.chars().anyMatch(ch -> ALPHABET.indexOf(ch) < 0)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public static String readable(String code) {
        return code.length() != 16 ? code : code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
    }

    // ---- rows

    private static final String COURSE = "select id, title_uk, title_en, description_uk, description_en, lessons, threshold from civic_course";
    private static final String GROUP = "select g.id, g.course_id, g.name, g.place, g.roster_id,"
            + " (select min(l.starts_at) from civic_course_lesson l where l.group_id = g.id) as starts_at,"
            + " (select max(l.ends_at) from civic_course_lesson l where l.group_id = g.id) as ends_at from civic_course_group g";
    private static final String CERTIFICATE = "select id, group_id, place_id, person_id, name, verify_code, attended, issued_at"
            + " from civic_course_certificate";

    private static Group group(ResultSet rs) throws SQLException {
        Timestamp starts = rs.getTimestamp(6);
        Timestamp ends = rs.getTimestamp(7);
        return new Group(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), starts == null ? null : starts.toInstant(),
                ends == null ? null : ends.toInstant());
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        long person = rs.getLong(4);
        Long personId = rs.wasNull() ? null : person;
        return new Certificate(rs.getLong(1), rs.getLong(2), rs.getLong(3), personId, rs.getString(5), rs.getString(6), rs.getInt(7),
                rs.getTimestamp(8).toInstant());
    }

    private static long community() {
        return CurrentCommunity.require().id();
    }
}
