package ua.viche.queue.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;
import ua.viche.queue.domain.AdminService;
import ua.viche.queue.domain.Booking;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Codes;
import ua.viche.queue.domain.Kiosks;
import ua.viche.queue.domain.Office;
import ua.viche.queue.domain.OfficeHours;

/**
 * The demo CNAPs. Kropyvnytskyi's «Прозорий офіс»: its centre, two subdivisions and eight remote
 * workplaces (11 units, 41 administrator workplaces, 9 of 11 with the electronic queue, as in the
 * programme's baseline); Dmytrivka's village CNAP with remote workplaces in its starosta districts;
 * Sievierodonetsk's offices for its displaced residents in the cities where they live now. The
 * catalogue of administrative services ({@code queue/demo-services.csv}) is imported through the
 * catalogue's own CSV import; the last {@value #HISTORY_DAYS} days of queue history (bookings,
 * visits served with their waits, no-shows, ratings) are generated from a fixed seed and written
 * in batches; bookings of the coming weeks go through the booking service. Created once.
 */
@Component
@Order(50)
class DemoQueue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoQueue.class);
    static final int HISTORY_DAYS = 60;
    /** Residents from this number on are left to the tests and to visitors of the demo. */
    private static final int LAST_RESIDENT = 299;
    private static final int UNIT_MINUTES = 15;
    private static final OfficeHours CENTRE = OfficeHours.parse(
            "mon=08:00-17:00;tue=08:00-17:00;wed=08:00-20:00;thu=08:00-17:00;fri=08:00-16:00;sat=08:00-15:00");
    private static final OfficeHours BRANCH = OfficeHours.parse(
            "mon=08:00-17:00;tue=08:00-17:00;wed=08:00-17:00;thu=08:00-17:00;fri=08:00-16:00");
    private static final OfficeHours REMOTE = OfficeHours.parse("mon=09:00-13:00;wed=09:00-13:00;fri=09:00-13:00");
    private static final OfficeHours VILLAGE = OfficeHours.parse(
            "mon=08:00-16:00;tue=08:00-16:00;wed=08:00-16:00;thu=08:00-16:00;fri=08:00-15:00");
    private static final OfficeHours STAROSTAT = OfficeHours.parse("tue=09:00-13:00;thu=09:00-13:00");

    private final VicheSettings settings;
    private final Communities communities;
    private final Catalogue catalogue;
    private final Bookings bookings;
    private final Identity identity;
    private final ThreadClock clock;
    private final Kiosks kiosks;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    DemoQueue(VicheSettings settings, Communities communities, Catalogue catalogue, Bookings bookings, Identity identity,
              ThreadClock clock, Kiosks kiosks, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.settings = settings;
        this.communities = communities;
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.identity = identity;
        this.clock = clock;
        this.kiosks = kiosks;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (String slug : List.of("kropyvnytskyi", "dmytrivka", "sievierodonetsk")) {
            communities.bySlug(slug).ifPresent(c -> CurrentCommunity.runAs(c, () -> {
                if (catalogue.offices().isEmpty()) {
                    long started = System.nanoTime();
                    String admin = "cnap@" + c.slug() + ".demo";
                    identity.callAs(admin, () -> {
                        switch (slug) {
                            case "kropyvnytskyi" -> kropyvnytskyi();
                            case "dmytrivka" -> dmytrivka();
                            default -> sievierodonetsk();
                        }
                        return null;
                    });
                    int visits = tx.execute(s -> history(c));
                    int booked = future(c, slug.equals("kropyvnytskyi") ? 120 : 20);
                    log.info("Demo CNAP created in {}: {} services, {} past visits, {} coming bookings in {} ms", slug,
                            catalogue.allServices().size(), visits, booked, (System.nanoTime() - started) / 1_000_000);
                }
                kiosks(c);
            }));
        }
    }

    /** One kiosk per office whose token the demo's kiosk page shows, so that anyone trying the demo can enrol a browser. */
    private void kiosks(Community c) {
        identity.callAs("cnap@" + c.slug() + ".demo", () -> {
            if (kiosks.list().isEmpty()) {
                for (Office o : catalogue.offices()) {
                    kiosks.create(o, "Демотермінал", Kiosks.demoToken(o.getId()), "demo");
                }
            }
            return null;
        });
    }

    private void kropyvnytskyi() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
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
        List<String> general = k.subList(0, 6);
        List<String> social = k.subList(17, 22);
        groups.put("@RES", concat(general, f.subList(0, 2), p.subList(0, 1), r));
        groups.put("@PAS", concat(k.subList(6, 10), f.subList(2, 3), p.subList(1, 2)));
        groups.put("@NER", concat(k.subList(10, 14), f.subList(3, 4)));
        groups.put("@BIZ", k.subList(14, 17));
        groups.put("@SOC", concat(social, f.subList(0, 2), p.subList(2, 3), r));
        groups.put("@DRA", concat(k.subList(22, 24), p.subList(0, 1)));
        groups.put("@ZEM", k.subList(24, 26));
        groups.put("@ARH", k.subList(24, 26));
        groups.put("@DOV", concat(general, f, p, r));
        groups.put("@PEN", social);
        groups.put("@TRN", k.subList(14, 17));
        groups.put("@HOU", concat(general, f.subList(0, 1)));
        groups.put("@VET", concat(social, f.subList(1, 2), p.subList(2, 3)));
        groups.put("@IDP", concat(social, p.subList(2, 3), r));
        groups.put("@FAM", social);
        groups.put("@TAX", k.subList(14, 17));
        groups.put("@NOT", r);
        groups.put("@ECO", k.subList(24, 26));
        groups.put("@MIL", concat(general, r));
        importCatalogue(groups, null);
        catalogue.closeOfficeOn(centre.getId(), LocalDate.now(clock.withZone(Dates.KYIV)).plusDays(9));
    }

    /** The village CNAP and remote workplaces in two starosta districts (they open two mornings a week). */
    private void dmytrivka() {
        Office o = catalogue.createOffice("ЦНАП Дмитрівської сільської ради", "CNAP of Dmytrivka village council",
                "вул. Центральна, 1, с. Дмитрівка", "1 Tsentralna St, Dmytrivka", 48.6400, 32.4500, VILLAGE, false, true);
        List<String> d = windows(o, "D", 3);
        List<String> r = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Office s = catalogue.createOffice("Віддалене робоче місце ЦНАП: старостинський округ № " + i,
                    "CNAP remote workplace: starosta district No. " + i, "приміщення старостату округу № " + i,
                    "starosta office of district No. " + i, null, null, STAROSTAT, true, i == 1);
            r.add(catalogue.addWorkplace(s.getId(), "DR-" + i, "1").getCode());
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String g : List.of("@NER", "@BIZ", "@DRA", "@ZEM", "@ARH", "@HOU", "@VET", "@FAM", "@ECO", "@PAS", "@TAX", "@PEN", "@TRN")) {
            groups.put(g, d);
        }
        for (String g : List.of("@RES", "@SOC", "@DOV", "@IDP", "@MIL", "@NOT")) {
            groups.put(g, concat(d, r));
        }
        importCatalogue(groups, List.of("RMP", "SOC", "DOV", "DRA", "ZEM", "NER", "BIZ", "ARH", "VET", "IDP", "FAM", "NOT", "MIL",
                "PEN"));
    }

    /** Offices for the displaced residents in the cities where most of them live now; the city's own are not open. */
    private void sievierodonetsk() {
        Office dnipro = catalogue.createOffice("Офіс ЦНАП для переміщених мешканців громади (Дніпро)",
                "CNAP office for the community's displaced residents (Dnipro)", "м. Дніпро, приміщення центру підтримки ВПО",
                "Dnipro, support centre for displaced persons", null, null, BRANCH, false, true);
        List<String> d = windows(dnipro, "SD", 4);
        Office kyiv = catalogue.createOffice("Офіс ЦНАП для переміщених мешканців громади (Київ)",
                "CNAP office for the community's displaced residents (Kyiv)", "м. Київ, приміщення центру підтримки ВПО",
                "Kyiv, support centre for displaced persons", null, null, REMOTE, true, true);
        List<String> k = windows(kyiv, "SK", 1);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String g : List.of("@RES", "@SOC", "@DOV", "@IDP", "@VET", "@PEN", "@FAM")) {
            groups.put(g, concat(d, k));
        }
        for (String g : List.of("@DRA", "@NER", "@BIZ", "@ZEM", "@HOU", "@TAX", "@MIL")) {
            groups.put(g, d);
        }
        importCatalogue(groups, List.of("RMP", "SOC", "DOV", "IDP", "VET", "PEN", "FAM", "DRA", "NER", "BIZ", "HOU", "TAX", "MIL",
                "ZEM-01", "ZEM-05", "ZEM-09"));
    }

    private void importCatalogue(Map<String, List<String>> groups, @Nullable List<String> only) {
        Catalogue.ImportReport report = catalogue.importCsv(catalogue(groups, only));
        if (!report.refused().isEmpty()) {
            log.warn("Demo catalogue rows refused: {}", report.refused());
        }
    }

    /**
     * Bookings by demo residents over the open period, at the popular services, through the booking
     * service (it holds their capacity); the free times of an office and service are read once.
     */
    private int future(Community c, int count) {
        List<AdminService> services = catalogue.allServices();
        Set<Long> offices = catalogue.offices().stream().filter(Office::isEQueue).map(Office::getId)
                .collect(Collectors.toSet());
        Map<String, List<Instant>> free = new HashMap<>();
        int made = 0;
        for (int i = 0; i < count; i++) {
            AdminService s = services.get((i * 7) % services.size());
            List<Office> where = catalogue.officesOffering(s.getId()).stream().filter(o -> offices.contains(o.getId())).toList();
            if (where.isEmpty()) {
                continue;
            }
            Office o = where.get(i % where.size());
            List<Instant> times = free.computeIfAbsent(o.getId() + "/" + s.getId(), key -> {
                List<Instant> all = new ArrayList<>();
                bookings.freeByDay(o.getId(), s.getId()).values().forEach(all::addAll);
                return all;
            });
            if (times.isEmpty()) {
                continue;
            }
            Instant start = times.remove((i * 37) % times.size());
            String resident = Identity.demoResident(c.slug(), 301 + i);
            try {
                Booking b = identity.callAs(resident, () -> bookings.book(s.getId(), o.getId(), start));
                made++;
                if (i % 15 == 7) {
                    identity.callAs(resident, () -> bookings.cancel(b.getCode()));
                }
            } catch (Refusal e) {
                log.debug("Demo booking skipped: {}", e.messageKey());
            }
        }
        return made;
    }

    // ---- history

    private record Place(long id, long officeId, String window) {}

    private record Offer(long serviceId, String code, int minutes, List<Place> places) {}

    /** A visitor of a past day, as the queue would have recorded them. */
    private static final class Visitor {
        Instant arrived;
        Offer offer;
        boolean booked;
        Place place;
        Instant called;
        Instant finished;
    }

    private static final String[] COMMENTS_GOOD = {"Швидко і ввічливо, дякую!", "Все пояснили, документи прийняли за 10 хвилин.",
        "Дуже зручно, що можна записатися онлайн.", "Адміністратор допомогла заповнити заяву, дякую.", "Чисто, тепло, черги майже не було."};
    private static final String[] COMMENTS_BAD = {"Довго чекала, працювало лише одне вікно.", "Не вистачало бланків заяв.",
        "Прийшов за записом, але чекав ще 20 хвилин.", ""};

    /**
     * The past {@value #HISTORY_DAYS} days of every office of the community: visitors arrive through
     * the day (more in the morning and on Mondays), about two in five with a booking; each office's
     * windows serve them in turn, so waits grow where the office is busy; some booked people never
     * come, some cancel, a third of those served rate the visit. Written with batched statements.
     */
    private int history(Community c) {
        long community = c.id();
        Random random = new Random(20_250_101L + c.slug().hashCode());
        LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
        List<Identity.PersonRef> people = identity.demoResidents(c.slug(), LAST_RESIDENT);
        if (people.isEmpty()) {
            return 0;
        }
        Map<Long, Map<Long, Offer>> offers = offers(community);
        List<Object[]> bookingRows = new ArrayList<>();
        List<Object[]> holdRows = new ArrayList<>();
        List<Object[]> visitRows = new ArrayList<>();
        Map<Long, Integer> perPersonMonth = new HashMap<>();
        int nextPerson = 0;
        long[] ids = jdbc.queryForList("select nextval('cnap_booking_id_seq') from generate_series(1, ?)", Long.class,
                HISTORY_DAYS * 400).stream().mapToLong(Long::longValue).toArray();
        int nextId = 0;
        for (Office office : catalogue.offices()) {
            Map<Long, Offer> here = offers.getOrDefault(office.getId(), Map.of());
            if (here.isEmpty()) {
                continue;
            }
            List<Offer> menu = new ArrayList<>(here.values());
            menu.sort(Comparator.comparing(Offer::code));
            int windows = (int) menu.stream().flatMap(o -> o.places().stream()).map(Place::id).distinct().count();
            for (LocalDate day = today.minusDays(HISTORY_DAYS); day.isBefore(today); day = day.plusDays(1)) {
                if (!office.hours().opensOn(day.getDayOfWeek()) || office.holidays().contains(day)) {
                    continue;
                }
                OfficeHours.Span span = office.hours().on(day.getDayOfWeek());
                int minutesOpen = (int) Duration.between(span.open(), span.close()).toMinutes();
                // about one visitor an hour per window, more on Mondays, fewer on Fridays and Saturdays
                double load = day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.25 : day.getDayOfWeek().getValue() >= 5 ? 0.8 : 1.0;
                int count = (int) Math.round(windows * minutesOpen / 60.0 * (office.isRemote() ? 0.8 : 1.0) * load
                        * (0.8 + random.nextDouble() * 0.4));
                Instant open = day.atTime(span.open()).atZone(Dates.KYIV).toInstant();
                List<Visitor> visitors = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Visitor v = new Visitor();
                    // arrivals lean towards the morning
                    double u = random.nextDouble();
                    v.arrived = open.plusSeconds((long) (Math.pow(u, 1.3) * (minutesOpen - 20) * 60));
                    v.offer = pick(menu, random);
                    v.booked = office.isEQueue() && random.nextInt(100) < 42;
                    visitors.add(v);
                }
                visitors.sort(Comparator.comparing(v -> v.arrived));
                Map<Long, Instant> freeAt = new HashMap<>();
                Instant close = day.atTime(span.close()).atZone(Dates.KYIV).toInstant();
                int ticketA = 0;
                int ticketB = 0;
                for (Visitor v : visitors) {
                    Place best = null;
                    for (Place p : v.offer.places()) {
                        if (best == null || freeAt.getOrDefault(p.id(), open).isBefore(freeAt.getOrDefault(best.id(), open))) {
                            best = p;
                        }
                    }
                    Instant free = freeAt.getOrDefault(best.id(), open);
                    // booked visitors are called at their time, before those who walked in
                    v.called = (free.isAfter(v.arrived) ? free : v.arrived).plusSeconds(30 + random.nextInt(90));
                    if (v.called.isAfter(close.plus(Duration.ofMinutes(20)))) {
                        continue; // the office closed before their turn: not served that day
                    }
                    v.place = best;
                    int minutes = Math.max(4, (int) Math.round(v.offer.minutes() * (0.6 + random.nextDouble() * 0.7)));
                    v.finished = v.called.plusSeconds(minutes * 60L + random.nextInt(60));
                    freeAt.put(best.id(), v.finished);
                    Long bookingId = null;
                    Identity.PersonRef person = null;
                    if (v.booked) {
                        person = person(people, perPersonMonth, day, nextPerson++);
                    }
                    if (person != null && nextId < ids.length) {
                        bookingId = ids[nextId++];
                        Instant start = slot(v.arrived.plusSeconds(300));
                        Instant end = start.plusSeconds(60L * UNIT_MINUTES * units(v.offer.minutes()));
                        Instant created = start.minus(Duration.ofHours(4 + random.nextInt(24 * 12)));
                        bookingRows.add(new Object[] {bookingId, community, code(random), person.personId(), person.accountId(),
                            person.name(), person.email(), v.offer.serviceId(), office.getId(), best.id(), ts(start), ts(end),
                            "CHECKED_IN", ts(created), null, ts(v.arrived)});
                        for (Instant u = start; u.isBefore(end); u = u.plusSeconds(60L * UNIT_MINUTES)) {
                            holdRows.add(new Object[] {best.id(), ts(u), bookingId});
                        }
                    }
                    String ticket = bookingId != null ? "B-" + String.format("%03d", ++ticketB) : "A-" + String.format("%03d", ++ticketA);
                    Integer rating = null;
                    String comment = null;
                    Instant rated = null;
                    if (random.nextInt(100) < 34) {
                        int roll = random.nextInt(100);
                        long waited = Duration.between(v.arrived, v.called).toMinutes();
                        rating = waited > 40 ? (roll < 40 ? 3 : roll < 70 ? 4 : roll < 85 ? 2 : 5)
                                : roll < 62 ? 5 : roll < 85 ? 4 : roll < 93 ? 3 : roll < 97 ? 2 : 1;
                        comment = random.nextInt(3) == 0 ? rating >= 4 ? COMMENTS_GOOD[random.nextInt(COMMENTS_GOOD.length)]
                                : COMMENTS_BAD[random.nextInt(COMMENTS_BAD.length)] : null;
                        rated = v.finished.plusSeconds(300 + random.nextInt(3 * 3600));
                    }
                    visitRows.add(new Object[] {community, office.getId(), v.offer.serviceId(), bookingId, day, ticket, code(random),
                        bookingId != null ? "BOOKED" : "LIVE", ts(v.arrived), ts(v.arrived), "SERVED", best.id(), best.window(),
                        ts(v.called), ts(v.finished), rating, comment, rated == null ? null : ts(rated)});
                }
                // booked people who did not come, and bookings cancelled in time
                int absent = (int) Math.round(count * 0.42 * 0.12);
                for (int i = 0; i < absent && office.isEQueue() && nextId < ids.length; i++) {
                    Identity.PersonRef person = person(people, perPersonMonth, day, nextPerson++);
                    if (person == null) {
                        break;
                    }
                    Offer offer = pick(menu, random);
                    Place place = offer.places().get(random.nextInt(offer.places().size()));
                    Instant start = slot(open.plusSeconds(60L * random.nextInt(Math.max(1, minutesOpen - 30))));
                    Instant end = start.plusSeconds(60L * UNIT_MINUTES * units(offer.minutes()));
                    boolean cancelled = i % 2 == 1;
                    Instant created = start.minus(Duration.ofHours(6 + random.nextInt(24 * 10)));
                    long id = ids[nextId++];
                    bookingRows.add(new Object[] {id, community, code(random), person.personId(), person.accountId(), person.name(),
                        person.email(), offer.serviceId(), office.getId(), place.id(), ts(start), ts(end),
                        cancelled ? "CANCELLED" : "MISSED", ts(created), cancelled ? ts(start.minus(Duration.ofHours(3))) : null, null});
                    if (!cancelled) {
                        for (Instant u = start; u.isBefore(end); u = u.plusSeconds(60L * UNIT_MINUTES)) {
                            holdRows.add(new Object[] {place.id(), ts(u), id});
                        }
                    }
                }
            }
        }
        jdbc.batchUpdate("insert into cnap_booking (id, community_id, code, person_id, account_id, person_name, email, service_id,"
                + " office_id, workplace_id, starts_at, ends_at, status, created_at, cancelled_at, checked_in_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bookingRows);
        jdbc.batchUpdate("insert into cnap_hold (workplace_id, unit_start, booking_id) values (?, ?, ?) on conflict do nothing", holdRows);
        jdbc.batchUpdate("insert into cnap_visit (community_id, office_id, service_id, booking_id, day, ticket, rate_code, kind,"
                + " arrived_at, queue_at, status, workplace_id, window_label, called_at, finished_at, rating, rating_comment, rated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", visitRows);
        return visitRows.size();
    }

    /** What each office offers: for each service, the windows that serve it. */
    private Map<Long, Map<Long, Offer>> offers(long community) {
        Map<Long, Map<Long, Offer>> offers = new HashMap<>();
        jdbc.query("select w.office_id, w.id, w.window_label, s.id, s.code, s.duration_minutes from cnap_workplace_service ws"
                + " join cnap_workplace w on w.id = ws.workplace_id join cnap_service s on s.id = ws.service_id"
                + " where ws.community_id = ? order by w.id, s.id", r -> {
                    Offer o = offers.computeIfAbsent(r.getLong(1), k -> new HashMap<>()).computeIfAbsent(r.getLong(4),
                            k -> {
                                try {
                                    return new Offer(k, r.getString(5), r.getInt(6), new ArrayList<>());
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                    o.places().add(new Place(r.getLong(2), r.getLong(1), r.getString(3)));
                }, community);
        return offers;
    }

    /** Services people come for most: residence, passports, social help, certificates; the rest now and then. */
    private static Offer pick(List<Offer> menu, Random random) {
        for (int tries = 0; tries < 3; tries++) {
            Offer o = menu.get(random.nextInt(menu.size()));
            String prefix = o.code().substring(0, 3);
            if (List.of("RMP", "PAS", "SOC", "DOV", "IDP", "NER", "PEN").contains(prefix) || tries == 2) {
                return o;
            }
        }
        return menu.get(0);
    }

    /** The next demo resident with fewer than two bookings made in that month (the monthly limit is four). */
    private static Identity.@Nullable PersonRef person(List<Identity.PersonRef> people, Map<Long, Integer> made, LocalDate day, int from) {
        long month = day.getYear() * 12L + day.getMonthValue();
        for (int i = 0; i < people.size(); i++) {
            Identity.PersonRef p = people.get((from + i) % people.size());
            long key = p.personId() * 100_000L + month;
            if (made.getOrDefault(key, 0) < 2) {
                made.merge(key, 1, Integer::sum);
                return p;
            }
        }
        return null;
    }

    private static Instant slot(Instant t) {
        long unit = UNIT_MINUTES * 60L;
        return Instant.ofEpochSecond(t.getEpochSecond() / unit * unit);
    }

    private static int units(int minutes) {
        return (minutes + UNIT_MINUTES - 1) / UNIT_MINUTES;
    }

    private static String code(Random random) {
        char[] c = new char[Codes.LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = Codes.ALPHABET.charAt(random.nextInt(Codes.ALPHABET.length()));
        }
        return new String(c);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
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
    private static String catalogue(Map<String, List<String>> groups, @Nullable List<String> only) {
        String csv;
        try (InputStream in = DemoQueue.class.getResourceAsStream("/queue/demo-services.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\n")) {
            if (only != null && !line.startsWith("code,") && only.stream().noneMatch(p -> line.startsWith(p.contains("-") ? p + "," : p + "-"))) {
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
