package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.platform.community.CommunityRepository;
import ua.viche.platform.community.DepartmentRepository;

/**
 * Two nodes on one database: the application (node A) and a second set of the platform's caches
 * (node B: its own listener connection, its own {@link Communities} and {@link WorkingDays}). What
 * A changes, B sees within a second; what A rolls back, B never hears of; after B's listening
 * connection is cut, B connects again and still hears.
 */
@IntegrationTest
class SharedCachesTest {

    @Autowired Communities communities;
    @Autowired WorkingDays days;
    @Autowired CommunityRepository communityRepository;
    @Autowired DepartmentRepository departmentRepository;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired VicheSettings settings;
    @Autowired TransactionTemplate tx;

    SharedCaches cachesB;
    Communities communitiesB;
    WorkingDays daysB;

    @BeforeEach
    void nodeB() throws Exception {
        cachesB = new SharedCaches(jdbc, dataSource);
        communitiesB = new Communities(communityRepository, departmentRepository, cachesB);
        daysB = new WorkingDays(jdbc, settings, cachesB);
        assertThat(within(5_000, cachesB::listening)).isTrue();
    }

    @AfterEach
    void stopNodeB() throws Exception {
        cachesB.destroy();
    }

    private String probe(Communities node) {
        return node.bySlug("kropyvnytskyi").orElseThrow().settings().getOrDefault("tests.cacheProbe", "");
    }

    /** Whether the condition holds within the time, polled every 10 ms. */
    private static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aSettingChangedOnOneNodeIsInEffectOnTheOtherWithinASecond() throws Exception {
        long k = communities.bySlug("kropyvnytskyi").orElseThrow().id();
        String before = probe(communitiesB); // node B has read and keeps the communities
        String value = UUID.randomUUID().toString();
        long start = System.nanoTime();
        communities.putSetting(k, "tests.cacheProbe", value);
        assertThat(probe(communities)).isEqualTo(value);
        assertThat(within(1_000, () -> probe(communitiesB).equals(value))).as("node B sees the new value within a second").isTrue();
        System.out.printf("A setting changed on node A was seen on node B after %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(before).isNotEqualTo(value);
    }

    @Test
    void aChangeThatRollsBackIsNeverAnnounced() throws Exception {
        long k = communities.bySlug("kropyvnytskyi").orElseThrow().id();
        String kept = UUID.randomUUID().toString();
        communities.putSetting(k, "tests.cacheProbe", kept);
        assertThat(within(1_000, () -> probe(communitiesB).equals(kept))).isTrue();
        tx.executeWithoutResult(status -> {
            communities.putSetting(k, "tests.cacheProbe", "rolled back");
            status.setRollbackOnly();
        });
        Thread.sleep(300);
        assertThat(probe(communitiesB)).isEqualTo(kept);
        assertThat(probe(communities)).as("node A drops what it read in the rolled back transaction").isEqualTo(kept);
    }

    @Test
    void theCalendarChangedOnOneNodeIsInEffectOnTheOther() throws Exception {
        LocalDate saturday = LocalDate.of(2031, 3, 1);
        assertThat(daysB.isWorkingDay(saturday)).isFalse();
        try {
            days.override(saturday, true, "test: a transferred working Saturday");
            assertThat(within(1_000, () -> daysB.isWorkingDay(saturday))).isTrue();
        } finally {
            days.removeOverride(saturday);
        }
        assertThat(within(1_000, () -> !daysB.isWorkingDay(saturday))).isTrue();
    }

    @Test
    void aNodeWhoseListeningConnectionIsCutConnectsAgainAndStillHears() throws Exception {
        long k = communities.bySlug("kropyvnytskyi").orElseThrow().id();
        probe(communitiesB);
        // cut every listening connection (node A's too): both connect again by themselves
        jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'viche-cache-listener'");
        assertThat(within(10_000, () -> !cachesB.listening())).isTrue();
        assertThat(within(10_000, cachesB::listening)).as("node B listens again").isTrue();
        String value = UUID.randomUUID().toString();
        communities.putSetting(k, "tests.cacheProbe", value);
        assertThat(within(1_000, () -> probe(communitiesB).equals(value))).isTrue();
    }
}
