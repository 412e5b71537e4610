package ua.viche.monitoring.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;

/**
 * A figure's value for a quarter, as a department entered it: the value, a comment, who and when,
 * and the coordinator's decision (accepted, or returned with a reason). A later entry for the same
 * quarter replaces this one as the current entry; this one stays as history.
 */
@Entity
@Table(name = "monitoring_entry")
public class Entry {

    public enum Status { ENTERED, ACCEPTED, RETURNED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long figureId;
    private int year;
    private int quarter;
    private BigDecimal value;
    private String comment;
    @Enumerated(EnumType.STRING)
    private Status status;
    private boolean current;
    private @Nullable Long enteredBy;
    private Instant enteredAt;
    private @Nullable Long decidedBy;
    private @Nullable Instant decidedAt;
    private String reason;

    protected Entry() {}

    Entry(long figureId, int year, int quarter, BigDecimal value, String comment,
          @Nullable Long enteredBy, Instant enteredAt) {
        this.figureId = figureId;
        this.year = year;
        this.quarter = quarter;
        this.value = value;
        this.comment = comment;
        this.status = Status.ENTERED;
        this.current = true;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
        this.reason = "";
    }

    void replaced() {
        current = false;
    }

    void accept(@Nullable Long by, Instant at) {
        decide(Status.ACCEPTED, by, at, "");
    }

    void giveBack(@Nullable Long by, Instant at, String why) {
        if (why.isBlank() || why.length() > 2000) {
            throw Refusal.field("reason", "monitoring.error.reason");
        }
        decide(Status.RETURNED, by, at, why.strip());
    }

    private void decide(Status to, @Nullable Long by, Instant at, String why) {
        if (status != Status.ENTERED || !current) {
            throw Refusal.conflict("monitoring.error.decided");
        }
        status = to;
        decidedBy = by;
        decidedAt = at;
        reason = why;
    }

    public Long getId() { return id; }
    public long getFigureId() { return figureId; }
    public int getYear() { return year; }
    public int getQuarter() { return quarter; }
    public BigDecimal getValue() { return value; }
    public String getComment() { return comment; }
    public Status getStatus() { return status; }
    public boolean isCurrent() { return current; }
    public @Nullable Long getEnteredBy() { return enteredBy; }
    public Instant getEnteredAt() { return enteredAt; }
    public @Nullable Long getDecidedBy() { return decidedBy; }
    public @Nullable Instant getDecidedAt() { return decidedAt; }
    public String getReason() { return reason; }
}
