package ua.viche.appeals.domain;

import ua.viche.platform.Refusal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.appeals.AppealsModule;
import ua.viche.identity.AssuranceLevel;
import ua.viche.identity.Identity;
import ua.viche.petitions.PetitionForwardedAsAppeal;
import ua.viche.platform.Paging;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AppealTerms;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.FileStore;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;

/**
 * The appeal use cases for the current community, whatever the channel (web, hotline, forwarded
 * petition). Rules live in {@link Appeal} and {@link AppealTerms}. A resident sees only their
 * own appeals; officials see their departments' (all when their role is not tied to a department).
 */
@Service
public class AppealService {

    private static final Locale UK = Locale.forLanguageTag("uk");
    /** Roles that see appeals of the departments they cover. */
    private static final Role[] HANDLERS = {Role.OFFICIAL, Role.COMMUNITY_ADMIN, Role.HOTLINE_OPERATOR};
    /** Roles that act on appeals (assign, answer, extend…). */
    private static final Role[] ACTORS = {Role.OFFICIAL, Role.COMMUNITY_ADMIN};

    private final AppealRepository appeals;
    private final AppealCategoryRepository categories;
    private final AppealEventRepository events;
    private final Attachments attachments;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final WorkingDays days;
    private final Communities communities;
    private final Clock clock;
    private final VicheSettings settings;
    private final org.springframework.context.MessageSource messages;

    AppealService(AppealRepository appeals, AppealCategoryRepository categories, AppealEventRepository events,
                  Attachments attachments, JdbcTemplate jdbc, Identity identity,
                  AccessControl access, AuditLog audit, Mailer mailer, WorkingDays days, Communities communities,
                  Clock clock, VicheSettings settings, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.appeals = appeals;
        this.categories = categories;
        this.events = events;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.days = days;
        this.communities = communities;
        this.clock = clock;
        this.settings = settings;
    }

    /** What an appeal says, as the applicant (or the operator for them) wrote it. */
    public record Request(Appeal.Kind kind, @Nullable Long categoryId, String subject, String text, String address,
                          @Nullable String phone, @Nullable String benefit) {}

    // ---- applicants

    /** Files an appeal from the web by the signed-in person (e-mail confirmed: the answer goes there). */
    @Transactional
    public Appeal file(Request request, List<FileStore.Upload> uploads) {
        Identity.PersonRef person = applicant();
        checkUploads(uploads, 0);
        Appeal a = register(Appeal.Channel.WEB, new Appeal.Applicant(person.personId(), person.accountId(), person.name(),
                request.address(), person.email(), request.phone(), request.benefit()), request, Instant.now(clock));
        store(a, uploads, false);
        return a;
    }

    /** Registers a call to the hotline on the caller's behalf (the operator types what the caller says). */
    @Transactional
    public Appeal registerCall(Request request, String name, @Nullable String email, List<FileStore.Upload> uploads) {
        SignedInUser operator = access.require(Role.HOTLINE_OPERATOR, Role.COMMUNITY_ADMIN);
        checkUploads(uploads, 0);
        Appeal a = register(Appeal.Channel.HOTLINE, new Appeal.Applicant(null, null, name, request.address(), email,
                request.phone(), request.benefit()), request, Instant.now(clock));
        a.registeredBy(operator.accountId());
        store(a, uploads, false);
        audit.record("appeal.registeredCall", "appeal", a.getId(), a.getRegistrationNumber());
        return a;
    }

