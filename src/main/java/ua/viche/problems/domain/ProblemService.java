package ua.viche.problems.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore.Upload;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Paging;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;
import ua.viche.platform.VicheSettings;
import ua.viche.problems.ProblemStatusChanged;
import ua.viche.search.SearchIndexing;

/** The problem-report use cases, for the current community. */
@Service
public class ProblemService {


    private static final Locale UK = Locale.forLanguageTag("uk");

    private final MessageSource messages;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,100}$");

    private final ProblemReportRepository reports;
    private final ProblemCategoryRepository categories;
    private final ProblemUpdateRepository updates;
    private final Attachments photos;
    private final ProblemSubscriberRepository subscribers;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Communities communities;
    private final VicheSettings settings;
    private final Clock clock;
    private final SearchIndexing searchIndexing;
    private final ApplicationEventPublisher events;

    ProblemService(ProblemReportRepository reports, ProblemCategoryRepository categories, ProblemUpdateRepository updates,
                   Attachments photos, ProblemSubscriberRepository subscribers, JdbcTemplate jdbc,
                   Identity identity, AccessControl access, AuditLog audit, Mailer mailer, Communities communities,
                   VicheSettings settings, Clock clock, MessageSource messages, SearchIndexing searchIndexing,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.messages = messages;
        this.searchIndexing = searchIndexing;
        this.reports = reports;
        this.categories = categories;
        this.updates = updates;
        this.photos = photos;
        this.subscribers = subscribers;
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.mailer = mailer;
        this.communities = communities;
        this.settings = settings;
        this.clock = clock;
    }


    /** What a reporter sends; {@code source} is web, api or open311. */
    public record Submission(long categoryId, @Nullable Double latitude, @Nullable Double longitude, @Nullable String address,
                             String description, @Nullable String name, @Nullable String email, @Nullable String phone,
                             boolean hideName, @Nullable String mediaUrl, List<Upload> photos, String idempotencyKey,
                             String source) {}

    /** The report of a submission and whether this call created it (false: the key was used before). */
    public record Submitted(ProblemReport report, boolean created) {}

    // ---- reporting

    /** The area of the current community. */
    public Community.Area area() {
        return CurrentCommunity.require().area().orElse(Community.Area.UKRAINE);
    }

    /**
     * Checks a submission and creates its report, or returns the report already created with the same
     * idempotency key (the database's unique constraint decides between concurrent submissions).
     */
    @Transactional
    public Submitted submit(Submission s) {
        if (!KEY.matcher(s.idempotencyKey()).matches()) {
            throw Refusal.of("problem.error.key");
        }
        Optional<ProblemReport> earlier = reports.findByIdempotencyKey(s.idempotencyKey());
        if (earlier.isPresent()) {
            return new Submitted(earlier.get(), false);
        }
        ProblemCategory category = categories.findById(s.categoryId()).filter(ProblemCategory::isActive)
                .orElseThrow(() -> Refusal.field("categoryId", "problem.error.category"));
        check(s);
        Instant now = Instant.now(clock);
        SignedInUser user = AccessControl.currentUser().orElse(null);
        String token = UUID.randomUUID().toString();
        Long id = jdbc.query("""
                insert into problem_report (community_id, category_id, status, latitude, longitude, address, description,
                  reporter_name, reporter_email, reporter_phone, reporter_account_id, hide_name, media_url, source,
                  idempotency_key, token, created_at, updated_at)
                values (?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (community_id, idempotency_key) do nothing returning id
                """, rs -> rs.next() ? rs.getLong(1) : null,
                CurrentCommunity.require().id(), category.getId(), s.latitude(), s.longitude(), blankToNull(s.address()),
                s.description().strip(), blankToNull(s.name()), blankToNull(s.email()), blankToNull(s.phone()),
                user == null ? null : user.accountId(), s.hideName(), blankToNull(s.mediaUrl()), s.source(),
                s.idempotencyKey(), token, Timestamp.from(now), Timestamp.from(now));
        if (id == null) { // a concurrent submission with the same key committed first
            return new Submitted(reports.findByIdempotencyKey(s.idempotencyKey()).orElseThrow(), false);
        }
        ProblemReport report = reports.findById(id).orElseThrow();
        searchIndexing.written(report);
        updates.save(new ProblemUpdate(id, ProblemStatus.NEW, null, null, false, now));
        photos.store(owner(id), PHOTOS, s.photos());
        String email = blankToNull(s.email());
        if (email != null) {
            subscribers.save(new ProblemSubscriber(id, email.toLowerCase(Locale.ROOT), true, UUID.randomUUID().toString(), now));
            mailer.send(email, UK, "mail.problem.received", id, category.getNameUk(), link(report));
        }
        return new Submitted(report, true);
    }

    private void check(Submission s) {
        String d = s.description().strip();
        if (d.isEmpty()) {
            throw Refusal.field("description", "problem.error.description");
        }
        if (d.length() > ProblemReport.MAX_DESCRIPTION) {
            throw Refusal.field("description", "problem.error.descriptionLong");
        }
        if ((s.latitude() == null) != (s.longitude() == null)) {
            throw Refusal.field("latitude", "problem.error.coordinatesPair");
        }
        if (s.latitude() == null && blankToNull(s.address()) == null) {
            throw Refusal.field("address", "problem.error.location");
        }
        if (s.latitude() != null && !area().contains(s.latitude(), s.longitude())) {
            throw Refusal.field("latitude", "problem.error.outsideArea");
        }
        if (s.address() != null && s.address().strip().length() > 300) {
            throw Refusal.field("address", "problem.error.addressLong");
        }
        if (s.name() != null && s.name().strip().length() > 200) {
            throw Refusal.field("name", "problem.error.nameLong");
        }
        String email = blankToNull(s.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw Refusal.field("email", "problem.error.email");
        }
        if (s.phone() != null && s.phone().strip().length() > 40) {
            throw Refusal.field("phone", "problem.error.phone");
        }
        if (s.mediaUrl() != null && !s.mediaUrl().isBlank()
                && (s.mediaUrl().length() > 500 || !s.mediaUrl().matches("^https?://\\S+$"))) {
            throw Refusal.field("media_url", "problem.error.mediaUrl");
        }
        PHOTOS.refusal(s.photos(), 0).ifPresent(r -> {
            throw Refusal.field("photos", switch (r) {
                case TOO_MANY -> "problem.error.tooManyPhotos";
                case TOO_LARGE -> "problem.error.photoTooLarge";
                case TYPE -> "problem.error.photoType";
            });
        });
    }

    /** The report already created with this idempotency key, if any (a form sent again). */
    @Transactional(readOnly = true)
    public Optional<ProblemReport> submitted(String idempotencyKey) {
        return reports.findByIdempotencyKey(idempotencyKey);
    }

    /** Open reports of the category within {@link ProblemReport#NEARBY_METRES} of the point, nearest first. */
    @Transactional(readOnly = true)
    public List<ProblemReport> nearby(long categoryId, double lat, double lon) {
        double dLat = ProblemReport.NEARBY_METRES / 111_000.0;
        double dLon = dLat / Math.max(0.1, Math.cos(Math.toRadians(lat)));
        return reports.findInBox(categoryId, ProblemStatus.OPEN, lat - dLat, lat + dLat, lon - dLon, lon + dLon).stream()
                .filter(r -> ProblemReport.distance(lat, lon, r.getLatitude(), r.getLongitude()) <= ProblemReport.NEARBY_METRES)
                .sorted(Comparator.comparingDouble(r -> ProblemReport.distance(lat, lon, r.getLatitude(), r.getLongitude())))
                .toList();
    }

    // ---- reading (all reports are public; the reporter's name only unless hidden, never the e-mail)

    @Transactional(readOnly = true)
    public ProblemReport report(long id) {
        return reports.findById(id).orElseThrow(ProblemService::notFound);
    }

    @Transactional(readOnly = true)
    public Optional<ProblemReport> byToken(String token) {
        return reports.findByToken(token);
    }

    @Transactional(readOnly = true)
    public List<ProblemReport> reportedBy(long accountId) {
        return reports.findTop20ByReporterAccountIdOrderByIdDesc(accountId);
    }

    @Transactional(readOnly = true)
    public List<ProblemReport> byIds(Collection<Long> ids) {
        return reports.findByIdIn(ids);
    }

    /** Everything a report's page shows. */
    public record ReportPage(ProblemReport report, ProblemCategory category, List<ProblemUpdate> history,
                             List<Attachment> photos) {}

    @Transactional(readOnly = true)
    public ReportPage page(long id) {
        ProblemReport r = report(id);
        return new ReportPage(r, categories.findById(r.getCategoryId()).orElseThrow(),
                updates.findByReportIdOrderByCreatedAtAscIdAsc(id), photos.list(owner(id)));
    }

    /** The public history of a report. */
    @Transactional(readOnly = true)
    public List<ProblemUpdate> history(long reportId) {
        return updates.findByReportIdOrderByCreatedAtAscIdAsc(reportId);
    }

    @Transactional(readOnly = true)
    public List<Attachment> photos(long reportId) {
        return photos.list(owner(report(reportId).getId()));
    }

    @Transactional(readOnly = true)
    public Attachment photo(long reportId, long photoId) {
        return photos.find(List.of(owner(report(reportId).getId())), photoId).orElseThrow(ProblemService::notFound);
    }

    /** Photos of a report: JPEG or PNG by content, at most 5 of 5 MB, named by their type (a file name could tell about the reporter). */
    private static final Attachments.Policy PHOTOS = Attachments.Policy.PHOTOS.anonymousNames();

    /** A report as the owner of its photos. */
    public static Attachments.Owner owner(long reportId) {
        return new Attachments.Owner("problems", "report", reportId);
    }

    /** Reports filtered by states, category (0 = any) and department (null = any), newest first. */
    @Transactional(readOnly = true)
    public Page<ProblemReport> list(Collection<ProblemStatus> statuses, long categoryId, @Nullable Long departmentId,
                                    int page, int size) {
        return reports.findFiltered(statuses, categoryId, departmentId, Paging.of(page, size,
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id"))));
    }

    @Transactional(readOnly = true)
    public List<ProblemReport> forOpen311(Collection<ProblemStatus> statuses, @Nullable Collection<Long> categoryIds,
                                          Instant from, Instant to, int max) {
        return reports.findForOpen311(statuses, categoryIds == null, categoryIds == null ? List.of(-1L) : categoryIds,
                from, to, PageRequest.of(0, max));
    }

    @Transactional(readOnly = true)
    public List<ProblemReport> all() {
        return reports.findAllByOrderById();
    }

    @Transactional(readOnly = true)
    public List<ProblemCategory> categories() {
        return categories.findAllByOrderByNameUk();
    }

    @Transactional(readOnly = true)
    public List<ProblemCategory> activeCategories() {
        return categories().stream().filter(ProblemCategory::isActive).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProblemCategory> category(String code) {
        return categories.findByCode(code);
    }

    // ---- officials

    /** Whether the signed-in user may handle reports here (in some department at least). */
    public boolean isOfficial() {
        return access.scope(Role.OFFICIAL, Role.COMMUNITY_ADMIN).isPresent();
    }

    /** Whether the signed-in user may handle this report: their role covers the department its category goes to. */
    public boolean handles(ProblemReport r) {
        Long department = categories.findById(r.getCategoryId()).map(ProblemCategory::getDepartmentId).orElse(null);
        return access.scope(Role.OFFICIAL, Role.COMMUNITY_ADMIN).map(s -> s.covers(department)).orElse(false);
    }

    /** An official moves a report to a new state (or comments on it) publicly; subscribers are told. */
    @Transactional
    public ProblemReport move(long id, ProblemStatus next, String comment, @Nullable Long duplicateOf) {
        SignedInUser user = access.require(Role.OFFICIAL, Role.COMMUNITY_ADMIN);
        ProblemReport r = reports.findForUpdate(id).orElseThrow(ProblemService::notFound);
        if (!handles(r)) {
            throw new AccessDeniedException("not this department's report");
        }
        String text = comment.strip();
        if (text.isEmpty() && next == r.getStatus()) {
            throw Refusal.field("comment", "problem.error.comment");
        }
        if (text.length() > 4000) {
            throw Refusal.field("comment", "problem.error.commentLong");
        }
        if (duplicateOf != null && next == ProblemStatus.DUPLICATE && reports.findById(duplicateOf).isEmpty()) {
            throw Refusal.field("duplicateOf", "problem.error.duplicateOf");
        }
        Instant now = Instant.now(clock);
        ProblemStatus before = r.getStatus();
        r.move(next, duplicateOf, now);
        updates.save(new ProblemUpdate(id, next, text.isEmpty() ? null : text, user.displayName(), true, now));
        audit.record("problem.status", "problem", id, before + " -> " + next + (text.isEmpty() ? "" : ": " + text));
        String link = link(r);
        for (ProblemSubscriber s : subscribers.findByReportIdAndConfirmedTrue(id)) {
            mailer.send(s.getEmail(), UK, "mail.problem.updated", id, statusUk(next), text.isEmpty() ? "—" : text, link,
                    settings.absolute(url(r) + "/unsubscribe?token=" + s.getToken()));
        }
        if (next != before) {
            events.publishEvent(new ProblemStatusChanged(r.getCommunityId(), id, next.name(), statusUk(next),
                    messages.getMessage("problem.status." + next, null, Locale.ENGLISH).toLowerCase(Locale.ENGLISH),
                    r.getReporterAccountId(), url(r), now));
        }
        return r;
    }

    // ---- subscriptions

    /**
     * Subscribes an address to a report's updates. The signed-in person's own address needs no
     * confirmation; another address gets a confirmation link first. Returns true if confirmed now.
     */
    @Transactional
    public boolean subscribe(long id, @Nullable String email) {
        ProblemReport r = report(id);
        Optional<Identity.PersonRef> person = identity.currentPerson();
        String address = person.map(Identity.PersonRef::email).filter(e -> email == null || email.isBlank()
                || e.equalsIgnoreCase(email.strip())).orElse(blankToNull(email));
        if (address == null || !EMAIL.matcher(address).matches() || address.length() > 254) {
            throw Refusal.field("email", "problem.error.email");
        }
        address = address.toLowerCase(Locale.ROOT);
        boolean own = person.map(Identity.PersonRef::email).map(address::equalsIgnoreCase).orElse(false);
        Optional<ProblemSubscriber> existing = subscribers.findByReportIdAndEmail(id, address);
        if (existing.isPresent()) {
            if (own) {
                existing.get().confirm();
            }
            return existing.get().isConfirmed();
        }
        ProblemSubscriber s = subscribers.save(new ProblemSubscriber(id, address, own, UUID.randomUUID().toString(),
                Instant.now(clock)));
        if (!own) {
            mailer.send(address, UK, "mail.problem.subscribe", id, settings.absolute(url(r) + "/subscribe/confirm?token="
                    + s.getToken()));
        }
        return own;
    }

    /** Confirms a subscription from the link in its e-mail; returns the report's id. */
    @Transactional
    public long confirmSubscription(String token) {
        ProblemSubscriber s = subscribers.findByToken(token).orElseThrow(ProblemService::notFound);
        s.confirm();
        return s.getReportId();
    }

    /** Ends a subscription from the link in an update e-mail; returns the report's id. */
    @Transactional
    public long unsubscribe(String token) {
        ProblemSubscriber s = subscribers.findByToken(token).orElseThrow(ProblemService::notFound);
        subscribers.delete(s);
        return s.getReportId();
    }

    // ---- categories (community admin)

    @Transactional
    public ProblemCategory saveCategory(String code, String nameUk, String nameEn, @Nullable Long departmentId, boolean active) {
        access.require(Role.COMMUNITY_ADMIN);
        if (!code.matches("^[a-z0-9_-]{2,40}$")) {
            throw Refusal.field("code", "problem.error.code");
        }
        if (nameUk.isBlank() || nameEn.isBlank() || nameUk.length() > 200 || nameEn.length() > 200) {
            throw Refusal.field("nameUk", "problem.error.categoryName");
        }
        if (departmentId != null && communities.department(departmentId).isEmpty()) {
            throw Refusal.field("departmentId", "problem.error.department");
        }
        ProblemCategory c = categories.findByCode(code).orElse(null);
        if (c == null) {
            c = categories.save(new ProblemCategory(code, nameUk, nameEn, departmentId));
            audit.record("problem.category.created", "problem_category", c.getId(), code);
        } else {
            c.update(nameUk, nameEn, departmentId, active);
            audit.record("problem.category.changed", "problem_category", c.getId(), code + (active ? "" : " (inactive)"));
        }
        return c;
    }

    // ---- helpers

    public static String url(ProblemReport r) {
        return "/" + CurrentCommunity.require().slug() + "/problems/" + r.getId();
    }

    private String link(ProblemReport r) {
        return settings.absolute(url(r));
    }

    /** The state's name as a Ukrainian e-mail says it mid-sentence ("… № 5: вирішено"). */
    private String statusUk(ProblemStatus s) {
        return messages.getMessage("problem.status." + s, null, UK).toLowerCase(UK);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("problem.error.notFound");
    }

    /** Ids of a comma list ("1,2, 3"); anything that is not a number is ignored. */
    public static List<Long> ids(String list) {
        List<Long> ids = new ArrayList<>();
        for (String p : list.split(",")) {
            try {
                ids.add(Long.parseLong(p.strip()));
            } catch (NumberFormatException e) {
                // ignored
            }
        }
        return ids;
    }
}
