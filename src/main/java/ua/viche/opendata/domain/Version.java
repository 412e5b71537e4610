package ua.viche.opendata.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One version of a resource: its number, size, SHA-256 and time; an uploaded one's bytes are an attachment. */
@Entity
@Table(name = "opendata_version")
public class Version {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long resourceId;
    private int number;
    private long sizeBytes;
    private String sha256;
    private @Nullable Long attachmentId;
    private Instant createdAt;

    protected Version() {}

    public Version(long resourceId, int number, long sizeBytes, String sha256, Instant at) {
        this.resourceId = resourceId;
        this.number = number;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.createdAt = at;
    }

    public void storedAs(long attachmentId) {
        this.attachmentId = attachmentId;
    }

    public Long getId() { return id; }
    public long getResourceId() { return resourceId; }
    public int getNumber() { return number; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public @Nullable Long getAttachmentId() { return attachmentId; }
    public Instant getCreatedAt() { return createdAt; }
}
