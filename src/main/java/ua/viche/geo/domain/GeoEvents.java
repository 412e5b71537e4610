package ua.viche.geo.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;

/**
 * Events at a place of the map (a concert at a sight, a guided walk from a route's start): a title
 * in both languages, a start and an end in Kyiv time, a short description. Officials add them to the
 * objects of their layers; everyone can take them into a calendar as iCalendar (RFC 5545, written
 * with ical4j), for one place or for the whole community.
 */
@Service
public class GeoEvents {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;

    private final JdbcTemplate jdbc;
    private final GeoEditing editing;
    private final AuditLog audit;
    private final Clock clock;

    GeoEvents(JdbcTemplate jdbc, GeoEditing editing, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.editing = editing;
        this.audit = audit;
        this.clock = clock;
    }

    /** An event at a place, with the place's name, layer and point (for the calendar's location). */
    public record Event(long id, long objectId, String layerSlug, String placeUk, String placeEn, @Nullable String address, double lat,
                        double lon, String titleUk, String titleEn, Instant startsAt, Instant endsAt, @Nullable String descriptionUk,
                        @Nullable String descriptionEn) {

        public String title(Locale locale) {
            return "en".equals(locale.getLanguage()) ? titleEn : titleUk;
        }

        public String place(Locale locale) {
            return "en".equals(locale.getLanguage()) ? placeEn : placeUk;
        }

        public @Nullable String description(Locale locale) {
            return "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionUk;
        }

        public LocalDateTime starts() { return LocalDateTime.ofInstant(startsAt, KYIV); }

        public LocalDateTime ends() { return LocalDateTime.ofInstant(endsAt, KYIV); }

        public String path() { return "map/" + layerSlug + "/" + objectId; }
    }

    private static final String SELECT = "select e.id, e.object_id, o.layer_slug, o.name_uk, o.name_en, o.address, o.latitude, o.longitude,"
            + " e.title_uk, e.title_en, e.starts_at, e.ends_at, e.description_uk, e.description_en"
            + " from geo_event e join geo_object o on o.id = e.object_id where e.community_id = ?";

    private static Event row(ResultSet rs, int n) throws SQLException {
        return new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7),
                rs.getDouble(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
                rs.getString(13), rs.getString(14));
    }

    /** The place's events that have not ended yet, soonest first (every one of them for an official's form). */
    @Transactional(readOnly = true)
    public List<Event> of(long objectId, boolean pastToo) {
        return jdbc.query(SELECT + " and e.object_id = ?" + (pastToo ? "" : " and e.ends_at >= ?") + " order by e.starts_at, e.id",
                GeoEvents::row, pastToo ? new Object[] {CurrentCommunity.require().id(), objectId}
                        : new Object[] {CurrentCommunity.require().id(), objectId, Timestamp.from(clock.instant())});
    }

    /** Every public place's events that have not ended yet, soonest first. */
    @Transactional(readOnly = true)
    public List<Event> upcoming(int limit) {
        return jdbc.query(SELECT + " and o.layer_published and e.ends_at >= ? order by e.starts_at, e.id limit ?", GeoEvents::row,
                CurrentCommunity.require().id(), Timestamp.from(clock.instant()), limit);
    }

    /** What an official gives for an event; times in Kyiv time. */
    public record Input(String titleUk, String titleEn, @Nullable LocalDateTime starts, @Nullable LocalDateTime ends,
                        @Nullable String descriptionUk, @Nullable String descriptionEn) {}

    @Transactional
    public long add(long layerId, long objectId, Input in) {
        MapObject o = editing.requireEditableObject(layerId, objectId);
        if (in.titleUk().isBlank() || in.titleUk().length() > MAX_TITLE || in.titleEn().length() > MAX_TITLE) {
            throw Refusal.field("title_uk", "geo.error.eventTitle", MAX_TITLE);
        }
        if (in.starts() == null || in.ends() == null) {
            throw Refusal.field("starts", "geo.error.eventWhen");
        }
        if (!in.ends().isAfter(in.starts())) {
            throw Refusal.field("ends", "geo.error.eventEnds");
        }
        if ((in.descriptionUk() != null && in.descriptionUk().length() > MAX_DESCRIPTION)
                || (in.descriptionEn() != null && in.descriptionEn().length() > MAX_DESCRIPTION)) {
            throw Refusal.field("description_uk", "geo.error.eventDescription", MAX_DESCRIPTION);
        }
        Long id = jdbc.queryForObject("insert into geo_event (community_id, object_id, title_uk, title_en, starts_at, ends_at, description_uk,"
                        + " description_en, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                CurrentCommunity.require().id(), o.getId(), in.titleUk().strip(), in.titleEn().isBlank() ? in.titleUk().strip() : in.titleEn().strip(),
                Timestamp.from(in.starts().atZone(KYIV).toInstant()), Timestamp.from(in.ends().atZone(KYIV).toInstant()),
                blankToNull(in.descriptionUk()), blankToNull(in.descriptionEn()), Timestamp.from(clock.instant()));
        audit.record("geo.event.added", "geo_event", id, in.titleUk());
        return id;
    }

    @Transactional
    public void delete(long layerId, long objectId, long eventId) {
        editing.requireEditableObject(layerId, objectId);
        int n = jdbc.update("delete from geo_event where community_id = ? and object_id = ? and id = ?", CurrentCommunity.require().id(),
                objectId, eventId);
        if (n == 0) {
            throw new NotFoundException("geo.error.noEvent");
        }
        audit.record("geo.event.deleted", "geo_event", eventId, "");
    }


    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The events as an iCalendar stream (RFC 5545): one VEVENT each with a stable UID, times in UTC,
     * the place as LOCATION and GEO, and the place's page as URL.
     */
    public static String iCalendar(List<Event> events, String baseUrl, String communitySlug, String host) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Viche//Geoportal " + communitySlug + "//UK"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        for (Event e : events) {
            VEvent v = new VEvent(e.startsAt(), e.endsAt(), e.titleUk());
            v.add(new Uid("geo-event-" + e.id() + "@" + host));
            v.add(new Location(e.placeUk() + (e.address() == null ? "" : ", " + e.address())));
            v.add(new Geo(BigDecimal.valueOf(e.lat()), BigDecimal.valueOf(e.lon())));
            v.add(new Url(URI.create(baseUrl + "/" + communitySlug + "/" + e.path())));
            if (e.descriptionUk() != null) {
                v.add(new Description(e.descriptionUk()));
            }
            cal.add(v);
        }
        return cal.toString();
    }
}
