package ua.viche.search.index;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import ua.viche.platform.VicheSettings;

/**
 * Rebuilds the search index at start where it does not hold what the database holds, so that search
 * never silently misses anything; afterwards the index follows every change as it commits.
 * <ul>
 *   <li>A type whose index holds nothing of a community while the database holds some (a new data
 *   directory, a deleted index, data written in bulk) is rebuilt for that community.</li>
 *   <li>Every type is rebuilt when the index was written by a version with other fields
 *   ({@link #MAPPING}, kept in {@code index/mapping.version}), or when asked with
 *   {@code --viche.search.reindex=true}; the log shows the progress.</li>
 * </ul>
 */
@Component
@Order(5)
class SearchIndexBootstrap implements ApplicationRunner {

    /** Changes whenever an index's fields change in a way that needs the documents written again. */
    static final String MAPPING = "site-search-3";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

    private final Communities communities;
    private final EntityManagerFactory entityManagers;
    private final Path marker;
    private final boolean reindex;

    SearchIndexBootstrap(Communities communities, EntityManagerFactory entityManagers, VicheSettings settings,
                         @Value("${viche.search.reindex:false}") boolean reindex) {
        this.communities = communities;
        this.entityManagers = entityManagers;
        this.marker = marker(settings.dataDir().resolve("index"));
        this.reindex = reindex;
    }

    @Override
    public void run(@Nullable ApplicationArguments args) {
        boolean all = reindex || !MAPPING.equals(written(marker));
        communities.forEach(c -> {
            EntityManager em = entityManagers.createEntityManager();
            try {
                SearchSession session = Search.session(em);
                List<Class<?>> rebuild = new ArrayList<>();
                for (SearchIndexedEntity<?> type : Search.mapping(entityManagers).allIndexedEntities()) {
                    long indexed = session.search(type.javaClass()).where(f -> f.matchAll()).fetchTotalHitCount();
                    if (all || indexed == 0 && em.createQuery("select count(e) from " + type.jpaName() + " e", Long.class)
                            .getSingleResult() > 0) {
                        rebuild.add(type.javaClass());
                    }
                }
                if (!rebuild.isEmpty()) {
                    log.info("Rebuilding the search index for {}: {}", c.slug(), rebuild.stream().map(Class::getSimpleName).toList());
                    session.massIndexer(rebuild).threadsToLoadObjects(1).startAndWait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                em.close();
            }
        });
        if (all) {
            log.info("Search index rebuilt in full (version {})", MAPPING);
        }
        write(marker);
    }

    /** The marker of an index directory, written when the directory is made: a new index has the current fields. */
    static Path marker(Path indexDirectory) {
        return indexDirectory.resolve("mapping.version");
    }

    private static @Nullable String written(Path marker) {
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