    /** A complaint about the answer to one's own appeal, linked to it. */
    @Transactional
    public Appeal complain(long parentId, String text, List<FileStore.Upload> uploads) {
        Identity.PersonRef person = applicant();
        Appeal parent = appeals.findById(parentId).filter(viewer()::applicant).orElseThrow(AppealService::notFound);
        if (!parent.answerAppealable()) {
            throw Refusal.of("appeal.error.notAnswered");
        }
        checkUploads(uploads, 0);
        // the appeal is the council's record, kept in Ukrainian whatever the language of the page
        String subject = trim(messages.getMessage("appeal.complaint.subject",
                new Object[] {parent.getRegistrationNumber(), parent.getSubject()}, UK), Appeal.MAX_SUBJECT);
        Request request = new Request(Appeal.Kind.COMPLAINT, parent.getCategoryId(), subject, text, parent.getApplicantAddress(),
                parent.getApplicantPhone(), parent.getBenefit());
        // the complaint keeps the topic and department of the appeal it is about, as they stand now
        Appeal a = register(Appeal.Channel.WEB, new Appeal.Applicant(person.personId(), person.accountId(), person.name(),
                parent.getApplicantAddress(), person.email(), parent.getApplicantPhone(), parent.getBenefit()), request,
                parent.getDepartmentId(), Instant.now(clock));
        a.complaintAbout(parent);
        store(a, uploads, false);
        log(parent, "complained", false, person.name(), a.getRegistrationNumber());
        return a;
    }

    @Transactional
    public Appeal rate(long id, int value, @Nullable String comment) {
        Appeal a = appeals.findForUpdate(id).filter(viewer()::applicant).orElseThrow(AppealService::notFound);
        a.rate(value, comment, Instant.now(clock));
        log(a, "rated", false, a.getApplicantName(), value + (a.getRatingComment() == null ? "" : " — " + a.getRatingComment()));
        return a;
    }

    /** The signed-in person's appeals, newest first. */
    @Transactional(readOnly = true)
    public List<Appeal> mine() {
        return identity.currentPerson().map(p -> appeals.findByApplicantPersonIdOrderByReceivedAtDesc(p.personId()))
                .orElse(List.of());
    }

    // ---- officials

    /** Which part of the work queue to show. */
    public enum Queue { OPEN, OVERDUE, DUE_SOON, MINE, ANSWERED, CLOSED, RETURNED }

    /** Appeals of the official's departments in one part of the queue; benefit holders first, then by due day. */
    @Transactional(readOnly = true)
    public Page<Appeal> queue(Queue which, @Nullable Long department, int page, int size) {
        return queue(which, department, "", page, size);
    }

    /** The queue narrowed to appeals whose number, subject or applicant contains the words. */
    @Transactional(readOnly = true)
    public Page<Appeal> queue(Queue which, @Nullable Long department, String words, int page, int size) {
        return queue(handlerScope(), which, department, words, Paging.of(page, size));
    }

    private Page<Appeal> queue(AccessControl.Scope scope, Queue which, @Nullable Long department, String words, PageRequest request) {
        Set<Appeal.Status> statuses = switch (which) {
            case ANSWERED -> Set.of(Appeal.Status.ANSWERED);
            case CLOSED -> Set.of(Appeal.Status.CLOSED);
            case RETURNED -> Set.of(Appeal.Status.RETURNED);
            default -> Appeal.OPEN;
        };
        boolean all = scope.all() && department == null;
        Set<Long> departments = department != null ? (scope.covers(department) ? Set.of(department) : Set.of(-1L))
                : scope.departments().isEmpty() ? Set.of(-1L) : scope.departments();
        String like = words.isBlank() ? "" : "%" + words.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // the due-day window and the executor narrow the open appeals (overdue: before today; due soon: today to N days)
        LocalDate today = today();
        LocalDate from = which == Queue.DUE_SOON ? today : FIRST_DAY;
        LocalDate to = which == Queue.OVERDUE ? today.minusDays(1) : which == Queue.DUE_SOON ? today.plusDays(reminderDays()) : LAST_DAY;
        long executor = which == Queue.MINE ? AccessControl.requireUser().accountId() : -1;
        return appeals.findQueue(statuses, all, departments, like, from, to, which != Queue.MINE, executor, request);
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private AccessControl.Scope handlerScope() {
        return access.scope(HANDLERS).orElseThrow(() -> new AccessDeniedException("role required"));
    }

    /** Counts for the queue's tabs (count queries, one scope lookup). */
    @Transactional(readOnly = true)
    public java.util.Map<Queue, Long> queueCounts() {
        AccessControl.Scope scope = handlerScope();
        java.util.Map<Queue, Long> counts = new java.util.EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            counts.put(q, queue(scope, q, null, "", PageRequest.of(0, 1)).getTotalElements());
        }
        return counts;
    }

