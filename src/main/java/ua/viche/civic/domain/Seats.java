package ua.viche.civic.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.PlainTransactions;
import ua.viche.platform.Refusal;

/**
 * Seats and the waiting list of a roster (an event, a course group): one piece of code for both.
 * Every change locks the roster's row ({@code for update}) in a plain JDBC transaction (decisions
 * 0024, 0025), so parallel registrations take exactly the seats there are and queue the rest in the
 * order they got the lock; a cancellation of a seat moves the first waiting person up, once.
 */
@Component
public class Seats {

    public enum Status { REGISTERED, WAITING, CANCELLED }

    /**
     * Who takes a place: a signed-in person, or someone an operator registers by name and phone (no
     * person); with the priority group they belong to, if any (a course's reserved seats).
     */
    public record Holder(@Nullable Long personId, @Nullable Long accountId, String name, @Nullable String phone, @Nullable Long registeredByAccountId,
                         @Nullable String priority, @Nullable String email) {
        public Holder(@Nullable Long personId, @Nullable Long accountId, String name, @Nullable String phone, @Nullable Long registeredByAccountId) {
            this(personId, accountId, name, phone, registeredByAccountId, null, null);
        }

        public Holder(@Nullable Long personId, @Nullable Long accountId, String name, @Nullable String phone, @Nullable Long registeredByAccountId,
                      @Nullable String priority) {
            this(personId, accountId, name, phone, registeredByAccountId, priority, null);
        }
    }

    /**
     * A place on the roster: its status and, while waiting, its position in the line (from 1); for a
     * person registered by phone, the e-mail address they left (if any) and whether they were
     * registered by an operator; when they moved up from the waiting list.
     */
    public record Place(long id, long rosterId, @Nullable Long personId, @Nullable Long accountId, String name, @Nullable String phone, Status status,
                        int position, Instant queuedAt, @Nullable Instant attendedAt, @Nullable String priority, @Nullable String email,
                        boolean byOperator, @Nullable Instant promotedAt) {

        /** Moved up from the waiting list with no way to be told by e-mail: the operator calls them. */
        public boolean toCall() {
            return promotedAt != null && status == Status.REGISTERED && accountId == null && (email == null || email.isBlank());
        }
    }

    /** What a cancellation did: the place cancelled and the place moved up from the waiting list, if any. */
    public record Cancelled(Place place, @Nullable Place promoted) {}

    /** Figures of a roster. */
    public record Count(int seats, int registered, int waiting, int attended) {
        public int free() {
            return Math.max(0, seats - registered);
        }
    }

    private final JdbcTemplate jdbc;
    private final PlainTransactions plain;
    private final Clock clock;

    Seats(JdbcTemplate jdbc, PlainTransactions plain, Clock clock) {
        this.jdbc = jdbc;
        this.plain = plain;
        this.clock = clock;
    }

    /** A new roster with this many seats in the current community (in the caller's transaction). */
    public long create(String kind, int seats) {
        if (seats < 1 || seats > 100_000) {
            throw Refusal.field("seats", "civic.error.seats");
        }
        Long id = jdbc.queryForObject("insert into civic_roster (community_id, kind, seats) values (?, ?, ?) returning id", Long.class,
                community(), kind, seats);
        return id;
    }

    /**
     * Takes a seat, or a place at the end of the waiting list when the seats are taken; a person who
     * holds a place already gets it back unchanged.
     */
    public Place register(long rosterId, Holder holder) {
        return register(rosterId, holder, 0);
    }

    /**
     * Takes a seat as {@link #register(long, Holder)} does, with {@code reserved} seats held for people
     * of a priority group: someone of no such group takes a seat only while more seats are free than
     * reserved seats are left untaken by priority people, and waits otherwise.
     */
    public Place register(long rosterId, Holder holder, int reserved) {
        return plain.execute(s -> {
            int seats = lockRoster(rosterId);
            if (holder.personId() != null) {
                Optional<Place> held = heldBy(rosterId, holder.personId());
                if (held.isPresent()) {
                    return held.get();
                }
            }
            Status status = mayTake(rosterId, seats, reserved, holder.priority() != null) ? Status.REGISTERED : Status.WAITING;
            Long id = jdbc.queryForObject("insert into civic_place (community_id, roster_id, person_id, account_id, name, phone,"
                    + " registered_by_account_id, status, queued_at, priority, email) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                    community(), rosterId, holder.personId(), holder.accountId(), holder.name(), holder.phone(), holder.registeredByAccountId(),
                    status.name(), Timestamp.from(Instant.now(clock)), holder.priority(), holder.email());
            return place(id);
        });
    }

