package ua.viche.queue;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;

/** The CNAP queue in the shell: navigation, per-community settings, exports. */
@Component
public class QueueModule implements ModuleDescriptor {

    /** How many days ahead slots open. */
    public static final String HORIZON_DAYS = "queue.horizonDays";
    /** Hour (Kyiv time) at which the next day is released. */
    public static final String RELEASE_HOUR = "queue.releaseHour";
    /** Slot grid in minutes (a divisor of 60). */
    public static final String SLOT_MINUTES = "queue.slotMinutes";
    /** Bookings a person may make in a calendar month (cancelled ones count). */
    public static final String MONTHLY_LIMIT = "queue.monthlyLimit";
    /** Minutes before the slot until which a booking may be cancelled or moved. */
    public static final String CHANGE_MINUTES = "queue.changeMinutesBefore";
    /** Minutes a booked visitor may be late and keep the booked place. */
    public static final String GRACE_MINUTES = "queue.graceMinutes";

    @Override public String name() { return "queue"; }

    @Override public int order() { return 40; }

    @Override public String path() { return "cnap"; }

    @Override
    public Map<String, String> settings() {
        return Map.of(HORIZON_DAYS, "21", RELEASE_HOUR, "8", SLOT_MINUTES, "15", MONTHLY_LIMIT, "4",
                CHANGE_MINUTES, "60", GRACE_MINUTES, "2");
    }

    @Override public List<Role> roles() { return List.of(Role.CNAP_ADMINISTRATOR); }

    @Override
    public Map<String, String> exports() {
        return Map.of("cnap-services.csv", "cnap/export.csv", "cnap-services.json", "cnap/export.json");
    }

    @Override
    public List<String> sitemapPaths(Community community) {
        return List.of("cnap", "cnap/offices", "cnap/figures");
    }
}
