package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.Courses;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.search.index.SearchStatusRefresh;

/**
 * Course programmes in the site search: found by their title (in their community only), open while a
 * group takes registrations and done after its first lesson has begun (the status refresh), found
 * by the new title once staff change it, and by its groups' places and first lessons' month, the
 * old place no longer once staff move a group.
 */
@IntegrationTest
class CourseSearchTest {

    @Autowired MockMvc mvc;
    @Autowired Communities communities;
    @Autowired Courses courses;
    @Autowired Identity identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired SearchStatusRefresh refresh;

    @Test
    void aProgrammeIsFoundWhileOpenAndByItsNewTitle() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        String title = "Цифрознавство " + System.nanoTime();
        Instant starts = Instant.now().plusSeconds(4);
        Courses.Course c = CurrentCommunity.callAs(k, () -> courses.create(new Courses.NewCourse(title, "Digital skills", "Заняття для старших", "",
                1, 1, List.of(), List.of(new Courses.NewGroup("Група Г", "Бібліотека", 10, List.of(new Courses.NewLesson(starts,
                        starts.plusSeconds(5400))))))));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", title))
                .andExpect(jsonPath("$.items[0].title").value(title)).andExpect(jsonPath("$.items[0].kind").value("civic_course"))
                .andExpect(jsonPath("$.items[0].status").value("open"))
                .andExpect(jsonPath("$.items[0].url").value("/kropyvnytskyi/courses/" + c.id()));
        mvc.perform(get("/api/v1/dmytrivka/search").param("q", title)).andExpect(jsonPath("$.total").value(0));
        String renamed = "Безпечний інтернет " + System.nanoTime();
        CurrentCommunity.callAs(k, () -> identity.callAs("official@kropyvnytskyi.demo", () -> courses.update(c.id(),
                new Courses.CourseChange(renamed, "Safe internet", "Опис", "", List.of()))));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", renamed))
                .andExpect(jsonPath("$.items[0].title").value(renamed)).andExpect(jsonPath("$.items[0].kind").value("civic_course"));
    }

    @Test
    void aProgrammeIsDoneOnceItsGroupsHaveStarted() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        String title = "Цифрознавство " + System.nanoTime();
        Instant starts = Instant.now().plusSeconds(4);
        CurrentCommunity.callAs(k, () -> courses.create(new Courses.NewCourse(title, "Digital skills", "Заняття для старших", "",
                1, 1, List.of(), List.of(new Courses.NewGroup("Група Д", "Бібліотека", 10, List.of(new Courses.NewLesson(starts,
                        starts.plusSeconds(5400))))))));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", title)).andExpect(jsonPath("$.items[0].status").value("open"));
        CurrentCommunity.callAs(k, refresh::refresh); // whatever else was due

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), starts).toMillis()) + 200);
        assertThat(CurrentCommunity.callAs(k, refresh::refresh)).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", title)).andExpect(jsonPath("$.items[0].status").value("done"));
    }

    @Test
    void aProgrammeIsFoundByItsGroupsPlaceAndMonth() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        String library = word("Зор");
        String centre = word("Лис");
        Instant starts = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        List<Courses.NewLesson> lessons = List.of(new Courses.NewLesson(starts, starts.plusSeconds(5400)));
        Courses.Course c = CurrentCommunity.callAs(k, () -> courses.create(new Courses.NewCourse("Смартфон без страху " + System.nanoTime(),
                "Smartphone without fear", "Заняття для старших", "", 1, 1, List.of(),
                List.of(new Courses.NewGroup("Група " + library, "Бібліотека " + library, 10, lessons)))));
        String url = "/kropyvnytskyi/courses/" + c.id();
        String month = DateTimeFormatter.ofPattern("LLLL", Locale.forLanguageTag("uk")).format(starts.atZone(Dates.KYIV));

        assertThat(found(library)).contains(url);
        assertThat(found(library + " " + month)).contains(url);

        // staff move the group to another place: the old place no longer finds the programme, the new one does
        Courses.Group g = CurrentCommunity.callAs(k, () -> courses.groups(c.id())).get(0);
        CurrentCommunity.callAs(k, () -> identity.callAs("official@kropyvnytskyi.demo", () -> courses.updateGroup(g.id(),
                new Courses.NewGroup("Група перша", "Центр для літніх " + centre, 10, lessons))));
        assertThat(found(centre)).contains(url);
        assertThat(found(library)).doesNotContain(url);
    }

    private List<String> found(String q) throws Exception {
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", q)).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.items[*].url");
    }

    /** A word of letters nobody else writes: the digits of the clock as Ukrainian letters. */
    private static String word(String start) {
        StringBuilder w = new StringBuilder(start);
        for (char d : Long.toString(System.nanoTime()).toCharArray()) {
            w.append("абвгдежзик".charAt(d - '0'));
        }
        return w.toString();
    }
}
