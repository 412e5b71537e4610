package ua.viche.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A petition and an archive page committed by a process that is killed (SIGKILL) right after the
 * commit, before anything reached its index, are found by search once the application starts again
 * on the same data directory: the outbox kept the changes (decision 0058).
 */
@Tag("integration")
class SearchAfterCrashTest {

    @TempDir Path dir;

    @Test
    void whatWasCommittedBeforeAKillIsFoundAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        String marker = "жкрахтест" + System.nanoTime() % 1000;

        Process writer = node("write", data, marker);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder log = new StringBuilder();
            boolean committed = false;
            for (String line; !committed && (line = out.readLine()) != null; ) {
                log.append(line).append('\n');
                committed = line.equals("committed");
            }
            assertThat(committed).as("the writer committed:%n%s", log).isTrue();
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no index commit
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }

        Process reader = node("read", data, marker);
        String found;
        try {
            byte[] output = reader.getInputStream().readAllBytes();
            assertThat(reader.waitFor(300, TimeUnit.SECONDS)).as("the second start finished").isTrue();
            found = new String(output, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("found ")).findFirst()
                    .map(l -> l.substring("found ".length())).orElseThrow(() -> new AssertionError(new String(output, StandardCharsets.UTF_8)));
        } finally {
            reader.destroyForcibly();
        }
        List<String> kinds = JsonPath.read(found, "$.items[*].kind");
        assertThat(kinds).contains("petition", "archive_page");
    }

    private static Process node(String phase, Path data, String marker) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                CrashingNode.class.getName(), phase, data.toString(), marker).redirectErrorStream(true);
        return builder.start();
    }
}
