package ua.viche.civic.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.civic.domain.CivicEvent;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.Edrpou;
import ua.viche.civic.domain.EventInput;
import ua.viche.civic.domain.Organisation;
import ua.viche.civic.domain.Seats;
import ua.viche.identity.Identity;
import ua.viche.platform.Community;
import ua.viche.platform.Dates;
import ua.viche.search.SearchIndexing;

/**
 * The demo civic space: each community's register of organisations (Kropyvnytskyi's with the
 * University of the Third Age «Натхнення» among twenty, a few waiting for verification and one
 * refused), and its events: Kropyvnytskyi's yearly forum of strategic communications and media
 * literacy ahead with its programme, public hearings whose seats are taken with a waiting list, and
 * last year's forum with attendance. Fixed seeds; dates relative to the day the demo is built.
 * Registrants are demo residents 200 and above, which no test races on.
 */
@Component
@Order(72)
class DemoCivic implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCivic.class);

    private final DemoSeeding seeding;
    private final Identity identity;
    private final CivicEvents events;
    private final Seats seats;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SearchIndexing searchIndexing;
    private final Clock clock;

    DemoCivic(DemoSeeding seeding, Identity identity, CivicEvents events, Seats seats, JdbcTemplate jdbc,
              TransactionTemplate tx, SearchIndexing searchIndexing, Clock clock) {
        this.seeding = seeding;
        this.identity = identity;
        this.events = events;
        this.seats = seats;
        this.jdbc = jdbc;
        this.tx = tx;
        this.searchIndexing = searchIndexing;
        this.clock = clock;
    }

    private static final String[][] KROPYVNYTSKYI_ORGANISATIONS = {
        {"ГО «Університет третього віку «Натхнення»", "PUBLIC_ORGANISATION", "ELDERLY,EDUCATION,DIGITAL",
            "Навчання людей старшого віку: цифрова грамотність, іноземні мови, здоровий спосіб життя. Партнер курсів цифрової грамотності громади."},
        {"ГО «Ветеранський простір Кропивницького»", "PUBLIC_ORGANISATION", "VETERANS,SOCIAL", "Підтримка ветеранів і ветеранок та їхніх родин."},
        {"ГО «Молодіжний центр «Інгул»", "PUBLIC_ORGANISATION", "YOUTH,EDUCATION,CULTURE", "Молодіжні обміни, дебати, волонтерство."},
        {"БО «Благодійний фонд «Єлисаветград»", "CHARITY", "SOCIAL,HEALTH", "Допомога внутрішньо переміщеним особам і лікарням."},
        {"ГО «Медіаграмотність Центральної України»", "PUBLIC_ORGANISATION", "MEDIA,EDUCATION", "Тренінги з критичного мислення й перевірки фактів."},
        {"ГС «Асоціація ОСББ Кропивницького»", "PUBLIC_UNION", "URBAN", "Об’єднання співвласників багатоквартирних будинків."},
        {"ГО «Зелене місто»", "PUBLIC_ORGANISATION", "ENVIRONMENT,URBAN", "Озеленення, сортування відходів, парки."},
        {"ГО «Доступність для всіх»", "PUBLIC_ORGANISATION", "DISABILITY,HUMAN_RIGHTS", "Аудит безбар’єрності громадських просторів."},
        {"ГО «Спортивна громада»", "PUBLIC_ORGANISATION", "SPORT,YOUTH", "Масовий спорт і змагання у дворах."},
        {"ГО «Культурна ініціатива «Степ»", "PUBLIC_ORGANISATION", "CULTURE", "Фестивалі, виставки, локальна історія."},
        {"ГО «Правозахисна група «Гідність»", "PUBLIC_ORGANISATION", "HUMAN_RIGHTS", "Безоплатні правові консультації."},
        {"ГО «Цифрова громада»", "PUBLIC_ORGANISATION", "DIGITAL,EDUCATION", "Курси комп’ютерної грамотності, допомога з електронними послугами."},
        {"БО «Фонд «Серце матері»", "CHARITY", "SOCIAL,HEALTH", "Підтримка багатодітних родин."},
        {"ГО «Жіноча рада громади»", "PUBLIC_ORGANISATION", "HUMAN_RIGHTS,SOCIAL", "Рівні можливості й запобігання насильству."},
        {"Творча спілка «Кропивницькі митці»", "CREATIVE_UNION", "CULTURE", "Художники, музиканти й літератори міста."},
        {"ОСН «Комітет мікрорайону Новомиколаївка»", "SELF_ORGANISATION", "URBAN,SOCIAL", "Благоустрій і безпека мікрорайону."},
        {"ГО «Батьківська ініціатива»", "PUBLIC_ORGANISATION", "EDUCATION,YOUTH", "Шкільна освіта й безпечні укриття в школах."},
        {"ГО «Здорове місто»", "PUBLIC_ORGANISATION", "HEALTH,SPORT", "Профілактика й здоровий спосіб життя."},
        {"ГО «Агенція розвитку Кропивницького»", "PUBLIC_ORGANISATION", "URBAN,EDUCATION", "Стратегічне планування й проєкти розвитку."},
        {"ГО «Волонтерський штаб»", "PUBLIC_ORGANISATION", "VETERANS,SOCIAL", "Допомога військовим і переселенцям."},
        {"ГО «Клуб любителів шахів»", "PUBLIC_ORGANISATION", "SPORT", "Шахові турніри для дітей і дорослих."},
        {"ГО «Старт-ап хаб»", "PUBLIC_ORGANISATION", "DIGITAL,YOUTH", "Підтримка молодих підприємців."},
        {"ГО «Тест»", "OTHER", "SOCIAL", "Тестова реєстрація."},
    };

    private static final String[][] OTHER_ORGANISATIONS = {
        {"ГО «Громада разом»", "PUBLIC_ORGANISATION", "SOCIAL,URBAN", "Ініціативи мешканців громади."},
        {"ГО «Молодь громади»", "PUBLIC_ORGANISATION", "YOUTH,SPORT", "Молодіжні проєкти й дозвілля."},
        {"БО «Добрі справи»", "CHARITY", "SOCIAL,HEALTH", "Допомога людям старшого віку."},
        {"ГО «Ветерани громади»", "PUBLIC_ORGANISATION", "VETERANS", "Підтримка ветеранів."},
        {"ГО «Цифрові навички»", "PUBLIC_ORGANISATION", "DIGITAL,ELDERLY", "Курси цифрової грамотності."},
    };

    @Override
    public void run(ApplicationArguments args) {
        seeding.inEachCommunity("civic_organisation", log, "civic space", c -> {
            boolean main = c.slug().equals("kropyvnytskyi");
            List<Identity.PersonRef> residents = identity.demoResidents(c.slug(), 260);
            int orgs = organisations(c, main ? KROPYVNYTSKYI_ORGANISATIONS : OTHER_ORGANISATIONS, residents);
            searchIndexing.writtenInBulk(Organisation.class);
            int evts = events(c, main, residents);
            searchIndexing.writtenInBulk(CivicEvent.class);
            return orgs + " organisations, " + evts + " events";
        });
    }

    private int organisations(Community c, String[][] list, List<Identity.PersonRef> residents) {
        Random random = new Random(29L * 1000 + c.id());
        Instant now = Instant.now(clock);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < list.length; i++) {
            String[] o = list[i];
            String code = Edrpou.complete(String.format("%07d", 2_000_000 + random.nextInt(3_900_000)));
            Identity.PersonRef by = residents.size() > 200 + i ? residents.get(200 + i) : null;
            Instant created = now.minusSeconds(86_400L * (400 - i * 15));
            // the last three wait for verification, the very last is refused
            String status = i == list.length - 1 && list.length > 5 ? "REFUSED" : i >= list.length - 3 ? "PENDING" : "VERIFIED";
            Instant decided = status.equals("PENDING") ? null : created.plusSeconds(3L * 86_400);
            String reason = status.equals("REFUSED") ? "Код ЄДРПОУ належить іншій організації; надішліть виписку з реєстру." : null;
            rows.add(new Object[] {c.id(), o[0], code, o[1], o[2], "info" + (i + 1) + "@" + c.slug() + "-ngo.demo", "+380 52 22" + (10_000 + i),
                    null, null, o[3], status, reason, by == null ? null : by.personId(), by == null ? null : by.accountId(),
                    Timestamp.from(created), decided == null ? null : Timestamp.from(decided)});
        }
        tx.executeWithoutResult(s -> jdbc.batchUpdate("insert into civic_organisation (community_id, name, edrpou, legal_form, fields, email,"
                + " phone, website, address, description, status, refusal_reason, created_by_person_id, created_by_account_id, created_at,"
                + " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
        return rows.size();
    }

    private Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), Dates.KYIV).toInstant();
    }

    private int events(Community c, boolean main, List<Identity.PersonRef> residents) {
        LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
        String city = c.nameUk();
        List<EventInput> inputs = new ArrayList<>();
        LocalDate forum = today.plusDays(24);
        List<EventInput.Session> programme = List.of(
                new EventInput.Session(at(forum, 10, 0), at(forum, 10, 30), "Відкриття форуму", "Opening of the forum", "Міський голова"),
                new EventInput.Session(at(forum, 10, 30), at(forum, 12, 0), "Панель: стратегічні комунікації влади й громади",
                        "Panel: strategic communications of the council and the community", "Відділ комунікацій з громадськістю; представники ГО"),
                new EventInput.Session(at(forum, 12, 30), at(forum, 14, 0), "Медіаграмотність: як перевіряти факти",
                        "Media literacy: how to check facts", "ГО «Медіаграмотність Центральної України»"),
                new EventInput.Session(at(forum, 14, 30), at(forum, 16, 0), "Відкритий діалог влади й громадськості",
                        "Open dialogue of the council and the public", "Депутати, громадські організації, бізнес"));
        inputs.add(new EventInput("Щорічний форум розвитку стратегічних комунікацій та медіаграмотності",
                "Yearly forum of strategic communications and media literacy",
                "Дискусійні панелі, спікери від громадських організацій, влади й бізнесу, практикуми з критичного аналізу медіа.",
                "Panel discussions, speakers from civil society, the council and business, workshops on critical media analysis.",
                at(forum, 10, 0), at(forum, 16, 0), main ? "Кропивницький, вул. Велика Перспективна, 41, актова зала" : city + ", центр культури",
                null, 120, null, main ? programme : List.of(), main ? 48.5079 : null, main ? 32.2623 : null));
        LocalDate hearings = today.plusDays(10);
        inputs.add(new EventInput("Громадські слухання щодо бюджету участі", "Public hearings on the participatory budget",
                "Обговорення правил бюджету участі на наступний рік.", "Discussion of next year’s participatory budget rules.",
                at(hearings, 17, 0), at(hearings, 19, 0), city + ", сесійна зала", "https://meet.example.org/viche-hearings", 30, null,
                List.of()));
        LocalDate lastForum = today.minusDays(300);
        inputs.add(new EventInput("Форум стратегічних комунікацій (минулого року)", "Forum of strategic communications (last year)",
                "Перший форум розвитку стратегічних комунікацій та медіаграмотності.", "The first forum of strategic communications and media literacy.",
                at(lastForum, 10, 0), at(lastForum, 16, 0), city + ", центр культури", null, 40, null, List.of()));
        // a workshop posted by a verified organisation in its own name
        Long media = main ? jdbc.query("select id from civic_organisation where community_id = ? and name = ? and status = 'VERIFIED'",
                (rs, i) -> rs.getLong(1), c.id(), "ГО «Медіаграмотність Центральної України»").stream().findFirst().orElse(null) : null;
        if (media != null) {
            LocalDate workshop = today.plusDays(5);
            inputs.add(new EventInput("Практикум: як розпізнати фейк у стрічці новин", "Workshop: spotting a fake in the news feed",
                    "Дві години вправ із перевірки фото, цитат і джерел. Для всіх віком від 14 років.",
                    "Two hours of exercises in checking photos, quotes and sources. For everyone aged 14 and over.",
                    at(workshop, 15, 0), at(workshop, 17, 0), "Кропивницький, вул. Велика Перспективна, 41, каб. 12", null, 25, media,
                    List.of(), 48.5079, 32.2623));
        }
        List<CivicEvent> made = tx.execute(s -> inputs.stream().map(events::create).toList());
        // the hearings: 36 people for 30 seats, so 6 wait; last year's forum: 35 came of 38 registered
        register(made.get(1), residents, 210, 36);
        register(made.get(0), residents, 250, 8);
        register(made.get(2), residents, 220, 38);
        List<Seats.Place> past = seats.places(made.get(2).getRosterId());
        for (int i = 0; i < past.size() && i < 35; i++) {
            if (past.get(i).status() == Seats.Status.REGISTERED) {
                seats.attended(made.get(2).getRosterId(), past.get(i).id(), true);
            }
        }
        return made.size();
    }

    private void register(CivicEvent e, List<Identity.PersonRef> residents, int from, int count) {
        for (int n = from; n < from + count && n <= residents.size(); n++) {
            Identity.PersonRef p = residents.get(n - 1);
            seats.register(e.getRosterId(), new Seats.Holder(p.personId(), p.accountId(), p.name(), null, null));
        }
    }
}
