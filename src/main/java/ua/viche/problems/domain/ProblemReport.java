package ua.viche.problems.domain;

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
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A problem report: a category, a point and/or an address, a description, who reported it (name
 * possibly hidden), and its state. Created by {@link ProblemService#submit} (one row per
 * idempotency key); changed only by officials through {@link #move}.
 */
@Entity
@Table(name = "problem_report")
@Indexed(index = "problem_report", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "description,address,status,createdAt")))
public class ProblemReport implements SearchDocument {

    public static final int MAX_DESCRIPTION = 4000;
    /** Two open reports of one category nearer than this are likely the same problem. */
    public static final double NEARBY_METRES = 150;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long categoryId;

    @Enumerated(EnumType.STRING)
    private ProblemStatus status = ProblemStatus.NEW;

    private @Nullable Double latitude;
    private @Nullable Double longitude;
    private @Nullable String address;
    private String description;
    private @Nullable String reporterName;
    private @Nullable String reporterEmail;
    private @Nullable String reporterPhone;
    private @Nullable Long reporterAccountId;
    private boolean hideName;
    private @Nullable String mediaUrl;
    private @Nullable Long duplicateOfId;
    private String source;
    private String idempotencyKey;
    private String token;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected ProblemReport() {}

    /** Moves the report to the next state; a comment alone (same state) is an official update. */
    public void move(ProblemStatus next, @Nullable Long duplicateOf, Instant now) {
        if (next != status && !status.canMoveTo(next)) {
            throw Refusal.of("problem.error.transition");
        }
        if (next == ProblemStatus.DUPLICATE) {
            if (duplicateOf == null || duplicateOf.equals(id)) {
                throw Refusal.field("duplicateOf", "problem.error.duplicateOf");
            }
            duplicateOfId = duplicateOf;
        }
        status = next;
        updatedAt = now;
    }

    /** The name the public sees, or null when hidden or not given. */
    public @Nullable String publicName() {
        return hideName ? null : reporterName;
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    /** Great-circle distance in metres (haversine). */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public long getCategoryId() { return categoryId; }
    public ProblemStatus getStatus() { return status; }
    public @Nullable Double getLatitude() { return latitude; }
    public @Nullable Double getLongitude() { return longitude; }
    public @Nullable String getAddress() { return address; }
    public String getDescription() { return description; }
    public @Nullable String getReporterName() { return reporterName; }
    public @Nullable String getReporterEmail() { return reporterEmail; }
    public @Nullable String getReporterPhone() { return reporterPhone; }
    public @Nullable Long getReporterAccountId() { return reporterAccountId; }
    public boolean isHideName() { return hideName; }
    public @Nullable String getMediaUrl() { return mediaUrl; }
    public @Nullable Long getDuplicateOfId() { return duplicateOfId; }
    public String getSource() { return source; }
    public String getToken() { return token; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "problem"; }

    /** The description's first line, cut at a word within 90 letters: reports have no title of their own. */
    @Override
    public String searchTitle() {
        String line = description.strip().lines().findFirst().orElse("");
        if (line.length() <= 90) {
            return line;
        }
        int cut = line.lastIndexOf(' ', 90);
        return line.substring(0, cut > 40 ? cut : 90) + "…";
    }

    @Override public String searchText() { return address == null ? description : description + "\n" + address; }

    @Override
    public SearchStatus searchStatus() {
        return switch (status) {
            case NEW, ACKNOWLEDGED -> SearchStatus.OPEN;
            case IN_PROGRESS -> SearchStatus.IN_WORK;
            case RESOLVED -> SearchStatus.DONE;
            case REJECTED, DUPLICATE -> SearchStatus.CLOSED;
        };
    }

    @Override public LocalDate searchDate() { return Dates.day(createdAt); }

    @Override public LocalDate searchPublicFrom() { return LocalDate.EPOCH; }

    @Override public String searchPath() { return "problems/" + id; }
}
