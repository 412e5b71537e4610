package ua.viche.search.index;

import java.time.Clock;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Exclusive;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SharedIndex;

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
    private final SharedIndex index;
    private final Exclusive exclusive;
    private final Clock clock;

    SearchStatusRefresh(Communities communities, SharedIndex index, Exclusive exclusive,
                        Clock clock) {
        this.communities = communities;
        this.index = index;
        this.exclusive = exclusive;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void scheduled() {
        exclusive.run("search.status-refresh", () -> communities.forEach(c -> refresh()));
    }

    /** Indexes again the current community's items whose status has changed since; returns how many. */
    public int refresh() {
        long community = CurrentCommunity.require().id();
        // the shared index's session (decision 0061): the items are found, read and indexed again in it
        try (Session session = index.open()) {
            Transaction transaction = session.beginTransaction();
            try {
                SearchSession search = Search.session(session);
                List<? extends SearchDocument> due = search.search(SearchDocument.class)
                        .where(f -> f.bool().filter(SharedIndex.community(f, community))
                                .filter(f.range().field(SearchDocumentBinder.STATUS_CHANGES).lessThan(clock.instant())))
                        .fetchHits(BATCH);
                due.forEach(entity -> search.indexingPlan().addOrUpdate(entity));
                transaction.commit();
                return due.size();
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        }
    }
}
