package ua.viche.budget.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A project of a cycle and its rules. States: draft → submitted → admitted | rejected (review);
 * admitted → won | lost (results). The author edits a draft; the reviewer may revise the cost
 * (both breakdowns stay visible); the author may reply to the review once.
 */
@Entity
@Table(name = "budget_project")
@Indexed(index = "project", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "title,summary,description,address,status,implementation,submittedAt")))
public class Project implements SearchDocument {

    public enum Status { DRAFT, SUBMITTED, ADMITTED, REJECTED, WON, LOST }

    public enum Implementation { PLANNED, PROCUREMENT, IN_PROGRESS, DONE, CANCELLED }

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 1000;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_LINES = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long cycleId;
    private long categoryId;
    private long authorPersonId;
    private @Nullable Long authorAccountId;
    private String authorName;
    private String title;
    private String summary;
    private String description;
    private @Nullable Double latitude;
    private @Nullable Double longitude;
    private @Nullable String address;

    @Enumerated(EnumType.STRING)
    private Status status = Status.DRAFT;

    private long cost;
    private @Nullable Long revisedCost;
    private @Nullable Long departmentId;
    private @Nullable String reviewReason;
    private @Nullable String reviewedByName;
    private @Nullable Instant reviewedAt;
    private @Nullable String authorReply;
    private @Nullable Instant authorRepliedAt;
    private @Nullable String councilDecision;
    private Instant createdAt;
    private @Nullable Instant submittedAt;
    private int supportCount;
    private int voteCount;

    @Enumerated(EnumType.STRING)
    private @Nullable Implementation implementation;

    private long spent;

    @Version
    private long version;

    protected Project() {}

    /** What the author writes. The place is optional, but when given it has both coordinates or an address. */
    public record Draft(long categoryId, String title, String summary, String description, @Nullable Double latitude,
                        @Nullable Double longitude, @Nullable String address, List<CostLine.Item> costs) {}

    Project(long cycleId, long authorPersonId, @Nullable Long authorAccountId, String authorName, Instant now) {
        this.cycleId = cycleId;
        this.authorPersonId = authorPersonId;
        this.authorAccountId = authorAccountId;
        this.authorName = authorName;
        this.createdAt = now;
    }

    /** Checks and takes the author's text, place and costs (the place against the community's area, by the caller). */
    void write(Draft d, long categoryAmount) {
        Cycle.require(status == Status.DRAFT, "budget.error.notDraft");
        Cycle.require(!d.title().isBlank() && d.title().length() <= MAX_TITLE, "budget.error.title");
        Cycle.require(!d.summary().isBlank() && d.summary().length() <= MAX_SUMMARY, "budget.error.summary");
        Cycle.require(d.description().strip().length() >= 50 && d.description().length() <= MAX_DESCRIPTION,
                "budget.error.description");
        Cycle.require((d.latitude() == null) == (d.longitude() == null), "budget.error.place");
        Cycle.require(!d.costs().isEmpty() && d.costs().size() <= MAX_LINES, "budget.error.costLines");
        d.costs().forEach(CostLine.Item::check);
        long total = total(d.costs());
        Cycle.require(total > 0, "budget.error.costZero");
        Cycle.require(total <= categoryAmount, "budget.error.costOverCategory");
        categoryId = d.categoryId();
        title = d.title().strip();
        summary = d.summary().strip();
        description = d.description().strip();
        latitude = d.latitude();
        longitude = d.longitude();
        address = d.address() == null || d.address().isBlank() ? null : d.address().strip();
        cost = total;
    }

    static long total(List<CostLine.Item> items) {
        long sum = 0;
        for (CostLine.Item i : items) {
            sum = Math.addExact(sum, i.total());
        }
        return sum;
    }

    void submit(Instant now) {
        Cycle.require(status == Status.DRAFT, "budget.error.notDraft");
        status = Status.SUBMITTED;
        submittedAt = now;
    }

    void supported() {
        Cycle.require(status == Status.SUBMITTED, "budget.error.notSupportable");
        supportCount++;
    }