    /**
     * Cancels a place. When it held a seat, the first person waiting takes it, in the same
     * transaction. Cancelling a cancelled place changes nothing.
     */
    public Cancelled cancel(long rosterId, long placeId) {
        return cancel(rosterId, placeId, 0);
    }

    /**
     * Cancels a place with {@code reserved} seats held for priority people: the seat goes to the first
     * person waiting who may take it under that rule (see {@link #register(long, Holder, int)}).
     */
    public Cancelled cancel(long rosterId, long placeId, int reserved) {
        return plain.execute(s -> {
            int seats = lockRoster(rosterId);
            Place place = place(placeId);
            if (place.rosterId() != rosterId) {
                throw new NotFoundException("civic.error.noPlace");
            }
            if (place.status() == Status.CANCELLED) {
                return new Cancelled(place, null);
            }
            Timestamp now = Timestamp.from(Instant.now(clock));
            jdbc.update("update civic_place set status = 'CANCELLED', cancelled_at = ? where id = ?", now, placeId);
            Place promoted = null;
            if (place.status() == Status.REGISTERED) {
                Long first = firstWhoMayTake(rosterId, seats, reserved);
                if (first != null) {
                    jdbc.update("update civic_place set status = 'REGISTERED', promoted_at = ? where id = ?", now, first);
                    promoted = place(first);
                }
            }
            return new Cancelled(place(placeId), promoted);
        });
    }

    /**
     * Changes the roster's number of seats, in the caller's transaction (plain SQL or JPA) so that
     * the seats change with whatever else the caller changes, or not at all: never below the seats
     * taken (refused, with that number); more seats move the waiting list up ({@link #settle}, with
     * {@code reserved} seats held). Returns the places moved up.
     */
    public List<Place> resizeInCallerTransaction(long rosterId, int newSeats, int reserved) {
        if (newSeats < 1 || newSeats > 100_000) {
            throw Refusal.field("seats", "civic.error.seats");
        }
        lockRoster(rosterId);
        int taken = taken(rosterId)[0];
        if (newSeats < taken) {
            throw Refusal.field("seats", "civic.error.seatsBelowRegistered", String.valueOf(taken)).status(Refusal.CONFLICT);
        }
        jdbc.update("update civic_roster set seats = ? where id = ?", newSeats, rosterId);
        return moveUp(rosterId, reserved);
    }

    /**
     * Moves people up from the waiting list, first come first, while there are seats they may take
     * with {@code reserved} seats held (when a reservation ends, its seats go to the line). Returns the
     * places moved up.
     */
    public List<Place> settle(long rosterId, int reserved) {
        return plain.execute(s -> moveUp(rosterId, reserved));
    }

    private List<Place> moveUp(long rosterId, int reserved) {
        int seats = lockRoster(rosterId);
        Timestamp now = Timestamp.from(Instant.now(clock));
        List<Place> moved = new ArrayList<>();
        for (Long next = firstWhoMayTake(rosterId, seats, reserved); next != null; next = firstWhoMayTake(rosterId, seats, reserved)) {
            jdbc.update("update civic_place set status = 'REGISTERED', promoted_at = ? where id = ?", now, next);
            moved.add(place(next));
        }
        return moved;
    }

    /** Whether one more person (of a priority group or not) may take a seat now; under the roster's lock. */
    private boolean mayTake(long rosterId, int seats, int reserved, boolean priority) {
        int[] taken = taken(rosterId);
        return taken[0] < seats && (priority || taken[0] + Math.max(0, reserved - taken[1]) < seats);
    }

