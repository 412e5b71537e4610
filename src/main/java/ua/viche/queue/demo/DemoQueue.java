package ua.viche.queue.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;
import ua.viche.queue.domain.AdminService;
import ua.viche.queue.domain.Booking;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Kiosks;
import ua.viche.queue.domain.Office;
import ua.viche.queue.domain.OfficeHours;
import ua.viche.queue.domain.OfficeQueue;
import ua.viche.platform.Refusal;
import ua.viche.queue.domain.Visit;

/**
 * The demo CNAPs, created through the queue's own services: Kropyvnytskyi's «Прозорий офіс» with
 * its centre, two subdivisions and eight remote workplaces (11 units, 41 administrator
 * workplaces, 9 of 11 with the electronic queue as in the programme's baseline), a catalogue
 * imported from CSV, bookings by demo residents over the coming weeks and a few past days of
 * visits with ratings; a small CNAP for Dmytrivka. Created once, when the demo is on.
 */
@Component
@Order(50)
class DemoQueue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoQueue.class);
    private static final OfficeHours CENTRE = OfficeHours.parse(
            "mon=08:00-17:00;tue=08:00-17:00;wed=08:00-20:00;thu=08:00-17:00;fri=08:00-16:00;sat=08:00-15:00");
    private static final OfficeHours BRANCH = OfficeHours.parse(
            "mon=08:00-17:00;tue=08:00-17:00;wed=08:00-17:00;thu=08:00-17:00;fri=08:00-16:00");
    private static final OfficeHours REMOTE = OfficeHours.parse("mon=09:00-13:00;wed=09:00-13:00;fri=09:00-13:00");

    private final VicheSettings settings;
    private final Communities communities;
    private final Catalogue catalogue;
    private final Bookings bookings;
    private final OfficeQueue queue;
    private final Identity identity;
    private final ThreadClock clock;
    private final Kiosks kiosks;

    DemoQueue(VicheSettings settings, Communities communities, Catalogue catalogue, Bookings bookings, OfficeQueue queue,
              Identity identity, ThreadClock clock, Kiosks kiosks) {
        this.settings = settings;
        this.communities = communities;
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.queue = queue;
        this.identity = identity;
        this.clock = clock;
        this.kiosks = kiosks;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        communities.bySlug("kropyvnytskyi").ifPresent(c -> CurrentCommunity.runAs(c, () -> {
            if (catalogue.offices().isEmpty()) {
                kropyvnytskyi(c);
                log.info("Demo CNAP created in {}", c.slug());
            }
        }));
        communities.bySlug("dmytrivka").ifPresent(c -> CurrentCommunity.runAs(c, () -> {
            if (catalogue.offices().isEmpty()) {
                dmytrivka(c);
                log.info("Demo CNAP created in {}", c.slug());
            }
        }));
        for (String slug : List.of("kropyvnytskyi", "dmytrivka")) {
            communities.bySlug(slug).ifPresent(c -> CurrentCommunity.runAs(c, () -> kiosks(c)));
        }
    }

    /** One kiosk per office whose token the demo's kiosk page shows, so that anyone trying the demo can enrol a browser. */
    private void kiosks(Community c) {
        String admin = "cnap@" + c.slug() + ".demo";
        identity.callAs(admin, () -> {
            if (kiosks.list().isEmpty()) {
                for (Office o : catalogue.offices()) {
                    kiosks.create(o, "Демотермінал", Kiosks.demoToken(o.getId()), "demo");
                }
            }
            return null;
        });
    }

    private void kropyvnytskyi(Community c) {
        String admin = "cnap@" + c.slug() + ".demo";
        Map<String, List<String>> groups = new LinkedHashMap<>();
        identity.callAs(admin, () -> {
            Office centre = catalogue.createOffice("ЦНАП «Прозорий офіс» (центральний офіс)", "CNAP «Transparent Office» (main office)",
                    "вул. Велика Перспективна, 41, Кропивницький", "41 Velyka Perspektyvna St, Kropyvnytskyi", 48.5079, 32.2623,
                    CENTRE, false, true);
            List<String> k = windows(centre, "K", 26);
            Office fortechnyi = catalogue.createOffice("Підрозділ ЦНАП у Фортечному районі", "CNAP subdivision, Fortechnyi district",
                    "вул. Полтавська, 36, Кропивницький", "36 Poltavska St, Kropyvnytskyi", 48.5200, 32.2750, BRANCH, false, true);
            List<String> f = windows(fortechnyi, "F", 4);
            Office podilskyi = catalogue.createOffice("Підрозділ ЦНАП у Подільському районі", "CNAP subdivision, Podilskyi district",
                    "вул. Євгена Маланюка, 2, Кропивницький", "2 Yevhena Malaniuka St, Kropyvnytskyi", 48.4950, 32.2350, BRANCH, false, true);
            List<String> p = windows(podilskyi, "P", 3);
            String[][] remote = {
                {"Новомиколаївка", "Novomykolaivka", "true"}, {"Лелеківка", "Lelekivka", "true"}, {"Ковалівка", "Kovalivka", "true"},
                {"Велика Балка", "Velyka Balka", "true"}, {"Кущівка", "Kushchivka", "true"}, {"Завадівка", "Zavadivka", "true"},
                {"Масляниківка", "Maslianykivka", "false"}, {"Балашівка", "Balashivka", "false"}};
            List<String> r = new ArrayList<>();
            int n = 1;
            for (String[] place : remote) {
                Office o = catalogue.createOffice("Віддалене робоче місце ЦНАП: " + place[0], "CNAP remote workplace: " + place[1],
                        "мікрорайон " + place[0] + ", приміщення старостату", place[1] + " neighbourhood, community office",
                        null, null, REMOTE, true, Boolean.parseBoolean(place[2]));
                r.add(catalogue.addWorkplace(o.getId(), "R-" + String.format("%02d", n++), "1").getCode());
            }
            groups.put("@RES", concat(k.subList(0, 6), f.subList(0, 2), p.subList(0, 1), r));
            groups.put("@PAS", concat(k.subList(6, 10), f.subList(2, 3), p.subList(1, 2)));
            groups.put("@NER", concat(k.subList(10, 14), f.subList(3, 4)));
            groups.put("@BIZ", k.subList(14, 17));
            groups.put("@SOC", concat(k.subList(17, 22), f.subList(0, 2), p.subList(2, 3), r));
            groups.put("@DRA", concat(k.subList(22, 24), p.subList(0, 1)));
            groups.put("@ZEM", k.subList(24, 26));
            groups.put("@ARH", k.subList(24, 26));
            groups.put("@DOV", concat(k.subList(0, 6), f, p, r));
            groups.put("@PEN", k.subList(17, 22));
            groups.put("@TRN", k.subList(14, 17));
            Catalogue.ImportReport report = catalogue.importCsv(catalogue(groups, null));
            if (!report.refused().isEmpty()) {
                log.warn("Demo catalogue rows refused: {}", report.refused());
            }
            catalogue.closeOfficeOn(centre.getId(), LocalDate.now(clock.withZone(Dates.KYIV)).plusDays(9));
            return null;
        });
        Office centre = catalogue.offices().get(0);
        history(c, centre, admin, 421);
        future(c, 301, 120);
    }

    private void dmytrivka(Community c) {
        String admin = "cnap@" + c.slug() + ".demo";
        identity.callAs(admin, () -> {
            Office o = catalogue.createOffice("ЦНАП Дмитрівської сільської ради", "CNAP of Dmytrivka village council",
                    "вул. Центральна, 1, с. Дмитрівка", "1 Tsentralna St, Dmytrivka", 48.6400, 32.4500,
                    OfficeHours.parse("mon=08:00-16:00;tue=08:00-16:00;wed=08:00-16:00;thu=08:00-16:00;fri=08:00-15:00"), false, true);
            List<String> d = windows(o, "D", 3);
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (String g : List.of("@RES", "@SOC", "@DOV", "@DRA", "@ZEM")) {
                groups.put(g, d);
            }
            catalogue.importCsv(catalogue(groups, List.of("RES", "SOC", "DOV", "DRA", "ZEM")));
            return null;
        });
        history(c, catalogue.offices().get(0), admin, 421);
        future(c, 301, 12);
    }

    /** Bookings by demo residents spread over the open period, at the popular services. */
    private void future(Community c, int firstResident, int count) {
        List<AdminService> services = catalogue.allServices();
        List<Office> offices = catalogue.offices().stream().filter(Office::isEQueue).toList();
        for (int i = 0; i < count; i++) {
            AdminService s = services.get((i * 7) % services.size());
            List<Office> where = catalogue.officesOffering(s.getId()).stream().filter(offices::contains).toList();
            if (where.isEmpty()) {
                continue;
            }
            Office o = where.get(i % where.size());
            List<Instant> free = new ArrayList<>();
            bookings.freeByDay(o.getId(), s.getId()).values().forEach(free::addAll);
            if (free.isEmpty()) {
                continue;
            }
            Instant start = free.get((i * 37) % free.size());
            String resident = Identity.demoResident(c.slug(), firstResident + i);
            try {
                Booking b = identity.callAs(resident, () -> bookings.book(s.getId(), o.getId(), start));
                if (i % 15 == 7) {
                    identity.callAs(resident, () -> bookings.cancel(b.getCode()));
                }
            } catch (Refusal e) {
                log.debug("Demo booking skipped: {}", e.messageKey());
            }
        }
    }

    /** Three past open days of the office: booked visitors served and rated, a no-show, walk-ins. */
    private void history(Community c, Office office, String admin, int firstResident) {
        List<AdminService> services = catalogue.servicesAt(office.getId());
        LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
        int resident = firstResident;
        int days = 0;
        for (LocalDate day = today.minusDays(1); days < 3 && day.isAfter(today.minusDays(15)); day = day.minusDays(1)) {
            Instant before = day.minusDays(2).atTime(LocalTime.NOON).atZone(Dates.KYIV).toInstant();
            AdminService first = services.get(days % services.size());
            LocalDate d = day;
            List<Instant> slots = clock.callAt(before, () -> bookings.freeSlots(office.getId(), first.getId(), d));
            if (slots.size() < 12) {
                continue;
            }
            days++;
            for (int i = 0; i < 7; i++) {
                AdminService s = services.get((days * 5 + i * 3) % services.size());
                List<Instant> free = clock.callAt(before, () -> bookings.freeSlots(office.getId(), s.getId(), d));
                if (free.size() <= i * 2) {
                    continue;
                }
                Instant start = free.get(i * 2);
                String email = Identity.demoResident(c.slug(), resident++);
                Booking b;
                try {
                    b = clock.callAt(before, () -> identity.callAs(email, () -> bookings.book(s.getId(), office.getId(), start)));
                } catch (Refusal e) {
                    continue;
                }
                if (i == 3) {
                    continue; // did not come
                }
                // a few minutes early, but not before the office opens (no ticket is issued while it is closed)
                Instant opens = d.atTime(office.hours().on(d.getDayOfWeek()).open()).atZone(Dates.KYIV).toInstant();
                Instant early = start.minus(Duration.ofMinutes(6 - i));
                Instant arrived = early.isBefore(opens) ? opens : early;
                Visit v = clock.callAt(arrived, () -> queue.checkIn(office.getId(), b.getCode()));
                serve(admin, b.getWorkplaceId(), v, start.plus(Duration.ofMinutes(1 + i % 3)), 9 + i * 2, 5 - i % 3 / 2);
            }
            for (int i = 0; i < 3; i++) {
                AdminService s = services.get((days + i * 11) % services.size());
                Instant arrived = day.atTime(LocalTime.of(14, 5 + i * 12)).atZone(Dates.KYIV).toInstant();
                Visit v = clock.callAt(arrived, () -> queue.walkIn(office.getId(), s.getId()));
                List<Long> places = catalogue.workplacesOffering(office.getId(), s.getId());
                serve(admin, places.get(0), v, arrived.plus(Duration.ofMinutes(7 + i * 4)), 12, 4 + i % 2);
            }
        }
    }

    private void serve(String admin, long workplace, Visit v, Instant called, int minutes, int score) {
        Visit calledVisit = clock.callAt(called, () -> identity.callAs(admin, () -> queue.callNext(workplace)));
        if (calledVisit == null) {
            return;
        }
        clock.runAt(called.plus(Duration.ofMinutes(minutes)), () -> identity.callAs(admin,
                () -> queue.finish(calledVisit.getId(), Visit.Status.SERVED, null)));
        clock.runAt(called.plus(Duration.ofMinutes(minutes + 30)), () -> queue.rate(calledVisit.getRateCode(), score,
                score == 5 ? "Швидко і ввічливо, дякую!" : ""));
    }

    private List<String> windows(Office office, String prefix, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            codes.add(catalogue.addWorkplace(office.getId(), prefix + "-" + String.format("%02d", i), String.valueOf(i)).getCode());
        }
        return codes;
    }

    /**
     * The demo catalogue CSV, whose workplace column names groups of windows ({@code @RES}, {@code @PAS}…),
     * with each group name replaced by the codes of its windows; only services whose codes start with one
     * of the given prefixes when prefixes are given.
     */
    private static String catalogue(Map<String, List<String>> groups, @org.jspecify.annotations.Nullable List<String> only) {
        String csv;
        try (InputStream in = DemoQueue.class.getResourceAsStream("/queue/demo-services.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\n")) {
            if (only != null && !line.startsWith("code,") && only.stream().noneMatch(p -> line.startsWith(p + "-"))) {
                continue;
            }
            String l = line;
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                l = l.replace(g.getKey(), String.join("|", g.getValue()));
            }
            out.append(l).append('\n');
        }
        return out.toString();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
