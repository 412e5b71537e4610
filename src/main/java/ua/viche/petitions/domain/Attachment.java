package ua.viche.petitions.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import org.hibernate.annotations.TenantId;

/** A PDF or image attached to a petition by its author. */
@Entity
@Table(name = "petition_attachment")
public class Attachment {

    public static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    public static final int MAX_FILES = 5;
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long petitionId;
    private String fileKey;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private Instant uploadedAt;

    protected Attachment() {}

    public Attachment(long petitionId, String fileKey, String fileName, String contentType, long sizeBytes, Instant uploadedAt) {
        this.petitionId = petitionId;
        this.fileKey = fileKey;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public long getPetitionId() { return petitionId; }
    public String getFileKey() { return fileKey; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
}
