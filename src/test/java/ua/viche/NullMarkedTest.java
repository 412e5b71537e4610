package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every package of the application is {@code @NullMarked}: types are non-null unless they say
 * {@code @Nullable}, for the compiler's readers and for Spring, which checks repository arguments and
 * results by it.
 */
class NullMarkedTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageIsNullMarked() throws IOException {
        List<String> packages = packages();
        assertThat(packages).as("packages found under ua.viche").contains("ua.viche", "ua.viche.petitions.domain");
        List<String> unmarked = new ArrayList<>();
        for (String name : packages) {
            if (!marked(name)) {
                unmarked.add(name);
            }
        }
        assertThat(unmarked).as("packages without a package-info.java annotated @NullMarked").isEmpty();
    }

    /** Packages under {@code ua.viche} that hold at least one Java source. */
    private static List<String> packages() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES.resolve("ua/viche"))) {
            return dirs.filter(Files::isDirectory).filter(NullMarkedTest::holdsJava)
                    .map(d -> SOURCES.relativize(d).toString().replace('/', '.').replace('\\', '.'))
                    .sorted().toList();
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the compiled package carries the annotation (a package-info that only mentions it does not count). */
    private static boolean marked(String name) {
        try {
            return Class.forName(name + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
