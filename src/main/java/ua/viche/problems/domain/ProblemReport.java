package ua.viche.problems.domain;

import ua.viche.platform.Refusal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A problem report: a category, a point and/or an address, a description, who reported it (name
 * possibly hidden), and its state. Created by {@link ProblemService#submit} (one row per
 * idempotency key); changed only by officials through {@link #move}.
 */
@Entity
@Table(name = "problem_report")
public class ProblemReport {

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
}
