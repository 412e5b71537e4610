package ua.viche.search.index;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;

/**
 * Indexes again the items whose status changed by time alone since they were indexed (a
 * consultation whose period ended, an event that started; {@link SearchDocument#searchStatusChanges()}),
 * so that the results' status and its facet follow the clock. Every five minutes, on one node.
 */
@Component
public class SearchStatusRefresh {

    /** Items indexed again at most per community and run; the rest wait for the next run. */
    private static final int BATCH = 500;

    private final Communities communities;
    private final EntityManagerFactory entityManagers;
    private final Exclusive exclusive;
    private final Clock clock;

    SearchStatusRefresh(Communities communities, EntityManagerFactory entityManagers, Exclusive exclusive,
                        Clock clock) {
        this.communities = communities;
        this.entityManagers = entityManagers;
        this.exclusive = exclusive;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void scheduled() {
        exclusive.run("search.status-refresh", () -> communities.forEach(c -> refresh()));
    }

    /** Indexes again the current community's items whose status has changed since; returns how many. */
    public int refresh() {
        // an entity manager and transaction of its own: the session's community is fixed when it opens
        EntityManager em = entityManagers.createEntityManager();
        try {
            em.getTransaction().begin();
            SearchSession session = Search.session(em);
            List<? extends SearchDocument> due = session.search(SearchDocument.class)
                    .where(f -> f.range().field(SearchDocumentBinder.STATUS_CHANGES).lessThan(clock.instant()))
                    .fetchHits(BATCH);
            due.forEach(entity -> session.indexingPlan().addOrUpdate(entity));
            em.getTransaction().commit();
            return due.size();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
