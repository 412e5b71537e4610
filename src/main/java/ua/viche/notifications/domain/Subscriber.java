package ua.viche.notifications.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ua.viche.notifications.channel.ChannelKind;

/**
 * A person's notification settings in one community: topics, districts (empty: the whole
 * community), quiet hours (Kyiv time; may wrap midnight), language, the e-mail address used (null:
 * no e-mail) and the linked messengers by channel.
 */
public record Subscriber(long id, long communityId, long personId, Set<Topic> topics, Set<String> districts,
                         @Nullable LocalTime quietFrom, @Nullable LocalTime quietTo, String language,
                         @Nullable String email, Map<ChannelKind, String> links) {

    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public boolean follows(Topic topic) {
        return topics.contains(topic);
    }

    /** Whether an alert for these districts (empty: the whole community) concerns this person. */
    public boolean inDistricts(Set<String> alertDistricts) {
        return alertDistricts.isEmpty() || districts.isEmpty() || alertDistricts.stream().anyMatch(districts::contains);
    }

    /** The moment a message of this topic may go at, given the person's quiet hours: now, or the end of the quiet hours. */
    public Instant sendAt(Topic topic, Instant now) {
        if (topic.ignoresQuietHours() || quietFrom == null || quietTo == null || quietFrom.equals(quietTo)) {
            return now;
        }
        ZonedDateTime local = now.atZone(KYIV);
        LocalTime t = local.toLocalTime();
        boolean wraps = quietFrom.isAfter(quietTo);
        boolean quiet = wraps ? !t.isBefore(quietFrom) || t.isBefore(quietTo) : !t.isBefore(quietFrom) && t.isBefore(quietTo);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(quietTo).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
