package ua.viche.search.index;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;
import ua.viche.search.SearchIndexing;
import ua.viche.search.SharedIndex;

/**
 * Rebuilds the search index at start where it does not hold what the database holds, so that search
 * never silently misses anything; afterwards the index follows every change through the outbox
 * (decision 0058), which also applies, after a crash, the changes committed before it.
 * <ul>
 *   <li>A type whose index holds another number of a community's items than the database (a new
 *   data directory, a deleted index, data written in bulk, an index restored from an older backup)
 *   is rebuilt for that community: a cheap check of two counts per type and community.</li>
 *   <li>Every type is rebuilt when the index was written by a version with other fields
 *   ({@link #MAPPING}, kept in {@code index/mapping.version}), or when asked with
 *   {@code --viche.search.reindex=all} ({@code true} too); {@code --viche.search.reindex=<slug>}
 *   rebuilds one community's index. The log shows the progress.</li>
 * </ul>
 */
@Component
@Order(5)
class SearchIndexBootstrap implements ApplicationRunner {

    /** Changes whenever an index's fields change in a way that needs the documents written again. */
    static final String MAPPING = "site-search-4";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

    private final Communities communities;
    private final EntityManagerFactory entityManagers;
    private final Path marker;
    private final SearchIndexing indexing;
    private final SearchReindex reindexing;
    private final SharedIndex index;
    /** {@code all} (or {@code true}), a community's slug, or nothing. */
    private final String reindex;

    SearchIndexBootstrap(Communities communities, EntityManagerFactory entityManagers, VicheSettings settings,
                         SearchIndexing indexing, SearchReindex reindexing, SharedIndex index,
                         @Value("${viche.search.reindex:}") String reindex) {
        this.index = index;
        this.reindexing = reindexing;
        this.communities = communities;
        this.indexing = indexing;
        this.entityManagers = entityManagers;
        this.marker = marker(settings.dataDir().resolve("index"));
        this.reindex = reindex;
    }

    @Override
    public void run(@Nullable ApplicationArguments args) {
        String asked = reindex.strip().equalsIgnoreCase("true") ? SearchReindex.ALL : reindex.strip();
        if (asked.equalsIgnoreCase("false")) {
            asked = "";
        }
        boolean all = asked.equals(SearchReindex.ALL) || !MAPPING.equals(written(marker));
        // the changes committed before a crash or a stop are applied first, so that the counts compare
        if (!indexing.awaitIndexed(Duration.ofSeconds(30))) {
            log.warn("The search outbox still holds {} changes after 30 s", indexing.backlog());
        }
        List<Class<?>> types = SearchReindex.types(entityManagers);
        try {
            if (all) {
                log.info("Rebuilding the search index in full: {}", types.stream().map(Class::getSimpleName).toList());
                try (Session session = index.open()) {
                    Search.session(session).massIndexer(types).threadsToLoadObjects(1).startAndWait();
                }
            } else {
                for (Community c : communities.all()) {
                    List<Class<?>> rebuild = outdated(c, types);
                    if (!rebuild.isEmpty()) {
                        log.info("Rebuilding the search index for {}: {}", c.slug(), rebuild.stream().map(Class::getSimpleName).toList());
                        index.rebuild(c.id(), rebuild, null);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (all) {
            log.info("Search index rebuilt in full (version {})", MAPPING);
        } else if (!asked.isEmpty()) {
            if (reindexing.targets(asked).isEmpty()) {
                log.warn("viche.search.reindex={}: no such community", asked);
            } else {
                reindexing.runNow(asked);
            }
        }
        write(marker);
    }

    /** The types whose documents of this community are not as many as its rows. */
    private List<Class<?>> outdated(Community c, List<Class<?>> types) {
        List<Class<?>> outdated = new ArrayList<>();
        try (Session root = index.open()) {
            SearchSession session = Search.session(root);
            for (SearchIndexedEntity<?> type : Search.mapping(entityManagers).allIndexedEntities()) {
                long indexed = session.search(type.javaClass()).where(f -> SharedIndex.community(f, c.id())).fetchTotalHitCount();
                long stored = CurrentCommunity.callAs(c, () -> {
                    EntityManager em = entityManagers.createEntityManager();
                    try {
                        return em.createQuery("select count(e) from " + type.jpaName() + " e", Long.class).getSingleResult();
                    } finally {
                        em.close();
                    }
                });
                if (indexed != stored) {
                    log.info("The search index holds {} {} of {}, the database {}", indexed, type.jpaName(), c.slug(), stored);
                    outdated.add(type.javaClass());
                }
            }
        }
        return outdated.stream().filter(types::contains).toList();
    }

    /** The marker of an index directory, written when the directory is made: a new index has the current fields. */
    static Path marker(Path indexDirectory) {
        return indexDirectory.resolve("mapping.version");
    }

    static @Nullable String written(Path marker) {
        try {
            return Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void write(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, MAPPING + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not record the search index's version in {}: {}", marker, e.getMessage());
        }
    }
}
