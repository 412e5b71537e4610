package ua.viche.monitoring.domain;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Communities;

/**
 * The programme's personal data: who entered, accepted or returned a figure's quarterly value.
 * Export: each such entry. When a person deletes their account the values stay — they are the
 * council's monitoring records, not the person's — but no longer name who entered or decided them
 * (the audit log keeps the official's action as the platform's audit keeps every official action).
 */
@Component
class MonitoringPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final MessageSource messages;

    MonitoringPrivacy(JdbcTemplate jdbc, Communities communities, MessageSource messages) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        jdbc.query("""
                select e.community_id, f.code, e.year, e.quarter, e.value, e.entered_at, e.entered_by, e.decided_at
                  from monitoring_entry e join monitoring_figure f on f.id = e.figure_id
                 where e.entered_by = ? or e.decided_by = ? order by e.entered_at""", rs -> {
            boolean entered = rs.getLong(7) == person.personId() && !rs.wasNull();
            Timestamp at = entered ? rs.getTimestamp(6) : rs.getTimestamp(8);
            String slug = communities.byId(rs.getLong(1)).map(c -> c.slug()).orElse("");
            items.add(new Item("monitoring-entry", messages.getMessage(entered ? "monitoring.activity.entered" : "monitoring.activity.decided",
                    new Object[] {rs.getString(2), String.valueOf(rs.getInt(4)), String.valueOf(rs.getInt(3)),
                            rs.getBigDecimal(5).stripTrailingZeros().toPlainString()}, locale),
                    at.toInstant(), "/" + slug + "/programme/manage/figures/" + rs.getString(2)));
        }, person.personId(), person.personId());
        return items;
    }

    @Override
    public Erasure erase(AccountDeleted deleted) {
        jdbc.update("update monitoring_entry set entered_by = null where entered_by = ?", deleted.personId());
        jdbc.update("update monitoring_entry set decided_by = null where decided_by = ?", deleted.personId());
        return Erasure.complete();
    }
}
