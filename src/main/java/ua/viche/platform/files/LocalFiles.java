package ua.viche.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Files in a directory ({@code <data-dir>/files}): each written to a temporary name and moved into
 * place atomically, so a reader never sees half a file. Several nodes share it as a network volume.
 */
public final class LocalFiles implements FileBackend {

    private static final String TEMPORARY = ".tmp";

    private final Path root;

    public LocalFiles(Path root) {
        this.root = root;
    }

    private Path path(String key) {
        return root.resolve(key);
    }

    @Override
    public void put(String key, byte[] content, String sha256) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + TEMPORARY);
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public Stream<String> keys() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return Files.walk(root).filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                .filter(k -> !k.endsWith(TEMPORARY));
    }

    /** The directory exists (or can be made) and may be written to. */
    @Override
    public void check() throws IOException {
        Files.createDirectories(root);
        if (!Files.isWritable(root)) {
            throw new IOException("not writable: " + root);
        }
    }

    @Override
    public String describe() {
        return "directory " + root;
    }
}
