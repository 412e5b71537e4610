package ua.viche.platform;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ukrainian working days for deadlines counted in working days: Monday to Friday, except public
 * holidays (Labour Code art. 73) and the transfers the Cabinet announces (kept as overrides).
 * Under martial law (a platform-wide switch, on by default) public holidays are working days.
 * Calendar days are calendar days and need no help.
 */
@Service
public class WorkingDays {

    /** Fixed-date public holidays (since 2023: Christmas on 25 December only). */
    static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(3, 8), MonthDay.of(5, 1),
            MonthDay.of(5, 8), MonthDay.of(6, 28), MonthDay.of(7, 15), MonthDay.of(8, 24), MonthDay.of(10, 1),
            MonthDay.of(12, 25));

    /** The name of the calendar's cache in {@link SharedCaches}: the Cabinet's transfers, kept in memory. */
    public static final String CACHE = "working-days";

    private final JdbcTemplate jdbc;
    private final boolean martialLaw;
    private final SharedCaches caches;
    private volatile @Nullable Map<LocalDate, Boolean> overrides;
    /** Counts the drops, so that a reading begun before a drop is not kept. */
    private final AtomicLong drops = new AtomicLong();

    WorkingDays(JdbcTemplate jdbc, VicheSettings settings, SharedCaches caches) {
        this.jdbc = jdbc;
        this.martialLaw = settings.martialLaw();
        this.caches = caches;
        caches.onChange(CACHE, () -> {
            drops.incrementAndGet();
            overrides = null;
        });
    }

    public boolean martialLaw() {
        return martialLaw;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean override = overrides().get(day);
        if (override != null) {
            return override;
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return martialLaw || !holidays(day.getYear()).contains(day);
    }

    /** The day that is {@code n} working days after {@code start} (n ≥ 1; start itself not counted). */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The end of the n-th working day after the moment's day ({@link Dates#endOfDay}). */
    public Instant deadline(Instant from, int n) {
        LocalDate due = plusWorkingDays(from.atZone(Dates.KYIV).toLocalDate(), n);
        return Dates.endOfDay(due);
    }

    /** Public holidays of a year: the fixed ones, Orthodox Easter and Trinity (Easter + 49 days). */
    public static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        FIXED.forEach(md -> days.add(md.atYear(year)));
        LocalDate easter = orthodoxEaster(year);
        days.add(easter);
        days.add(easter.plusDays(49));
        return days;
    }

    /** Orthodox Easter (Julian computus, converted to the Gregorian calendar; valid 1900–2099). */
    public static LocalDate orthodoxEaster(int year) {
        int a = year % 4;
        int b = year % 7;
        int c = year % 19;
        int d = (19 * c + 15) % 30;
        int e = (2 * a + 4 * b - d + 34) % 7;
        int month = (d + e + 114) / 31;
        int day = (d + e + 114) % 31 + 1;
        return LocalDate.of(year, month, day).plusDays(13);
    }

    /** Records a transfer announced by the Cabinet (a day made working or non-working). */
    @Transactional
    public void override(LocalDate day, boolean working, String note) {
        jdbc.update("insert into calendar_override (day, working, note) values (?, ?, ?) "
                + "on conflict (day) do update set working = excluded.working, note = excluded.note", day, working, note);
        caches.changed(CACHE);
    }

    @Transactional
    public void removeOverride(LocalDate day) {
        jdbc.update("delete from calendar_override where day = ?", day);
        caches.changed(CACHE);
    }

    public List<Override> overrides(int year) {
        return jdbc.query("select day, working, note from calendar_override where extract(year from day) = ? order by day",
                (r, i) -> new Override(r.getObject(1, LocalDate.class), r.getBoolean(2), r.getString(3)), year);
    }

    private Map<LocalDate, Boolean> overrides() {
        Map<LocalDate, Boolean> current = overrides;
        if (current == null) {
            long before = drops.get();
            Map<LocalDate, Boolean> loaded = new ConcurrentHashMap<>();
            jdbc.query("select day, working from calendar_override", r -> {
                loaded.put(r.getObject(1, LocalDate.class), r.getBoolean(2));
            });
            if (drops.get() == before) {
                overrides = loaded;
            }
            current = loaded;
        }
        return current;
    }

    /** A day the Cabinet moved. */
    public record Override(LocalDate day, boolean working, String note) {}
}
