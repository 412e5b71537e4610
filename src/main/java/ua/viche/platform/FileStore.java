package ua.viche.platform;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;
import ua.viche.platform.files.FileBackend;

/**
 * Uploaded files, kept outside the web root under random keys ({@code <community>/<random name>})
 * in a {@link FileBackend}: the directory {@code <data-dir>/files} or S3-compatible object storage
 * (decision 0056), their type decided by their content (Apache Tika), never by the name the user
 * gave. Images (JPEG, PNG, TIFF) are stored upright and without any metadata ({@link Images}); files
 * are served back by {@link #serve}, inline only when they are raster images or PDF. What people
 * attach to a module's things is recorded by {@link Attachments}, which uses this store.
 * <p>
 * The store records the SHA-256 and size of every file it writes ({@code stored_file}); a file is
 * checked against it whenever it is read to the end (a damaged or replaced file fails the read
 * instead of being served as if whole), and served with it as its {@code ETag}. Modules never see
 * where the bytes are: they write bytes and read streams, so a file written on one node is read on
 * every other.
 */
@Service
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    private static final Tika TIKA = new Tika();
    /** Checksums filled in for files stored before they were recorded, at most this many a start. */
    private static final int FILL_PER_START = 10_000;

    private final FileBackend backend;
    private final JdbcTemplate jdbc;

    FileStore(FileBackend backend, JdbcTemplate jdbc) {
        this.backend = backend;
        this.jdbc = jdbc;
    }

    /** The content type detected from the bytes. */
    public static String detect(byte[] content) {
        return TIKA.detect(content);
    }

    /** A file as a user sent it: the name they gave (shown, never trusted) and the bytes. */
    public record Upload(String name, byte[] content) {

        /** The given name without path separators or control characters, at most 200 characters. */
        public String safeName() {
            String n = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
            return n.length() > 200 ? n.substring(n.length() - 200) : n;
        }
    }

    /** Why a set of uploads is refused; the suffix of a module's message key. */
    public enum Refusal { TOO_MANY, TOO_LARGE, TYPE;

        public String key() {
            return switch (this) {
                case TOO_MANY -> "tooManyFiles";
                case TOO_LARGE -> "fileTooLarge";
                case TYPE -> "fileType";
            };
        }
    }

    /** Checks uploads against a limit of files (counting those already kept), a size limit and the types allowed by content. */
    public static Optional<Refusal> refusal(List<Upload> uploads, long existing, int maxFiles, long maxBytes,
                                                      Set<String> types) {
        if (uploads.size() + existing > maxFiles) {
            return Optional.of(Refusal.TOO_MANY);
        }
        for (Upload u : uploads) {
            if (u.content().length > maxBytes) {
                return Optional.of(Refusal.TOO_LARGE);
            }
            String type = detect(u.content());
            if (!types.contains(type) || Images.cleaned(type) && !Images.readable(u.content())) {
                return Optional.of(Refusal.TYPE);
            }
        }
        return Optional.empty();
    }

    /** Multipart files as uploads, skipping empty file inputs. */
    public static List<Upload> uploads(@Nullable List<MultipartFile> files)
            throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new Upload(f.getOriginalFilename() == null ? "file" : f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return uploads;
    }

    /** A stored upload: the key to read it back, its safe name, its type by content, its size and SHA-256 (hex). */
    public record Stored(String key, String name, String contentType, long size, String sha256) {}

    /**
     * Stores an upload for the current community (see {@link #put}); an image is stored upright and
     * without metadata (EXIF, GPS, XMP, IPTC, comments), so what is published is the picture alone.
     */
    public Stored store(Upload upload) {
        try {
            String type = detect(upload.content());
            byte[] content = Images.cleaned(type) ? Images.clean(upload.content(), type) : upload.content();
            String sha = sha256(content);
            return new Stored(put(content, sha), upload.safeName(), detect(content), content.length, sha);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores an archival master byte for byte: a scan of the archive's holdings is kept as the
     * scanner made it (large, often 16-bit or multi-page TIFF), not decoded and encoded again. Only
     * archivists upload these; residents' uploads go through {@link #store}.
     */
    public Stored storeOriginal(Upload upload) {
        try {
            String sha = sha256(upload.content());
            return new Stored(put(upload.content(), sha), upload.safeName(), detect(upload.content()), upload.content().length, sha);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types a browser may show in the page (inline); everything else is always a download. */
    static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf");

    /**
     * A stored file of the current community as an HTTP response: its type decided from its content
     * again, {@code X-Content-Type-Options: nosniff}, inline only for raster images and PDF (never
     * HTML, SVG or anything else), and a safe file name (plain ASCII {@code filename} and RFC 5987
     * {@code filename*}, no path or control characters); its SHA-256 is its {@code ETag} (a
     * request with that {@code If-None-Match} is answered 304 without the bytes).
     */
    ResponseEntity<InputStreamResource> serve(
            String key, String name, CacheControl cache) throws IOException {
        Record record = checkedKey(key);
        InputStream in = new BufferedInputStream(open(key, record));
        String type = TIKA.detect(in); // marks and resets the stream
        boolean inline = INLINE.contains(type);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .contentLength(record != null ? record.size() : backend.size(key))
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(inline, name));
        if (record != null) {
            answer.eTag("\"" + record.sha256() + "\"");
        }
        return answer.body(new InputStreamResource(in));
    }

    /** A Content-Disposition value with the name made safe: the last path segment, no control or quoting characters. */
    static String disposition(boolean inline, String name) {
        String base = name.replaceAll(".*[\\\\/]", "").replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\"\\\\;]", "_").strip();
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            base = "file";
        }
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("[^\\x20-\\x7e]", "_");
        String encoded = URLEncoder.encode(base, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A").replace("%7E", "~");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** Stores the bytes for the current community; returns the key to read them back. */
    public String put(byte[] content) throws IOException {
        return put(content, sha256(content));
    }

    private String put(byte[] content, String sha256) throws IOException {
        Community c = CurrentCommunity.require();
        String key = c.id() + "/" + UUID.randomUUID();
        backend.put(key, content, sha256);
        jdbc.update("insert into stored_file (storage_key, sha256, size_bytes) values (?, ?, ?) on conflict (storage_key) do nothing",
                key, sha256, (long) content.length);
        return key;
    }

    /**
     * Opens a stored file of the current community. Read to its end, the stream checks the bytes
     * against the recorded SHA-256 and fails with an {@link IOException} when they differ.
     */
    public InputStream open(String key) throws IOException {
        return open(key, checkedKey(key));
    }

    /** The recorded SHA-256 (hex) of a stored file of the current community, if the store has it. */
    public Optional<String> sha256(String key) {
        return Optional.ofNullable(checkedKey(key)).map(Record::sha256);
    }

    private @Nullable Record checkedKey(String key) {
        Community c = CurrentCommunity.require();
        if (!key.startsWith(c.id() + "/") || key.contains("..")) {
            throw new NotFoundException("error.404.text");
        }
        return record(key);
    }

    private InputStream open(String key, @Nullable Record record) throws IOException {
        InputStream in = backend.open(key);
        return record == null ? in : new Verified(in, key, record.sha256());
    }

    /** Opens a stored file of any community (for the platform's own work outside a request), checked as {@link #open}. */
    InputStream openStored(String key) throws IOException {
        if (key.contains("..")) {
            throw new NotFoundException("error.404.text");
        }
        return open(key, record(key));
    }

    private record Record(String sha256, long size) {}

    private @Nullable Record record(String key) {
        List<Record> found = jdbc.query("select sha256, size_bytes from stored_file where storage_key = ?",
                (r, i) -> new Record(r.getString(1), r.getLong(2)), key);
        return found.isEmpty() ? null : found.get(0);
    }

    public void delete(String key) throws IOException {
        backend.delete(key);
        try {
            jdbc.update("delete from stored_file where storage_key = ?", key);
        } catch (DataAccessException e) {
            // in a transaction that failed: its row goes with the rollback
            log.debug("Record of stored file {} not deleted: {}", key, e.toString());
        }
    }

    /**
     * Deletes stored files once the current transaction commits (their rows go in it), so a rolled
     * back deletion keeps them. A file that cannot be deleted is logged and left.
     */
    public void deleteAfterCommit(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> doomed = List.copyOf(keys);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (String key : doomed) {
                    try {
                        delete(key);
                    } catch (IOException e) {
                        log.warn("Stored file {} was not deleted: {}", key, e.toString());
                    }
                }
            }
        });
    }

    /**
     * Records the checksums of files stored before the store kept them (older uploads, the archive's
     * scans, certificates), at most {@value #FILL_PER_START} a start, in the background; a backend or
     * database that cannot be reached only postpones it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void fillChecksums() {
        Thread filler = new Thread(this::fill, "viche-file-checksums");
        filler.setDaemon(true);
        filler.start();
    }

    private void fill() {
        int filled = 0;
        try (Stream<String> keys = backend.keys()) {
            Iterator<String> it = keys.iterator();
            while (it.hasNext() && filled < FILL_PER_START) {
                List<String> batch = new ArrayList<>();
                while (it.hasNext() && batch.size() < 500) {
                    batch.add(it.next());
                }
                List<String> known = jdbc.queryForList("select storage_key from stored_file where storage_key = any (?)",
                        String.class, (Object) batch.toArray(String[]::new));
                for (String key : batch) {
                    if (!known.contains(key) && filled < FILL_PER_START) {
                        byte[] content;
                        try (InputStream in = backend.open(key)) {
                            content = in.readAllBytes();
                        }
                        jdbc.update("insert into stored_file (storage_key, sha256, size_bytes) values (?, ?, ?)"
                                + " on conflict (storage_key) do nothing", key, sha256(content), (long) content.length);
                        filled++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Checksums of stored files not filled in: {}", e.toString());
        }
        if (filled > 0) {
            log.info("Recorded the checksums of {} stored files kept from before", filled);
        }
    }

    /** Hex SHA-256 of the bytes. */
    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored file's bytes, checked against its recorded SHA-256 when the end is reached. */
    private static final class Verified extends FilterInputStream {

        private final MessageDigest digest = digest();
        private final String key;
        private final String expected;
        private boolean checked;

        Verified(InputStream in, String key, String expected) {
            super(in);
            this.key = key;
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                check();
            } else {
                digest.update(b, off, n);
            }
            return n;
        }

        /** Skipped bytes are read, so that the checksum covers them. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void mark(int readlimit) {
            // not supported
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }

        private void check() throws IOException {
            if (!checked) {
                checked = true;
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(expected)) {
                    throw new IOException("Stored file " + key + " does not match its SHA-256 (" + actual + " instead of "
                            + expected + ")");
                }
            }
        }
    }
}
