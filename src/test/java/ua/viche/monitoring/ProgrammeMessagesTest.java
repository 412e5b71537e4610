package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The programme's message bundles name each key once (a second one silently wins: the indicator's
 * "by the formula" column once read "computed by the platform"), and both languages have the same keys.
 */
class ProgrammeMessagesTest {

    @Test
    void everyKeyOnceAndInBothLanguages() throws IOException {
        Set<String> uk = keys("/i18n/monitoring.properties");
        Set<String> en = keys("/i18n/monitoring_en.properties");
        assertThat(uk).isNotEmpty().isEqualTo(en);
    }

    private static Set<String> keys(String resource) throws IOException {
        try (InputStream in = ProgrammeMessagesTest.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("=")).toList();
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            for (String l : lines) {
                String key = l.substring(0, l.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as("keys named twice in %s", resource).isEmpty();
            return new TreeSet<>(seen);
        }
    }
}
