package ua.viche.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import ua.viche.appeals.AppealsModule;
import ua.viche.identity.AssuranceLevel;
import ua.viche.identity.Eligibility;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.FileStore;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.VicheSettings;

/**
 * What the appeal use cases share: who is looking and what their roles reach, the appeal an
 * official may act on, its history, the applicant's mail, attachments, the community's day.
 */
@Component
class AppealRecords
{

    private final AppealRepository appeals;
    private final AppealEventRepository events;
    private final Attachments attachments;
    private final Identity identity;
    private final AccessControl access;
    private final Mailer mailer;
    private final Communities communities;
    private final Clock clock;
    private final VicheSettings settings;

    AppealRecords(AppealRepository appeals, AppealEventRepository events, Attachments attachments, Identity identity, AccessControl access, Mailer mailer, Communities communities, Clock clock, VicheSettings settings) {
        this.appeals = appeals;
        this.events = events;
        this.attachments = attachments;
        this.identity = identity;
        this.access = access;
        this.mailer = mailer;
        this.communities = communities;
        this.clock = clock;
        this.settings = settings;
    }

    static final Locale UK = Locale.forLanguageTag("uk");
    /** Roles that see appeals of the departments they cover. */
    static final Role[] HANDLERS = {Role.OFFICIAL, Role.COMMUNITY_ADMIN, Role.HOTLINE_OPERATOR};
    /** Roles that act on appeals (assign, answer, extend…). */
    static final Role[] ACTORS = {Role.OFFICIAL, Role.COMMUNITY_ADMIN};

    /** Whether the signed-in user may file an appeal (an e-mail confirmed, no residency needed), and what is missing if not. */
    Eligibility eligibility() {
        Eligibility e = identity.eligibility();
        return new Eligibility(e.person(), e.level(), AssuranceLevel.EMAIL_CONFIRMED, true, false);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    int reminderDays() {
        return AppealsModule.REMINDER_DAYS.value();
    }

    Appeal forAction(long id) {
        Appeal a = appeals.findForUpdate(id).orElseThrow(AppealRecords::notFound);
        Viewer viewer = viewer();
        if (!viewer.acts(a)) {
            if (viewer.applicant(a) || viewer.handles(a)) {
                throw new AccessDeniedException("role required");
            }
            throw notFound();
        }
        return a;
    }

    /** Who is looking, read once: the person (the applicant is matched by person) and where their roles reach. */
    record Viewer(@Nullable Long personId, Optional<AccessControl.Scope> handlers, Optional<AccessControl.Scope> actors) {

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

    Viewer viewer() {
        return new Viewer(identity.currentPerson().map(Identity.PersonRef::personId).orElse(null), access.scope(HANDLERS),
                access.scope(ACTORS));
    }

    String actorName() {
        return AccessControl.requireUser().displayName();
    }

    Department department(long id) {
        return communities.department(id).orElseThrow(() -> Refusal.of("appeal.error.department"));
    }

    void log(Appeal a, String kind, boolean internal, @Nullable String author, @Nullable String text) {
        events.save(new AppealEvent(a.getId(), Instant.now(clock), kind, internal, author, text));
    }

    void tell(Appeal a, String key, Object... args) {
        if (a.getApplicantEmail() != null) {
            mailer.send(a.getApplicantEmail(), UK, key, args);
        }
    }

    String link(Appeal a) {
        return settings.absolute(AppealService.url(a));
    }



    static void checkUploads(List<FileStore.Upload> uploads, long existing) {
        Attachments.Policy.DOCUMENTS.refusal(uploads, existing)
                .ifPresent(r -> { throw Refusal.of("appeal.error." + r.key()); });
    }

    void store(Appeal a, List<FileStore.Upload> uploads, boolean answer) {
        attachments.store(files(a.getId(), answer), Attachments.Policy.DOCUMENTS, uploads);
    }

    /** The applicant's files, then the answer's. */
    List<Attachment> attachments(long appealId) {
        List<Attachment> all = new ArrayList<>(attachments.list(files(appealId, false)));
        all.addAll(attachments.list(files(appealId, true)));
        return all;
    }

    /** How many files the answer of an appeal has. */
    long answerFiles(long appealId) {
        return attachments.count(files(appealId, true));
    }

    /** One file of an appeal, its applicant's or its answer's. */
    Optional<Attachment> attachment(long appealId, long attachmentId) {
        return attachments.find(List.of(files(appealId, false), files(appealId, true)), attachmentId);
    }

    /** An appeal as the owner of the files its applicant sent, or of those sent with its answer. */
    static Attachments.Owner files(long appealId, boolean answer) {
        return new Attachments.Owner("appeals", answer ? "answer" : "appeal", appealId);
    }

    static String day(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    static String trim(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static NotFoundException notFound() {
        return new NotFoundException("appeal.notFound");
    }
}
