package ua.viche.platform.database;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded PostgreSQL again when its process has died (killed, crashed), so that the
 * application recovers on its own as it does from an external database that comes back; the pool
 * then reconnects. Does nothing with an external database.
 */
@Component
class EmbeddedServerWatch {

    private final @Nullable EmbeddedDatabase database;

    EmbeddedServerWatch(DataSource dataSource) throws SQLException {
        this.database = dataSource.isWrapperFor(EmbeddedDataSource.class)
                ? dataSource.unwrap(EmbeddedDataSource.class).database() : null;
    }

    @Scheduled(fixedDelayString = "${viche.db.embedded-watch-interval:5000}", initialDelayString = "${viche.db.embedded-watch-interval:5000}")
    void check() {
        if (database != null) {
            database.ensureRunning();
        }
    }
}
