package ua.viche.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.stream.Stream;

/**
 * The bytes of stored files by key ({@code <community id>/<random name>}): written once, read,
 * deleted. A file written by one node is read by every other node that uses the same backend.
 */
public interface FileBackend {

    /** Writes the file under the key; the SHA-256 (hex) lets a backend that can check the transfer do so. */
    void put(String key, byte[] content, String sha256) throws IOException;

    /** Opens the file; {@link NoSuchFileException} when there is none under the key. */
    InputStream open(String key) throws IOException;

    /** The size of the file in bytes. */
    long size(String key) throws IOException;

    /** Deletes the file; nothing happens when there is none. */
    void delete(String key) throws IOException;

    /** Every stored key, for the start-up work that fills in missing checksums; the caller closes the stream. */
    Stream<String> keys() throws IOException;

    /** Whether the files can be written and read now: throws when not (the health check, the start's log). */
    void check() throws IOException;

    /** Where the files are, for the log. */
    String describe();
}
