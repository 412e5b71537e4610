package ua.viche.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
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
}
