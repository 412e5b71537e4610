package ua.viche.appeals.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;

/**
 * Statistics of a year's appeals (no personal data, so public): by category, department, channel
 * and month; the share that arrived electronically (programme KPI: 50%); the average days to an
 * answer; how many are overdue.
 */
@Service
public class AppealFigures {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final AppealService appeals;

    AppealFigures(JdbcTemplate jdbc, Communities communities, AppealService appeals) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.appeals = appeals;
    }

    /** One line of a breakdown: what, how many, and how many of them are answered. */
    public record Row(String label, long count, long answered) {}

    public record Figures(int year, long total, long electronic, double electronicPercent, double averageDaysToAnswer,
                          long overdue, long answeredLate, List<Row> byCategory, List<Row> byDepartment,
                          List<Row> byChannel, List<Row> byMonth) {}

    @Transactional(readOnly = true)
    public Figures of(int year, Locale locale) {
        long community = CurrentCommunity.require().id();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        Object[] args = {community, from, to};
        String where = " from appeal a where a.community_id = ? and a.registered_on >= ? and a.registered_on < ?";
        String answered = "count(a.answered_at)";
        Map<String, Object> totals = jdbc.queryForMap("select count(*) total,"
                + " count(*) filter (where a.channel in ('WEB', 'PETITION', 'BOT')) electronic,"
                + " coalesce(avg(extract(epoch from a.answered_at - a.received_at) / 86400.0), 0) avg_days,"
                + " count(*) filter (where a.status in ('REGISTERED', 'IN_WORK') and a.due_on < ?) overdue,"
                + " count(*) filter (where a.answered_at is not null and (a.answered_at at time zone 'Europe/Kyiv')::date > a.due_on) late"
                + where, appeals.today(), community, from, to);
        long total = ((Number) totals.get("total")).longValue();
        long electronic = ((Number) totals.get("electronic")).longValue();

        Map<Long, AppealCategory> categories = appeals.categoriesById();
        List<Row> byCategory = rows("select a.category_id, count(*), " + answered + where + " group by a.category_id order by 2 desc",
                args, key -> key == null ? "—" : categories.containsKey(key) ? categories.get(key).name(locale) : "—");
        List<Row> byDepartment = rows("select a.department_id, count(*), " + answered + where + " group by a.department_id order by 2 desc",
                args, key -> key == null ? "—" : communities.department(key).map(d -> d.name(locale)).orElse("—"));
        List<Row> byChannel = new ArrayList<>();
        jdbc.query("select a.channel, count(*), " + answered + where + " group by a.channel order by 2 desc",
                rs -> { byChannel.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3))); }, args);
        List<Row> byMonth = new ArrayList<>();
        jdbc.query("select extract(month from a.registered_on)::int, count(*), " + answered + where + " group by 1 order by 1",
                rs -> { byMonth.add(new Row(String.valueOf(rs.getInt(1)), rs.getLong(2), rs.getLong(3))); }, args);
        return new Figures(year, total, electronic, total == 0 ? 0 : electronic * 100.0 / total,
                ((Number) totals.get("avg_days")).doubleValue(), ((Number) totals.get("overdue")).longValue(),
                ((Number) totals.get("late")).longValue(), byCategory, byDepartment, byChannel, byMonth);
    }

    private List<Row> rows(String sql, Object[] args, Function<Long, String> label) {
        List<Row> rows = new ArrayList<>();
        jdbc.query(sql, rs -> {
            long id = rs.getLong(1);
            rows.add(new Row(label.apply(rs.wasNull() ? null : id), rs.getLong(2), rs.getLong(3)));
        }, args);
        return rows;
    }

    /** Departments for labels outside this class. */
    public List<Department> departments() {
        return communities.departments();
    }
}
