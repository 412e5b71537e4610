package ua.viche.appeals.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import org.hibernate.annotations.TenantId;

/** A file sent with an appeal by the applicant, or with the answer by an official. */
@Entity
@Table(name = "appeal_attachment")
public class AppealAttachment {

    public static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    public static final int MAX_FILES = 5;
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long appealId;
    private boolean answer;
    private String fileKey;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private Instant createdAt;

    protected AppealAttachment() {}

    public AppealAttachment(long appealId, boolean answer, String fileKey, String fileName, String contentType, long sizeBytes,
                            Instant createdAt) {
        this.appealId = appealId;
        this.answer = answer;
        this.fileKey = fileKey;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getAppealId() { return appealId; }
    public boolean isAnswer() { return answer; }
    public String getFileKey() { return fileKey; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public Instant getCreatedAt() { return createdAt; }
}
