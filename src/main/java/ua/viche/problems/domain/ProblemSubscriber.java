package ua.viche.problems.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** An e-mail address told of a report's updates (once confirmed). */
@Entity
@Table(name = "problem_subscriber")
public class ProblemSubscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long reportId;
    private String email;
    private boolean confirmed;
    private String token;
    private Instant createdAt;

    protected ProblemSubscriber() {}

    public ProblemSubscriber(long reportId, String email, boolean confirmed, String token, Instant createdAt) {
        this.reportId = reportId;
        this.email = email;
        this.confirmed = confirmed;
        this.token = token;
        this.createdAt = createdAt;
    }

    public void confirm() {
        confirmed = true;
    }

    public Long getId() { return id; }
    public long getReportId() { return reportId; }
    public String getEmail() { return email; }
    public boolean isConfirmed() { return confirmed; }
    public String getToken() { return token; }
}
