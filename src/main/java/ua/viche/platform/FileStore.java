package ua.viche.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.stereotype.Service;

/**
 * Uploaded files, kept outside the web root in {@code <data-dir>/files/<community>/} under random
 * names, their type decided by their content (Apache Tika), never by the name the user gave.
 */
@Service
public class FileStore {

    private static final Tika TIKA = new Tika();
    private final Path root;

    FileStore(VicheSettings settings) {
        this.root = settings.dataDir().resolve("files");
    }

    /** The content type detected from the bytes. */
    public static String detect(byte[] content) {
        return TIKA.detect(content);
    }

    /** Whether the content is of one of the allowed types. */
    public static boolean allowed(byte[] content, Set<String> types) {
        return types.contains(detect(content));
    }

    /** Stores the bytes for the current community; returns the key to read them back. */
    public String put(byte[] content) throws IOException {
        Community c = CurrentCommunity.require();
        String key = c.id() + "/" + UUID.randomUUID();
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    /** Opens a stored file of the current community. */
    public InputStream open(String key) throws IOException {
        Community c = CurrentCommunity.require();
        if (!key.startsWith(c.id() + "/") || key.contains("..")) {
            throw new NotFoundException("error.404.text");
        }
        return Files.newInputStream(root.resolve(key));
    }

    public void delete(String key) throws IOException {
        Files.deleteIfExists(root.resolve(key));
    }
}
