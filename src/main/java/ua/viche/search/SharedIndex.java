package ua.viche.search;

import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The search index every community shares (decision 0061). Documents are written by one outbox
 * processor for all communities, as the platform's root tenant; a search runs in a session of that
 * tenant and narrows itself to one community with {@link #community}. Modules that search (the site
 * search, petitions, the archive) go through here; nothing else should open a root session.
 */
@Component
public class SharedIndex {

    /** The platform's root tenant (no community), which sees every community's rows. */
    static final long ROOT_TENANT = 0L;

    private final EntityManagerFactory entityManagers;

    SharedIndex(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    /**
     * Runs {@code work} with a search session over the whole index; every query it makes must filter
     * on the community ({@link #community}). The session is read-only and closed afterwards: project
     * fields or identifiers, never return its entities.
     */
    public <T> T search(Function<SearchSession, T> work) {
        try (Session session = open()) {
            session.setDefaultReadOnly(true);
            return work.apply(Search.session(session));
        }
    }

    /** A session of the root tenant, for indexing work across communities (the index's own package). */
    public Session open() {
        return entityManagers.unwrap(SessionFactory.class).withOptions().tenantIdentifier((Object) ROOT_TENANT).openSession();
    }

    /**
     * Writes a community's documents of these types anew: drops them (by their routing key), then
     * indexes the community's rows; other communities' documents are not touched. The mass indexer
     * adds documents without looking for existing ones, hence the drop first.
     */
    public void rebuild(long community, Collection<Class<?>> types, @Nullable MassIndexingMonitor monitor)
            throws InterruptedException {
        try (Session session = open()) {
            SearchSession search = Search.session(session);
            search.workspace(types).purge(Set.of(CommunityRouting.key(community)));
            MassIndexer indexer = search.massIndexer(types).purgeAllOnStart(false).threadsToLoadObjects(1);
            if (monitor != null) {
                indexer.monitor(monitor);
            }
            for (Class<?> type : types) {
                indexer.type(type).reindexOnly("e.communityId = :community").param("community", community);
            }
            indexer.startAndWait();
        }
    }

    /** Only the documents of this community. */
    public static PredicateFinalStep community(SearchPredicateFactory f, long community) {
        return f.match().field(SearchDocumentBinder.COMMUNITY).matching(community);
    }
}
