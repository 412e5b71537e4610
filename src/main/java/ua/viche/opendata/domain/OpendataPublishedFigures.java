package ua.viche.opendata.domain;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.PublishedFigures;

/**
 * The open-data portal's published figure: the datasets published at the end of a year (the running
 * year: now) — first published before then and not withdrawn since (a withdrawal keeps no date, so
 * a dataset withdrawn now counts in no year).
 */
@Component
class OpendataPublishedFigures implements PublishedFigures {

    static final String PUBLISHED = "opendata.datasets-published";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OpendataPublishedFigures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Definition> definitions() {
        return List.of(new Definition(PUBLISHED, "figure.opendata.datasets-published", "наборів"));
    }

    @Override
    public BigDecimal value(String key, int year) {
        if (!key.equals(PUBLISHED)) {
            throw new IllegalArgumentException("unknown figure " + key);
        }
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(Dates.KYIV).toInstant();
        Instant now = clock.instant();
        Long n = jdbc.queryForObject("select count(*) from opendata_dataset where community_id = ? and status = 'PUBLISHED' "
                + "and issued_at < ?", Long.class, CurrentCommunity.require().id(), Timestamp.from(end.isAfter(now) ? now : end));
        return BigDecimal.valueOf(n == null ? 0 : n);
    }
}