    /** Seats taken, and of them by priority people. */
    private int[] taken(long rosterId) {
        return jdbc.queryForObject("select count(*), count(priority) from civic_place where roster_id = ? and status = 'REGISTERED'",
                (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, rosterId);
    }

    /** The first waiting person who may take a seat now, if any; under the roster's lock. */
    private @Nullable Long firstWhoMayTake(long rosterId, int seats, int reserved) {
        if (mayTake(rosterId, seats, reserved, false)) {
            List<Long> first = jdbc.queryForList("select id from civic_place where roster_id = ? and status = 'WAITING' order by id limit 1",
                    Long.class, rosterId);
            return first.isEmpty() ? null : first.get(0);
        }
        if (mayTake(rosterId, seats, reserved, true)) {
            List<Long> first = jdbc.queryForList("select id from civic_place where roster_id = ? and status = 'WAITING' and priority is not null"
                    + " order by id limit 1", Long.class, rosterId);
            return first.isEmpty() ? null : first.get(0);
        }
        return null;
    }

    /** Marks a registered place as attended (or not), for the staff's check-in list. */
    public void attended(long rosterId, long placeId, boolean attended) {
        plain.execute(s -> {
            int n = jdbc.update("update civic_place set attended_at = ? where id = ? and roster_id = ? and community_id = ?"
                    + " and status = 'REGISTERED'", attended ? Timestamp.from(Instant.now(clock)) : null, placeId, rosterId, community());
            if (n == 0) {
                throw Refusal.conflict("civic.error.notRegistered");
            }
            return null;
        });
    }

    /** The place a person holds (registered or waiting), if any. */
    public Optional<Place> heldBy(long rosterId, long personId) {
        List<Long> ids = jdbc.queryForList("select id from civic_place where roster_id = ? and person_id = ? and community_id = ?"
                + " and status <> 'CANCELLED'", Long.class, rosterId, personId, community());
        return ids.isEmpty() ? Optional.empty() : Optional.of(place(ids.get(0)));
    }

    /** Every place that is not cancelled: the registered in order of registration, then the waiting list in order. */
    public List<Place> places(long rosterId) {
        return jdbc.query(SELECT + " where p.roster_id = ? and p.community_id = ? and p.status <> 'CANCELLED'"
                + " order by case p.status when 'REGISTERED' then 0 else 1 end, p.id", (rs, i) -> map(rs), rosterId, community());
    }

    /** The places taken by phone through an operator (not cancelled), in order: the operator's list. */
    public List<Place> byPhone(long rosterId) {
        return jdbc.query(SELECT + " where p.roster_id = ? and p.community_id = ? and p.status <> 'CANCELLED' and p.registered_by_account_id is not null"
                + " order by p.id", (rs, i) -> map(rs), rosterId, community());
    }

    public Count count(long rosterId) {
        return jdbc.queryForObject("select r.seats,"
                + " (select count(*) from civic_place p where p.roster_id = r.id and p.status = 'REGISTERED'),"
                + " (select count(*) from civic_place p where p.roster_id = r.id and p.status = 'WAITING'),"
                + " (select count(*) from civic_place p where p.roster_id = r.id and p.status = 'REGISTERED' and p.attended_at is not null)"
                + " from civic_roster r where r.id = ? and r.community_id = ?",
                (rs, i) -> new Count(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), rosterId, community());
    }

    private int lockRoster(long rosterId) {
        List<Integer> seats = jdbc.queryForList("select seats from civic_roster where id = ? and community_id = ? for update",
                Integer.class, rosterId, community());
        if (seats.isEmpty()) {
            throw new NotFoundException("civic.error.noPlace");
        }
        return seats.get(0);
    }

    private Place place(long id) {
        return jdbc.queryForObject(SELECT + " where p.id = ?", (rs, i) -> map(rs), id);
    }

    private static final String SELECT = "select p.id, p.roster_id, p.person_id, p.account_id, p.name, p.phone, p.status, p.queued_at, p.attended_at,"
            + " p.priority, p.email, p.registered_by_account_id is not null as by_operator, p.promoted_at,"
            + " case when p.status = 'WAITING' then (select count(*) from civic_place w where w.roster_id = p.roster_id"
            + " and w.status = 'WAITING' and w.id <= p.id) else 0 end as position from civic_place p";

    private static Place map(ResultSet rs) throws SQLException {
        Timestamp attended = rs.getTimestamp("attended_at");
        Timestamp promoted = rs.getTimestamp("promoted_at");
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        return new Place(rs.getLong("id"), rs.getLong("roster_id"), personId, accountId, rs.getString("name"),
                rs.getString("phone"), Status.valueOf(rs.getString("status")), rs.getInt("position"),
                rs.getTimestamp("queued_at").toInstant(), attended == null ? null : attended.toInstant(), rs.getString("priority"),
                rs.getString("email"), rs.getBoolean("by_operator"), promoted == null ? null : promoted.toInstant());
    }

    private static long community() {
        return CurrentCommunity.require().id();
    }
}