    @Transactional
    public Appeal assign(long id, long executorAccountId) {
        Appeal a = forAction(id);
        Identity.PersonRef executor = identity.staff(Role.OFFICIAL, a.getDepartmentId()).stream()
                .filter(p -> p.accountId() == executorAccountId).findFirst()
                .orElseThrow(() -> Refusal.of("appeal.error.executor"));
        a.assign(executor.accountId(), executor.name());
        log(a, "assigned", false, actorName(), executor.name());
        audit.record("appeal.assigned", "appeal", a.getId(), executor.name());
        return a;
    }

    /**
     * Forwards the appeal: to a department chosen by hand, or to the department of a newly chosen
     * category. What the request leaves out is kept: no category keeps the appeal's topic, and the
     * same category, or one not tied to a department, keeps its department.
     */
    @Transactional
    public Appeal route(long id, @Nullable Long categoryId, @Nullable Long departmentId) {
        Appeal a = forAction(id);
        AppealCategory category = categoryId == null ? null
                : categories.findById(categoryId).orElseThrow(() -> Refusal.of("appeal.error.category"));
        boolean newTopic = category != null && !category.getId().equals(a.getCategoryId());
        Long department = departmentId != null ? department(departmentId).id()
                : newTopic && category.getDepartmentId() != null ? category.getDepartmentId() : a.getDepartmentId();
        a.route(category != null ? category.getId() : a.getCategoryId(), department);
        String where = department == null ? "—" : department(department).nameUk();
        log(a, "routed", false, actorName(), where);
        audit.record("appeal.routed", "appeal", a.getId(), where);
        return a;
    }

    @Transactional
    public Appeal note(long id, String text) {
        Appeal a = forAction(id);
        if (text.isBlank() || text.length() > 4000) {
            throw Refusal.of("appeal.error.note");
        }
        log(a, "note", true, actorName(), text.strip());
        return a;
    }

    @Transactional
    public Appeal markUrgent(long id) {
        Appeal a = forAction(id);
        a.markUrgent(days);
        log(a, "urgent", false, actorName(), day(a.getDueOn()));
        audit.record("appeal.urgent", "appeal", a.getId(), a.getDueOn().toString());
        return a;
    }

    @Transactional
    public Appeal extend(long id, LocalDate newDue, String reason) {
        Appeal a = forAction(id);
        a.extend(newDue, reason, Instant.now(clock), days);
        log(a, "extended", false, actorName(), reason.strip());
        audit.record("appeal.extended", "appeal", a.getId(), newDue + " " + reason.strip());
        tell(a, "mail.appeal.extended", a.getRegistrationNumber(), day(a.getDueOn()), a.getExtendedReason(), link(a));
        return a;
    }

    @Transactional
    public Appeal answer(long id, String text, List<FileStore.Upload> uploads) {
        Appeal a = forAction(id);
        checkUploads(uploads, attachments.count(files(a.getId(), true)));
        a.answer(text, actorName(), Instant.now(clock));
        store(a, uploads, true);
        log(a, "answered", false, actorName(), null);
        audit.record("appeal.answered", "appeal", a.getId(), a.getRegistrationNumber());
        tell(a, "mail.appeal.answered", a.getRegistrationNumber(), link(a));
        return a;
    }

    @Transactional
    public Appeal returnToApplicant(long id, String reason) {
        Appeal a = forAction(id);
        a.returnToApplicant(reason, today(), Instant.now(clock), days);
        log(a, "returned", false, actorName(), reason.strip());
        audit.record("appeal.returned", "appeal", a.getId(), reason.strip());
        tell(a, "mail.appeal.returned", a.getRegistrationNumber(), a.getReturnedReason(), link(a));
        return a;
    }

    @Transactional
    public Appeal close(long id) {
        Appeal a = forAction(id);
        a.close(Instant.now(clock));
        log(a, "closed", false, actorName(), null);
        audit.record("appeal.closed", "appeal", a.getId(), a.getRegistrationNumber());
        return a;
    }

