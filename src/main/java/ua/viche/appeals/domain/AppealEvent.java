package ua.viche.appeals.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One entry of an appeal's history; internal entries (officials' notes) are never shown to the applicant. */
@Entity
@Table(name = "appeal_event")
public class AppealEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long appealId;
    private Instant at;
    private String kind;
    private boolean internal;
    private @Nullable String authorName;
    private @Nullable String text;

    protected AppealEvent() {}

    public AppealEvent(long appealId, Instant at, String kind, boolean internal, @Nullable String authorName, @Nullable String text) {
        this.appealId = appealId;
        this.at = at;
        this.kind = kind;
        this.internal = internal;
        this.authorName = authorName;
        this.text = text;
    }

    public Long getId() { return id; }
    public long getAppealId() { return appealId; }
    public Instant getAt() { return at; }
    /** Message key suffix: {@code appeal.event.<kind>}. */
    public String getKind() { return kind; }
    public boolean isInternal() { return internal; }
    public @Nullable String getAuthorName() { return authorName; }
    public @Nullable String getText() { return text; }
}
