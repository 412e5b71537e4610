package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in Ukrainian and English; every literal message key a template uses exists;
 * messages with arguments format cleanly (no apostrophe swallowed by MessageFormat).
 */
class MessagesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void englishHasEveryUkrainianKey() throws IOException {
        for (String bundle : bundles()) {
            Properties uk = load(bundle + ".properties");
            Properties en = load(bundle + "_en.properties");
            Set<String> missing = new TreeSet<>();
            uk.stringPropertyNames().stream().filter(k -> !en.containsKey(k)).forEach(missing::add);
            Set<String> extra = new TreeSet<>(en.stringPropertyNames());
            extra.removeAll(uk.stringPropertyNames());
            assertThat(missing).as("keys of %s missing in English", bundle).isEmpty();
            assertThat(extra).as("keys of %s only in English", bundle).isEmpty();
        }
    }

    @Test
    void templatesUseOnlyExistingKeys() throws IOException {
        Properties all = new Properties();
        for (String bundle : bundles()) {
            all.putAll(load(bundle + ".properties"));
        }
        Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    if (!all.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void messagesWithArgumentsFormat() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String bundle : bundles()) {
            for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
                Properties p = load(file);
                for (String k : p.stringPropertyNames()) {
                    String v = p.getProperty(k);
                    if (!v.contains("{0}")) {
                        continue;
                    }
                    String formatted = new MessageFormat(v).format(new Object[] {"A", "B", "C"});
                    long quotes = v.chars().filter(c -> c == '\'').count();
                    if (!formatted.contains("A") || quotes > 0) {
                        broken.add(file + ": " + k);
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(I18N.resolve(name)), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
