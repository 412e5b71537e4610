package ua.viche.queue.domain;

import ua.viche.platform.Refusal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;

/**
 * A person's booking of a time at an office for a service. The capacity it holds is kept in
 * {@code cnap_hold} rows (one per workplace and slot unit), not here.
 */
@Entity
@Table(name = "cnap_booking")
public class Booking {

    public enum Status { BOOKED, CANCELLED, CHECKED_IN, LATE, MISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String code;
    private long personId;
    private long accountId;
    private String personName;
    private @Nullable String email;
    private long serviceId;
    private long officeId;
    private long workplaceId;
    private Instant startsAt;
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    private Status status = Status.BOOKED;

    private Instant createdAt;
    private @Nullable Instant cancelledAt;
    private @Nullable Instant checkedInAt;

    protected Booking() {}

    Booking(String code, long personId, long accountId, String personName, @Nullable String email, long serviceId,
            long officeId, long workplaceId, Instant startsAt, Instant endsAt, Instant createdAt) {
        this.code = code;
        this.personId = personId;
        this.accountId = accountId;
        this.personName = personName;
        this.email = email;
        this.serviceId = serviceId;
        this.officeId = officeId;
        this.workplaceId = workplaceId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdAt = createdAt;
    }

    /** Whether the person may still cancel or move it: booked, and not later than the set time before it. */
    public boolean changeable(Instant now, Duration before) {
        return status == Status.BOOKED && now.isBefore(startsAt.minus(before));
    }

    void cancel(Instant now, Duration before) {
        if (!changeable(now, before)) {
            throw Refusal.of(status == Status.BOOKED ? "queue.error.tooLateToChange" : "queue.error.notActive");
        }
        status = Status.CANCELLED;
        cancelledAt = now;
    }

    void moveTo(long workplaceId, Instant startsAt, Instant endsAt) {
        this.workplaceId = workplaceId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    /** Checks in; returns whether the visitor is on time (within the grace after the start). */
    boolean checkIn(Instant now, Duration grace) {
        if (status != Status.BOOKED) {
            throw Refusal.of(status == Status.CANCELLED ? "queue.error.cancelled" : "queue.error.alreadyCheckedIn");
        }
        if (!startsAt.atZone(Dates.KYIV).toLocalDate().equals(now.atZone(Dates.KYIV).toLocalDate())) {
            throw Refusal.of("queue.error.notToday");
        }
        checkedInAt = now;
        boolean onTime = !now.isAfter(startsAt.plus(grace));
        status = onTime ? Status.CHECKED_IN : Status.LATE;
        return onTime;
    }

    public long getId() { return id; }
    public long getCommunityId() { return communityId; }
    public String getCode() { return code; }
    public long getPersonId() { return personId; }
    public long getAccountId() { return accountId; }
    public String getPersonName() { return personName; }
    public @Nullable String getEmail() { return email; }
    public long getServiceId() { return serviceId; }
    public long getOfficeId() { return officeId; }
    public long getWorkplaceId() { return workplaceId; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getCancelledAt() { return cancelledAt; }
    public @Nullable Instant getCheckedInAt() { return checkedInAt; }
}
