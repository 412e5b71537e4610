package ua.viche.platform.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private Instant occurredAt;
    private @Nullable Long actorId;
    private String actorName;
    private String action;
    private String objectType;
    private @Nullable String objectId;
    private @Nullable String details;

    protected AuditEntry() {}

    public AuditEntry(Instant occurredAt, @Nullable Long actorId, String actorName, String action, String objectType,
                      @Nullable String objectId, @Nullable String details) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.details = details;
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public @Nullable Long getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public String getAction() { return action; }
    public String getObjectType() { return objectType; }
    public @Nullable String getObjectId() { return objectId; }
    public @Nullable String getDetails() { return details; }
}
