package ua.viche.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL keeps its data across starts, and a server left running by a killed
 * process is found and stopped, with every committed row still there.
 */
@Tag("integration")
class EmbeddedDatabaseTest {

    @TempDir Path dir;

    @Test
    void secondStartReusesTheData() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            execute(db, "create table kept (v text)", "insert into kept values ('перший запуск')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            assertThat(single(db, "select v from kept")).isEqualTo("перший запуск");
            assertThat(single(db, "show fsync")).isEqualTo("on");
            assertThat(single(db, "show synchronous_commit")).isEqualTo("on");
            assertThat(single(db, "show full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aServerLeftByAKilledProcessIsStoppedAndNothingCommittedIsLost() throws Exception {
        Path data = dir.resolve("postgres");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(Files.readString(dir.resolve("child.log"))).contains("committed");
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("orphaned server runs").contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            assertThat(single(db, "select v from confirmed")).isEqualTo("підпис 1");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aServerWhoseProcessDiesIsStartedAgainOnItsPortWithItsData() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            execute(db, "create table kept (v text)", "insert into kept values ('до збою')");
            int port = db.port();
            assertThat(db.ensureRunning()).as("nothing to do while it runs").isFalse();
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim()))
                    .orElseThrow();
            postmaster.destroyForcibly(); // as the kernel's OOM killer would
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            assertThat(db.running()).isFalse();

            long start = System.nanoTime();
            while (!db.running() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(90)) {
                if (!db.ensureRunning()) { // the dead server's last processes may still hold its memory for a moment
                    Thread.sleep(1000);
                }
            }
            assertThat(db.running()).isTrue();
            assertThat(db.port()).isEqualTo(port);
            assertThat(db.jdbcUrl()).contains(":" + port + "/");
            assertThat(single(db, "select v from kept")).isEqualTo("до збою");
        }
    }

    @Test
    void aServerStoppedOnPurposeIsNotStartedBehindOnesBack() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0)) {
            db.stop();
            assertThat(db.ensureRunning()).isFalse();
            assertThat(db.running()).isFalse();
            db.restart();
            assertThat(db.running()).isTrue();
            assertThat(single(db, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void aServerStartedEarlyIsTakenOnceForItsOwnDirectoryAndStoppedIfNobodyTookIt() throws Exception {
        Path data = dir.resolve("early");
        EarlyEmbeddedDatabase.Start early = new EarlyEmbeddedDatabase.Start(data, 0);
        assertThat(early.claim(dir.resolve("elsewhere"), 0)).as("another directory").isNull();
        try (EmbeddedDatabase db = early.claim(data, 0)) {
            assertThat(db).isNotNull();
            assertThat(single(db, "show synchronous_commit")).isEqualTo("on");
            assertThat(early.claim(data, 0)).as("taken once").isNull();
            early.stopUnclaimed(); // taken: left running for its owner
            assertThat(db.running()).isTrue();
        }

        EarlyEmbeddedDatabase.Start unclaimed = new EarlyEmbeddedDatabase.Start(dir.resolve("unclaimed"), 0);
        unclaimed.stopUnclaimed(); // waits for the start, then stops the server
        assertThat(Files.exists(dir.resolve("unclaimed").resolve("postmaster.pid"))).as("the server stopped").isFalse();
    }

    private static void execute(EmbeddedDatabase db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), ""); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static String single(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** Starts a server, commits a row, then dies without any shutdown (as with kill -9). */
    public static final class OrphanMaker {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(new File(args[0]).toPath(), 0);
            execute(db, "create table confirmed (v text)", "insert into confirmed values ('підпис 1')");
            System.out.println("committed");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
