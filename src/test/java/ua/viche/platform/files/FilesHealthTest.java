package ua.viche.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/** The {@code files} health component: up when the directory can be written, down with the reason when not, asked at most every 15 s. */
class FilesHealthTest {

    @TempDir Path dir;

    @Test
    void aWritableDirectoryIsUpAndAPathThatCannotBeADirectoryIsDown() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(new FilesHealth(new LocalFiles(dir.resolve("files")), clock).health().getStatus()).isEqualTo(Status.UP);
        assertThat(dir.resolve("files")).isDirectory();

        Path blocked = Files.writeString(dir.resolve("not-a-directory"), "x");
        var health = new FilesHealth(new LocalFiles(blocked), clock).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error").containsEntry("store", "directory " + blocked);
    }

    @Test
    void theAnswerIsKeptForFifteenSeconds() throws IOException {
        Path root = dir.resolve("files");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        FilesHealth health = new FilesHealth(new LocalFiles(root), clock);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        Files.delete(root);
        Files.writeString(root, "x"); // the directory is gone, a file in its place
        clock.now = clock.now.plusSeconds(10);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.now = clock.now.plus(FilesHealth.CACHED);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
