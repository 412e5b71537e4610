package ua.viche.queue;

import java.time.Instant;

/**
 * A CNAP booking was made, cancelled, or its reminder is due (the day before), published in the
 * queue's transaction; {@code at} is the moment it happened, {@code path} the booking's page.
 */
public record BookingChanged(long communityId, long bookingId, String code, long personId, Kind kind, String serviceUk,
                             String serviceEn, String officeUk, String officeEn, Instant startsAt, Instant at, String path) {

    public enum Kind { BOOKED, CANCELLED, REMINDER }
}
