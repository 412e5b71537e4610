package ua.viche.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchWorkspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.Set;
import org.hibernate.Session;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SharedIndex;
import ua.viche.IntegrationTest;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchIndexing;

/** At start, an index that holds another number of a type's items than the database is rebuilt for that type. */
@IntegrationTest
class SearchIndexBootstrapTest {

    @Autowired SearchIndexBootstrap bootstrap;
    @Autowired SharedIndex index;
    @Autowired Holdings holdings;
    @Autowired FileStore store;
    @Autowired Communities communities;
    @Autowired SearchIndexing indexing;

    @Test
    void anEmptiedIndexOfOneTypeIsRebuilt() throws Exception {
        Community d = communities.bySlug("kropyvnytskyi").orElseThrow();
        String word = "бутстрапне" + System.nanoTime() % 1000;
        CurrentCommunity.runAs(d, () -> {
            Fond fond = holdings.createFond(new Fond.Description("Б-" + System.nanoTime() % 100000, "Сільська рада", null, null, "", ""));
            Inventory inventory = holdings.createInventory(fond.getId(), new Inventory.Description("1", "Опис", null, null));
            ArchiveFile file = holdings.createFile(inventory.getId(),
                    new ArchiveFile.Description("1", "Похозяйські книги", LocalDate.of(1960, 1, 1), null, 1, "uk", false));
            try {
                Page page = holdings.addPage(file.getId(), new Page.Scan(store.put(new byte[] {1}), "a.png", "image/png", 1, null));
                holdings.recordText(page.getId(), "Запис у книзі " + word, Page.Source.MANUAL);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(indexing.awaitIndexed()).isTrue();
        assertThat(pagesWith(d, word)).isEqualTo(1);
        // the community's pages only: their routing key is the community's (decision 0061)
        try (Session session = index.open()) {
            SearchWorkspace pages = Search.session(session).workspace(Page.class);
            pages.purge(Set.of(CommunityRouting.key(d.id())));
            pages.refresh();
        }
        assertThat(pagesWith(d, word)).isZero();
        bootstrap.run(null);
        assertThat(pagesWith(d, word)).isEqualTo(1);
    }

    private long pagesWith(Community c, String word) {
        return index.search(s -> s.search(Page.class).where(f -> f.bool().filter(SharedIndex.community(f, c.id()))
                .must(f.match().field(SearchDocumentBinder.TEXT).matching(word))).fetchTotalHitCount());
    }
}
