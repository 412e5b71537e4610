package ua.viche.civic.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;

/**
 * What staff or a verified organisation give for an event: titles and summaries in both languages,
 * time, place (and its point on the map, optional) or link, seats, the organisation posting it (if
 * any), the programme.
 */
public record EventInput(String titleUk, String titleEn, String summaryUk, String summaryEn, Instant startsAt, Instant endsAt,
                         @Nullable String place, @Nullable String onlineUrl, int seats, @Nullable Long organisationId,
                         List<Session> sessions, @Nullable Double latitude, @Nullable Double longitude) {

    /** An event without a point on the map. */
    public EventInput(String titleUk, String titleEn, String summaryUk, String summaryEn, Instant startsAt, Instant endsAt,
                      @Nullable String place, @Nullable String onlineUrl, int seats, @Nullable Long organisationId, List<Session> sessions) {
        this(titleUk, titleEn, summaryUk, summaryEn, startsAt, endsAt, place, onlineUrl, seats, organisationId, sessions, null, null);
    }

    /** A session of the programme with its speakers. */
    public record Session(Instant startsAt, Instant endsAt, String titleUk, String titleEn, String speakers) {}

    public EventInput {
        titleUk = titleUk.strip();
        titleEn = titleEn.strip();
        summaryUk = summaryUk.strip();
        summaryEn = summaryEn.strip();
        place = place == null || place.isBlank() ? null : place.strip();
        onlineUrl = onlineUrl == null || onlineUrl.isBlank() ? null : onlineUrl.strip();
        sessions = List.copyOf(sessions);
    }

    /** Every fault of the input at once; nothing is saved when there is any. */
    void check() {
        List<Refusal.Fault> faults = new ArrayList<>();
        if (titleUk.isEmpty() || titleUk.length() > 300 || titleEn.length() > 300) {
            faults.add(Refusal.Fault.of("titleUk", "civic.error.title"));
        }
        if (summaryUk.length() > 2000 || summaryEn.length() > 2000) {
            faults.add(Refusal.Fault.of("summaryUk", "civic.error.summary"));
        }
        if (!endsAt.isAfter(startsAt)) {
            faults.add(Refusal.Fault.of("endsAt", "civic.error.endsBeforeStart"));
        }
        if (place == null && onlineUrl == null) {
            faults.add(Refusal.Fault.of("place", "civic.error.placeOrLink"));
        }
        if (place != null && place.length() > 300) {
            faults.add(Refusal.Fault.of("place", "civic.error.place"));
        }
        if (onlineUrl != null && (onlineUrl.length() > 500 || !onlineUrl.matches("https://[^\\s<>\"]+"))) {
            faults.add(Refusal.Fault.of("onlineUrl", "civic.error.onlineUrl"));
        }
        boolean halfAPoint = (latitude == null) != (longitude == null);
        boolean badPoint = latitude != null && longitude != null
                && (place == null || !(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180));
        if (halfAPoint || badPoint) {
            faults.add(Refusal.Fault.of("latitude", "civic.error.point"));
        }
        if (seats < 1 || seats > 100_000) {
            faults.add(Refusal.Fault.of("seats", "civic.error.seats"));
        }
        for (Session s : sessions) {
            if (s.titleUk().isBlank() || !s.endsAt().isAfter(s.startsAt())) {
                faults.add(Refusal.Fault.of("sessions", "civic.error.session"));
                break;
            }
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
    }
}
