package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.Courses;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * Staff change a programme (titles, description, partners) and a group (name, place, schedule,
 * seats): audited; seats below the number registered are refused with a message and change nothing;
 * more seats move the waiting list up; residents may not.
 */
@IntegrationTest
class CourseEditTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Identity identity;
    @Autowired Courses courses;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private long audited(String action, long id) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and object_id = ?", Long.class, action, String.valueOf(id));
    }

    @Test
    void staffChangeAProgrammeAndAGroupButNeverBelowTheSeatsTaken() throws Exception {
        List<Long> partners = jdbc.queryForList("select id from civic_organisation where community_id = ? and status = 'VERIFIED' order by id limit 2",
                Long.class, k.id());
        Courses.Group g = CurrentCommunity.callAs(k, () -> {
            // inside the last week (no seats held for priority groups), at 10:00 Kyiv time: the form's
            // schedule writes a lesson on one line, so one that crossed midnight would not read back
            Instant first = LocalDate.now(KYIV).plusDays(5).atTime(10, 0).atZone(KYIV).toInstant();
            List<Courses.NewLesson> schedule = new ArrayList<>(List.of(new Courses.NewLesson(first, first.plusSeconds(5400)),
                    new Courses.NewLesson(first.plusSeconds(86_400), first.plusSeconds(86_400 + 5400))));
            Courses.Course c = courses.create(new Courses.NewCourse("Редагування " + System.nanoTime(), "Editing", "Опис", "",
                    2, 1, List.of(partners.get(0)), List.of(new Courses.NewGroup("Група В", "Бібліотека", 2, schedule))));
            return courses.groups(c.id()).get(0);
        });
        long courseId = g.courseId();
        for (int n : new int[] {401, 402, 403}) {
            CurrentCommunity.callAs(k, () -> identity.callAs(resident(n), () -> courses.register(g.id(), "")));
        }

        // the programme: a resident may not; staff change titles and partners
        mvc.perform(get("/kropyvnytskyi/courses/" + courseId + "/edit").with(TestAccounts.as(accounts, resident(9)))).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/courses/" + courseId + "/edit").with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                .param("titleUk", "Чуже")).andExpect(status().isForbidden());
        String form = mvc.perform(get("/kropyvnytskyi/courses/" + courseId + "/edit").with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Редагування");
        mvc.perform(post("/kropyvnytskyi/courses/" + courseId + "/edit").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))
                .param("titleUk", " ")).andExpect(status().is3xxRedirection());
        assertThat(audited("civic.course.changed", courseId)).isZero();
        mvc.perform(post("/kropyvnytskyi/courses/" + courseId + "/edit").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))
                .param("titleUk", "Нова назва програми").param("titleEn", "New title").param("descriptionUk", "Новий опис")
                .param("partners", String.valueOf(partners.get(1)))).andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.queryForMap("select title_uk, title_en, description_uk from civic_course where id = ?", courseId);
        assertThat(row).containsEntry("title_uk", "Нова назва програми").containsEntry("title_en", "New title")
                .containsEntry("description_uk", "Новий опис");
        assertThat(jdbc.queryForList("select organisation_id from civic_course_partner where course_id = ?", Long.class, courseId))
                .containsExactly(partners.get(1));
        assertThat(audited("civic.course.changed", courseId)).isEqualTo(1);

        // the group: 2 registered, 1 waiting; one seat is refused with a message, nothing changed
        String groupForm = mvc.perform(get("/kropyvnytskyi/courses/groups/" + g.id() + "/edit").with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String schedule = groupForm.substring(groupForm.indexOf("name=\"schedule\""));
        schedule = schedule.substring(schedule.indexOf('>') + 1, schedule.indexOf("</textarea>")).strip();
        assertThat(schedule.split("\n")).hasSize(2);
        String refused = mvc.perform(post("/kropyvnytskyi/courses/groups/" + g.id() + "/edit").with(csrf())
                        .with(TestAccounts.as(accounts, OFFICIAL)).accept(MediaType.APPLICATION_JSON).param("lang", "uk")
                        .param("groupName", "Група В").param("place", "Бібліотека").param("seats", "1").param("schedule", schedule))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Місць не може бути менше, ніж уже зареєстровано: 2");
        assertThat(jdbc.queryForObject("select seats from civic_roster where id = ?", Integer.class, g.rosterId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select name from civic_course_group where id = ?", String.class, g.id())).isEqualTo(g.name());
        assertThat(audited("civic.course.groupChanged", g.id())).isZero();

        // three seats: the person waiting moves up; the new name and place are kept
        mvc.perform(post("/kropyvnytskyi/courses/groups/" + g.id() + "/edit").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))
                .param("groupName", "Група В (вечірня)").param("place", "Центр для літніх").param("seats", "3").param("schedule", schedule))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select seats from civic_roster where id = ?", Integer.class, g.rosterId())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from civic_place where roster_id = ? and status = 'REGISTERED'", Integer.class,
                g.rosterId())).isEqualTo(3);
        assertThat(jdbc.queryForMap("select name, place from civic_course_group where id = ?", g.id()))
                .containsEntry("name", "Група В (вечірня)").containsEntry("place", "Центр для літніх");
        assertThat(audited("civic.course.groupChanged", g.id())).isEqualTo(1);
        mvc.perform(post("/kropyvnytskyi/courses/groups/" + g.id() + "/edit").with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                .param("groupName", "x").param("place", "x").param("seats", "50").param("schedule", schedule)).andExpect(status().isForbidden());
    }
}
