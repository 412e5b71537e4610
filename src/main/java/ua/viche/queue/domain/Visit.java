package ua.viche.queue.domain;

import ua.viche.platform.Refusal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A visitor in an office's live queue: a booked visitor who checked in, or a walk-in ticket.
 * {@code queueAt} orders the queue: the booked start for a booked visitor on time, the arrival
 * for everyone else.
 */
@Entity
@Table(name = "cnap_visit")
public class Visit {

    public enum Kind { BOOKED, LIVE }

    public enum Status { WAITING, CALLED, SERVED, NO_SHOW, REDIRECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long officeId;
    private long serviceId;
    private @Nullable Long bookingId;
    private LocalDate day;
    private String ticket;
    private String rateCode;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Instant arrivedAt;
    private Instant queueAt;

    @Enumerated(EnumType.STRING)
    private Status status = Status.WAITING;

    private @Nullable Long workplaceId;
    private @Nullable String windowLabel;
    private @Nullable Instant calledAt;
    private @Nullable Instant finishedAt;
    private @Nullable Long redirectedFrom;
    private @Nullable Integer rating;
    private @Nullable String ratingComment;
    private @Nullable Instant ratedAt;

    protected Visit() {}

    Visit(long officeId, long serviceId, @Nullable Long bookingId, LocalDate day, String ticket, String rateCode, Kind kind,
          Instant arrivedAt, Instant queueAt, @Nullable Long redirectedFrom) {
        this.officeId = officeId;
        this.serviceId = serviceId;
        this.bookingId = bookingId;
        this.day = day;
        this.ticket = ticket;
        this.rateCode = rateCode;
        this.kind = kind;
        this.arrivedAt = arrivedAt;
        this.queueAt = queueAt;
        this.redirectedFrom = redirectedFrom;
    }

    void call(Workplace w, Instant now) {
        if (status != Status.WAITING) {
            throw Refusal.of("queue.error.notWaiting");
        }
        status = Status.CALLED;
        workplaceId = w.getId();
        windowLabel = w.getWindowLabel();
        calledAt = now;
    }

    void finish(Status outcome, Instant now) {
        if (status != Status.CALLED) {
            throw Refusal.of("queue.error.notCalled");
        }
        if (outcome == Status.WAITING || outcome == Status.CALLED) {
            throw Refusal.of("queue.error.outcome");
        }
        status = outcome;
        finishedAt = now;
    }

    void rate(int score, String comment, Instant now) {
        if (status != Status.SERVED) {
            throw Refusal.of("queue.error.notServed");
        }
        if (ratedAt != null) {
            throw Refusal.of("queue.error.alreadyRated");
        }
        if (score < 1 || score > 5) {
            throw Refusal.of("queue.error.score");
        }
        if (comment.length() > 2000) {
            throw Refusal.of("queue.error.tooLong");
        }
        rating = score;
        ratingComment = comment.isBlank() ? null : comment.strip();
        ratedAt = now;
    }

    public long getId() { return id; }
    public long getOfficeId() { return officeId; }
    public long getServiceId() { return serviceId; }
    public @Nullable Long getBookingId() { return bookingId; }
    public LocalDate getDay() { return day; }
    public String getTicket() { return ticket; }
    public String getRateCode() { return rateCode; }
    public Kind getKind() { return kind; }
    public Instant getArrivedAt() { return arrivedAt; }
    public Instant getQueueAt() { return queueAt; }
    public Status getStatus() { return status; }
    public @Nullable Long getWorkplaceId() { return workplaceId; }
    public @Nullable String getWindowLabel() { return windowLabel; }
    public @Nullable Instant getCalledAt() { return calledAt; }
    public @Nullable Instant getFinishedAt() { return finishedAt; }
    public @Nullable Integer getRating() { return rating; }
    public @Nullable String getRatingComment() { return ratingComment; }
    public @Nullable Instant getRatedAt() { return ratedAt; }
}
