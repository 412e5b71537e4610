package ua.viche.budget.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A photo of a project: the author's, or one of an implementation update. JPEG or PNG by content. */
@Entity
@Table(name = "budget_photo")
public class Photo {

    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png");
    public static final int MAX_FILES = 5;
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long projectId;
    private @Nullable Long updateId;
    private String fileKey;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private Instant createdAt;

    protected Photo() {}

    Photo(long projectId, @Nullable Long updateId, String fileKey, String fileName, String contentType, long sizeBytes,
          Instant createdAt) {
        this.projectId = projectId;
        this.updateId = updateId;
        this.fileKey = fileKey;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public @Nullable Long getUpdateId() { return updateId; }
    public String getFileKey() { return fileKey; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public Instant getCreatedAt() { return createdAt; }
}
