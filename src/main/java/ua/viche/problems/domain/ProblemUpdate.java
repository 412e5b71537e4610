package ua.viche.problems.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One entry of a report's public history: its state from then on and an official's comment. */
@Entity
@Table(name = "problem_update")
public class ProblemUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long reportId;

    @Enumerated(EnumType.STRING)
    private ProblemStatus status;

    private @Nullable String comment;
    private @Nullable String authorName;
    private boolean official;
    private Instant createdAt;

    protected ProblemUpdate() {}

    public ProblemUpdate(long reportId, ProblemStatus status, @Nullable String comment, @Nullable String authorName,
                         boolean official, Instant createdAt) {
        this.reportId = reportId;
        this.status = status;
        this.comment = comment;
        this.authorName = authorName;
        this.official = official;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getReportId() { return reportId; }
    public ProblemStatus getStatus() { return status; }
    public @Nullable String getComment() { return comment; }
    public @Nullable String getAuthorName() { return authorName; }
    public boolean isOfficial() { return official; }
    public Instant getCreatedAt() { return createdAt; }
}