    /** Officials the appeal can be assigned to (those of its department, and community-wide ones). */
    @Transactional(readOnly = true)
    public List<Identity.PersonRef> executors(Appeal a) {
        return identity.staff(Role.OFFICIAL, a.getDepartmentId());
    }

    // ---- other channels and jobs

    /**
     * Registers a petition whose collection ended below the threshold as an appeal of its author
     * (once per petition, however often the event is delivered). In a transaction of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Appeal> fromPetition(PetitionForwardedAsAppeal e) {
        if (appeals.findBySourcePetitionId(e.petitionId()).isPresent()) {
            return Optional.empty();
        }
        String text = e.text() + "\n\n— " + messages.getMessage("appeal.fromPetition",
                new Object[] {String.valueOf(e.signatureCount()), settings.absolute(e.url())}, UK);
        Request request = new Request(Appeal.Kind.PROPOSAL, null, trim(e.title(), Appeal.MAX_SUBJECT),
                trim(text, Appeal.MAX_TEXT), "—", null, null);
        Appeal a = register(Appeal.Channel.PETITION, new Appeal.Applicant(e.authorPersonId(), null, e.authorName(),
                "—", e.authorEmail(), null, null), request, Instant.now(clock));
        a.forwardedFrom(e.petitionId());
        return Optional.of(a);
    }

    /** Reminds executors (or the department) of open appeals due within the reminder period; once per appeal. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int remindDue() {
        int sent = 0;
        for (Long id : appeals.findDueForReminder(Appeal.OPEN, today().plusDays(reminderDays()))) {
            Appeal a = appeals.findForUpdate(id).orElseThrow();
            String to = Optional.ofNullable(a.getExecutorAccountId()).flatMap(identity::person).map(Identity.PersonRef::email)
                    .or(() -> Optional.ofNullable(a.getDepartmentId()).flatMap(communities::department).map(Department::email))
                    .orElse(null);
            if (to != null) {
                mailer.send(to, UK, "mail.appeal.reminder", a.getRegistrationNumber(), day(a.getDueOn()), link(a));
                sent++;
            }
            a.reminded(Instant.now(clock));
        }
        return sent;
    }

    // ---- reading

    /** An appeal the current user may see: the applicant's own, or one of the official's departments. Others: 404. */
    @Transactional(readOnly = true)
    public Appeal visible(long id) {
        Viewer viewer = viewer();
        return appeals.findById(id).filter(a -> viewer.applicant(a) || viewer.handles(a)).orElseThrow(AppealService::notFound);
    }

    /** Everything an appeal's page shows, read in one transaction. */
    @Transactional(readOnly = true)
    public AppealPage page(long id) {
        Viewer viewer = viewer();
        Appeal a = appeals.findById(id).filter(x -> viewer.applicant(x) || viewer.handles(x)).orElseThrow(AppealService::notFound);
        boolean official = viewer.handles(a);
        boolean acts = viewer.acts(a);
        List<AppealEvent> history = events.findByAppealIdOrderByAtAscIdAsc(a.getId()).stream()
                .filter(e -> official || !e.isInternal()).toList();
        return new AppealPage(a, category(a.getCategoryId()).orElse(null),
                a.getDepartmentId() == null ? null : communities.department(a.getDepartmentId()).orElse(null),
                history, attachments(a.getId()), official, acts, viewer.applicant(a),
                a.getParentAppealId() == null ? null : appeals.findById(a.getParentAppealId()).map(Appeal::getRegistrationNumber).orElse(null),
                appeals.findByParentAppealIdOrderById(a.getId()).stream().filter(c -> viewer.applicant(c) || viewer.handles(c)).toList(),
                acts ? executors(a) : List.of());
    }

    /** An appeal with what its page shows to the current user. */
    public record AppealPage(Appeal appeal, @Nullable AppealCategory category, @Nullable Department department,
                             List<AppealEvent> history, List<Attachment> attachments, boolean official, boolean canAct,
                             boolean applicant, @Nullable String parentNumber, List<Appeal> complaints,
                             List<Identity.PersonRef> executors) {}

    @Transactional(readOnly = true)
    public Attachment attachment(long appealId, long attachmentId) {
        Appeal a = visible(appealId);
        return attachments.find(List.of(files(a.getId(), false), files(a.getId(), true)), attachmentId)
                .orElseThrow(AppealService::notFound);
    }

