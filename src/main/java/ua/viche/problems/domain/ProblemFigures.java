package ua.viche.problems.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;

/**
 * Figures of a year's problem reports (public: no personal data): by category with how many are
 * still open, resolved or closed otherwise; by month, reported against resolved; the share resolved
 * and the median days from report to resolution.
 */
@Service
public class ProblemFigures {

    private final JdbcTemplate jdbc;

    ProblemFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reports of one category: in all, still open, resolved, and closed otherwise (rejected or duplicates). */
    public record Row(String label, long total, long open, long resolved, long closed) {}

    /** Reports made and reports resolved in one month (1–12). */
    public record Month(int month, long reported, long resolved) {}

    public record Figures(int year, long total, long open, long resolved, double resolvedPercent,
                          double medianDaysToResolve, List<Row> byCategory, List<Month> byMonth) {}

    @Transactional(readOnly = true)
    public Figures of(int year, Locale locale) {
        long community = CurrentCommunity.require().id();
        LocalDate from = LocalDate.of(year, 1, 1);
        Object[] period = {community, from.atStartOfDay(Dates.KYIV).toInstant().atOffset(ZoneOffset.UTC),
                from.plusYears(1).atStartOfDay(Dates.KYIV).toInstant().atOffset(ZoneOffset.UTC)};
        String reports = " from problem_report r where r.community_id = ? and r.created_at >= ? and r.created_at < ?";
        String name = "en".equals(locale.getLanguage()) ? "c.name_en" : "c.name_uk";
        List<Row> byCategory = new ArrayList<>();
        jdbc.query("select " + name + ", count(*),"
                + " count(*) filter (where r.status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS')),"
                + " count(*) filter (where r.status = 'RESOLVED'),"
                + " count(*) filter (where r.status in ('REJECTED', 'DUPLICATE'))"
                + " from problem_report r join problem_category c on c.id = r.category_id"
                + " where r.community_id = ? and r.created_at >= ? and r.created_at < ?"
                + " group by " + name + " order by 2 desc, 1",
                rs -> { byCategory.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))); },
                period);
        long[] reported = new long[12];
        long[] resolved = new long[12];
        jdbc.query("select extract(month from r.created_at at time zone 'Europe/Kyiv')::int, count(*)" + reports + " group by 1",
                rs -> { reported[rs.getInt(1) - 1] = rs.getLong(2); }, period);
        jdbc.query("select extract(month from u.created_at at time zone 'Europe/Kyiv')::int, count(distinct u.report_id)"
                + " from problem_update u where u.community_id = ? and u.status = 'RESOLVED'"
                + " and u.created_at >= ? and u.created_at < ? group by 1",
                rs -> { resolved[rs.getInt(1) - 1] = rs.getLong(2); }, period);
        List<Month> byMonth = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            byMonth.add(new Month(m + 1, reported[m], resolved[m]));
        }
        Map<String, Object> totals = jdbc.queryForMap("select count(*) total,"
                + " count(*) filter (where r.status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS')) open,"
                + " count(*) filter (where r.status = 'RESOLVED') resolved,"
                + " coalesce(percentile_cont(0.5) within group (order by extract(epoch from ("
                + "   select min(u.created_at) from problem_update u where u.report_id = r.id and u.status = 'RESOLVED')"
                + "   - r.created_at) / 86400.0), 0) median_days"
                + reports, period);
        long total = ((Number) totals.get("total")).longValue();
        long done = ((Number) totals.get("resolved")).longValue();
        return new Figures(year, total, ((Number) totals.get("open")).longValue(), done,
                total == 0 ? 0 : done * 100.0 / total, ((Number) totals.get("median_days")).doubleValue(), byCategory, byMonth);
    }
}
