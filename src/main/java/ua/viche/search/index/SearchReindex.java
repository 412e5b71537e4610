package ua.viche.search.index;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorCreateContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.search.SharedIndex;

/**
 * Rebuilds the search index of one community or of every community from the database, in the
 * background, one at a time on this node, with its progress: for the platform administrator's page
 * ({@code /admin/search}) and for {@code --viche.search.reindex=all|<slug>} at start. Searches keep
 * working meanwhile; a community's results are incomplete while its turn runs.
 */
@Component
public class SearchReindex {

    /** Where a rebuild stands; {@code scope} is a community's slug or {@code all}. */
    public record Progress(@Nullable String scope, boolean running, int communitiesDone, int communitiesTotal,
                           @Nullable String current, long documentsDone, long documentsTotal,
                           @Nullable Instant started, @Nullable Instant finished, @Nullable String failure) {

        /** Percent of the documents done (0–100). */
        public int percent() {
            return documentsTotal == 0 ? (running ? 0 : 100) : (int) Math.min(100, documentsDone * 100 / documentsTotal);
        }
    }

    public static final String ALL = "all";

    private static final Logger log = LoggerFactory.getLogger(SearchReindex.class);

    private final Communities communities;
    private final EntityManagerFactory entityManagers;
    private final SharedIndex index;
    private final Clock clock;
    private volatile Progress progress = new Progress(null, false, 0, 0, null, 0, 0, null, null, null);

    SearchReindex(Communities communities, EntityManagerFactory entityManagers, SharedIndex index, Clock clock) {
        this.communities = communities;
        this.index = index;
        this.entityManagers = entityManagers;
        this.clock = clock;
    }

    public Progress progress() {
        return progress;
    }

    /**
     * Starts rebuilding {@code scope} ({@value #ALL} or a community's slug) in the background; false
     * when a rebuild already runs on this node. An unknown slug is refused by the caller.
     */
    public synchronized boolean start(String scope) {
        if (progress.running()) {
            return false;
        }
        List<Community> targets = targets(scope);
        progress = new Progress(scope, true, 0, targets.size(), null, 0, 0, clock.instant(), null, null);
        Thread worker = new Thread(() -> run(scope, targets), "search-reindex");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /** Rebuilds {@code scope} and returns when done (the command line). */
    public void runNow(String scope) {
        synchronized (this) {
            progress = new Progress(scope, true, 0, targets(scope).size(), null, 0, 0, clock.instant(), null, null);
        }
        run(scope, targets(scope));
    }

    /** The communities of a scope; empty for an unknown slug. */
    public List<Community> targets(String scope) {
        return ALL.equals(scope) ? communities.all() : communities.bySlug(scope).map(List::of).orElse(List.of());
    }

    private void run(String scope, List<Community> targets) {
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();
        try {
            int finished = 0;
            for (Community c : targets) {
                int communitiesDone = finished;
                progress = new Progress(scope, true, communitiesDone, targets.size(), c.slug(), done.get(), total.get(),
                        progress.started(), null, null);
                log.info("Reindexing the search index of {}", c.slug());
                reindex(c.id(), new MassIndexingMonitor() {
                    @Override public void documentsAdded(long n) {
                        done.addAndGet(n);
                        progress = new Progress(scope, true, communitiesDone, targets.size(), c.slug(), done.get(), total.get(),
                                progress.started(), null, null);
                    }
                    @Override public void documentsBuilt(long n) {}
                    @Override public void entitiesLoaded(long n) {}
                    @Override public MassIndexingTypeGroupMonitor typeGroupMonitor(MassIndexingTypeGroupMonitorCreateContext created) {
                        return new MassIndexingTypeGroupMonitor() {
                            @Override public void indexingStarted(MassIndexingTypeGroupMonitorContext context) {
                                total.addAndGet(context.totalCount().orElse(created.totalCount().orElse(0)));
                            }
                            @Override public void documentsIndexed(long n) {}
                            @Override public void indexingCompleted(MassIndexingTypeGroupMonitorContext context) {}
                        };
                    }
                    @Override public void indexingCompleted() {}
                });
                finished++;
            }
            progress = new Progress(scope, false, finished, targets.size(), null, done.get(), total.get(),
                    progress.started(), clock.instant(), null);
            log.info("Reindexed the search index of {}: {} documents", scope, done.get());
        } catch (RuntimeException e) {
            log.warn("Reindexing {} failed", scope, e);
            progress = new Progress(scope, false, progress.communitiesDone(), targets.size(), progress.current(), done.get(),
                    total.get(), progress.started(), clock.instant(), String.valueOf(e.getMessage()));
        }
    }

    /** Every indexed type of a community, from the database. */
    private void reindex(long community, MassIndexingMonitor monitor) {
        try {
            index.rebuild(community, types(entityManagers), monitor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every indexed type. */
    static List<Class<?>> types(EntityManagerFactory entityManagers) {
        return Search.mapping(entityManagers).allIndexedEntities().stream().<Class<?>>map(SearchIndexedEntity::javaClass).toList();
    }
}
