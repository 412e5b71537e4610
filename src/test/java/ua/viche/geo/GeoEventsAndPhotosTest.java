package ua.viche.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;

/**
 * Events at a place go out as iCalendar that a calendar library reads back to the same events;
 * a photo of a place needs its text alternative and shows with it on the place's page.
 */
@IntegrationTest
class GeoEventsAndPhotosTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountRepository accounts;

    private Map<String, Object> sight() {
        return jdbc.queryForMap("select o.id, o.layer_id, o.name_uk from geo_object o join community c on c.id = o.community_id"
                + " where c.slug = 'kropyvnytskyi' and o.layer_slug = 'sights' order by o.id desc limit 1");
    }

    @Test
    void eventsAtAPlaceGoOutAsICalendarThatParsesBackToTheSameEvents() throws Exception {
        Map<String, Object> sight = sight();
        String base = "/kropyvnytskyi/map/manage/layers/" + sight.get("layer_id") + "/objects/" + sight.get("id");
        mvc.perform(post(base + "/events").with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("title_uk", "Нічна екскурсія; з ліхтарями")
                        .param("title_en", "Night tour").param("date", "2099-07-15").param("starts", "21:30").param("ends", "23:00")
                        .param("event_description_uk", "Збір біля входу, кома, крапка з комою; усе."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "geo.manage.eventAdded"));
        // an event that ends before it starts changes nothing
        mvc.perform(post(base + "/events").with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("title_uk", "Навпаки")
                .param("date", "2099-07-16").param("starts", "12:00").param("ends", "11:00"))
                .andExpect(flash().attribute("error", "geo.error.eventEnds"));
        assertThat(jdbc.queryForObject("select count(*) from geo_event where title_uk = 'Навпаки'", Long.class)).isZero();

        String ics = mvc.perform(get("/kropyvnytskyi/map/sights/" + sight.get("id") + "/events.ics")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("\r\n", "VERSION:2.0", "PRODID:");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent night = events.stream().filter(e -> e.getSummary().getValue().equals("Нічна екскурсія; з ліхтарями")).findFirst().orElseThrow();
        // 21:30 Kyiv summer time is 18:30 UTC
        assertThat(Instant.from(night.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2099-07-15T18:30:00Z"));
        assertThat(Instant.from(night.getEndDate().orElseThrow().getDate())).isEqualTo(Instant.parse("2099-07-15T20:00:00Z"));
        assertThat(night.<Property>getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo("Збір біля входу, кома, крапка з комою; усе.");
        assertThat(night.<Property>getProperty(Property.LOCATION).orElseThrow().getValue()).startsWith((String) sight.get("name_uk"));
        assertThat(night.getUid().orElseThrow().getValue()).startsWith("geo-event-");
        assertThat(night.<Property>getProperty(Property.URL).orElseThrow().getValue()).endsWith("/kropyvnytskyi/map/sights/" + sight.get("id"));

        // the community's calendar has it and the demo's events; another community's has neither
        String all = mvc.perform(get("/kropyvnytskyi/map/events.ics")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<VEvent> allEvents = new CalendarBuilder().build(new StringReader(all)).getComponents("VEVENT");
        assertThat(allEvents.stream().map(e -> e.getSummary().getValue())).contains("Нічна екскурсія; з ліхтарями", "Концерт камерної музики");
        assertThat(mvc.perform(get("/sievierodonetsk/map/events.ics")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Нічна екскурсія");
        assertThat(mvc.perform(get("/kropyvnytskyi/map/events")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Нічна екскурсія; з ліхтарями");
        assertThat(mvc.perform(get("/kropyvnytskyi/map/sights/" + sight.get("id"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Події тут", "Нічна екскурсія; з ліхтарями", "events.ics");
        assertThat(mvc.perform(get("/api/v1/kropyvnytskyi/geo/events")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"titleEn\":\"Night tour\"");
    }

    @Test
    void aWeeklyEventGoesOutAsItsOccurrencesAtTheSameKyivTimeAndShowsItsNextOne() throws Exception {
        Map<String, Object> sight = sight();
        String base = "/kropyvnytskyi/map/manage/layers/" + sight.get("layer_id") + "/objects/" + sight.get("id");
        // Saturdays 10:00–11:30 Kyiv time from 21 March 2099 to 11 April 2099; summer time starts on 29 March
        mvc.perform(post(base + "/events").with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("title_uk", "Суботня прогулянка")
                        .param("date", "2099-03-21").param("starts", "10:00").param("ends", "11:30")
                        .param("repeats", "WEEKLY").param("repeats_until", "2099-04-11"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "geo.manage.eventAdded"));
        String ics = mvc.perform(get("/kropyvnytskyi/map/sights/" + sight.get("id") + "/events.ics")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<VEvent> walks = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().equals("Суботня прогулянка")).toList();
        assertThat(walks.stream().map(e -> Instant.from(e.getDateTimeStart().getDate()))).containsExactly(
                Instant.parse("2099-03-21T08:00:00Z"), Instant.parse("2099-03-28T08:00:00Z"),
                Instant.parse("2099-04-04T07:00:00Z"), Instant.parse("2099-04-11T07:00:00Z"));
        assertThat(walks.stream().map(e -> e.getUid().orElseThrow().getValue()).distinct()).hasSize(4);
        // the pages and JSON show it once, as its next occurrence, with how it repeats
        assertThat(mvc.perform(get("/kropyvnytskyi/map/events")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Суботня прогулянка", "щотижня до 11.04.2099");
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/geo/events")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"titleUk\":\"Суботня прогулянка\"", "\"repeats\":\"weekly\"", "\"until\":\"2099-04-11\"",
                "\"starts\":\"2099-03-21T08:00:00Z\"");

        // one that began two weeks ago shows its coming occurrence, not its first
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
        mvc.perform(post(base + "/events").with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("title_uk", "Ранкова зарядка")
                        .param("date", today.minusDays(14).toString()).param("starts", "00:00").param("ends", "00:01")
                        .param("repeats", "WEEKLY").param("repeats_until", today.plusDays(30).toString()))
                .andExpect(status().is3xxRedirection());
        String next = JsonPath.read(mvc.perform(get("/api/v1/kropyvnytskyi/geo/events")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$[?(@.titleUk == 'Ранкова зарядка')].starts").toString();
        assertThat(next).containsAnyOf(today.plusDays(6).toString(), today.plusDays(7).toString(), today.minusDays(1).toString(),
                today.toString());

        // a repeat without a last day, one too far ahead, and an unknown kind of repeat: refused, nothing saved
        for (String[] bad : List.of(new String[] {"WEEKLY", "", "11:00", "geo.error.eventUntil"},
                new String[] {"MONTHLY", "2103-01-01", "11:00", "geo.error.eventUntil"},
                new String[] {"DAILY", "2099-06-01", "11:00", "geo.error.eventRepeats"})) {
            mvc.perform(post(base + "/events").with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("title_uk", "Відхилена")
                            .param("date", "2099-05-01").param("starts", "10:00").param("ends", bad[2])
                            .param("repeats", bad[0]).param("repeats_until", bad[1]))
                    .andExpect(flash().attribute("error", bad[3]));
        }
        assertThat(jdbc.queryForObject("select count(*) from geo_event where title_uk = 'Відхилена'", Long.class)).isZero();
    }

    @Test
    void aPhotoNeedsItsTextAlternativeAndShowsWithItOnThePlacesPage() throws Exception {
        Map<String, Object> sight = sight();
        String base = "/kropyvnytskyi/map/manage/layers/" + sight.get("layer_id") + "/objects/" + sight.get("id");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "png", png);
        MockMultipartFile photo = new MockMultipartFile("photo", "fasad.png", "image/png", png.toByteArray());
        long before = jdbc.queryForObject("select count(*) from attachment where owner_module = 'geo'", Long.class);

        mvc.perform(multipart(base + "/photos").file(photo).param("alt_uk", "  ").with(csrf()).with(TestAccounts.as(accounts, ADMIN)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "geo.error.photoAlt"));
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'geo'", Long.class)).isEqualTo(before);
        mvc.perform(multipart(base + "/photos").file(new MockMultipartFile("photo", "x.png", "image/png", "not an image".getBytes()))
                        .param("alt_uk", "Фасад").with(csrf()).with(TestAccounts.as(accounts, ADMIN)))
                .andExpect(flash().attribute("error", "geo.error.photo.fileType"));

        mvc.perform(multipart(base + "/photos").file(photo).param("alt_uk", "Фасад із колонами і пандусом праворуч")
                        .param("alt_en", "The facade with columns and a ramp on the right").with(csrf()).with(TestAccounts.as(accounts, ADMIN)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "geo.manage.photoAdded"));
        long photoId = jdbc.queryForObject("select max(id) from geo_photo where object_id = ?", Long.class, sight.get("id"));
        String page = mvc.perform(get("/kropyvnytskyi/map/sights/" + sight.get("id"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("alt=\"Фасад із колонами і пандусом праворуч\"", "/photos/" + photoId);
        assertThat(mvc.perform(get("/kropyvnytskyi/map/sights/" + sight.get("id")).param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("alt=\"The facade with columns and a ramp on the right\"");
        mvc.perform(get("/kropyvnytskyi/map/sights/" + sight.get("id") + "/photos/" + photoId)).andExpect(status().isOk());
        // not under another community
        mvc.perform(get("/dmytrivka/map/sights/" + sight.get("id") + "/photos/" + photoId)).andExpect(status().isNotFound());

        mvc.perform(post(base + "/photos/" + photoId + "/delete").with(csrf()).with(TestAccounts.as(accounts, ADMIN)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/kropyvnytskyi/map/sights/" + sight.get("id") + "/photos/" + photoId)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'geo'", Long.class)).isEqualTo(before);
    }
}