    /** The applicant's files, then the answer's. */
    private List<Attachment> attachments(long appealId) {
        List<Attachment> all = new ArrayList<>(attachments.list(files(appealId, false)));
        all.addAll(attachments.list(files(appealId, true)));
        return all;
    }

    /** An appeal as the owner of the files its applicant sent, or of those sent with its answer. */
    static Attachments.Owner files(long appealId, boolean answer) {
        return new Attachments.Owner("appeals", answer ? "answer" : "appeal", appealId);
    }

    @Transactional(readOnly = true)
    public List<AppealCategory> categories() {
        return categories.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    public List<AppealCategory> activeCategories() {
        return categories().stream().filter(AppealCategory::isActive).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AppealCategory> category(@Nullable Long id) {
        return id == null ? Optional.empty() : categories.findById(id);
    }

    /** Creates or changes a category (community admins). */
    @Transactional
    public AppealCategory saveCategory(@Nullable Long id, String code, String nameUk, String nameEn, @Nullable Long departmentId,
                                       int position, boolean active) {
        access.require(Role.COMMUNITY_ADMIN);
        if (nameUk.isBlank() || nameEn.isBlank() || nameUk.length() > 200 || nameEn.length() > 200) {
            throw Refusal.of("appeal.error.categoryName");
        }
        if (departmentId != null) {
            department(departmentId);
        }
        AppealCategory c;
        if (id == null) {
            if (!code.matches("[a-z0-9-]{2,40}")) {
                throw Refusal.of("appeal.error.categoryCode");
            }
            if (categories.findByCode(code).isPresent()) {
                throw Refusal.of("appeal.error.categoryCodeTaken");
            }
            c = categories.save(new AppealCategory(code, nameUk, nameEn, departmentId, position));
            c.update(nameUk, nameEn, departmentId, position, active);
        } else {
            c = categories.findById(id).orElseThrow(AppealService::notFound);
            c.update(nameUk, nameEn, departmentId, position, active);
        }
        audit.record("appeal.categorySaved", "appeal_category", c.getId(), c.getCode() + " → " + departmentId);
        return c;
    }

    public boolean canHandleAppeals() {
        return access.scope(HANDLERS).isPresent();
    }

    public boolean canRegisterCalls() {
        return access.currentUserHas(Role.HOTLINE_OPERATOR) || access.currentUserHas(Role.COMMUNITY_ADMIN);
    }

    /** Whether the signed-in user may file an appeal, and what is missing if not. */
    public ua.viche.identity.Eligibility eligibility() {
        ua.viche.identity.Eligibility e = identity.eligibility();
        return new ua.viche.identity.Eligibility(e.person(), e.level(), AssuranceLevel.EMAIL_CONFIRMED, true, false);
    }

    public Optional<Identity.PersonRef> currentPerson() {
        return identity.currentPerson();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    public int reminderDays() {
        return AppealsModule.REMINDER_DAYS.value();
    }

    public static String url(Appeal a) {
        return "/" + CurrentCommunity.require().slug() + "/appeals/" + a.getId();
    }

    // ---- internals

    private Appeal register(Appeal.Channel channel, Appeal.Applicant applicant, Request request, Instant now) {
        Long department = null;
        if (request.categoryId() != null) {
            AppealCategory category = categories.findById(request.categoryId()).filter(AppealCategory::isActive)
                    .orElseThrow(() -> Refusal.of("appeal.error.category"));
            department = category.getDepartmentId();
        } else if (channel != Appeal.Channel.PETITION) {
            throw Refusal.of("appeal.error.category");
        }
        return register(channel, applicant, request, department, now);
    }

    /** Registers an appeal whose category (if any) and department are already settled. */
    private Appeal register(Appeal.Channel channel, Appeal.Applicant applicant, Request request, @Nullable Long department,
                            Instant now) {
        LocalDate registeredOn = AppealTerms.registrationDay(now, AppealsModule.CLOSES.value(), days);
        // The number is taken in this transaction: a refused appeal rolls it back, so numbers have no gaps.
        Appeal a = appeals.save(Appeal.register(nextNumber(registeredOn.getYear()), channel, applicant,
                new Appeal.Content(request.kind(), request.subject(), request.text(), request.categoryId(), department),
                now, registeredOn, days));
        log(a, "registered", false, null, day(a.getDueOn()));
        tell(a, "mail.appeal.registered", a.getRegistrationNumber(), a.getSubject(), day(a.getDueOn()), link(a));
        return a;
    }

    /** Takes the next registration number of the community and year, e.g. {@code К-2026-000123}. */
    private String nextNumber(int year) {
        Community c = CurrentCommunity.require();
        Integer n = jdbc.queryForObject("insert into appeal_number (community_id, year, last_number) values (?, ?, 1)"
                + " on conflict (community_id, year) do update set last_number = appeal_number.last_number + 1"
                + " returning last_number", Integer.class, c.id(), year);
        String prefix = AppealsModule.PREFIX.value(c);
        prefix = prefix.isEmpty() ? c.nameUk().substring(0, 1).toUpperCase(UK) : prefix;
        return "%s-%d-%06d".formatted(prefix, year, n);
    }

    private Identity.PersonRef applicant() {
        ua.viche.identity.Eligibility e = eligibility();
        if (!e.allowed()) {
            throw Refusal.of(e.reasonKey());
        }
        return e.signedInPerson();
    }

    private Appeal forAction(long id) {
        Appeal a = appeals.findForUpdate(id).orElseThrow(AppealService::notFound);
        Viewer viewer = viewer();
        if (!viewer.acts(a)) {
            if (viewer.applicant(a) || viewer.handles(a)) {
                throw new AccessDeniedException("role required");
            }
            throw notFound();
        }
        return a;
    }

    /** The applicant is matched by person, so that a petition's author sees the appeal it became. */
    /** Who is looking, read once: the person (the applicant is matched by person) and where their roles reach. */
    private record Viewer(@Nullable Long personId, Optional<AccessControl.Scope> handlers, Optional<AccessControl.Scope> actors) {

        boolean applicant(Appeal a) {
            return personId != null && personId.equals(a.getApplicantPersonId());
        }

        boolean handles(Appeal a) {
            return handlers.map(s -> s.covers(a.getDepartmentId())).orElse(false);
        }

        boolean acts(Appeal a) {
            return actors.map(s -> s.covers(a.getDepartmentId())).orElse(false);
        }
    }

    private Viewer viewer() {
        return new Viewer(identity.currentPerson().map(Identity.PersonRef::personId).orElse(null), access.scope(HANDLERS),
                access.scope(ACTORS));
    }

    private String actorName() {
        return AccessControl.requireUser().displayName();
    }

    private Department department(long id) {
        return communities.department(id).orElseThrow(() -> Refusal.of("appeal.error.department"));
    }

    private void log(Appeal a, String kind, boolean internal, @Nullable String author, @Nullable String text) {
        events.save(new AppealEvent(a.getId(), Instant.now(clock), kind, internal, author, text));
    }

    private void tell(Appeal a, String key, Object... args) {
        if (a.getApplicantEmail() != null) {
            mailer.send(a.getApplicantEmail(), UK, key, args);
        }
    }

    private String link(Appeal a) {
        return settings.absolute(url(a));
    }

    private static void checkUploads(List<FileStore.Upload> uploads, long existing) {
        Attachments.Policy.DOCUMENTS.refusal(uploads, existing)
                .ifPresent(r -> { throw Refusal.of("appeal.error." + r.key()); });
    }

    private void store(Appeal a, List<FileStore.Upload> uploads, boolean answer) {
        attachments.store(files(a.getId(), answer), Attachments.Policy.DOCUMENTS, uploads);
    }

    private static String day(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    private static String trim(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static NotFoundException notFound() {
        return new NotFoundException("appeal.notFound");
    }

    /** For lists that show many appeals: the categories by id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, AppealCategory> categoriesById() {
        java.util.Map<Long, AppealCategory> map = new java.util.HashMap<>();
        categories().forEach(c -> map.put(c.getId(), c));
        return map;
    }
}
