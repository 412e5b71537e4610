package ua.viche.budget.domain;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.PublishedFigures;

/** The participatory budget's published figure: people who voted online for any project in a year (paper ballots not counted). */
@Component
class BudgetPublishedFigures implements PublishedFigures {

    static final String ONLINE_VOTERS = "budget.online-voters";

    private final JdbcTemplate jdbc;

    BudgetPublishedFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Definition> definitions() {
        return List.of(new Definition(ONLINE_VOTERS, "figure.budget.online-voters", "осіб"));
    }

    @Override
    public BigDecimal value(String key, int year) {
        if (!key.equals(ONLINE_VOTERS)) {
            throw new IllegalArgumentException("unknown figure " + key);
        }
        Long voters = jdbc.queryForObject("select count(distinct person_id) from budget_vote where community_id = ? "
                        + "and channel = 'WEB' and cast_at >= ? and cast_at < ?", Long.class, CurrentCommunity.require().id(),
                Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(Dates.KYIV).toInstant()),
                Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(Dates.KYIV).toInstant()));
        return BigDecimal.valueOf(voters == null ? 0 : voters);
    }
}
