package ua.viche.queue.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;

/** The queue in figures for a period: bookings, no-shows, waiting and service times, ratings, e-queue coverage. */
@Service
public class QueueFigures {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    QueueFigures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Figures of the period [from, to] (whole days, Kyiv time). */
    @Transactional(readOnly = true)
    public Figures of(LocalDate from, LocalDate to) {
        long c = CurrentCommunity.require().id();
        Timestamp start = Timestamp.from(from.atStartOfDay(Dates.KYIV).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(Dates.KYIV).toInstant());
        Timestamp now = Timestamp.from(Instant.now(clock));
        long made = count("select count(*) from cnap_booking where community_id = ? and created_at >= ? and created_at < ?", c, start, end);
        long cancelled = count("select count(*) from cnap_booking where community_id = ? and created_at >= ? and created_at < ?"
                + " and status = 'CANCELLED'", c, start, end);
        // bookings whose time has passed: a no-show never checked in, or was marked absent when called
        long due = count("select count(*) from cnap_booking where community_id = ? and starts_at >= ? and starts_at < ?"
                + " and starts_at < ? and status <> 'CANCELLED'", c, start, end, now);
        long noShows = count("select count(*) from cnap_booking b where b.community_id = ? and b.starts_at >= ? and b.starts_at < ?"
                + " and b.starts_at < ? and (b.status in ('BOOKED', 'MISSED') or exists (select 1 from cnap_visit v"
                + " where v.booking_id = b.id and v.status = 'NO_SHOW'))", c, start, end, now);
        Double waitMinutes = jdbc.queryForObject("select avg(extract(epoch from called_at - arrived_at)) / 60 from cnap_visit"
                + " where community_id = ? and called_at >= ? and called_at < ? and redirected_from is null", Double.class, c, start, end);
        Double serviceMinutes = jdbc.queryForObject("select avg(extract(epoch from finished_at - called_at)) / 60 from cnap_visit"
                + " where community_id = ? and status = 'SERVED' and finished_at >= ? and finished_at < ?", Double.class, c, start, end);
        long visitsServed = count("select count(*) from cnap_visit where community_id = ? and status = 'SERVED'"
                + " and finished_at >= ? and finished_at < ?", c, start, end);
        long walkIns = count("select count(*) from cnap_visit where community_id = ? and booking_id is null and redirected_from is null"
                + " and arrived_at >= ? and arrived_at < ?", c, start, end);
        Double rating = jdbc.queryForObject("select avg(rating) from cnap_visit where community_id = ? and rated_at >= ? and rated_at < ?",
                Double.class, c, start, end);
        long ratings = count("select count(*) from cnap_visit where community_id = ? and rated_at >= ? and rated_at < ?", c, start, end);
        long[] byScore = new long[5];
        jdbc.query("select rating, count(*) from cnap_visit where community_id = ? and rated_at >= ? and rated_at < ? group by rating",
                r -> {
                    byScore[r.getInt(1) - 1] = r.getLong(2);
                }, c, start, end);
        long offices = count("select count(*) from cnap_office where community_id = ?", c);
        long withQueue = count("select count(*) from cnap_office where community_id = ? and e_queue", c);
        long workplaces = count("select count(*) from cnap_workplace where community_id = ?", c);
        return new Figures(from, to, made, cancelled, due, noShows, due == 0 ? 0 : noShows * 100.0 / due,
                waitMinutes == null ? 0 : waitMinutes, serviceMinutes == null ? 0 : serviceMinutes, visitsServed, walkIns,
                rating == null ? 0 : rating, ratings, byScore, offices, withQueue,
                offices == 0 ? 0 : withQueue * 100.0 / offices, workplaces);
    }

    /**
     * The average wait (arrival to call) and the number of people called at each office in the period [from, to],
     * offices in name order (Ukrainian or English names as {@code english} says); an office where nobody was called has 0.
     */
    @Transactional(readOnly = true)
    public List<OfficeWait> waitsByOffice(LocalDate from, LocalDate to, boolean english) {
        long c = CurrentCommunity.require().id();
        Timestamp start = Timestamp.from(from.atStartOfDay(Dates.KYIV).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(Dates.KYIV).toInstant());
        return jdbc.query("select o.name_uk, o.name_en, count(v.id), coalesce(avg(extract(epoch from v.called_at - v.arrived_at)) / 60, 0)"
                        + " from cnap_office o left join cnap_visit v on v.office_id = o.id and v.called_at >= ? and v.called_at < ?"
                        + " and v.redirected_from is null where o.community_id = ? group by o.id, o.name_uk, o.name_en"
                        + " order by " + (english ? "o.name_en" : "o.name_uk") + ", o.id",
                (r, i) -> new OfficeWait(english ? r.getString(2) : r.getString(1), r.getLong(3),
                        Math.round(r.getDouble(4) * 10) / 10.0), start, end, c);
    }

    /** One office's waits: average minutes from arrival to call (one decimal), and how many were called. */
    public record OfficeWait(String office, long called, double averageWaitMinutes) {}

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** The figures; {@code eQueueShare} is the programme indicator (subdivisions and remote workplaces with e-queue). */
    public record Figures(LocalDate from, LocalDate to, long bookings, long cancelled, long dueBookings, long noShows,
                          double noShowPercent, double averageWaitMinutes, double averageServiceMinutes, long served,
                          long walkIns, double averageRating, long ratings, long[] ratingsByScore, long offices,
                          long officesWithEQueue, double eQueueShare, long workplaces) {}
}
