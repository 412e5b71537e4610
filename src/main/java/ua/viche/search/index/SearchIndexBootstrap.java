package ua.viche.search.index;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;

/**
 * Rebuilds a community's part of the search index at start when it is empty (a new data
 * directory, a deleted index, an upgrade that changed the mapping), so that search never silently
 * misses what the database holds. Afterwards the index follows every change as it commits.
 */
@Component
@Order(5)
class SearchIndexBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

    private final Communities communities;
    private final EntityManagerFactory entityManagers;

    SearchIndexBootstrap(Communities communities, EntityManagerFactory entityManagers) {
        this.communities = communities;
        this.entityManagers = entityManagers;
    }

    @Override
    public void run(ApplicationArguments args) {
        communities.forEach(c -> {
            EntityManager em = entityManagers.createEntityManager();
            try {
                SearchSession session = Search.session(em);
                if (session.search(Object.class).where(f -> f.matchAll()).fetchTotalHitCount() == 0) {
                    session.massIndexer().threadsToLoadObjects(1).startAndWait();
                    log.info("Search index rebuilt for {}", c.slug());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                em.close();
            }
        });
    }
}
