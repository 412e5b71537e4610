package ua.viche.opendata.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.opendata.domain.Dataset;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.GeneratedDatasets;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;
import ua.viche.search.SearchIndexing;

/**
 * The demo portal: every community's register loaded from the Resolution 835 list and its generated
 * datasets fetched from the modules' exports (after the other demos have filled them). Kropyvnytskyi
 * also gets uploaded CSV files, generated from a fixed seed, with updates dated in the past so that
 * its register holds datasets in every status: published on time, overdue, planned and withdrawn
 * (77 datasets: the list's 68, eight more generated ones and one of its own; eleven uploads, five of
 * them overdue, one withdrawn). On a later start the list is loaded again, which adds only what an
 * earlier, shorter list left out.
 */
@Component
@Order(200)
class DemoOpendata implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOpendata.class);
    private static final String ADMIN = "admin@kropyvnytskyi.demo";

    private final VicheSettings settings;
    private final Communities communities;
    private final Register register;
    private final GeneratedDatasets generated;
    private final Identity identity;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SearchIndexing searchIndexing;

    DemoOpendata(VicheSettings settings, Communities communities, Register register, GeneratedDatasets generated, Identity identity,
                 JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, SearchIndexing searchIndexing) {
        this.settings = settings;
        this.communities = communities;
        this.register = register;
        this.generated = generated;
        this.identity = identity;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.searchIndexing = searchIndexing;
    }

    /** An uploaded dataset of the demo: its name, how many days ago it was last updated, and its CSV. */
    private record Upload(String dataset, int daysAgo, String file, String csv) {}

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            CurrentCommunity.runAs(c, () -> {
                boolean fresh = register.all().isEmpty();
                // on a later start too: a register loaded from an earlier, shorter list gets only what it lacks
                int added = register.loadTemplateAsSetup();
                // a later start leaves the generated datasets to their daily refresh: fetching every export
                // again here kept the start waiting for several seconds
                int versions = fresh ? generated.refresh() : 0;
                if (fresh && c.slug().equals("kropyvnytskyi")) {
                    identity.callAs(ADMIN, () -> {
                        kropyvnytskyi();
                        return null;
                    });
                }
                log.info("Demo open data in {}: {} datasets ({} added from the list), {} new generated versions", c.slug(), register.all().size(),
                        added, versions);
            });
        }
    }

    private void kropyvnytskyi() {
        Random random = new Random(20_261_207L);
        List<Upload> uploads = List.of(
                new Upload("transport-stops", 40, "zupynky.csv", stops(random)),
                new Upload("budget-execution", 25, "vykonannia-biudzhetu.csv", budget(random)),
                new Upload("heritage", 200, "pamiatky.csv", heritage()),
                new Upload("communal-rent", 150, "orenda.csv", rent(random)),
                new Upload("outdoor-advertising", 95, "reklama.csv", advertising(random)),
                new Upload("org-structure", 430, "struktura.csv", structure()),
                new Upload("dataset-register", 120, "reiestr-naboriv.csv", datasetRegister()),
                new Upload("parking", 60, "parkuvannia.csv", parking(random)),
                new Upload("shelters", 30, "ukryttia.csv", shelters(random)),
                new Upload("fairs", 110, "iarmarky.csv", fairs()),
                new Upload("waste-collection", 10, "vyviz-vidkhodiv.csv", waste()));
        register.create(new Register.Input("waste-collection", "Графік вивезення твердих побутових відходів",
                "Household waste collection schedule", "Дні та час вивезення твердих побутових відходів за вулицями міста.",
                "Days and times of household waste collection by street.", "відходи, сміття, графік", Theme.ENVI,
                "Рішення виконавчого комітету", Licence.CC_BY_4_0, Frequency.MONTHLY,
                communities.departments().stream().filter(d -> d.nameUk().contains("житлово")).map(d -> d.id()).findFirst().orElse(null),
                "zhkg@kropyvnytskyi.demo", null, null, "м. Кропивницький", "waste-collection"));
        Instant now = clock.instant();
        for (Upload u : uploads) {
            Register.Uploaded result = register.upload(u.dataset(), null, u.file(), u.csv().getBytes(StandardCharsets.UTF_8));
            if (!result.report().ok() || result.resource() == null) {
                throw new IllegalStateException("demo CSV refused: " + u.file() + " " + result.report().problems());
            }
            Instant at = now.minus(u.daysAgo(), ChronoUnit.DAYS);
            Instant issued = at.minus(400, ChronoUnit.DAYS);
            long community = CurrentCommunity.require().id();
            tx.executeWithoutResult(s -> {
                jdbc.update("update opendata_dataset set issued_at = ?, updated_at = ?, modified_at = ?, created_at = ? where community_id = ? and name = ?",
                        Timestamp.from(issued), Timestamp.from(at), Timestamp.from(at), Timestamp.from(issued), community, u.dataset());
                jdbc.update("update opendata_resource set created_at = ?, modified_at = ? where id = ?", Timestamp.from(at), Timestamp.from(at),
                        result.resource().getId());
                jdbc.update("update opendata_version set created_at = ? where resource_id = ?", Timestamp.from(at), result.resource().getId());
                jdbc.update("update opendata_resource set downloads = ? where id = ?", 5 + (u.dataset().hashCode() & 0xff), result.resource().getId());
            });
        }
        register.withdraw("parking");
        searchIndexing.writtenInBulk(Dataset.class); // dates set with SQL
    }

    private static String stops(Random random) {
        StringBuilder b = new StringBuilder("id,name,street,latitude,longitude,routes\n");
        String[] streets = {"вул. Велика Перспективна", "вул. Дворцова", "просп. Університетський", "вул. Полтавська", "вул. Короленка",
                "вул. Київська", "вул. Героїв України", "вул. Генерала Жадова"};
        for (int i = 1; i <= 60; i++) {
            String street = streets[random.nextInt(streets.length)];
            b.append(i).append(",\"Зупинка ").append(street.substring(street.indexOf(' ') + 1)).append(" ").append(i).append("\",\"")
                    .append(street).append("\",").append(String.format(Locale.ROOT, "%.6f", 48.48 + random.nextDouble() * 0.07)).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", 32.20 + random.nextDouble() * 0.12)).append(",\"")
                    .append(1 + random.nextInt(30)).append("; ").append(31 + random.nextInt(40)).append("\"\n");
        }
        return b.toString();
    }

    private static String budget(Random random) {
        StringBuilder b = new StringBuilder("code,programme,planned_uah,executed_uah,share_percent\n");
        String[] programmes = {"Освіта", "Охорона здоров’я", "Соціальний захист та соціальне забезпечення", "Культура і мистецтво",
                "Фізична культура і спорт", "Житлово-комунальне господарство", "Транспорт та транспортна інфраструктура", "Цифровий розвиток"};
        for (int i = 0; i < programmes.length; i++) {
            long planned = 20_000_000L + random.nextInt(900_000_000);
            long executed = planned * (60 + random.nextInt(40)) / 100;
            b.append(String.format("%04d", 1000 + i * 10)).append(",\"").append(programmes[i]).append("\",").append(planned).append(',')
                    .append(executed).append(',').append(executed * 100 / planned).append('\n');
        }
        return b.toString();
    }

    private static String heritage() {
        return """
                id,name,address,protection_number,period
                1,"Фортеця святої Єлисавети","вул. Преображенська",35-Кр,XVIII ст.
                2,"Будинок Дворянського зібрання","вул. Велика Перспективна",12-Кр,XIX ст.
                3,"Будівля колишнього реального училища","вул. Дворцова",18-Кр,XIX ст.
                4,"Будинок купця Лоточкіна","вул. Дворцова",21-Кр,XIX ст.
                5,"Успенський собор","вул. Шевченка",7-Кр,XIX ст.
                6,"Водонапірна вежа","вул. Київська",44-Кр,XIX ст.
                """;
    }

    private static String rent(Random random) {
        StringBuilder b = new StringBuilder("id,object,address,area_m2,tenant_type,rent_uah_month,contract_until\n");
        String[] objects = {"Нежитлове приміщення", "Частина даху", "Гараж", "Частина коридору", "Приміщення підвалу"};
        for (int i = 1; i <= 40; i++) {
            b.append(i).append(",\"").append(objects[random.nextInt(objects.length)]).append("\",\"вул. Шевченка, ").append(1 + random.nextInt(90))
                    .append("\",").append(10 + random.nextInt(300)).append(".").append(random.nextInt(10)).append(',')
                    .append(random.nextBoolean() ? "бюджетна установа" : "суб’єкт господарювання").append(',')
                    .append(500 + random.nextInt(20_000)).append(",2027-").append(String.format("%02d", 1 + random.nextInt(12))).append("-01\n");
        }
        return b.toString();
    }

    private static String advertising(Random random) {
        StringBuilder b = new StringBuilder("permit,address,type,size,valid_until\n");
        String[] types = {"білборд", "сітілайт", "призматрон", "вивіска", "банер на фасаді"};
        for (int i = 1; i <= 30; i++) {
            b.append("Р-").append(2025).append('-').append(String.format("%03d", i)).append(",\"просп. Університетський, ")
                    .append(1 + random.nextInt(40)).append("\",").append(types[random.nextInt(types.length)]).append(",\"")
                    .append(1 + random.nextInt(6)).append("x").append(1 + random.nextInt(3)).append(" м\",2026-12-31\n");
        }
        return b.toString();
    }

    private static String structure() {
        return """
                unit,head_position,phone,email
                "Управління інформаційних технологій","начальник управління","(0522) 24-00-01",it@kropyvnytskyi.demo
                "Департамент надання адміністративних послуг","директор департаменту","(0522) 24-00-02",cnap@kropyvnytskyi.demo
                "Департамент соціальної політики","директор департаменту","(0522) 24-00-03",social@kropyvnytskyi.demo
                "Управління освіти","начальник управління","(0522) 24-00-04",osvita@kropyvnytskyi.demo
                "Управління охорони здоров'я","начальник управління","(0522) 24-00-05",health@kropyvnytskyi.demo
                """;
    }

    private static String datasetRegister() {
        return """
                dataset,department,frequency,format
                "Дані про місце розміщення зупинок міського електро- та автомобільного транспорту","Управління житлово-комунального господарства",щороку,CSV
                "Звіти про виконання місцевого бюджету","Департамент з питань економічного розвитку",щокварталу,CSV
                "Перелік пам’яток культурної спадщини місцевого значення","Управління освіти",щороку,CSV
                "Електронні петиції, в тому числі інформація щодо їх розгляду","Відділ комунікацій з громадськістю",щодня,CSV
                """;
    }

    private static String shelters(Random random) {
        StringBuilder b = new StringBuilder("id,kind,address,capacity,accessible\n");
        String[] kinds = {"сховище", "протирадіаційне укриття", "найпростіше укриття"};
        String[] streets = {"вул. Велика Перспективна", "вул. Дворцова", "просп. Університетський", "вул. Полтавська", "вул. Героїв України"};
        for (int i = 1; i <= 25; i++) {
            b.append(i).append(',').append(kinds[random.nextInt(kinds.length)]).append(",\"").append(streets[random.nextInt(streets.length)])
                    .append(", ").append(1 + random.nextInt(120)).append("\",").append(50 + random.nextInt(400)).append(',')
                    .append(random.nextInt(3) == 0 ? "ні" : "так").append('\n');
        }
        return b.toString();
    }

    private static String fairs() {
        return """
                date,place,organiser,contract
                2026-05-09,"площа Богдана Хмельницького","КП «Центральний ринок»",Д-2026-014
                2026-08-22,"вул. Велика Перспективна","ГО «Майстри Єлисаветграда»",Д-2026-031
                2026-09-19,"просп. Університетський","ФОП Коваленко О. П.",Д-2026-036
                """;
    }

    private static String parking(Random random) {
        StringBuilder b = new StringBuilder("id,address,places,places_disabled,paid\n");
        for (int i = 1; i <= 15; i++) {
            b.append(i).append(",\"вул. Велика Перспективна, ").append(1 + random.nextInt(60)).append("\",").append(10 + random.nextInt(80))
                    .append(',').append(1 + random.nextInt(5)).append(',').append(random.nextBoolean() ? "так" : "ні").append('\n');
        }
        return b.toString();
    }

    private static String waste() {
        return """
                street,days,time,operator
                "вул. Велика Перспективна","пн, чт","07:00-10:00","КП «Спецкомунтранс»"
                "вул. Дворцова","вт, пт","07:00-10:00","КП «Спецкомунтранс»"
                "вул. Полтавська","ср, сб","08:00-11:00","КП «Спецкомунтранс»"
                "просп. Університетський","пн, чт","10:00-13:00","КП «Спецкомунтранс»"
                """;
    }
}
