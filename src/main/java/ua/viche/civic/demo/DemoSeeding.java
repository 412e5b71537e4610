package ua.viche.civic.demo;

import java.util.function.Function;
import org.slf4j.Logger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;

/**
 * What the civic space's demo runners share: with the demo on, each community (as the current one)
 * that has no rows yet in the runner's table is seeded, and what was made is logged with the time it took.
 */
@Component
class DemoSeeding {

    private final VicheSettings settings;
    private final Communities communities;
    private final JdbcTemplate jdbc;

    DemoSeeding(VicheSettings settings, Communities communities, JdbcTemplate jdbc) {
        this.settings = settings;
        this.communities = communities;
        this.jdbc = jdbc;
    }

    /** Seeds each community without rows in {@code table}; {@code seed} says what it made, for the log line about {@code what}. */
    void inEachCommunity(String table, Logger log, String what, Function<Community, String> seed) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            CurrentCommunity.runAs(c, () -> {
                Integer existing = jdbc.queryForObject("select count(*) from " + table + " where community_id = ?", Integer.class, c.id());
                if (existing != null && existing > 0) {
                    return;
                }
                long began = System.nanoTime();
                String made = seed.apply(c);
                log.info("Demo {} created in {}: {} in {} ms", what, c.slug(), made, (System.nanoTime() - began) / 1_000_000);
            });
        }
    }
}
