package ua.viche.search.index;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;

/**
 * Rebuilds a community's part of the search index at start where it is empty: for each indexed
 * entity type whose index holds nothing of the community while the database holds some (a new data
 * directory, a deleted index, an upgrade that indexes a type it did not index before), so that
 * search never silently misses what the database holds. Afterwards the index follows every change
 * as it commits.
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
                List<Class<?>> empty = new ArrayList<>();
                for (SearchIndexedEntity<?> type : Search.mapping(entityManagers).allIndexedEntities()) {
                    if (session.search(type.javaClass()).where(f -> f.matchAll()).fetchTotalHitCount() == 0
                            && em.createQuery("select count(e) from " + type.jpaName() + " e", Long.class)
                            .getSingleResult() > 0) {
                        empty.add(type.javaClass());
                    }
                }
                if (!empty.isEmpty()) {
                    session.massIndexer(empty).threadsToLoadObjects(1).startAndWait();
                    log.info("Search index rebuilt for {}: {}", c.slug(), empty.stream().map(Class::getSimpleName).toList());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                em.close();
            }
        });
    }
}
