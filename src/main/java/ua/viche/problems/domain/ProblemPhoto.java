package ua.viche.problems.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import org.hibernate.annotations.TenantId;

/** A photo of a report (JPEG or PNG by content), kept in the file store. */
@Entity
@Table(name = "problem_photo")
public class ProblemPhoto {

    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png");
    public static final int MAX_FILES = 5;
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long reportId;
    private String fileKey;
    private String contentType;
    private long sizeBytes;
    private Instant uploadedAt;

    protected ProblemPhoto() {}

    public ProblemPhoto(long reportId, String fileKey, String contentType, long sizeBytes, Instant uploadedAt) {
        this.reportId = reportId;
        this.fileKey = fileKey;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public long getReportId() { return reportId; }
    public String getFileKey() { return fileKey; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
}
