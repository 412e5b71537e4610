package ua.viche.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.platform.TestCommunities;
import ua.viche.search.SearchIndexing;
import ua.viche.search.SharedIndex;
import ua.viche.IntegrationTest;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.search.SearchDocumentBinder;

/**
 * A change reaches the index through the outbox: the row is written with its community in the
 * committing transaction, and the change is searchable within moments (a poll every 100 ms), in its own community only.
 */
@IntegrationTest
class SearchOutboxTest {

    @Autowired Holdings holdings;
    @Autowired Communities communities;
    @Autowired SharedIndex index;
    @Autowired JdbcTemplate jdbc;
    @Autowired SearchIndexing indexing;

    @Test
    void aCommittedChangeIsSearchableInMomentsInItsCommunityOnly() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        Community d = communities.bySlug("dmytrivka").orElseThrow();
        String word = "жчергатест" + System.nanoTime() % 100000;
        CurrentCommunity.runAs(k, () -> {
            Fond fond = holdings.createFond(new Fond.Description("Ч-" + System.nanoTime() % 100000, "Рада", null, null, "", ""));
            Inventory inventory = holdings.createInventory(fond.getId(), new Inventory.Description("1", "Опис", null, null));
            holdings.createFile(inventory.getId(), new ArchiveFile.Description("1", "Справа " + word, LocalDate.of(1970, 1, 1), null, 1, "uk", false));
        });
        long start = System.nanoTime(); // the last commit has returned
        while (found(k, word) == 0 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(20);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(found(k, word)).isEqualTo(1);
        // about 0.1-0.3 s on a quiet machine (100 ms polling); the bound leaves room for a loaded CI machine
        assertThat(millis).as("searchable after %d ms", millis).isLessThan(3000);
        assertThat(found(d, word)).isZero();
        // nothing of it is left in the outbox, and no row was ever written without its community
        assertThat(jdbc.queryForObject("select count(*) from hsearch_outbox_event where tenant_id is null", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from hsearch_agent where tenant_id is null", Long.class)).isZero();
    }

    @Test
    void aCommunityCreatedWhileRunningIsSearchableAtOnce() throws Exception {
        Community created = TestCommunities.create(communities, "so");
        String word = "новагромада" + System.nanoTime() % 100000;
        CurrentCommunity.runAs(created, () -> {
            Fond fond = holdings.createFond(new Fond.Description("Н-1", "Сільська рада", null, null, "", ""));
            Inventory inventory = holdings.createInventory(fond.getId(), new Inventory.Description("1", "Опис", null, null));
            holdings.createFile(inventory.getId(), new ArchiveFile.Description("1", "Справа " + word, LocalDate.of(1980, 1, 1), null, 1, "uk", false));
        });
        assertThat(indexing.awaitIndexed()).isTrue();
        assertThat(found(created, word)).isEqualTo(1);
        assertThat(found(communities.bySlug("kropyvnytskyi").orElseThrow(), word)).isZero();
    }

    private long found(Community c, String word) {
        return index.search(s -> s.search(ArchiveFile.class).where(f -> f.bool().filter(SharedIndex.community(f, c.id()))
                .must(f.match().field(SearchDocumentBinder.TITLE).matching(word))).fetchTotalHitCount());
    }
}
