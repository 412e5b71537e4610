package ua.viche.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files, kept outside the web root in {@code <data-dir>/files/<community>/} under random
 * names, their type decided by their content (Apache Tika), never by the name the user gave.
 * Images (JPEG, PNG, TIFF) are stored upright and without any metadata ({@link Images}); files are
 * served back by {@link #serve}, inline only when they are raster images or PDF. What people attach
 * to a module's things is recorded by {@link Attachments}, which uses this store.
 */
@Service
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    private static final Tika TIKA = new Tika();
    private final Path root;

    FileStore(VicheSettings settings) {
        this.root = settings.dataDir().resolve("files");
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

    /** A stored upload: the key to read it back, its safe name, its type by content and its size. */
    public record Stored(String key, String name, String contentType, long size) {}

    /**
     * Stores an upload for the current community (see {@link #put}); an image is stored upright and
     * without metadata (EXIF, GPS, XMP, IPTC, comments), so what is published is the picture alone.
     */
    public Stored store(Upload upload) {
        try {
            String type = detect(upload.content());
            byte[] content = Images.cleaned(type) ? Images.clean(upload.content(), type) : upload.content();
            return new Stored(put(content), upload.safeName(), detect(content), content.length);
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
            return new Stored(put(upload.content()), upload.safeName(), detect(upload.content()), upload.content().length);
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
     * {@code filename*}, no path or control characters).
     */
    ResponseEntity<InputStreamResource> serve(
            String key, String name, CacheControl cache) throws IOException {
        InputStream in = new BufferedInputStream(open(key));
        String type = TIKA.detect(in); // marks and resets the stream
        boolean inline = INLINE.contains(type);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .contentLength(Files.size(root.resolve(key)))
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(inline, name))
                .body(new InputStreamResource(in));
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

    /** Opens a stored file of any community (for the platform's own work outside a request). */
    InputStream openStored(String key) throws IOException {
        if (key.contains("..")) {
            throw new NotFoundException("error.404.text");
        }
        return Files.newInputStream(root.resolve(key));
    }

    public void delete(String key) throws IOException {
        Files.deleteIfExists(root.resolve(key));
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
}
