package ua.viche.civic.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.PublishedFigures;

/**
 * The courses' figures for the programme's indicators (seed 001: 50 participants, 20 organisations
 * involved, 3 educational programmes), by the year a group's first lesson falls in (Kyiv time):
 * participants (seats taken in those groups, by account or by the operator), partner organisations
 * of the programmes run, and programmes run (with at least one such group). The courses page draws
 * the current year's figures with the platform's chart.
 */
@Component
public class CourseFigures implements PublishedFigures {

    public static final String PARTICIPANTS = "civic.course-participants";
    public static final String ORGANISATIONS = "civic.course-organisations";
    public static final String PROGRAMMES = "civic.course-programmes";
    /** The figures in the order the courses page shows them. */
    public static final List<String> ALL = List.of(PARTICIPANTS, ORGANISATIONS, PROGRAMMES);

    private final JdbcTemplate jdbc;

    CourseFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Definition> definitions() {
        return List.of(new Definition(PARTICIPANTS, "figure.civic.course-participants", "осіб"),
                new Definition(ORGANISATIONS, "figure.civic.course-organisations", "од."),
                new Definition(PROGRAMMES, "figure.civic.course-programmes", "од."));
    }

    @Override
    public BigDecimal value(String key, int year) {
        String groups = "select g.id, g.course_id, g.roster_id from civic_course_group g where g.community_id = ?"
                + " and (select min(l.starts_at) from civic_course_lesson l where l.group_id = g.id) >= ?"
                + " and (select min(l.starts_at) from civic_course_lesson l where l.group_id = g.id) < ?";
        String sql = switch (key) {
            case PARTICIPANTS -> "select count(*) from civic_place p join (" + groups + ") g on g.roster_id = p.roster_id where p.status = 'REGISTERED'";
            case ORGANISATIONS -> "select count(distinct cp.organisation_id) from civic_course_partner cp join (" + groups + ") g on g.course_id = cp.course_id";
            case PROGRAMMES -> "select count(distinct g.course_id) from (" + groups + ") g";
            default -> throw new IllegalArgumentException("unknown figure " + key);
        };
        Timestamp from = Timestamp.from(ZonedDateTime.of(LocalDate.of(year, 1, 1).atStartOfDay(), Dates.KYIV).toInstant());
        Timestamp to = Timestamp.from(ZonedDateTime.of(LocalDate.of(year + 1, 1, 1).atStartOfDay(), Dates.KYIV).toInstant());
        Long n = jdbc.queryForObject(sql, Long.class, CurrentCommunity.require().id(), from, to);
        return BigDecimal.valueOf(n == null ? 0 : n);
    }
}
