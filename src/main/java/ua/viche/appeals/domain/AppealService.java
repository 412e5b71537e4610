package ua.viche.appeals.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Eligibility;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AppealTerms;
import ua.viche.platform.Attachment;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Reading appeals and their categories in the current community: a resident sees only their own
 * appeals, officials see their departments' (all when their role is not tied to a department).
 * Registering is {@link AppealRegistration}, officials' work {@link AppealWork}; rules live in
 * {@link Appeal} and {@link AppealTerms}.
 */
@Service
public class AppealService
{

    private final AppealRepository appeals;
    private final AppealCategoryRepository categories;
    private final AppealEventRepository events;
    private final Identity identity;
    private final AccessControl access;
    private final AuditLog audit;
    private final Communities communities;
    private final AppealRecords records;

    AppealService(AppealRepository appeals, AppealCategoryRepository categories, AppealEventRepository events, Identity identity, AccessControl access, AuditLog audit, Communities communities, AppealRecords records) {
        this.appeals = appeals;
        this.categories = categories;
        this.events = events;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.communities = communities;
        this.records = records;
    }

    /** The signed-in person's appeals, newest first. */
    @Transactional(readOnly = true)
    public List<Appeal> mine() {
        return identity.currentPerson().map(p -> appeals.findByApplicantPersonIdOrderByReceivedAtDesc(p.personId()))
                .orElse(List.of());
    }


    /** Officials the appeal can be assigned to (those of its department, and community-wide ones). */
    @Transactional(readOnly = true)
    public List<Identity.PersonRef> executors(Appeal a) {
        return identity.staff(Role.OFFICIAL, a.getDepartmentId());
    }


    /** An appeal the current user may see: the applicant's own, or one of the official's departments. Others: 404. */
    @Transactional(readOnly = true)
    public Appeal visible(long id) {
        AppealRecords.Viewer viewer = records.viewer();
        return appeals.findById(id).filter(a -> viewer.applicant(a) || viewer.handles(a)).orElseThrow(AppealRecords::notFound);
    }

    /** Everything an appeal's page shows, read in one transaction. */
    @Transactional(readOnly = true)
    public AppealPage page(long id) {
        AppealRecords.Viewer viewer = records.viewer();
        Appeal a = appeals.findById(id).filter(x -> viewer.applicant(x) || viewer.handles(x)).orElseThrow(AppealRecords::notFound);
        boolean official = viewer.handles(a);
        boolean acts = viewer.acts(a);
        List<AppealEvent> history = events.findByAppealIdOrderByAtAscIdAsc(a.getId()).stream()
                .filter(e -> official || !e.isInternal()).toList();
        return new AppealPage(a, category(a.getCategoryId()).orElse(null),
                a.getDepartmentId() == null ? null : communities.department(a.getDepartmentId()).orElse(null),
                history, records.attachments(a.getId()), official, acts, viewer.applicant(a),
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
        return records.attachment(a.getId(), attachmentId).orElseThrow(AppealRecords::notFound);
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
            records.department(departmentId);
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
            c = categories.findById(id).orElseThrow(AppealRecords::notFound);
            c.update(nameUk, nameEn, departmentId, position, active);
        }
        audit.record("appeal.categorySaved", "appeal_category", c.getId(), c.getCode() + " → " + departmentId);
        return c;
    }

    public boolean canHandleAppeals() {
        return access.scope(AppealRecords.HANDLERS).isPresent();
    }

    public boolean canRegisterCalls() {
        return access.currentUserHas(Role.HOTLINE_OPERATOR) || access.currentUserHas(Role.COMMUNITY_ADMIN);
    }

    /** Whether the signed-in user may file an appeal, and what is missing if not. */
    public Eligibility eligibility() {
        return records.eligibility();
    }

    public Optional<Identity.PersonRef> currentPerson() {
        return identity.currentPerson();
    }

    public LocalDate today() {
        return records.today();
    }

    public int reminderDays() {
        return records.reminderDays();
    }

    public static String url(Appeal a) {
        return "/" + CurrentCommunity.require().slug() + "/appeals/" + a.getId();
    }


    /** For lists that show many appeals: the categories by id. */
    @Transactional(readOnly = true)
    public Map<Long, AppealCategory> categoriesById() {
        Map<Long, AppealCategory> map = new HashMap<>();
        categories().forEach(c -> map.put(c.getId(), c));
        return map;
    }
}
