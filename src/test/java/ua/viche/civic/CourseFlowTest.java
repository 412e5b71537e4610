package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.Courses;
import ua.viche.civic.domain.Seats;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.PublishedFigures;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;

/**
 * The digital-literacy courses on the real database: seats reserved for priority groups and the
 * waiting list (in order, also under 60 parallel registrations), registration by the hotline
 * operator, the reservation ending on time, attendance per lesson issuing the certificate at the
 * threshold, the PDF for its holder and staff only, the public verify page, the published figures,
 * isolation and bad input.
 */
@IntegrationTest
class CourseFlowTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";
    private static final String OPERATOR = "operator@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Identity identity;
    @Autowired Courses courses;
    @Autowired Seats seats;
    @Autowired ThreadClock clock;
    @Autowired List<PublishedFigures> figures;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    /** A programme of {@code lessons} lessons (threshold {@code threshold}) with one group of {@code seats}, starting in {@code days} days. */
    private Courses.Group newGroup(int seats, int lessons, int threshold, int days) {
        return CurrentCommunity.callAs(k, () -> {
            long partner = jdbc.queryForObject("select min(id) from civic_organisation where community_id = ? and status = 'VERIFIED'", Long.class,
                    k.id());
            Instant first = Instant.now().plusSeconds(86_400L * days);
            List<Courses.NewLesson> schedule = new ArrayList<>();
            for (int i = 0; i < lessons; i++) {
                schedule.add(new Courses.NewLesson(first.plusSeconds(86_400L * 3 * i), first.plusSeconds(86_400L * 3 * i + 5400)));
            }
            Courses.Course c = courses.create(new Courses.NewCourse("Смартфон без страху " + System.nanoTime(), "Smartphone without fear", "Опис", "",
                    lessons, threshold, List.of(partner), List.of(new Courses.NewGroup("Група А", "Бібліотека", seats, schedule))));
            return courses.groups(c.id()).get(0);
        });
    }

    private Seats.Place register(String email, Courses.Group g, String priority) {
        return CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> courses.register(g.id(), priority)));
    }

    @Test
    void reservedSeatsWaitForPriorityGroupsAndTheOperatorRegistersCallers() throws Exception {
        Courses.Group g = newGroup(4, 2, 1, 30);
        assertThat(CurrentCommunity.callAs(k, () -> courses.reserved(g))).isEqualTo(2);
        // two without priority take the open seats; the third waits though two seats are free
        assertThat(register(resident(401), g, "").status()).isEqualTo(Seats.Status.REGISTERED);
        assertThat(register(resident(402), g, null).status()).isEqualTo(Seats.Status.REGISTERED);
        assertThat(register(resident(403), g, "").status()).isEqualTo(Seats.Status.WAITING);
        // the operator registers a caller of a priority group by phone; a veteran registers online
        String url = "/kropyvnytskyi/courses/groups/" + g.id();
        mvc.perform(post(url + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, resident(404)))
                .param("name", "Петренко Ганна").param("phone", "+380 50 123 45 67")).andExpect(status().isForbidden());
        mvc.perform(post(url + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, OPERATOR))
                        .param("name", "").param("phone", "дзвоніть").param("priority", "ALIENS"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("civic.error.personName"));
        assertThat(count(g).registered() + count(g).waiting()).isEqualTo(3);
        mvc.perform(post(url + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, OPERATOR))
                        .param("name", "Петренко Ганна Іванівна").param("phone", "+380 50 123 45 67").param("priority", "OLDER_PEOPLE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("message")).isEqualTo("civic.course.onBehalfRegistered"));
        assertThat(register(resident(404), g, "VETERANS").status()).isEqualTo(Seats.Status.REGISTERED);
        assertThat(register(resident(405), g, "IDP").status()).isEqualTo(Seats.Status.WAITING);
        // a group the community does not list is refused, and nothing changes
        assertThatThrownBy(() -> register(resident(406), g, "LARGE_FAMILIES")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.faults().get(0).key()).isEqualTo("civic.error.coursePriority"));
        assertThat(count(g).waiting()).isEqualTo(2);
        List<Seats.Place> places = CurrentCommunity.callAs(k, () -> seats.places(g.rosterId()));
        assertThat(places).extracting(Seats.Place::status, Seats.Place::priority).containsExactly(
                tuple(Seats.Status.REGISTERED, null), tuple(Seats.Status.REGISTERED, null),
                tuple(Seats.Status.REGISTERED, "OLDER_PEOPLE"), tuple(Seats.Status.REGISTERED, "VETERANS"),
                tuple(Seats.Status.WAITING, null), tuple(Seats.Status.WAITING, "IDP"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.course.registeredOnBehalf' and object_id = ?",
                Long.class, String.valueOf(places.get(2).id()))).isEqualTo(1);
        // an open seat frees: the first in line (no priority) takes it, once
        mvc.perform(post(url + "/cancel").with(csrf()).with(TestAccounts.as(accounts, resident(402)))).andExpect(status().is3xxRedirection());
        assertThat(statusOf(g, resident(403))).isEqualTo(Seats.Status.REGISTERED);
        assertThat(jdbc.queryForObject("select count(*) from mail_message where recipient = ? and subject = 'Для вас звільнилося місце на курсі'",
                Long.class, resident(403))).isPositive();
        // a reserved seat frees: a person with no priority may not take it, the first priority person in line does
        assertThat(register(resident(406), g, "").status()).isEqualTo(Seats.Status.WAITING);
        mvc.perform(post(url + "/cancel").with(csrf()).with(TestAccounts.as(accounts, resident(404)))).andExpect(status().is3xxRedirection());
        assertThat(statusOf(g, resident(405))).isEqualTo(Seats.Status.REGISTERED);
        assertThat(statusOf(g, resident(406))).isEqualTo(Seats.Status.WAITING);
        // the page and its JSON twin
        String page = mvc.perform(get(url).with(TestAccounts.as(accounts, resident(406)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Ви в черзі, ваше місце в ній: 1", "Місць, заброньованих для людей з груп з пріоритетом: 2");
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/courses/groups/" + g.id())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat((Integer) JsonPath.read(json, "$.group.registered")).isEqualTo(4);
        assertThat((Integer) JsonPath.read(json, "$.reservedForPriority")).isEqualTo(2);
        assertThat((List<?>) JsonPath.read(json, "$.lessons")).hasSize(2);
        // isolation: the group is not another community's
        mvc.perform(get("/dmytrivka/courses/groups/" + g.id())).andExpect(status().isNotFound());
        mvc.perform(post("/dmytrivka/courses/groups/" + g.id() + "/register").with(csrf()).with(TestAccounts.as(accounts, resident(407))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/courses/groups/" + g.id())).andExpect(status().isNotFound());
    }

    @Test
    void staffPublishAProgrammeAndAddAGroupAndBadInputChangesNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from civic_course", Long.class);
        long partner = jdbc.queryForObject("select min(id) from civic_organisation where community_id = ? and status = 'VERIFIED'", Long.class, k.id());
        long foreign = jdbc.queryForObject("select min(id) from civic_organisation where community_id <> ? and status = 'VERIFIED'", Long.class, k.id());
        LocalDate day = LocalDate.now(Dates.KYIV).plusDays(40);
        String schedule = day + " 10:00-11:30\n" + day.plusDays(2) + " 10:00-11:30\n" + day.plusDays(4) + " 10:00-11:30";
        // a resident may not; the operator may not
        mvc.perform(get("/kropyvnytskyi/courses/new").with(TestAccounts.as(accounts, resident(401)))).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/courses").with(csrf()).with(TestAccounts.as(accounts, OPERATOR)).param("titleUk", "Курс")
                .param("threshold", "1").param("groupName", "Г").param("place", "Бібліотека").param("seats", "5").param("schedule", schedule))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/kropyvnytskyi/courses/new").with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Нова освітня програма");
        // bad input, each refused whole: an unreadable line, a threshold above the lessons, another community's partner
        mvc.perform(post("/kropyvnytskyi/courses").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("titleUk", "Курс")
                        .param("threshold", "1").param("groupName", "Г").param("place", "Бібліотека").param("seats", "5")
                        .param("schedule", "завтра о десятій"))
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("civic.error.courseLessonLine"));
        mvc.perform(post("/kropyvnytskyi/courses").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("titleUk", "Курс")
                        .param("threshold", "4").param("groupName", "Г").param("place", "Бібліотека").param("seats", "5").param("schedule", schedule))
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("civic.error.courseThreshold"));
        mvc.perform(post("/kropyvnytskyi/courses").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("titleUk", "Курс")
                        .param("threshold", "2").param("partners", String.valueOf(foreign)).param("groupName", "Г").param("place", "Бібліотека")
                        .param("seats", "5").param("schedule", schedule))
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("civic.error.coursePartner"));
        assertThat(jdbc.queryForObject("select count(*) from civic_course", Long.class)).isEqualTo(before);

        String title = "Електронні послуги " + System.nanoTime();
        String location = mvc.perform(post("/kropyvnytskyi/courses").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("titleUk", title)
                        .param("titleEn", "E-services").param("threshold", "2").param("partners", String.valueOf(partner)).param("groupName", "Ранкова")
                        .param("place", "Бібліотека").param("seats", "12").param("schedule", schedule))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(title, "Ранкова", "Занять: 3; сертифікат — за відвідування щонайменше 2");
        // a group with the wrong number of lessons is refused; a right one is added
        mvc.perform(post(location + "/groups").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("groupName", "Вечірня")
                        .param("place", "ЦНАП").param("seats", "10").param("schedule", day + " 18:00-19:30"))
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("civic.error.courseSchedule"));
        mvc.perform(post(location + "/groups").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("groupName", "Вечірня")
                        .param("place", "ЦНАП").param("seats", "10").param("schedule", schedule.replace("10:00-11:30", "18:00-19:30")))
                .andExpect(status().is3xxRedirection());
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/courses/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$.groups[*].name")).containsExactly("Ранкова", "Вечірня");
        assertThat((Integer) JsonPath.read(json, "$.lessons")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.course.published' and object_id = ?", Long.class,
                String.valueOf(id))).isEqualTo(1);
        mvc.perform(get("/api/v1/dmytrivka/courses/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void olderPeopleAreCheckedByTheirDateOfBirth() {
        Courses.Group g = newGroup(3, 1, 1, 30);
        for (int n = 401; n <= 408; n++) {
            String email = resident(n);
            int age = CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> identity.currentPerson().orElseThrow()))
                    .age(LocalDate.now(Dates.KYIV)).orElse(100);
            if (age < 60) {
                assertThatThrownBy(() -> register(email, g, "OLDER_PEOPLE")).isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.faults().get(0).key()).isEqualTo("civic.error.courseNotOlder"));
                assertThat(count(g).registered()).isZero();
                return;
            }
        }
    }

    @Test
    void theReservationEndsOnTimeAndTheLineMovesUp() {
        Courses.Group g = newGroup(2, 1, 1, 20);
        assertThat(register(resident(401), g, "").status()).isEqualTo(Seats.Status.REGISTERED);
        assertThat(register(resident(402), g, "").status()).isEqualTo(Seats.Status.WAITING);
        // nothing moves while the reservation holds
        assertThat(CurrentCommunity.callAs(k, () -> courses.releaseReservations())).isZero();
        // six days before the first lesson (the default is seven) the reserved seat goes to the line
        Instant late = g.startsAt().minusSeconds(6L * 86_400);
        assertThat(clock.callAt(late, () -> CurrentCommunity.callAs(k, () -> courses.reserved(g)))).isZero();
        clock.callAt(late, () -> CurrentCommunity.callAs(k, () -> courses.releaseReservations()));
        assertThat(statusOf(g, resident(402))).isEqualTo(Seats.Status.REGISTERED);
        // after the first lesson, registration has closed
        assertThatThrownBy(() -> clock.callAt(g.startsAt().plusSeconds(60), () -> register(resident(403), g, "")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.faults().get(0).key()).isEqualTo("civic.error.courseRegistrationOver"));
    }

    @Test
    void sixtyPeopleForTenSeatsHalfOfThemReserved() throws Exception {
        Courses.Group g = newGroup(10, 1, 1, 30);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Seats.Place>> results = new ArrayList<>();
        try {
            for (int n = 101; n <= 160; n++) {
                String email = resident(n);
                String priority = n % 2 == 0 ? "IDP" : "";
                results.add(pool.submit(() -> {
                    start.await();
                    return register(email, g, priority);
                }));
            }
            start.countDown();
            for (Future<Seats.Place> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        List<Seats.Place> places = CurrentCommunity.callAs(k, () -> seats.places(g.rosterId()));
        List<Seats.Place> registered = places.stream().filter(p -> p.status() == Seats.Status.REGISTERED).toList();
        List<Seats.Place> waiting = places.stream().filter(p -> p.status() == Seats.Status.WAITING).toList();
        assertThat(registered).hasSize(10);
        assertThat(waiting).hasSize(50);
        assertThat(registered.stream().filter(p -> p.priority() == null).count()).isLessThanOrEqualTo(5);
        assertThat(registered.stream().filter(p -> p.priority() != null).count()).isGreaterThanOrEqualTo(5);
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).position()).isEqualTo(i + 1);
        }
        // no one without priority waits behind... every priority person waiting came after the seats were gone
        long lastRegistered = registered.stream().mapToLong(Seats.Place::id).max().orElseThrow();
        assertThat(waiting.stream().filter(p -> p.priority() != null)).allMatch(p -> p.id() > lastRegistered);
    }

    @Test
    void attendanceIssuesTheCertificateWhichItsHolderDownloadsAndAnyoneVerifies() throws Exception {
        Courses.Group g = newGroup(5, 3, 2, 10);
        Seats.Place holder = register(resident(407), g, "");
        Seats.Place other = register(resident(408), g, "");
        Courses.Course course = CurrentCommunity.callAs(k, () -> courses.course(g.courseId()));
        List<Courses.Lesson> lessons = CurrentCommunity.callAs(k, () -> courses.lessons(g.id()));
        String url = "/kropyvnytskyi/courses/groups/" + g.id() + "/attendance";
        // residents and the operator cannot keep attendance
        mvc.perform(get(url).with(TestAccounts.as(accounts, resident(407)))).andExpect(status().isForbidden());
        mvc.perform(post(url).with(csrf()).with(TestAccounts.as(accounts, OPERATOR)).param("lesson", String.valueOf(lessons.get(0).id()))
                .param("place", String.valueOf(holder.id()))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get(url).with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Заняття 1", holder.name(), "0 / 3");
        // bad input: a lesson of another group, a place not in the group
        mvc.perform(post(url).with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("lesson", "999999999")
                        .param("place", String.valueOf(holder.id())))
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("civic.error.noLesson"));
        mvc.perform(post(url).with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("lesson", String.valueOf(lessons.get(0).id()))
                        .param("place", "999999999"))
                .andExpect(r -> assertThat(r.getFlashMap().get("error")).isEqualTo("civic.error.courseNotRegistered"));
        mvc.perform(post(url).with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("lesson", "x").param("place", "1"))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.queryForObject("select count(*) from civic_course_attendance where place_id in (?, ?)", Long.class, holder.id(), other.id()))
                .isZero();
        // lesson one: no certificate yet; lesson two meets the threshold of two
        mark(url, lessons.get(0), holder, true);
        mark(url, lessons.get(0), other, true);
        assertThat(certificates(g)).isZero();
        mvc.perform(post(url).with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("lesson", String.valueOf(lessons.get(1).id()))
                        .param("place", String.valueOf(holder.id())).param("present", "true"))
                .andExpect(r -> assertThat(r.getFlashMap().get("issued")).isEqualTo(holder.name()));
        mark(url, lessons.get(1), holder, true);
        assertThat(certificates(g)).isEqualTo(1);
        // unmarking a lesson leaves the certificate issued
        mark(url, lessons.get(1), holder, false);
        assertThat(certificates(g)).isEqualTo(1);
        String code = jdbc.queryForObject("select verify_code from civic_course_certificate where place_id = ?", String.class, holder.id());

        // the holder downloads the PDF from the group's page; another resident cannot; staff can
        String pdfUrl = "/kropyvnytskyi/courses/groups/" + g.id() + "/certificates/" + holder.id() + ".pdf";
        assertThat(mvc.perform(get("/kropyvnytskyi/courses/groups/" + g.id()).with(TestAccounts.as(accounts, resident(407)))).andReturn()
                .getResponse().getContentAsString()).contains(pdfUrl);
        byte[] pdf = mvc.perform(get(pdfUrl).with(TestAccounts.as(accounts, resident(407)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        mvc.perform(get(pdfUrl).with(TestAccounts.as(accounts, resident(408)))).andExpect(status().isForbidden());
        mvc.perform(get(pdfUrl)).andExpect(status().is3xxRedirection());
        mvc.perform(get(pdfUrl).with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().isOk());
        mvc.perform(get("/kropyvnytskyi/courses/groups/" + g.id() + "/certificates/" + other.id() + ".pdf").with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().isNotFound());

        // anyone verifies the code, typed leniently; the page shows initials only
        String readable = Courses.readable(code);
        mvc.perform(get("/kropyvnytskyi/courses/verify").param("code", code.toLowerCase().substring(0, 8) + " " + code.substring(8)))
                .andExpect(status().is3xxRedirection()).andExpect(r -> assertThat(r.getResponse().getRedirectedUrl())
                        .isEqualTo("/kropyvnytskyi/courses/verify/" + readable));
        String verified = mvc.perform(get("/kropyvnytskyi/courses/verify/" + readable)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(verified).contains("Сертифікат дійсний", course.titleUk(), "2 / 3").doesNotContain(holder.name());
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/courses/verify/" + readable)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(json, "$.state")).isEqualTo("valid");
        assertThat(mvc.perform(get("/kropyvnytskyi/courses/verify/0000-0000-0000-0000")).andReturn().getResponse().getContentAsString())
                .contains("Сертифікат не знайдено");
        // isolation: another community does not know the code
        assertThat(mvc.perform(get("/dmytrivka/courses/verify/" + readable)).andReturn().getResponse().getContentAsString())
                .contains("Сертифікат не знайдено");
    }

    @Test
    void theFiguresCountParticipantsPartnersAndProgrammes() throws Exception {
        // the courses page draws this year's figures with the platform's chart, its table holding the same numbers
        int thisYear = LocalDate.now(ZoneId.of("Europe/Kyiv")).getYear();
        BigDecimal[] current = CurrentCommunity.callAs(k, () -> values(thisYear));
        String html = mvc.perform(get("/kropyvnytskyi/courses")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"course-figures\"", "<svg", "Курси цифрової грамотності у " + thisYear + " році");
        String[] labels = {"Учасники", "Організації-партнери", "Освітні програми"};
        for (int i = 0; i < labels.length; i++) {
            Matcher m = Pattern.compile(labels[i] + "</th>\\s*<td data-value=\"(\\d+)\"").matcher(html);
            assertThat(m.find()).as(labels[i]).isTrue();
            assertThat(new BigDecimal(m.group(1))).as(labels[i]).isEqualByComparingTo(current[i]);
        }
        Instant first = Instant.now().plusSeconds(86_400L * 30);
        int year = Dates.day(first).getYear();
        BigDecimal[] before = CurrentCommunity.callAs(k, () -> values(year));
        Courses.Group g = newGroup(5, 1, 1, 30);
        int groupYear = Dates.day(g.startsAt()).getYear();
        if (groupYear != year) {
            return;
        }
        register(resident(401), g, "");
        register(resident(402), g, "VETERANS");
        BigDecimal[] after = CurrentCommunity.callAs(k, () -> values(year));
        assertThat(after[0].subtract(before[0])).isEqualByComparingTo("2");
        assertThat(after[2].subtract(before[2])).isEqualByComparingTo("1");
        assertThat(after[1]).isGreaterThanOrEqualTo(BigDecimal.ONE);
        // the demo's three programmes share out Kropyvnytskyi's twenty verified organisations as partners
        assertThat(jdbc.queryForObject("select count(distinct p.organisation_id) from civic_course_partner p join civic_course c on c.id = p.course_id"
                + " where c.community_id = ?", Long.class, k.id())).isGreaterThanOrEqualTo(20);
    }

    private BigDecimal[] values(int year) {
        PublishedFigures source = figures.stream().filter(f -> f.definitions().stream().anyMatch(d -> d.key().equals("civic.course-participants")))
                .findFirst().orElseThrow();
        return new BigDecimal[] {source.value("civic.course-participants", year), source.value("civic.course-organisations", year),
            source.value("civic.course-programmes", year)};
    }

    private void mark(String url, Courses.Lesson lesson, Seats.Place place, boolean present) throws Exception {
        mvc.perform(post(url).with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)).param("lesson", String.valueOf(lesson.id()))
                .param("place", String.valueOf(place.id())).param("present", String.valueOf(present))).andExpect(status().is3xxRedirection());
    }

    private long certificates(Courses.Group g) {
        return jdbc.queryForObject("select count(*) from civic_course_certificate where group_id = ?", Long.class, g.id());
    }

    private Seats.Count count(Courses.Group g) {
        return CurrentCommunity.callAs(k, () -> seats.count(g.rosterId()));
    }

    private Seats.Status statusOf(Courses.Group g, String email) {
        return CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> courses.myPlace(g).orElseThrow().status()));
    }
}