    /** The review: feasible or not, with reasons; a revised cost (from a revised breakdown) when the reviewer changed it. */
    void review(boolean feasible, String reason, @Nullable Long newCost, long categoryAmount, int supportsNeeded,
                @Nullable Long department, String reviewer, Instant now) {
        Cycle.require(status == Status.SUBMITTED || status == Status.ADMITTED || status == Status.REJECTED, "budget.error.notReviewable");
        Cycle.require(!reason.isBlank() && reason.length() <= 4000, "budget.error.reason");
        Cycle.require(!feasible || supportCount >= supportsNeeded, "budget.error.supportsMissing");
        Cycle.require(newCost == null || (newCost > 0 && newCost <= categoryAmount), "budget.error.costOverCategory");
        status = feasible ? Status.ADMITTED : Status.REJECTED;
        reviewReason = reason.strip();
        revisedCost = newCost == null || newCost == cost ? null : newCost;
        departmentId = department;
        reviewedByName = reviewer;
        reviewedAt = now;
    }

    /** The author answers the review once. */
    void reply(String text, Instant now) {
        Cycle.require(reviewedAt != null, "budget.error.notReviewed");
        Cycle.require(authorReply == null, "budget.error.alreadyReplied");
        Cycle.require(!text.isBlank() && text.length() <= 4000, "budget.error.reply");
        authorReply = text.strip();
        authorRepliedAt = now;
    }

    void assignTo(long department) {
        Cycle.require(status == Status.SUBMITTED, "budget.error.notReviewable");
        departmentId = department;
    }

    void councilDecision(String text) {
        Cycle.require(reviewedAt != null, "budget.error.notReviewed");
        Cycle.require(!text.isBlank() && text.length() <= 2000, "budget.error.decision");
        councilDecision = text.strip();
    }

    void result(boolean won, int votes) {
        Cycle.require(status == Status.ADMITTED, "budget.error.notAdmitted");
        status = won ? Status.WON : Status.LOST;
        voteCount = votes;
        if (won) {
            implementation = Implementation.PLANNED;
        }
    }

    void implementation(Implementation state, long spentNow) {
        Cycle.require(status == Status.WON, "budget.error.notWinner");
        Cycle.require(spentNow >= 0 && spentNow <= Math.max(effectiveCost(), 1) * 2, "budget.error.spent");
        implementation = state;
        spent = spentNow;
    }

    /** The cost that counts for the results: the revised one when the reviewer changed it. */
    public long effectiveCost() {
        return revisedCost != null ? revisedCost : cost;
    }

    public boolean votable() {
        return votable(status);
    }

    public boolean publiclyVisible() {
        return publiclyVisible(status);
    }

    static boolean votable(Status status) {
        return status == Status.ADMITTED;
    }

    static boolean publiclyVisible(Status status) {
        return status != Status.DRAFT;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public long getCycleId() { return cycleId; }
    public long getCategoryId() { return categoryId; }
    public long getAuthorPersonId() { return authorPersonId; }
    public @Nullable Long getAuthorAccountId() { return authorAccountId; }
    public String getAuthorName() { return authorName; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getDescription() { return description; }
    public @Nullable Double getLatitude() { return latitude; }
    public @Nullable Double getLongitude() { return longitude; }
    public @Nullable String getAddress() { return address; }
    public Status getStatus() { return status; }
    public long getCost() { return cost; }
    public @Nullable Long getRevisedCost() { return revisedCost; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public @Nullable String getReviewReason() { return reviewReason; }
    public @Nullable String getReviewedByName() { return reviewedByName; }
    public @Nullable Instant getReviewedAt() { return reviewedAt; }
    public @Nullable String getAuthorReply() { return authorReply; }
    public @Nullable String getCouncilDecision() { return councilDecision; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getSubmittedAt() { return submittedAt; }
    public int getSupportCount() { return supportCount; }
    public int getVoteCount() { return voteCount; }
    public @Nullable Implementation getImplementation() { return implementation; }
    public long getSpent() { return spent; }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "budget_project"; }

    @Override public String searchTitle() { return title; }

    @Override
    public String searchText() {
        return summary + "\n\n" + description + (address == null ? "" : "\n" + address);
    }

    @Override
    public SearchStatus searchStatus() {
        return switch (status) {
            case ADMITTED -> SearchStatus.OPEN;
            case DRAFT, SUBMITTED -> SearchStatus.IN_WORK;
            case WON -> implementation == Implementation.DONE ? SearchStatus.DONE
                    : implementation == Implementation.CANCELLED ? SearchStatus.CLOSED : SearchStatus.IN_WORK;
            case REJECTED, LOST -> SearchStatus.CLOSED;
        };
    }

    @Override public @Nullable LocalDate searchDate() { return submittedAt == null ? null : Dates.day(submittedAt); }

    @Override public @Nullable LocalDate searchPublicFrom() { return publiclyVisible() ? LocalDate.EPOCH : null; }

    @Override public String searchPath() { return "budget/projects/" + id; }
}
