package ua.viche.geo.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;

/**
 * Photos of a place with their text alternative (WCAG 1.1.1), required in Ukrainian: the file is a
 * platform attachment owned by the photo's own row ({@code ('geo', 'photo', id)}), checked by the
 * platform's photo policy (JPEG or PNG by content, metadata removed), so that one photo can be
 * taken away on its own. A place has at most {@value #MAX_PHOTOS}.
 */
@Service
public class GeoPhotos {

    public static final int MAX_PHOTOS = 8;
    public static final int MAX_ALT = 300;

    private final JdbcTemplate jdbc;
    private final GeoEditing editing;
    private final Attachments attachments;
    private final AuditLog audit;
    private final Clock clock;

    GeoPhotos(JdbcTemplate jdbc, GeoEditing editing, Attachments attachments, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.editing = editing;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    /** A photo: its row id (the attachment's owner), the attachment, and the alternative text in both languages. */
    public record Photo(long id, Attachment file, String altUk, @Nullable String altEn) {

        public String alt(Locale locale) {
            return "en".equals(locale.getLanguage()) && altEn != null ? altEn : altUk;
        }
    }

    static Attachments.Owner owner(long photoId) {
        return new Attachments.Owner("geo", "photo", photoId);
    }

    /** The place's photos in the order they were added. */
    @Transactional(readOnly = true)
    public List<Photo> of(long objectId) {
        record Row(long id, String altUk, @Nullable String altEn) {}
        List<Row> rows = jdbc.query("select id, alt_uk, alt_en from geo_photo where community_id = ? and object_id = ? order by id",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)), CurrentCommunity.require().id(), objectId);
        Map<Long, Attachment> files = attachments.list("geo", "photo", rows.stream().map(Row::id).toList()).stream()
                .collect(Collectors.toMap(Attachment::getOwnerId, Function.identity(), (a, b) -> a));
        return rows.stream().filter(r -> files.containsKey(r.id())).map(r -> new Photo(r.id(), files.get(r.id()), r.altUk(), r.altEn())).toList();
    }

    /** One photo of a place, or 404. */
    @Transactional(readOnly = true)
    public Photo photo(long objectId, long photoId) {
        return of(objectId).stream().filter(p -> p.id() == photoId).findFirst().orElseThrow(() -> new NotFoundException("geo.error.noPhoto"));
    }

    /** Adds a photo to a place of the official's layer; the text alternative in Ukrainian is required. */
    @Transactional
    public long add(long layerId, long objectId, FileStore.@Nullable Upload upload, String altUk, String altEn) {
        MapObject o = editing.requireEditableObject(layerId, objectId);
        if (upload == null) {
            throw Refusal.field("photo", "geo.error.photoMissing");
        }
        if (altUk.isBlank()) {
            throw Refusal.field("alt_uk", "geo.error.photoAlt");
        }
        if (altUk.length() > MAX_ALT || altEn.length() > MAX_ALT) {
            throw Refusal.field("alt_uk", "geo.error.photoAltLong", MAX_ALT);
        }
        Long count = jdbc.queryForObject("select count(*) from geo_photo where community_id = ? and object_id = ?", Long.class,
                CurrentCommunity.require().id(), o.getId());
        if (count != null && count >= MAX_PHOTOS) {
            throw Refusal.field("photo", "geo.error.photoTooMany", MAX_PHOTOS);
        }
        Attachments.Policy policy = new Attachments.Policy(Attachments.Policy.PHOTOS.types(), 1, Attachments.Policy.PHOTOS.maxBytes(), false);
        policy.refusal(List.of(upload), 0).ifPresent(r -> { throw Refusal.field("photo", "geo.error.photo." + r.key()); });
        Long id = jdbc.queryForObject("insert into geo_photo (community_id, object_id, alt_uk, alt_en, created_at) values (?, ?, ?, ?, ?)"
                + " returning id", Long.class, CurrentCommunity.require().id(), o.getId(), altUk.strip(), altEn.isBlank() ? null : altEn.strip(),
                Timestamp.from(clock.instant()));
        attachments.store(owner(id), policy, List.of(upload));
        audit.record("geo.photo.added", "geo_object", o.getId(), altUk.strip());
        return id;
    }

    @Transactional
    public void delete(long layerId, long objectId, long photoId) {
        editing.requireEditableObject(layerId, objectId);
        int n = jdbc.update("delete from geo_photo where community_id = ? and object_id = ? and id = ?", CurrentCommunity.require().id(),
                objectId, photoId);
        if (n == 0) {
            throw new NotFoundException("geo.error.noPhoto");
        }
        attachments.deleteAll(List.of(owner(photoId)));
        audit.record("geo.photo.deleted", "geo_object", objectId, Long.toString(photoId));
    }

}
