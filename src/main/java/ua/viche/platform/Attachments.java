package ua.viche.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached by people to what a module owns, kept in one table ({@code attachment}) and the
 * {@link FileStore}. A module names the owner ({@link Owner}: its module, a kind and the owner's
 * id) and the rule of the use ({@link Policy}); the platform checks the uploads against it (by
 * content, never by the name or the type the browser claimed), stores images upright and without
 * metadata, records size and SHA-256, and serves a file back with safe headers. Who may see a file
 * is the owning module's decision: it finds the owner the current user may see first, and asks for
 * that owner's files only. The platform knows no module's tables.
 */
@Service
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    /** What a file is attached to: a module, a kind of thing of that module and its id. */
    public record Owner(String module, String kind, long id) {}

    /**
     * The rule of one use: the types allowed (detected from the content), at most this many files
     * per owner and this many bytes each; whether the name the user gave is kept (else the file is
     * named by its type, e.g. {@code photo.jpg}, when a name could tell about the person). JPEG,
     * PNG and TIFF are always decoded and encoded again without metadata.
     */
    public record Policy(Set<String> types, int maxFiles, long maxBytes, boolean keepNames) {

        /** PDF or images, 5 files of 10 MB, named as sent. */
        public static final Policy DOCUMENTS = new Policy(Set.of("application/pdf", "image/jpeg", "image/png"), 5,
                10L * 1024 * 1024, true);
        /** JPEG or PNG, 5 files of 5 MB, named as sent. */
        public static final Policy PHOTOS = new Policy(Set.of("image/jpeg", "image/png"), 5, 5L * 1024 * 1024, true);

        /** Why these uploads may not be added to an owner that already has {@code existing} files, if they may not. */
        public Optional<FileStore.Refusal> refusal(List<FileStore.Upload> uploads, long existing) {
            return FileStore.refusal(uploads, existing, maxFiles, maxBytes, types);
        }

        /** The same rule with the names the users gave replaced by the type ({@code photo.jpg}). */
        public Policy anonymousNames() {
            return new Policy(types, maxFiles, maxBytes, false);
        }
    }

    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
            "application/pdf", "pdf", "image/tiff", "tif");

    private static final String COLUMNS =
            "id, owner_module, owner_kind, owner_id, position, name, content_type, size_bytes, sha256, created_at, storage_key";

    private final JdbcTemplate jdbc;
    private final FileStore files;
    private final Clock clock;

    Attachments(JdbcTemplate jdbc, FileStore files, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
    }

    /** How many files the owner has. */
    public long count(Owner owner) {
        return jdbc.queryForObject("select count(*) from attachment where community_id = ? and owner_module = ?"
                + " and owner_kind = ? and owner_id = ?", Long.class, CurrentCommunity.require().id(), owner.module(),
                owner.kind(), owner.id());
    }

    /**
     * Stores the uploads for the owner in the current transaction. The module checks
     * {@link Policy#refusal} first, so as to refuse with its own message; uploads that break the rule
     * here are a mistake of the caller and nothing of them is stored. Files written for a
     * transaction that rolls back are deleted again.
     */
    public List<Attachment> store(Owner owner, Policy policy, List<FileStore.Upload> uploads) {
        if (uploads.isEmpty()) {
            return List.of();
        }
        long existing = count(owner);
        policy.refusal(uploads, existing).ifPresent(r -> {
            throw new IllegalArgumentException("uploads refused (" + r + ") for " + owner);
        });
        long community = CurrentCommunity.require().id();
        List<Attachment> stored = new ArrayList<>();
        List<String> written = new ArrayList<>();
        try {
            int position = (int) existing;
            for (FileStore.Upload u : uploads) {
                FileStore.Stored f = files.store(u);
                written.add(f.key());
                String name = policy.keepNames() ? f.name()
                        : "photo." + EXTENSIONS.getOrDefault(f.contentType(), "bin");
                String sha = f.sha256();
                Timestamp now = Timestamp.from(clock.instant());
                long id = jdbc.queryForObject("insert into attachment (community_id, owner_module, owner_kind, owner_id, position,"
                                + " name, content_type, size_bytes, sha256, storage_key, created_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                        community, owner.module(), owner.kind(), owner.id(), position, name, f.contentType(), f.size(), sha,
                        f.key(), now);
                stored.add(new Attachment(id, owner, position++, name, f.contentType(), f.size(), sha, now.toInstant(), f.key()));
            }
        } catch (RuntimeException e) {
            deleteQuietly(written);
            throw e;
        }
        deleteOnRollback(written);
        return stored;
    }

    /**
     * Stores a file the platform made itself (a generated picture of the demo, already without
     * metadata) for the owner, at the given moment; the type is the caller's, the checksum is computed.
     */
    public Attachment storeGenerated(Owner owner, String name, String contentType, byte[] content, Instant at) {
        try {
            String key = files.put(content);
            deleteOnRollback(List.of(key));
            String sha = sha256(new ByteArrayInputStream(content));
            int position = (int) count(owner);
            long id = jdbc.queryForObject("insert into attachment (community_id, owner_module, owner_kind, owner_id, position,"
                            + " name, content_type, size_bytes, sha256, storage_key, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                    CurrentCommunity.require().id(), owner.module(), owner.kind(), owner.id(), position, name, contentType,
                    (long) content.length, sha, key, Timestamp.from(at));
            return new Attachment(id, owner, position, name, contentType, content.length, sha, at, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The owner's files in the order they were added. */
    public List<Attachment> list(Owner owner) {
        return list(owner.module(), owner.kind(), List.of(owner.id()));
    }

    /** The files of several owners of one module and kind (e.g. the updates of a project), in the order they were added. */
    public List<Attachment> list(String module, String kind, Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from attachment where community_id = ? and owner_module = ? and owner_kind = ?"
                        + " and owner_id = any (?) order by owner_id, position, id", Attachments::row,
                CurrentCommunity.require().id(), module, kind, ownerIds.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * One file of the given owners (which the module has checked the current user may see), by its id
     * or, for a file kept from before the attachments were one table, by the id its link had then.
     */
    public Optional<Attachment> find(Collection<Owner> owners, long id) {
        for (Owner owner : owners) {
            List<Attachment> found = jdbc.query("select " + COLUMNS + " from attachment where community_id = ? and owner_module = ?"
                            + " and owner_kind = ? and owner_id = ? and (id = ? or legacy_id = ?)", Attachments::row,
                    CurrentCommunity.require().id(), owner.module(), owner.kind(), owner.id(), id, id);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** The stored bytes of a file (for a module that reads what was attached, such as a preview of a table). */
    public InputStream open(Attachment a) throws IOException {
        return files.open(a.key());
    }

    /**
     * A file as a download: the type detected from the stored bytes again, {@code X-Content-Type-Options:
     * nosniff}, inline only for raster images and PDF, and the stored name made safe in
     * {@code Content-Disposition} (decision 0028).
     */
    public ResponseEntity<InputStreamResource> download(Attachment a, CacheControl cache) throws IOException {
        return files.serve(a.key(), a.getName(), cache);
    }

    /**
     * Deletes the files of these owners (of any community: ids are unique) in the current
     * transaction; the stored bytes go once it commits ({@link FileStore#deleteAfterCommit}), so a
     * deletion that rolls back keeps them. Returns how many files go.
     */
    public int deleteAll(Collection<Owner> owners) {
        List<String> keys = new ArrayList<>();
        owners.stream().collect(Collectors.groupingBy(o -> List.of(o.module(), o.kind())))
                .forEach((kind, group) -> keys.addAll(jdbc.queryForList("delete from attachment where owner_module = ?"
                        + " and owner_kind = ? and owner_id = any (?) returning storage_key", String.class, kind.get(0),
                        kind.get(1), group.stream().mapToLong(Owner::id).toArray())));
        files.deleteAfterCommit(keys);
        return keys.size();
    }

    /** Deletes one file (found through its owner first) in the current transaction; the bytes go once it commits. */
    public void delete(Attachment a) {
        List<String> keys = jdbc.queryForList("delete from attachment where id = ? returning storage_key", String.class, a.getId());
        files.deleteAfterCommit(keys);
    }

    /**
     * Fills in the checksums of files kept from before they were recorded (rows moved by the
     * migration), up to 10,000 a start; a database that cannot be reached only postpones it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void fillChecksums() {
        List<Map<String, Object>> rows;
        try {
            rows = jdbc.queryForList("select id, storage_key from attachment where sha256 = '' order by id limit 10000");
        } catch (DataAccessException e) {
            log.warn("Checksums of attachments not filled in: {}", e.toString());
            return;
        }
        for (Map<String, Object> r : rows) {
            try (InputStream in = files.openStored((String) r.get("storage_key"))) {
                jdbc.update("update attachment set sha256 = ? where id = ?", sha256(in), r.get("id"));
            } catch (IOException | RuntimeException e) {
                log.warn("No checksum for attachment {}: {}", r.get("id"), e.toString());
            }
        }
    }

    static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attachment row(ResultSet r, int i) throws SQLException {
        return new Attachment(r.getLong("id"), new Owner(r.getString("owner_module"), r.getString("owner_kind"), r.getLong("owner_id")),
                r.getInt("position"), r.getString("name"), r.getString("content_type"), r.getLong("size_bytes"),
                r.getString("sha256"), r.getTimestamp("created_at").toInstant(), r.getString("storage_key"));
    }

    private void deleteOnRollback(List<String> keys) {
        if (keys.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        List<String> written = List.copyOf(keys);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    deleteQuietly(written);
                }
            }
        });
    }

    private void deleteQuietly(List<String> keys) {
        for (String key : keys) {
            try {
                files.delete(key);
            } catch (IOException e) {
                log.warn("Stored file {} was not deleted: {}", key, e.toString());
            }
        }
    }
}
