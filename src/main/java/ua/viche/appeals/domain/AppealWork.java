package ua.viche.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.appeals.AppealAnswered;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Department;
import ua.viche.platform.FileStore;
import ua.viche.platform.Mailer;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.WorkingDays;

/**
 * Officials' work on appeals of the departments their roles cover: the work queue and its tabs,
 * assigning, routing, notes, urgency, extending the term, answering, returning, closing; and the
 * reminders of appeals coming due.
 */
@Service
public class AppealWork
{

    private final AppealRepository appeals;
    private final AppealCategoryRepository categories;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Communities communities;
    private final WorkingDays days;
    private final Clock clock;
    private final AppealRecords records;
    private final ApplicationEventPublisher events;

    AppealWork(AppealRepository appeals, AppealCategoryRepository categories, Identity identity, AccessControl access, AuditLog audit, Mailer mailer, Communities communities, WorkingDays days, Clock clock, AppealRecords records,
               ApplicationEventPublisher events) {
        this.events = events;
        this.appeals = appeals;
        this.categories = categories;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.communities = communities;
        this.days = days;
        this.clock = clock;
        this.records = records;
    }

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
        String like = words.isBlank() ? "" : "%" + words.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // the due-day window and the executor narrow the open appeals (overdue: before today; due soon: today to N days)
        LocalDate today = records.today();
        LocalDate from = which == Queue.DUE_SOON ? today : FIRST_DAY;
        LocalDate to = which == Queue.OVERDUE ? today.minusDays(1) : which == Queue.DUE_SOON ? today.plusDays(records.reminderDays()) : LAST_DAY;
        long executor = which == Queue.MINE ? AccessControl.requireUser().accountId() : -1;
        return appeals.findQueue(statuses, all, departments, like, from, to, which != Queue.MINE, executor, request);
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private AccessControl.Scope handlerScope() {
        return access.scope(AppealRecords.HANDLERS).orElseThrow(() -> new AccessDeniedException("role required"));
    }

    /** Counts for the queue's tabs (count queries, one scope lookup). */
    @Transactional(readOnly = true)
    public Map<Queue, Long> queueCounts() {
        AccessControl.Scope scope = handlerScope();
        Map<Queue, Long> counts = new EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            counts.put(q, queue(scope, q, null, "", PageRequest.of(0, 1)).getTotalElements());
        }
        return counts;
    }

    @Transactional
    public Appeal assign(long id, long executorAccountId) {
        Appeal a = records.forAction(id);
        Identity.PersonRef executor = identity.staff(Role.OFFICIAL, a.getDepartmentId()).stream()
                .filter(p -> p.accountId() == executorAccountId).findFirst()
                .orElseThrow(() -> Refusal.of("appeal.error.executor"));
        a.assign(executor.accountId(), executor.name());
        records.log(a, "assigned", false, records.actorName(), executor.name());
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
        Appeal a = records.forAction(id);
        AppealCategory category = categoryId == null ? null
                : categories.findById(categoryId).orElseThrow(() -> Refusal.of("appeal.error.category"));
        boolean newTopic = category != null && !category.getId().equals(a.getCategoryId());
        Long department = departmentId != null ? records.department(departmentId).id()
                : newTopic && category.getDepartmentId() != null ? category.getDepartmentId() : a.getDepartmentId();
        a.route(category != null ? category.getId() : a.getCategoryId(), department);
        String where = department == null ? "—" : records.department(department).nameUk();
        records.log(a, "routed", false, records.actorName(), where);
        audit.record("appeal.routed", "appeal", a.getId(), where);
        return a;
    }

    @Transactional
    public Appeal note(long id, String text) {
        Appeal a = records.forAction(id);
        if (text.isBlank() || text.length() > 4000) {
            throw Refusal.of("appeal.error.note");
        }
        records.log(a, "note", true, records.actorName(), text.strip());
        return a;
    }

    @Transactional
    public Appeal markUrgent(long id) {
        Appeal a = records.forAction(id);
        a.markUrgent(days);
        records.log(a, "urgent", false, records.actorName(), AppealRecords.day(a.getDueOn()));
        audit.record("appeal.urgent", "appeal", a.getId(), a.getDueOn().toString());
        return a;
    }

    @Transactional
    public Appeal extend(long id, LocalDate newDue, String reason) {
        Appeal a = records.forAction(id);
        a.extend(newDue, reason, Instant.now(clock), days);
        records.log(a, "extended", false, records.actorName(), reason.strip());
        audit.record("appeal.extended", "appeal", a.getId(), newDue + " " + reason.strip());
        records.tell(a, "mail.appeal.extended", a.getRegistrationNumber(), AppealRecords.day(a.getDueOn()), a.getExtendedReason(), records.link(a));
        return a;
    }

    @Transactional
    public Appeal answer(long id, String text, List<FileStore.Upload> uploads) {
        Appeal a = records.forAction(id);
        AppealRecords.checkUploads(uploads, records.answerFiles(a.getId()));
        a.answer(text, records.actorName(), Instant.now(clock));
        records.store(a, uploads, true);
        records.log(a, "answered", false, records.actorName(), null);
        audit.record("appeal.answered", "appeal", a.getId(), a.getRegistrationNumber());
        records.tell(a, "mail.appeal.answered", a.getRegistrationNumber(), records.link(a));
        events.publishEvent(new AppealAnswered(a.getCommunityId(), a.getId(), a.getRegistrationNumber(), a.getApplicantAccountId(),
                AppealService.url(a), Instant.now(clock)));
        return a;
    }

    @Transactional
    public Appeal returnToApplicant(long id, String reason) {
        Appeal a = records.forAction(id);
        a.returnToApplicant(reason, records.today(), Instant.now(clock), days);
        records.log(a, "returned", false, records.actorName(), reason.strip());
        audit.record("appeal.returned", "appeal", a.getId(), reason.strip());
        records.tell(a, "mail.appeal.returned", a.getRegistrationNumber(), a.getReturnedReason(), records.link(a));
        return a;
    }

    @Transactional
    public Appeal close(long id) {
        Appeal a = records.forAction(id);
        a.close(Instant.now(clock));
        records.log(a, "closed", false, records.actorName(), null);
        audit.record("appeal.closed", "appeal", a.getId(), a.getRegistrationNumber());
        return a;
    }


    /** Reminds executors (or the department) of open appeals due within the reminder period; once per appeal. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int remindDue() {
        int sent = 0;
        for (Long id : appeals.findDueForReminder(Appeal.OPEN, records.today().plusDays(records.reminderDays()))) {
            Appeal a = appeals.findForUpdate(id).orElseThrow();
            String to = Optional.ofNullable(a.getExecutorAccountId()).flatMap(identity::person).map(Identity.PersonRef::email)
                    .or(() -> Optional.ofNullable(a.getDepartmentId()).flatMap(communities::department).map(Department::email))
                    .orElse(null);
            if (to != null) {
                mailer.send(to, AppealRecords.UK, "mail.appeal.reminder", a.getRegistrationNumber(), AppealRecords.day(a.getDueOn()), records.link(a));
                sent++;
            }
            a.reminded(Instant.now(clock));
        }
        return sent;
    }
}
