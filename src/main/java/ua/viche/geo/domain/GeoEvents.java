package ua.viche.geo.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

    /** Whether an event happens once or again every week or month, at the same Kyiv time. */
    public enum Repeat { NONE, WEEKLY, MONTHLY }

    /** How far ahead a repeating event may be planned. */
    public static final int MAX_REPEAT_YEARS = 2;

    /**
     * An event at a place, with the place's name, layer and point (for the calendar's location). For
     * a repeating event, {@code startsAt} and {@code endsAt} are one occurrence's (see {@link #nextAt}).
     */
    public record Event(long id, long objectId, String layerSlug, String placeUk, String placeEn, @Nullable String address, double lat,
                        double lon, String titleUk, String titleEn, Instant startsAt, Instant endsAt, @Nullable String descriptionUk,
                        @Nullable String descriptionEn, Repeat repeats, @Nullable LocalDate until) {

        /** The occurrence n steps after this one, at the same Kyiv time (across the change to summer time too). */
        Event shifted(int n) {
            LocalDateTime start = repeats == Repeat.MONTHLY ? starts().plusMonths(n) : starts().plusWeeks(n);
            LocalDateTime end = start.plus(Duration.between(starts(), ends()));
            return new Event(id, objectId, layerSlug, placeUk, placeEn, address, lat, lon, titleUk, titleEn,
                    start.atZone(KYIV).toInstant(), end.atZone(KYIV).toInstant(), descriptionUk, descriptionEn, repeats, until);
        }

        /** This occurrence and those after it that start on or before the last day, at most {@code max}. */
        public List<Event> occurrences(int max) {
            if (repeats == Repeat.NONE || until == null) {
                return List.of(this);
            }
            List<Event> list = new ArrayList<>();
            for (int n = 0; n < max; n++) {
                Event o = shifted(n);
                if (o.starts().toLocalDate().isAfter(until)) {
                    break;
                }
                list.add(o);
            }
            return list;
        }

        /** The first occurrence that has not ended at this instant, or null when none is left. */
        public @Nullable Event nextAt(Instant now) {
            for (Event o : occurrences(MAX_REPEAT_YEARS * 53 + 1)) {
                if (!o.endsAt().isBefore(now)) {
                    return o;
                }
            }
            return null;
        }

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
            + " e.title_uk, e.title_en, e.starts_at, e.ends_at, e.description_uk, e.description_en, e.repeats, e.repeats_until"
            + " from geo_event e join geo_object o on o.id = e.object_id where e.community_id = ?";

    private static Event row(ResultSet rs, int n) throws SQLException {
        return new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7),
                rs.getDouble(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
                rs.getString(13), rs.getString(14), Repeat.valueOf(rs.getString(15)),
                rs.getDate(16) == null ? null : rs.getDate(16).toLocalDate());
    }

    /** Events not yet over: a repeating one as its next occurrence; soonest first. */
    private static final String NOT_OVER = " and (e.ends_at >= ? or (e.repeats <> 'NONE' and e.repeats_until >= ?))";

    private List<Event> notOver(String where, List<Object> args, int limit) {
        Instant now = clock.instant();
        List<Object> all = new ArrayList<>(args);
        all.add(Timestamp.from(now));
        all.add(Date.valueOf(LocalDate.ofInstant(now, KYIV)));
        return jdbc.query(SELECT + where + NOT_OVER, GeoEvents::row, all.toArray()).stream()
                .map(e -> e.nextAt(now)).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Event::startsAt).thenComparingLong(Event::id)).limit(limit).toList();
    }

    /** The place's events that have not ended yet, soonest first (every one of them for an official's form). */
    @Transactional(readOnly = true)
    public List<Event> of(long objectId, boolean pastToo) {
        if (pastToo) {
            return jdbc.query(SELECT + " and e.object_id = ? order by e.starts_at, e.id", GeoEvents::row,
                    CurrentCommunity.require().id(), objectId);
        }
        return notOver(" and e.object_id = ?", List.of(CurrentCommunity.require().id(), objectId), Integer.MAX_VALUE);
    }

    /** Every public place's events that have not ended yet, soonest first. */
    @Transactional(readOnly = true)
    public List<Event> upcoming(int limit) {
        return notOver(" and o.layer_published", List.of(CurrentCommunity.require().id()), limit);
    }

    /** What an official gives for an event; times in Kyiv time; a repeating event's last day. */
    public record Input(String titleUk, String titleEn, @Nullable LocalDateTime starts, @Nullable LocalDateTime ends,
                        @Nullable String descriptionUk, @Nullable String descriptionEn, Repeat repeats, @Nullable LocalDate until) {

        public Input(String titleUk, String titleEn, @Nullable LocalDateTime starts, @Nullable LocalDateTime ends,
                     @Nullable String descriptionUk, @Nullable String descriptionEn) {
            this(titleUk, titleEn, starts, ends, descriptionUk, descriptionEn, Repeat.NONE, null);
        }
    }

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
        if (in.repeats() != Repeat.NONE && (in.until() == null || in.until().isBefore(in.starts().toLocalDate())
                || in.until().isAfter(in.starts().toLocalDate().plusYears(MAX_REPEAT_YEARS)))) {
            throw Refusal.field("repeats_until", "geo.error.eventUntil", String.valueOf(MAX_REPEAT_YEARS));
        }
        if (!Duration.between(in.starts(), in.ends()).minusDays(in.repeats() == Repeat.WEEKLY ? 7 : 28).isNegative()
                && in.repeats() != Repeat.NONE) {
            throw Refusal.field("ends", "geo.error.eventOverlaps");
        }
        Long id = jdbc.queryForObject("insert into geo_event (community_id, object_id, title_uk, title_en, starts_at, ends_at, description_uk,"
                        + " description_en, created_at, repeats, repeats_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                CurrentCommunity.require().id(), o.getId(), in.titleUk().strip(), in.titleEn().isBlank() ? in.titleUk().strip() : in.titleEn().strip(),
                Timestamp.from(in.starts().atZone(KYIV).toInstant()), Timestamp.from(in.ends().atZone(KYIV).toInstant()),
                blankToNull(in.descriptionUk()), blankToNull(in.descriptionEn()), Timestamp.from(clock.instant()), in.repeats().name(),
                in.repeats() == Repeat.NONE || in.until() == null ? null : Date.valueOf(in.until()));
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
     * the place as LOCATION and GEO, and the place's page as URL. A repeating event is written as its
     * occurrences from the one given (each with its own UID), not as a rule: a rule over UTC times
     * would move the event by an hour in calendars when Kyiv changes to summer time, and a rule in
     * Kyiv time would need the time-zone definition written into the file.
     */
    public static String iCalendar(List<Event> events, String baseUrl, String communitySlug, String host) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Viche//Geoportal " + communitySlug + "//UK"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        for (Event e : events.stream().flatMap(e -> e.occurrences(MAX_REPEAT_YEARS * 53 + 1).stream()).toList()) {
            VEvent v = new VEvent(e.startsAt(), e.endsAt(), e.titleUk());
            v.add(new Uid("geo-event-" + e.id() + (e.repeats() == Repeat.NONE ? ""
                    : "-" + e.starts().toLocalDate().toString().replace("-", "")) + "@" + host));
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
