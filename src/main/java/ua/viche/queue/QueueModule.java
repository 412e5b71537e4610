package ua.viche.queue;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ua.viche.platform.Dates;
import ua.viche.queue.domain.AdminService;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Office;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.Setting;

/** The CNAP queue in the shell: navigation, per-community settings, exports. */
@Component
public class QueueModule implements ModuleDescriptor {

    /** How many days ahead slots open. */
    public static final Setting<Integer> HORIZON_DAYS = Setting.integer("queue.horizonDays", 21, 1, 365);
    /** Hour (Kyiv time) at which the next day is released. */
    public static final Setting<Integer> RELEASE_HOUR = Setting.integer("queue.releaseHour", 8, 0, 23);
    /** Slot grid in minutes (a divisor of 60). */
    public static final Setting<Integer> SLOT_MINUTES = Setting.oneOf("queue.slotMinutes", 15, List.of(5, 6, 10, 12, 15, 20, 30, 60));
    /** Bookings a person may make in a calendar month (cancelled ones count). */
    public static final Setting<Integer> MONTHLY_LIMIT = Setting.integer("queue.monthlyLimit", 4, 0, 100);
    /** Minutes before the slot until which a booking may be cancelled or moved. */
    public static final Setting<Integer> CHANGE_MINUTES = Setting.integer("queue.changeMinutesBefore", 60, 0, 7 * 24 * 60);
    /** Minutes a booked visitor may be late and keep the booked place. */
    public static final Setting<Integer> GRACE_MINUTES = Setting.integer("queue.graceMinutes", 2, 0, 60);

    private final ObjectProvider<Catalogue> catalogue;
    private final ObjectProvider<Bookings> bookings;

    QueueModule(ObjectProvider<Catalogue> catalogue, ObjectProvider<Bookings> bookings) {
        this.catalogue = catalogue;
        this.bookings = bookings;
    }

    @Override public String name() { return "queue"; }

    @Override public int order() { return 40; }

    @Override public String path() { return "cnap"; }

    @Override
    public List<Setting<?>> settings() {
        return List.of(HORIZON_DAYS, RELEASE_HOUR, SLOT_MINUTES, MONTHLY_LIMIT, CHANGE_MINUTES, GRACE_MINUTES);
    }

    @Override public List<Role> roles() { return List.of(Role.CNAP_ADMINISTRATOR); }

    @Override
    public Map<String, String> exports() {
        return Map.of("cnap-services.csv", "cnap/export.csv", "cnap-services.json", "cnap/export.json",
                "cnap-offices.geojson", "cnap/offices.geojson");
    }

    /** The offices that have a place on the map. */
    @Override
    public List<MapLayer> mapLayers(Community community) {
        return List.of(new MapLayer("cnap-offices", "queue.map.layer", "cnap/offices.geojson"));
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        return List.of("cnap", "cnap/offices", "cnap/figures");
    }

    @Override public boolean searchable() { return true; }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** The nearest free time at each office with an electronic queue (at most two), for its first service. */
    @Override
    public List<Highlight> activeNow(Community community) {
        Catalogue catalogue = this.catalogue.getObject();
        List<Highlight> found = new ArrayList<>();
        for (Office office : catalogue.offices()) {
            if (!office.isEQueue() || found.size() == 2) {
                continue;
            }
            for (AdminService service : catalogue.servicesAt(office.getId()).stream().limit(3).toList()) {
                Optional<Instant> first = bookings.getObject().firstFree(office.getId(), service.getId());
                if (first.isPresent()) {
                    ZonedDateTime at = first.get().atZone(Dates.KYIV);
                    found.add(new Highlight(office.getNameUk() + " — " + service.getNameUk() + ": " + WHEN.format(at),
                            "/" + community.slug() + "/cnap/book?service=" + service.getId() + "&office=" + office.getId()
                                    + "&date=" + at.toLocalDate()));
                    break;
                }
            }
        }
        return found;
    }
}
