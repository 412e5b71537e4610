package ua.viche.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.platform.CurrentCommunity;

/**
 * For rows a module writes with SQL rather than through its entities (an insert that must not race,
 * a batch): the entity, read back, is indexed as the transaction commits, as an entity changed
 * through Hibernate would be.
 * <p>
 * Every change reaches the index through Hibernate Search's outbox (decision 0058): it is written
 * to the outbox in the transaction that makes it and becomes searchable a moment (about a tenth of a
 * second) after the commit; {@link #awaitIndexed()} waits for that.
 */
@Component
public class SearchIndexing {

    @PersistenceContext
    private EntityManager entityManager;

    /** How long {@link #awaitIndexed} waits for an outbox processor to appear before it gives up. */
    private static final Duration NO_PROCESSOR_GRACE = Duration.ofSeconds(5);

    private final SharedIndex index;
    private final JdbcTemplate jdbc;

    private final TransactionTemplate tx;

    SearchIndexing(SharedIndex index, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.index = index;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Indexes (again) this entity, read in the current transaction, when the transaction commits. */
    public void written(Object entity) {
        Search.session(entityManager).indexingPlan().addOrUpdate(entity);
    }

    /**
     * Indexes anew every entity of this type of the current community, after its rows were written in
     * bulk with SQL (a demo's history): each goes through the outbox, as a changed entity does, and is
     * searchable a moment after this returns ({@link #awaitIndexed()} waits for it). Not inside a
     * transaction. (A mass indexer per call cost seconds of coordination each, decision 0061.)
     */
    public void writtenInBulk(Class<?> type) {
        long community = CurrentCommunity.require().id();
        String entity = entityManager.getMetamodel().entity(type).getName();
        tx.executeWithoutResult(s -> {
            var plan = Search.session(entityManager).indexingPlan();
            entityManager.createQuery("select e from " + entity + " e where e.communityId = :community", type)
                    .setParameter("community", community).getResultStream().forEach(plan::addOrUpdate);
        });
    }

    /**
     * Marks the current transaction as part of a bulk import; end the import with {@link #compact()},
     * which waits for its changes. (The outbox applies every change after its commit, in batches,
     * so a bulk import no longer needs a synchronisation strategy of its own.)
     */
    public void bulk() {
        // nothing to change: kept so that importers state their intent, and for a backend that needs it
    }

    /** Whether some node's outbox processor is alive (its agent's pulse has not expired). */
    private boolean processing() {
        Boolean alive = jdbc.queryForObject("select exists (select 1 from hsearch_agent where type like 'EVENT_PROCESSING%'"
                + " and expiration > now())", Boolean.class);
        return Boolean.TRUE.equals(alive);
    }

    /** Changes committed but not yet in the index (the outbox's backlog, every community's). */
    public long backlog() {
        Long n = jdbc.queryForObject("select count(*) from hsearch_outbox_event where status = 'PENDING'", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Waits until every change committed so far is in the index and visible to searches (at most
     * {@code timeout}); returns whether it is. Not inside a transaction.
     */
    public boolean awaitIndexed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long unprocessedSince = 0;
        try {
            while (backlog() > 0) {
                long now = System.nanoTime();
                if (now > deadline) {
                    return false;
                }
                // no node processes the outbox (a node started with the processor off, all stopped):
                // nothing will drain, so do not wait out the timeout (a new agent registers within seconds)
                if (processing()) {
                    unprocessedSince = 0;
                } else if (unprocessedSince == 0) {
                    unprocessedSince = now;
                } else if (now - unprocessedSince > NO_PROCESSOR_GRACE.toNanos()) {
                    return false;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try (Session session = index.open()) {
            Search.session(session).workspace(SearchDocument.class).refresh();
        }
        return true;
    }

    /** {@link #awaitIndexed(Duration)} with ten seconds. */
    public boolean awaitIndexed() {
        return awaitIndexed(Duration.ofSeconds(10));
    }

    /**
     * After a bulk import: waits for the pending index changes, then merges each site search index
     * into one segment, so that a search looks its terms up once an index rather than once a segment
     * (bench/README, «Site search»). Not inside a transaction.
     */
    public void compact() {
        awaitIndexed(Duration.ofMinutes(5));
        try (Session session = index.open()) {
            var workspace = Search.session(session).workspace(SearchDocument.class);
            workspace.flush();
            workspace.mergeSegments();
        }
    }
}
