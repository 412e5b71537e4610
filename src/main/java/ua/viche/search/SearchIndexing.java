package ua.viche.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.springframework.stereotype.Component;

/**
 * For rows a module writes with SQL rather than through its entities (an insert that must not race,
 * a batch): the entity, read back, is indexed as the transaction commits, as an entity changed
 * through Hibernate would be.
 */
@Component
public class SearchIndexing {

    @PersistenceContext
    private EntityManager entityManager;

    private final EntityManagerFactory entityManagers;

    SearchIndexing(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    /** Indexes (again) this entity, read in the current transaction, when the transaction commits. */
    public void written(Object entity) {
        Search.session(entityManager).indexingPlan().addOrUpdate(entity);
    }

    /**
     * Indexes anew every entity of this type of the current community, after its rows were written in
     * bulk with SQL (a demo's history); returns when done. Not inside a transaction.
     */
    public void writtenInBulk(Class<?> type) {
        EntityManager em = entityManagers.createEntityManager();
        try {
            Search.session(em).massIndexer(type).threadsToLoadObjects(1).startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            em.close();
        }
    }

    /**
     * For the rest of the current transaction, its changes are indexed after the commit without the
     * commit waiting for the index (a bulk import: a Lucene commit per transaction made a small segment
     * each and was most of the indexing's cost). The pages become searchable within a second; end the
     * import with {@link #compact()}, which waits for them. Changes made one at a time (a page's OCR,
     * an edit) keep the default: searchable when their transaction returns.
     */
    public void bulk() {
        Search.session(entityManager).indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async());
    }

    /**
     * After a bulk import: waits for the pending index changes, then merges each site search index
     * into one segment, so that a search looks its terms up once an index rather than once a segment
     * (bench/README, «Site search»). Not inside a transaction; the current community's view.
     */
    public void compact() {
        EntityManager em = entityManagers.createEntityManager();
        try {
            var workspace = Search.session(em).workspace(SearchDocument.class);
            workspace.flush();
            workspace.mergeSegments();
        } finally {
            em.close();
        }
    }
}
