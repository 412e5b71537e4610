package ua.viche.search.index;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.platform.VicheSettings;
import ua.viche.search.SearchIndexing;

/**
 * With the demo on, the start is ready only when the demo's data is searchable: after the last demo
 * generator, waits for the outbox to apply what they wrote (its bulk history is indexed through the
 * outbox, {@link SearchIndexing#writtenInBulk}). A node whose outbox processor is off does not wait.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class DemoIndexed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIndexed.class);

    private final VicheSettings settings;
    private final SearchIndexing indexing;

    DemoIndexed(VicheSettings settings, SearchIndexing indexing) {
        this.settings = settings;
        this.indexing = indexing;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        long started = System.nanoTime();
        long backlog = indexing.backlog();
        boolean done = indexing.awaitIndexed(Duration.ofMinutes(2));
        log.info("Demo data {} in the search index: {} changes applied in {} ms", done ? "is" : "is not yet", backlog,
                (System.nanoTime() - started) / 1_000_000);
    }
}
