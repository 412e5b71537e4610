package ua.viche.civic.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.civic.domain.AdvisoryBodies;
import ua.viche.civic.domain.AdvisoryBody;
import ua.viche.civic.domain.BodyEvent;
import ua.viche.civic.domain.BodyKind;
import ua.viche.civic.domain.BodyMeeting;
import ua.viche.civic.domain.BodyMember;
import ua.viche.civic.domain.Initiative;
import ua.viche.civic.domain.InitiativeStage;
import ua.viche.civic.domain.Initiatives;
import ua.viche.civic.domain.Organisation;
import ua.viche.civic.domain.OrganisationRegister;
import ua.viche.identity.Identity;
import ua.viche.platform.Community;
import ua.viche.platform.Dates;
import ua.viche.platform.Pdf;
import ua.viche.platform.ThreadClock;

/**
 * The demo's advisory bodies and initiatives in every community: a public council and a youth
 * council with their members (one past), four and three meetings with agenda, minutes (a drawn PDF
 * for the latest) and decisions, and their history; five initiatives at different stages, with
 * supporters among demo residents 320–399 (none a test races on) and dated progress notes. Written
 * through the module's own rules as its staff and residents, days counted back from the day the demo
 * is built; the same every time.
 */
@Component
@Order(74)
class DemoCivicSpace implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCivicSpace.class);

    private final DemoSeeding seeding;
    private final AdvisoryBodies bodies;
    private final Initiatives initiatives;
    private final OrganisationRegister register;
    private final Identity identity;
    private final JdbcTemplate jdbc;
    private final ThreadClock clock;
    private final Pdf pdf = new Pdf(Pdf.DEFAULT_FONT);

    DemoCivicSpace(DemoSeeding seeding, AdvisoryBodies bodies, Initiatives initiatives,
                   OrganisationRegister register, Identity identity, JdbcTemplate jdbc, ThreadClock clock) {
        this.seeding = seeding;
        this.bodies = bodies;
        this.initiatives = initiatives;
        this.register = register;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.inEachCommunity("civic_body", log, "advisory bodies and initiatives", c -> {
            LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
            String official = "official@" + c.slug() + ".demo";
            int meetings = identity.callAs(official, () -> publicCouncil(c, today) + youthCouncil(c, today));
            int made = initiatives(c, today);
            return "2 bodies, " + meetings + " meetings, " + made + " initiatives";
        });
    }

    private Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), Dates.KYIV).toInstant();
    }

    private int publicCouncil(Community c, LocalDate today) {
        LocalDate founded = today.minusYears(2).withDayOfMonth(1);
        LocalDate termStart = founded.plusMonths(1);
        AdvisoryBody b = clock.callAt(at(founded, 10), () -> bodies.create(new AdvisoryBody.Input(BodyKind.PUBLIC_COUNCIL,
                "Громадська рада при виконавчому комітеті", "Public Council at the Executive Committee",
                "Громадська рада — постійно діючий колегіальний виборний консультативно-дорадчий орган. Вона готує пропозиції до "
                        + "планів роботи виконавчого комітету, проводить громадську експертизу проєктів рішень і звітує громаді.\n\n"
                        + "Засідання відкриті; порядок денний оприлюднюють щонайменше за тиждень.",
                "Рішення виконавчого комітету від " + founded.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " № 145")));
        long id = b.getId();
        Long org = firstVerified();
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Олена Коваленко", BodyMember.Role.CHAIR, termStart, null, null));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Андрій Мельник", BodyMember.Role.DEPUTY, termStart, null, org));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Ірина Шевчук", BodyMember.Role.SECRETARY, termStart, null, null));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Василь Бондар", BodyMember.Role.MEMBER, termStart, null, null));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Наталія Ткачук", BodyMember.Role.MEMBER, termStart, null, null));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Петро Кравець", BodyMember.Role.MEMBER, termStart, today.minusMonths(6), null));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Оксана Лисенко", BodyMember.Role.MEMBER, today.minusMonths(6).plusDays(1), null, null));
        bodies.addEvent(id, founded, BodyEvent.Kind.FOUNDED, "Утворено рішенням виконавчого комітету.");
        bodies.addEvent(id, termStart, BodyEvent.Kind.ELECTION, "Установчі збори обрали склад ради з 15 осіб на два роки; головою обрано Олену Коваленко.");
        bodies.addEvent(id, today.minusMonths(6), BodyEvent.Kind.ROTATION, "Ротація: Петро Кравець склав повноваження, до складу увійшла Оксана Лисенко.");
        String[][] meetings = {
            {"270", "Зала засідань виконкому", "1. Обрання секретаря.\n2. План роботи на рік.", "Присутні 13 із 15 членів. Обрано секретаря, затверджено план роботи.",
                "Затвердити план роботи громадської ради на рік.", "Обрати секретарем Ірину Шевчук."},
            {"180", "Зала засідань виконкому", "1. Громадська експертиза проєкту програми благоустрою.", "Присутні 12 членів. Підготовлено висновок експертизи.",
                "Схвалити висновок громадської експертизи з пропозиціями щодо освітлення дворів.", ""},
            {"90", "Центр надання адміністративних послуг, конференц-зала", "1. Ротація складу.\n2. Бюджет участі: правила на наступний рік.",
                "Присутні 11 членів. Погоджено ротацію, надано пропозиції до правил бюджету участі.",
                "Погодити ротацію складу ради.", "Запропонувати знизити поріг підтримки проєктів бюджету участі."},
            {"21", "Онлайн, трансляція на сайті громади", "1. Звіт про роботу за пів року.\n2. Безбар’єрність громадських просторів.",
                "Присутні 14 членів. Заслухано звіт, створено робочу групу з безбар’єрності.",
                "Взяти до відома звіт про роботу ради.", "Утворити робочу групу з безбар’єрності громадських просторів."},
        };
        return meetings(id, meetings, today, true);
    }

    private int youthCouncil(Community c, LocalDate today) {
        LocalDate founded = today.minusMonths(14).withDayOfMonth(1);
        AdvisoryBody b = clock.callAt(at(founded, 11), () -> bodies.create(new AdvisoryBody.Input(BodyKind.YOUTH_COUNCIL,
                "Молодіжна рада", "Youth Council",
                "Молодіжна рада представляє інтереси молоді віком від 14 до 35 років, готує пропозиції до молодіжної політики громади.",
                "Розпорядження міського голови № 38-р")));
        long id = b.getId();
        Long org = youthOrganisation();
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Марія Гончаренко", BodyMember.Role.CHAIR, founded, founded.plusYears(2), null));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Денис Савченко", BodyMember.Role.SECRETARY, founded, founded.plusYears(2), null));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("", BodyMember.Role.MEMBER, founded, founded.plusYears(2), org));
        bodies.addMember(id, new AdvisoryBodies.MemberInput("Софія Руденко", BodyMember.Role.MEMBER, founded, founded.plusYears(2), null));
        bodies.addEvent(id, founded, BodyEvent.Kind.ELECTION, "Перші вибори молодіжної ради: голосували 412 учнів і студентів.");
        String[][] meetings = {
            {"300", "Молодіжний центр", "1. Положення про раду.", "Затверджено положення про молодіжну раду.", "Затвердити положення про молодіжну раду.", ""},
            {"150", "Молодіжний центр", "1. Літній табір.\n2. Волонтерство.", "Погоджено програму літнього табору.", "Погодити програму літнього табору.", ""},
            {"40", "Бібліотека, читальна зала", "1. Форум медіаграмотності: участь молоді.", "Сформовано команду волонтерів форуму.",
                "Делегувати на форум команду з 12 волонтерів.", ""},
        };
        return meetings(id, meetings, today, false);
    }

    private int meetings(long bodyId, String[][] list, LocalDate today, boolean pdfOfLatest) {
        for (int i = 0; i < list.length; i++) {
            String[] m = list[i];
            LocalDate day = today.minusDays(Long.parseLong(m[0]));
            BodyMeeting meeting = bodies.addMeeting(bodyId, new AdvisoryBodies.MeetingInput(day, m[1], m[2], m[3]), null);
            for (int d = 4; d < m.length; d++) {
                if (!m[d].isEmpty()) {
                    bodies.addDecision(bodyId, meeting.getId(), null, m[d], null);
                }
            }
            if (pdfOfLatest && i == list.length - 1 && pdf.fontReadable()) {
                Instant written = at(day.plusDays(2), 12);
                bodies.attachGenerated(meeting, pdf.render("Протокол засідання " + day, written, w -> {
                    w.centred("Протокол засідання громадської ради", 16);
                    w.gap(12);
                    w.paragraph(m[1] + ", " + day, 11);
                    w.gap(8);
                    w.lines(m[2], 11, 0);
                    w.gap(8);
                    w.paragraph(m[3], 11);
                }), written);
            }
        }
        return list.length;
    }

    private @Nullable Long firstVerified() {
        return register.verified().stream().findFirst().map(Organisation::getId).orElse(null);
    }

    private @Nullable Long youthOrganisation() {
        List<Organisation> verified = register.verified();
        return verified.stream().filter(o -> o.getFields().contains("YOUTH")).findFirst()
                .or(() -> verified.stream().findFirst()).map(Organisation::getId).orElse(null);
    }

    /** Days back, title (Ukrainian and English), text, stage reached, supporters, progress notes (days back and text), result. */
    private record Item(int daysBack, String title, String titleEn, String body, InitiativeStage stage, int supporters, List<Note> notes, String result) {}

    private record Note(int daysBack, InitiativeStage stage, String text) {}

    private static final List<Item> ITEMS = List.of(
        new Item(120, "Велодоріжка від центру до парку", "A cycle path from the centre to the park",
            "Пропонуємо облаштувати велодоріжку вздовж головної вулиці від центру до міського парку: "
                + "розмітка, пониження бордюрів, велопарковки біля школи й парку.", InitiativeStage.IMPLEMENTED, 64,
            List.of(new Note(100, InitiativeStage.UNDER_REVIEW, "Управління транспорту розглядає маршрут."),
                    new Note(70, InitiativeStage.IN_PROGRESS, "Роботи включено до плану благоустрою; підрядника обрано через Prozorro."),
                    new Note(15, InitiativeStage.IMPLEMENTED, "Велодоріжку відкрито.")),
            "Облаштовано 2,4 км велодоріжки та 3 велопарковки на 40 місць."),
        new Item(80, "Пандуси до бібліотеки та ЦНАП", "Ramps for the library and the CNAP",
            "Входи до центральної бібліотеки та ЦНАП не мають пандусів. Пропонуємо їх облаштувати "
                + "й позначити безбар’єрні маршрути.", InitiativeStage.IN_PROGRESS, 41,
            List.of(new Note(60, InitiativeStage.UNDER_REVIEW, "Ініціативу підтримала громадська рада."),
                    new Note(30, InitiativeStage.IN_PROGRESS, "Виготовляють проєктно-кошторисну документацію.")), ""),
        new Item(45, "Толока в сквері біля озера", "A clean-up day in the lakeside square",
            "Запрошуємо мешканців і організації на весняну толоку: прибирання, висадка дерев, фарбування лавок.",
            InitiativeStage.UNDER_REVIEW, 23,
            List.of(new Note(35, InitiativeStage.UNDER_REVIEW, "Комунальне підприємство погоджує дату й інвентар.")), ""),
        new Item(20, "Безкоштовний Wi-Fi у зупинках громадського транспорту", "Free Wi-Fi at public transport stops",
            "Пропонуємо встановити точки доступу Wi-Fi на десяти найбільш "
                + "завантажених зупинках.", InitiativeStage.PROPOSED, 12, List.of(), ""),
        new Item(150, "Нічне освітлення стадіону для пробіжок", "Evening lights at the stadium for runners",
            "Пропонуємо вмикати освітлення бігових доріжок стадіону до 22:00.",
            InitiativeStage.DECLINED, 17,
            List.of(new Note(120, InitiativeStage.UNDER_REVIEW, "Розглянуто на засіданні громадської ради."),
                    new Note(100, InitiativeStage.DECLINED, "Не підтримано: стадіон на реконструкції до кінця року.")),
            "Повернемося до питання після реконструкції стадіону.")
    );

    private int initiatives(Community c, LocalDate today) {
        List<Identity.PersonRef> residents = identity.demoResidents(c.slug(), 400);
        if (residents.size() < 400) {
            return 0;
        }
        String moderator = "moderator@" + c.slug() + ".demo";
        String official = "official@" + c.slug() + ".demo";
        List<Object[]> supports = new ArrayList<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            Item it = ITEMS.get(i);
            Identity.PersonRef author = residents.get(320 + i);
            LocalDate proposed = today.minusDays(it.daysBack());
            Initiative made = clock.callAt(at(proposed, 9 + i), () -> identity.callAs(author.email() == null ? "" : author.email(),
                    () -> initiatives.propose(new Initiatives.Proposal(it.title(), it.titleEn(), it.body(), null))));
            long id = made.getId();
            clock.callAt(at(proposed.plusDays(1), 10), () -> identity.callAs(moderator, () -> initiatives.publish(id)));
            for (Note n : it.notes()) {
                LocalDate day = today.minusDays(n.daysBack());
                boolean last = n == it.notes().get(it.notes().size() - 1);
                clock.callAt(at(day, 15), () -> identity.callAs(official, () -> initiatives.progress(id, n.stage(), day,
                        n.text(), last ? it.result() : "")));
            }
            for (int s = 0; s < it.supporters(); s++) {
                Identity.PersonRef p = residents.get(325 + (s * 7 + i * 3) % 75);
                supports.add(new Object[] {id, p.personId(), c.id(), Timestamp.from(at(proposed.plusDays(2 + s % 20), 8 + s % 12))});
            }
        }
        jdbc.batchUpdate("insert into civic_initiative_support (initiative_id, person_id, community_id, created_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", supports);
        return ITEMS.size();
    }
}
