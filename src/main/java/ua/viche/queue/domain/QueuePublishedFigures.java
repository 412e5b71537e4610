package ua.viche.queue.domain;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.PublishedFigures;

/**
 * The queue's published figures: the CNAP's subdivisions and remote workplaces (offices), and of them
 * those with the electronic queue, as the figures page counts them. The register of offices keeps
 * no history, so every year's value is the offices as registered now.
 */
@Component
class QueuePublishedFigures implements PublishedFigures {

    static final String OFFICES = "queue.offices";
    static final String WITH_E_QUEUE = "queue.offices-with-e-queue";

    private final JdbcTemplate jdbc;

    QueuePublishedFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Definition> definitions() {
        return List.of(new Definition(OFFICES, "figure.queue.offices", "одиниць"),
                new Definition(WITH_E_QUEUE, "figure.queue.offices-with-e-queue", "одиниць"));
    }

    @Override
    public BigDecimal value(String key, int year) {
        String sql = switch (key) {
            case OFFICES -> "select count(*) from cnap_office where community_id = ?";
            case WITH_E_QUEUE -> "select count(*) from cnap_office where community_id = ? and e_queue";
            default -> throw new IllegalArgumentException("unknown figure " + key);
        };
        Long n = jdbc.queryForObject(sql, Long.class, CurrentCommunity.require().id());
        return BigDecimal.valueOf(n == null ? 0 : n);
    }
}
