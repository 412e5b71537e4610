package ua.viche.civic.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;
import ua.viche.platform.VicheSettings;

/** Events as iCalendar (RFC 5545), with ical4j: the community's feed and one event's file. */
@Component
public class EventCalendar {

    private final VicheSettings settings;

    EventCalendar(VicheSettings settings) {
        this.settings = settings;
    }

    public String ics(String slug, List<CivicEvent> events, Locale locale) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Viche//Civic events//UK"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (CivicEvent e : events) {
            VEvent v = new VEvent(e.getStartsAt(), e.getEndsAt(), e.title(locale));
            v.add(new Uid("civic-event-" + e.getId() + "@" + slug + ".viche"));
            String where = e.getPlace() != null ? e.getPlace() : e.getOnlineUrl();
            if (where != null) {
                v.add(new Location(where));
            }
            if (!e.summary(locale).isBlank()) {
                v.add(new Description(e.summary(locale)));
            }
            v.add(new Url(URI.create(settings.absolute(e.url(slug)))));
            calendar.add(v);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
