package ua.viche.civic.demo;

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
import ua.viche.civic.domain.CoursePriority;
import ua.viche.civic.domain.Courses;
import ua.viche.civic.domain.Seats;
import ua.viche.identity.Identity;
import ua.viche.platform.Community;
import ua.viche.platform.Dates;

/**
 * The demo digital-literacy courses (seed 001: partners such as the University of the Third Age,
 * 20 organisations, 50 participants, 3 educational programmes): in every community three programmes
 * whose partners are its verified organisations, each with a group that has finished (attendance
 * kept, certificates issued to those who met the threshold; 50 participants in all in
 * Kropyvnytskyi) and a group ahead with registrations, some of priority groups and some by the
 * hotline operator. Fixed seeds, dates relative to the day the demo is built; participants are demo
 * residents 20–99, which no test races on.
 */
@Component
@Order(73)
class DemoCourses implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCourses.class);

    private final DemoSeeding seeding;
    private final Identity identity;
    private final Courses courses;
    private final Seats seats;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoCourses(DemoSeeding seeding, Identity identity, Courses courses, Seats seats, JdbcTemplate jdbc, Clock clock) {
        this.seeding = seeding;
        this.identity = identity;
        this.courses = courses;
        this.seats = seats;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Programme(String titleUk, String titleEn, String descriptionUk, String descriptionEn, int lessons, int threshold) {}

    private static final List<Programme> PROGRAMMES = List.of(
            new Programme("Цифрова грамотність для людей старшого віку", "Digital literacy for older people",
                    "Смартфон і комп’ютер з нуля: дзвінки й повідомлення, електронна пошта, безпечний пошук, фото рідним. Разом з Університетом третього віку.",
                    "Smartphones and computers from scratch: calls and messages, e-mail, safe search, photos for the family. With the University of the Third Age.",
                    8, 6),
            new Programme("Безпека в інтернеті та медіаграмотність", "Online safety and media literacy",
                    "Як розпізнати шахрайство й фейк, захистити паролі й банківську картку, перевірити новину.",
                    "How to spot fraud and fakes, protect passwords and a bank card, check a piece of news.",
                    6, 5),
            new Programme("Електронні послуги та е-демократія", "E-services and e-democracy",
                    "Дія, запис до ЦНАП онлайн, петиції, звернення й бюджет участі на платформі громади.",
                    "Diia, booking the administrative service centre online, petitions, appeals and the participatory budget on the community’s platform.",
                    4, 3));

    @Override
    public void run(ApplicationArguments args) {
        seeding.inEachCommunity("civic_course", log, "courses", c -> {
            int participants = build(c);
            return PROGRAMMES.size() + " programmes, " + participants + " participants";
        });
    }

    private int build(Community c) {
        boolean main = c.slug().equals("kropyvnytskyi");
        Random random = new Random(52L * 1000 + c.id());
        LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
        List<Long> organisations = jdbc.queryForList("select id from civic_organisation where community_id = ? and status = 'VERIFIED' order by id",
                Long.class, c.id());
        List<Identity.PersonRef> residents = identity.demoResidents(c.slug(), 99);
        String place = main ? "Центральна бібліотека ім. Чижевського, комп’ютерний клас" : c.nameUk() + ", бібліотека, комп’ютерний клас";
        int[] past = main ? new int[] {17, 17, 16} : new int[] {6, 5, 4};
        int[] startsAgo = {70, 50, 35};
        int next = 20;
        int participants = 0;
        for (int p = 0; p < PROGRAMMES.size(); p++) {
            Programme pr = PROGRAMMES.get(p);
            // partners: the organisations shared out among the programmes, the first (the University of the Third Age) on all
            List<Long> partners = new ArrayList<>();
            for (int i = 0; i < organisations.size(); i++) {
                if (i == 0 || i % PROGRAMMES.size() == p) {
                    partners.add(organisations.get(i));
                }
            }
            List<Courses.NewGroup> groups = List.of(
                    new Courses.NewGroup("Група " + (p * 2 + 1), place, 20, lessons(today.minusDays(startsAgo[p]), pr.lessons())),
                    new Courses.NewGroup("Група " + (p * 2 + 2), place, 15, lessons(today.plusDays(14 + 7L * p), pr.lessons())));
            Courses.Course course = courses.create(new Courses.NewCourse(pr.titleUk(), pr.titleEn(), pr.descriptionUk(), pr.descriptionEn(),
                    pr.lessons(), pr.threshold(), partners, groups));
            List<Courses.Group> made = courses.groups(course.id());
            Courses.Group done = made.get(0);
            Courses.Group ahead = made.get(1);
            for (int i = 0; i < past[p] && next <= residents.size(); i++) {
                Seats.Place place1 = seats.register(done.rosterId(), holder(residents.get(next++ - 1), i));
                participants++;
                for (Courses.Lesson l : courses.lessons(done.id())) {
                    if (random.nextInt(100) < 85) {
                        courses.markForDemo(l.id(), place1.id());
                    }
                }
            }
            courses.issueQualified(done.id());
            int reserved = courses.reserved(ahead);
            int coming = main ? 9 - 2 * p : 3;
            for (int i = 0; i < coming && next <= residents.size(); i++) {
                seats.register(ahead.rosterId(), holder(residents.get(next++ - 1), i), reserved);
            }
            seats.register(ahead.rosterId(), new Seats.Holder(null, null, main ? "Бондаренко Віра Степанівна" : "Литвин Ганна Петрівна",
                    "+380 50 000 12 3" + p, null, CoursePriority.OLDER_PEOPLE.name()), reserved);
        }
        return participants;
    }

    /** Every third participant says they belong to a priority group. */
    private static Seats.Holder holder(Identity.PersonRef r, int i) {
        CoursePriority[] groups = {CoursePriority.OLDER_PEOPLE, CoursePriority.IDP, CoursePriority.VETERANS};
        String priority = i % 3 == 0 ? groups[(i / 3) % groups.length].name() : null;
        return new Seats.Holder(r.personId(), r.accountId(), r.name(), null, null, priority);
    }

    /** Lessons on Tuesdays and Thursdays from the first day on, 10:00–11:30 Kyiv time. */
    private static List<Courses.NewLesson> lessons(LocalDate first, int count) {
        List<Courses.NewLesson> out = new ArrayList<>();
        LocalDate day = first;
        while (out.size() < count) {
            if (day.getDayOfWeek().getValue() == 2 || day.getDayOfWeek().getValue() == 4) {
                Instant start = ZonedDateTime.of(day, LocalTime.of(10, 0), Dates.KYIV).toInstant();
                out.add(new Courses.NewLesson(start, start.plusSeconds(90 * 60)));
            }
            day = day.plusDays(1);
        }
        return out;
    }
}
