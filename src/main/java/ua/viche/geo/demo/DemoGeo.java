package ua.viche.geo.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.geo.domain.Access;
import ua.viche.geo.domain.GeoEditing;
import ua.viche.geo.domain.GeoRoutes;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.Geometries;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.MapObject;
import ua.viche.geo.domain.StandardLayer;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;
import ua.viche.search.SearchIndexing;

/**
 * The demo geoportal: every standard layer enabled in each community, and objects generated from a
 * fixed seed on the community's own streets inside its area (Kropyvnytskyi over 300, the others a
 * few dozen), with varied accessibility, written in one batch (decision 0038) and indexed for search
 * in bulk. House numbers run along each street, so that an address always means one place.
 */
@Component
@Order(60)
class DemoGeo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGeo.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final GeoEditing editing;
    private final GeoService geo;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SearchIndexing searchIndexing;
    private final JsonMapper json;
    private final GeoRoutes routes;

    DemoGeo(VicheSettings settings, Communities communities, GeoEditing editing, GeoService geo, JdbcTemplate jdbc,
            TransactionTemplate tx, SearchIndexing searchIndexing, JsonMapper json, GeoRoutes routes) {
        this.routes = routes;
        this.settings = settings;
        this.communities = communities;
        this.editing = editing;
        this.geo = geo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.searchIndexing = searchIndexing;
        this.json = json;
    }

    /** How many objects of each standard layer a community gets, and its streets. */
    private record Plan(String slug, Map<StandardLayer, Integer> counts, List<String> streets, List<String[]> sights, String network,
                        List<List<Integer>> routes) {}

    private static final List<String> KROPYVNYTSKYI_STREETS = List.of("вул. Велика Перспективна", "вул. Дворцова", "вул. Преображенська",
            "вул. Шевченка", "вул. Єгорова", "вул. Академіка Корольова", "просп. Університетський", "вул. Кропивницького",
            "вул. Гоголя", "вул. Вокзальна", "вул. Полтавська", "вул. Київська", "вул. Миколаївська", "вул. Короленка",
            "вул. Пашутінська", "вул. Нейгауза", "вул. Яновського", "вул. Героїв України", "вул. Лінія 10-та", "вул. Космонавта Попова",
            "вул. Генерала Жадова", "вул. Волкова", "просп. Промисловий", "вул. Чорновола");
    private static final List<String> DMYTRIVKA_STREETS = List.of("вул. Центральна", "вул. Шкільна", "вул. Садова", "вул. Миру",
            "вул. Молодіжна", "вул. Польова");
    private static final List<String> SIEVIERODONETSK_STREETS = List.of("просп. Центральний", "вул. Донецька", "просп. Хіміків",
            "вул. Гагаріна", "бульв. Дружби Народів", "вул. Менделєєва");

    /** Sights: name, English name, period, latitude, longitude, address (in the city's centre, within a walk of each other). */
    private static final List<String[]> KROPYVNYTSKYI_SIGHTS = List.of(
            new String[] {"Фортеця святої Єлисавети", "Fortress of St Elizabeth", "1754", "48.5234", "32.2468", "вул. Фортечні Вали, 1"},
            new String[] {"Обласний художній музей", "Regional Art Museum", "XIX ст.", "48.5118", "32.2631", "вул. Дворцова, 40"},
            new String[] {"Академічний музично-драматичний театр імені Марка Кропивницького", "Marko Kropyvnytskyi Academic Music and Drama Theatre",
                    "1883", "48.5093", "32.2612", "вул. Велика Перспективна, 29"},
            new String[] {"Обласний краєзнавчий музей", "Regional Museum of Local History", "XIX ст.", "48.5110", "32.2650", "вул. Велика Перспективна, 40"},
            new String[] {"Музей музичної культури імені Карла Шимановського", "Karol Szymanowski Museum of Musical Culture", "XX ст.",
                    "48.5127", "32.2589", "вул. Шевченка, 5"},
            new String[] {"Літературно-меморіальний музей Івана Карпенка-Карого", "Ivan Karpenko-Karyi Literary Memorial Museum", "XIX ст.",
                    "48.5165", "32.2551", "вул. Гоголя, 21"},
            new String[] {"Дендропарк", "Arboretum", "XX ст.", "48.5297", "32.2768", "вул. Кропивницького, 2"},
            new String[] {"Ковалівський парк", "Kovalivskyi Park", "XIX ст.", "48.5049", "32.2537", "вул. Миколаївська, 1"},
            new String[] {"Успенський собор", "Dormition Cathedral", "XIX ст.", "48.5139", "32.2670", "вул. Пашутінська, 39"},
            new String[] {"Свято-Покровська церква", "Church of the Protection", "XIX ст.", "48.5066", "32.2681", "вул. Нейгауза, 10"},
            new String[] {"Будинок Дворянського зібрання", "Assembly of Nobility building", "XIX ст.", "48.5108", "32.2628", "вул. Дворцова, 22"},
            new String[] {"Будівля колишнього реального училища", "Former Real School building", "XIX ст.", "48.5124", "32.2608", "вул. Шевченка, 7"},
            new String[] {"Пам’ятник Марку Кропивницькому", "Monument to Marko Kropyvnytskyi", "XX ст.", "48.5099", "32.2606", "вул. Велика Перспективна, 27"},
            new String[] {"Будинок купця Лоточкіна", "Merchant Lotochkin's house", "XIX ст.", "48.5131", "32.2640", "вул. Дворцова, 31"},
            new String[] {"Старий міський ринок", "Old city market", "XIX ст.", "48.5146", "32.2599", "вул. Преображенська, 4"},
            new String[] {"Сквер Героїв", "Heroes' Square", "XX ст.", "48.5086", "32.2644", "вул. Велика Перспективна, 33"},
            new String[] {"Кінотеатр «Зірка»", "Zirka cinema", "XX ст.", "48.5080", "32.2625", "вул. Велика Перспективна, 22"},
            new String[] {"Водонапірна вежа", "Water tower", "XIX ст.", "48.5180", "32.2520", "вул. Полтавська, 2"},
            new String[] {"Міська ратуша", "Town hall", "XIX ст.", "48.5104", "32.2638", "вул. Велика Перспективна, 35"},
            new String[] {"Парк Перемоги", "Victory Park", "XX ст.", "48.5005", "32.2705", "просп. Університетський, 1"});

    /**
     * Kropyvnytskyi's three routes, by the sights' places in the list above: the old town (accessible:
     * its stops get step-free entrances in the demo), from the fortress to Kovalivskyi Park, and the
     * theatre quarter.
     */
    private static final List<List<Integer>> KROPYVNYTSKYI_ROUTES = List.of(List.of(18, 10, 15, 16, 2, 12), List.of(0, 17, 14, 8, 9, 7),
            List.of(2, 11, 4, 5, 13, 1, 3));

    private static Map<StandardLayer, Integer> counts(int health, int education, int social, int shelters, int wifi, int invincibility,
                                                      int investment, int sights, int routes) {
        Map<StandardLayer, Integer> m = new LinkedHashMap<>();
        m.put(StandardLayer.HEALTH, health);
        m.put(StandardLayer.EDUCATION, education);
        m.put(StandardLayer.SOCIAL, social);
        m.put(StandardLayer.SHELTERS, shelters);
        m.put(StandardLayer.WIFI, wifi);
        m.put(StandardLayer.INVINCIBILITY, invincibility);
        m.put(StandardLayer.INVESTMENT, investment);
        m.put(StandardLayer.SIGHTS, sights);
        m.put(StandardLayer.ROUTES, routes);
        return m;
    }

    private static List<Plan> plans() {
        return List.of(
                new Plan("kropyvnytskyi", counts(55, 85, 20, 70, 35, 25, 8, 20, 3), KROPYVNYTSKYI_STREETS, KROPYVNYTSKYI_SIGHTS, "Kropyvnytskyi_Free", KROPYVNYTSKYI_ROUTES),
                new Plan("dmytrivka", counts(5, 7, 3, 8, 3, 3, 3, 3, 1), DMYTRIVKA_STREETS, KROPYVNYTSKYI_SIGHTS.subList(0, 0), "Dmytrivka_Free",
                        List.of(List.of(0, 1, 2))),
                new Plan("sievierodonetsk", counts(5, 5, 4, 8, 3, 3, 0, 0, 0), SIEVIERODONETSK_STREETS, KROPYVNYTSKYI_SIGHTS.subList(0, 0),
                        "Sievierodonetsk_Free", List.of()));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Plan plan : plans()) {
            Community c = communities.bySlug(plan.slug()).orElse(null);
            if (c == null) {
                continue;
            }
            CurrentCommunity.runAs(c, () -> {
                if (!geo.layers().isEmpty()) {
                    return;
                }
                long began = System.nanoTime();
                Map<StandardLayer, Layer> layers = new LinkedHashMap<>();
                tx.executeWithoutResult(s -> {
                    for (StandardLayer standard : StandardLayer.values()) {
                        layers.put(standard, editing.enableStandard(standard));
                    }
                });
                int n = generate(c, plan, layers);
                stops(plan, layers);
                events(c, plan, layers);
                searchIndexing.writtenInBulk(MapObject.class); // written with SQL
                log.info("Demo map objects created in {}: {} objects, in {} ms", c.slug(), n, (System.nanoTime() - began) / 1_000_000);
            });
        }
    }

    /** A street: a start inside the area and a step per house number. */
    private record Street(String name, double lat, double lon, double dLat, double dLon) {}

    private int generate(Community c, Plan plan, Map<StandardLayer, Layer> layers) {
        Random random = new Random(20_260_707L + c.slug().hashCode());
        Community.Area area = geo.area();
        double h = area.maxLat() - area.minLat();
        double w = area.maxLon() - area.minLon();
        List<Street> streets = new ArrayList<>();
        for (String name : plan.streets()) {
            double angle = random.nextDouble() * Math.PI;
            streets.add(new Street(name, area.minLat() + h * (0.3 + 0.4 * random.nextDouble()), area.minLon() + w * (0.3 + 0.4 * random.nextDouble()),
                    Math.sin(angle) * h * 0.0025, Math.cos(angle) * w * 0.0025));
        }
        Set<String> taken = new HashSet<>();
        for (String[] sight : plan.sights()) {
            taken.add(sight[5].substring(0, sight[5].lastIndexOf(", ")) + sight[5].substring(sight[5].lastIndexOf(", ") + 2));
        }
        Set<Integer> accessibleStops = plan.routes().isEmpty() ? Set.of() : Set.copyOf(plan.routes().get(0));
        List<Object[]> rows = new ArrayList<>();
        Instant now = Instant.now();
        List<double[]> sightPoints = new ArrayList<>();
        for (Map.Entry<StandardLayer, Integer> e : plan.counts().entrySet()) {
            StandardLayer standard = e.getKey();
            Layer layer = layers.get(standard);
            for (int i = 1; i <= e.getValue(); i++) {
                Street street = streets.get(random.nextInt(streets.size()));
                int number = 1 + random.nextInt(90);
                while (!taken.add(street.name() + number)) {
                    number = 1 + random.nextInt(90);
                }
                double lat = street.lat() + street.dLat() * number;
                double lon = street.lon() + street.dLon() * number;
                String address = street.name() + ", " + number;
                boolean knownSight = standard == StandardLayer.SIGHTS && i <= plan.sights().size();
                if (knownSight) {
                    String[] sight = plan.sights().get(i - 1);
                    lat = Double.parseDouble(sight[3]);
                    lon = Double.parseDouble(sight[4]);
                    address = sight[5];
                }
                Names names = names(standard, i, random, plan);
                Geometries.Shape shape;
                if (standard == StandardLayer.INVESTMENT) {
                    double d = 0.0015 + random.nextDouble() * 0.002;
                    shape = Geometries.parse("{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + d) + "," + lat + "],["
                            + (lon + d) + "," + (lat + d * 0.7) + "],[" + lon + "," + (lat + d * 0.7) + "],[" + lon + "," + lat + "]]]}", json, area);
                } else if (standard == StandardLayer.ROUTES) {
                    shape = route(sightPoints, i < plan.routes().size() + 1 ? plan.routes().get(i - 1) : List.of(), lat, lon, area);
                } else {
                    shape = Geometries.point(lat, lon, area);
                }
                if (standard == StandardLayer.SIGHTS) {
                    sightPoints.add(new double[] {lat, lon});
                }
                Map<String, String> attributes = attributes(standard, names.kind(), random, plan, shape, i);
                String access = access(standard, names.kind(), random, i);
                if (knownSight && accessibleStops.contains(i - 1)) {
                    access = "YYY" + access.substring(3, 6) + "Y" + access.substring(7);
                }
                LocalDate checked = random.nextInt(10) < 6 ? geo.today().minusDays(random.nextInt(360)) : null;
                rows.add(new Object[] {c.id(), layer.getId(), layer.getSlug(), layer.isPublished(), names.uk(), names.en(),
                        standard == StandardLayer.ROUTES ? null : address, names.descriptionUk(), names.descriptionEn(),
                        shape.type(), shape.geoJson(), shape.lat(), shape.lon(), shape.minLat(), shape.minLon(), shape.maxLat(), shape.maxLon(),
                        json.writeValueAsString(attributes), access,
                        access.contains("Y") && random.nextInt(4) == 0 ? "Вхід з боку подвір’я, кнопка виклику персоналу біля дверей." : null,
                        checked == null ? null : Date.valueOf(checked), Timestamp.from(now), Timestamp.from(now)});
            }
        }
        tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                insert into geo_object (community_id, layer_id, layer_slug, layer_published, name_uk, name_en, address, description_uk,
                  description_en, geometry_type, geometry, latitude, longitude, min_lat, min_lon, max_lat, max_lon, attributes, access,
                  access_note, access_checked, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows));
        return rows.size();
    }

    /** A first line for a route (through its sights, else a short line from its street); its stops redraw it. */
    private Geometries.Shape route(List<double[]> sights, List<Integer> stops, double lat, double lon, Community.Area area) {
        List<double[]> points = new ArrayList<>();
        for (int k : stops) {
            if (k < sights.size()) {
                points.add(sights.get(k));
            }
        }
        if (points.size() < 2) {
            points = List.of(new double[] {lat, lon}, new double[] {lat + 0.002, lon + 0.003});
        }
        StringBuilder s = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        for (int k = 0; k < points.size(); k++) {
            s.append(k == 0 ? "" : ",").append('[').append(points.get(k)[1]).append(',').append(points.get(k)[0]).append(']');
        }
        return Geometries.parse(s.append("]}").toString(), json, area);
    }

    /** Sets each route's stops (the plan's sights, by their place in the layer) so that its line, length and time follow from them. */
    private void stops(Plan plan, Map<StandardLayer, Layer> layers) {
        if (plan.routes().isEmpty()) {
            return;
        }
        tx.executeWithoutResult(t -> {
            List<MapObject> sights = geo.objectsOf(layers.get(StandardLayer.SIGHTS).getId());
            List<MapObject> routeObjects = geo.objectsOf(layers.get(StandardLayer.ROUTES).getId());
            for (int r = 0; r < routeObjects.size() && r < plan.routes().size(); r++) {
                List<Long> ids = plan.routes().get(r).stream().filter(k -> k < sights.size()).map(k -> sights.get(k).getId()).toList();
                if (ids.size() >= 2) {
                    routes.writeStops(routeObjects.get(r), ids);
                }
            }
        });
    }

    /** A few events at the first sights over the coming weeks (a concert, a guided walk, an exhibition), Kyiv time. */
    private void events(Community c, Plan plan, Map<StandardLayer, Layer> layers) {
        if (plan.sights().isEmpty()) {
            return;
        }
        String[][] kinds = {
                {"Екскурсія «Фортеця, з якої почалося місто»", "Guided walk: the fortress where the city began", "11:00", "13:00",
                        "Збір біля головного входу; екскурсія українською, вхід вільний."},
                {"Концерт камерної музики", "Chamber music concert", "18:00", "20:00", "Твори Шимановського та українських композиторів."},
                {"Виставка «Місто на старих листівках»", "Exhibition: the city on old postcards", "10:00", "18:00", "Листівки кінця XIX — початку XX ст."},
                {"Вистава для дітей", "A play for children", "12:00", "13:30", "Для глядачів від 6 років; є місця для людей на кріслах колісних."}};
        int[] sights = {0, 4, 1, 2};
        tx.executeWithoutResult(t -> {
            List<MapObject> objects = geo.objectsOf(layers.get(StandardLayer.SIGHTS).getId());
            LocalDate today = geo.today();
            List<Object[]> rows = new ArrayList<>();
            for (int week = 0; week < 3; week++) {
                for (int k = 0; k < kinds.length; k++) {
                    if (sights[k] >= objects.size()) {
                        continue;
                    }
                    LocalDate day = today.plusDays(3 + week * 7L + k);
                    String[] e = kinds[k];
                    rows.add(new Object[] {c.id(), objects.get(sights[k]).getId(), e[0], e[1],
                            Timestamp.from(day.atTime(LocalTime.parse(e[2])).atZone(KYIV).toInstant()),
                            Timestamp.from(day.atTime(LocalTime.parse(e[3])).atZone(KYIV).toInstant()), e[4], Timestamp.from(Instant.now())});
                }
            }
            jdbc.batchUpdate("insert into geo_event (community_id, object_id, title_uk, title_en, starts_at, ends_at, description_uk, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        });
    }

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private record Names(String uk, String en, String kind, @Nullable String descriptionUk, @Nullable String descriptionEn) {}

    private static Names names(StandardLayer standard, int i, Random random, Plan plan) {
        return switch (standard) {
            case HEALTH -> {
                String[][] kinds = {{"family_doctor", "Амбулаторія загальної практики сімейної медицини № %d", "Family medicine outpatient clinic No. %d"},
                        {"polyclinic", "Поліклініка № %d", "Polyclinic No. %d"}, {"hospital", "Лікарня № %d", "Hospital No. %d"},
                        {"dentist", "Стоматологічна поліклініка № %d", "Dental clinic No. %d"}, {"pharmacy", "Аптека № %d", "Pharmacy No. %d"}};
                String[] k = kinds[i % 9 < 4 ? 0 : i % 9 < 6 ? 1 : i % 9 < 7 ? 2 : i % 9 < 8 ? 3 : 4];
                yield new Names(k[1].formatted(i), k[2].formatted(i), k[0], null, null);
            }
            case EDUCATION -> {
                String[][] kinds = {{"kindergarten", "Заклад дошкільної освіти № %d", "Kindergarten No. %d"},
                        {"school", "Гімназія № %d", "Gymnasium No. %d"}, {"lyceum", "Ліцей № %d", "Lyceum No. %d"},
                        {"college", "Фаховий коледж № %d", "Professional college No. %d"}};
                String[] k = kinds[i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : i % 7 < 6 ? 2 : 3];
                yield new Names(k[1].formatted(i), k[2].formatted(i), k[0], null, null);
            }
            case SOCIAL -> i % 3 == 0 ? new Names("Центр надання соціальних послуг, відділення № " + i, "Social services centre, branch No. " + i, "", null, null)
                    : new Names("Територіальний центр соціального обслуговування № " + i, "Territorial social care centre No. " + i, "", null, null);
            case SHELTERS -> new Names("Укриття № " + i, "Shelter No. " + i, i % 3 == 0 ? "basement" : i % 7 == 0 ? "parking" : "civil_defence", null, null);
            case WIFI -> new Names("Зона Wi-Fi № " + i, "Wi-Fi zone No. " + i, "", null, null);
            case INVINCIBILITY -> new Names("Пункт незламності № " + i, "Point of invincibility No. " + i, "", null, null);
            case INVESTMENT -> new Names("Інвестиційна ділянка № " + i, "Investment site No. " + i, "",
                    "Вільна ділянка комунальної власності для розміщення виробництва або складу.", "A free municipal plot for production or storage.");
            case SIGHTS -> {
                String[] s = i <= plan.sights().size() ? plan.sights().get(i - 1)
                        : new String[] {"Пам’ятка місцевого значення № " + i, "Local landmark No. " + i, "XX ст."};
                yield new Names(s[0], s[1], s[2], "Пам’ятка " + s[2] + ", одна з визначних місць громади. Історію будівлі та місця розповідають екскурсоводи"
                        + " міського туристично-інформаційного центру.", "A landmark (" + s[2].replace("ст.", "c.") + "), one of the community's sights. "
                        + "The guides of the city's tourist information centre tell its history.");
            }
            case ROUTES -> {
                String[][] r = {{"Старе місто пішки", "The old town on foot", "easy",
                        "Коротка прогулянка центром без сходинок: від ратуші Великою Перспективною до театру й пам’ятника Марку Кропивницькому."
                                + " Тротуари рівні, переходи з пониженими бордюрами, біля кожної зупинки є лава.",
                        "A short walk through the centre without steps: from the town hall along Velyka Perspektyvna to the theatre and the monument"
                                + " to Marko Kropyvnytskyi. Level pavements, dropped kerbs at the crossings, a bench at every stop."},
                        {"Від фортеці до Ковалівського парку", "From the fortress to Kovalivskyi Park", "moderate",
                        "Від валів фортеці святої Єлисавети, з якої почалося місто, повз водонапірну вежу, старий ринок і собори до Ковалівського"
                                + " парку. Є підйоми й ґрунтові стежки на валах.",
                        "From the ramparts of the Fortress of St Elizabeth, where the city began, past the water tower, the old market and the"
                                + " churches to Kovalivskyi Park. Some climbs and earth paths on the ramparts."},
                        {"Театральний квартал", "The theatre quarter", "easy",
                        "Місто театру корифеїв і музики: театр, реальне училище, музеї Шимановського й Карпенка-Карого, будинок Лоточкіна"
                                + " та два музеї на Дворцовій і Великій Перспективній.",
                        "The city of the first Ukrainian professional theatre and of music: the theatre, the real school, the Szymanowski and"
                                + " Karpenko-Karyi museums, the Lotochkin house and two museums on Dvortsova and Velyka Perspektyvna."}};
                String[] k = plan.slug().equals("kropyvnytskyi") ? r[(i - 1) % 3] : new String[] {"Околицями громади", "Around the community", "hard",
                        "Довгий маршрут для пішої або велосипедної прогулянки між селами громади повз її пам’ятки.",
                        "A long walk or bicycle ride between the community's villages past its landmarks."};
                yield new Names(k[0], k[1], k[2], k[3], k[4]);
            }
        };
    }

    private static Map<String, String> attributes(StandardLayer standard, String kind, Random random, Plan plan, Geometries.Shape shape, int i) {
        Map<String, String> a = new LinkedHashMap<>();
        String phone = "+38052" + (2000000 + random.nextInt(7999999));
        switch (standard) {
            case HEALTH -> {
                a.put("kind", kind);
                a.put("hours", kind.equals("hospital") ? "24/7" : "Mo-Fr 08:00-18:00; Sa 09:00-14:00; Su off");
                a.put("phone", phone);
            }
            case EDUCATION -> {
                a.put("kind", kind);
                a.put("hours", kind.equals("kindergarten") ? "Mo-Fr 07:00-19:00; Sa,Su off" : "Mo-Fr 08:00-17:00; Sa,Su off");
                a.put("phone", phone);
            }
            case SOCIAL -> {
                a.put("services", "Соціальна допомога вдома, консультації, допомога внутрішньо переміщеним особам");
                a.put("hours", "Mo-Fr 08:00-17:00");
                a.put("phone", phone);
            }
            case SHELTERS -> {
                a.put("capacity", Integer.toString(50 + 10 * random.nextInt(56)));
                a.put("kind", kind);
                a.put("hours", "24/7");
            }
            case WIFI -> {
                a.put("network", plan.network());
                a.put("free", "yes");
            }
            case INVINCIBILITY -> {
                a.put("generator", "yes");
                a.put("water", random.nextBoolean() ? "yes" : "no");
                a.put("internet", "yes");
                a.put("hours", random.nextBoolean() ? "24/7" : "Mo-Su 08:00-22:00");
            }
            case INVESTMENT -> {
                a.put("area_ha", String.format(Locale.ROOT, "%.1f", 0.5 + random.nextInt(60) / 10.0));
                a.put("purpose", "Виробництво, склад, логістика");
                a.put("utilities", random.nextBoolean() ? "yes" : "no");
                a.put("contact", phone);
            }
            case SIGHTS -> {
                a.put("period", kind);
                a.put("hours", "Tu-Su 10:00-18:00; Mo off");
                a.put("tickets", random.nextBoolean() ? "Вхід вільний" : "Вхідний квиток 50 грн, пільговий 25 грн");
            }
            case ROUTES -> {
                double km = length(shape.geoJson()) / 1000;
                a.put("length_km", String.format(Locale.ROOT, "%.1f", km));
                a.put("walking_minutes", Long.toString(Math.round(km / 4.5 * 60) + 10L * 4));
                a.put("difficulty", kind);
                a.put("accessible", i == 1 && plan.slug().equals("kropyvnytskyi") ? "yes" : "no");
            }
        }
        return a;
    }

    private static double length(String lineJson) {
        String inner = lineJson.substring(lineJson.indexOf("[[") + 2, lineJson.lastIndexOf("]]"));
        String[] points = inner.split("\\],\\[");
        double total = 0;
        for (int k = 1; k < points.length; k++) {
            String[] p = points[k - 1].split(",");
            String[] q = points[k].split(",");
            total += Geometries.distance(Double.parseDouble(p[1]), Double.parseDouble(p[0]), Double.parseDouble(q[1]), Double.parseDouble(q[0]));
        }
        return total;
    }

    /** Accessibility answers, varied: clinics and social services more often equipped; a few with an interpreter. */
    private static String access(StandardLayer standard, String kind, Random random, int i) {
        boolean publicService = standard == StandardLayer.HEALTH || standard == StandardLayer.SOCIAL;
        StringBuilder s = new StringBuilder();
        for (Access a : Access.values()) {
            int yes = switch (a) {
                case STEP_FREE, RAMP -> publicService ? 65 : 45;
                case ACCESSIBLE_TOILET -> publicService ? 45 : 25;
                case SIGN_LANGUAGE -> publicService ? 18 : 4;
                case BRAILLE, AUDIO -> publicService ? 20 : 8;
                case MOBILITY_SERVICE -> publicService ? 55 : 30;
                case DISABLED_PARKING -> 35;
            };
            int roll = random.nextInt(100);
            s.append(roll < yes ? 'Y' : roll < yes + 25 ? 'N' : 'U');
        }
        if (standard == StandardLayer.ROUTES) {
            return i == 1 ? "YYUUUUYU" : "NNUUUUNU";
        }
        return s.toString();
    }
}
