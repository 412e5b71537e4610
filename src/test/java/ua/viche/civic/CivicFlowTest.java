package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.CivicEvent;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.Edrpou;
import ua.viche.civic.domain.EventInput;
import ua.viche.civic.domain.Seats;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.Csv;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;
import ua.viche.platform.TestCommunities;

/**
 * The civic space end to end on the real database: an organisation registered by a resident with
 * bad input and then good, verified or refused by a moderator (audited, a refusal needs a reason),
 * shown only once verified and only in its community; 100 people registering in parallel for 20
 * seats; a cancellation moving the first waiting person up once; the calendar feeds read back
 * with ical4j; a verified organisation posting an event in its name, its place linked to the map
 * while the geo module is on, and the events as open data and a map layer.
 */
@IntegrationTest
class CivicFlowTest {

    private static final String MODERATOR = "moderator@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Identity identity;
    @Autowired CivicEvents events;
    @Autowired Seats seats;
    @Autowired TransactionTemplate tx;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private static String freshCode() {
        return Edrpou.complete(String.format("%07d", 6_100_000 + (int) (Math.abs(System.nanoTime()) % 3_000_000)));
    }

    @Test
    void anOrganisationIsRegisteredVerifiedAndShownOnlyInItsCommunity() throws Exception {
        String code = freshCode();
        String name = "ГО «Тестова ініціатива " + code + "»";
        long before = count();

        // bad input: every fault on its field, nothing saved
        String refused = mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                        .param("name", "").param("edrpou", "14360571").param("legalForm", "").param("email", "not-an-address"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Вкажіть повну назву", "контрольною цифрою", "Оберіть організаційно-правову форму",
                "Оберіть хоча б одну сферу", "name@example.com");
        assertThat(count()).isEqualTo(before);
        // an unknown legal form is refused on its field, not a server error
        mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                        .param("name", name).param("edrpou", code).param("legalForm", "LLC").param("fields", "YOUTH"))
                .andExpect(status().isOk());
        assertThat(count()).isEqualTo(before);
        // a visitor is sent to sign in
        mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).param("name", name).param("edrpou", code))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before);

        String location = mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                        .param("name", name).param("edrpou", code.substring(0, 4) + " " + code.substring(4)).param("legalForm", "PUBLIC_ORGANISATION")
                        .param("fields", "YOUTH").param("fields", "DIGITAL").param("email", "ngo@example.org").param("description", "Про нас"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("select status from civic_organisation where id = ?", String.class, id)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select edrpou from civic_organisation where id = ?", String.class, id)).isEqualTo(code);

        // the same code again is refused while the first is alive
        String again = mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(TestAccounts.as(accounts, resident(7)))
                        .param("name", "Інша").param("edrpou", code).param("legalForm", "CHARITY").param("fields", "SOCIAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("вже зареєстровано");

        // pending: the registrant sees it, the public does not
        mvc.perform(get("/kropyvnytskyi/organisations/" + id).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().isOk());
        mvc.perform(get("/kropyvnytskyi/organisations/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/organisations/" + id)).andExpect(status().isNotFound());
        assertThat(body("/api/v1/kropyvnytskyi/organisations?q=" + code)).doesNotContain(code);

        // only staff decide; a refusal without a reason changes nothing
        mvc.perform(post("/kropyvnytskyi/organisations/" + id + "/verify").with(csrf()).with(TestAccounts.as(accounts, resident(9))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/organisations/" + id + "/refuse").with(csrf()).with(TestAccounts.as(accounts, MODERATOR))
                .param("reason", "  ")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from civic_organisation where id = ?", String.class, id)).isEqualTo("PENDING");
        mvc.perform(post("/kropyvnytskyi/organisations/" + id + "/verify").with(csrf()).with(TestAccounts.as(accounts, MODERATOR)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from civic_organisation where id = ?", String.class, id)).isEqualTo("VERIFIED");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.organisation.verified' and object_id = ?"
                + " and community_id = ?", Long.class, String.valueOf(id), k.id())).isEqualTo(1);
        // deciding twice is a conflict
        mvc.perform(post("/kropyvnytskyi/organisations/" + id + "/refuse").with(csrf()).with(TestAccounts.as(accounts, MODERATOR))
                .param("reason", "пізно")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from civic_organisation where id = ?", String.class, id)).isEqualTo("VERIFIED");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'civic_organisation' and object_id = ?",
                Long.class, String.valueOf(id))).as("the registration and the verification, nothing more").isEqualTo(2);

        // public now, in the register, its JSON twin and the open data; not in another community
        assertThat(body("/kropyvnytskyi/organisations?q=" + code)).contains(code);
        assertThat(body("/kropyvnytskyi/organisations?field=DIGITAL&form=PUBLIC_ORGANISATION&q=" + code)).contains(code);
        assertThat(body("/api/v1/kropyvnytskyi/organisations?field=VETERANS&q=" + code)).doesNotContain(code);
        String json = body("/api/v1/kropyvnytskyi/organisations/" + id);
        assertThat((String) JsonPath.read(json, "$.edrpou")).isEqualTo(code);
        assertThat((List<String>) JsonPath.read(json, "$.fields")).containsExactly("youth", "digital");
        assertThat(body("/kropyvnytskyi/organisations/export.csv")).contains(code);
        mvc.perform(get("/dmytrivka/organisations/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/organisations/" + id)).andExpect(status().isNotFound());
        assertThat(body("/dmytrivka/organisations/export.csv")).doesNotContain(code);
        // an unknown filter is bad input
        mvc.perform(get("/api/v1/kropyvnytskyi/organisations?form=NOPE")).andExpect(status().isBadRequest());
    }

    @Test
    void aRefusalKeepsItsReasonIsAuditedAndLetsTheCodeBeRegisteredAgain() throws Exception {
        String code = freshCode();
        String location = mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(TestAccounts.as(accounts, resident(7)))
                        .param("name", "ГО «Відмова»").param("edrpou", code).param("legalForm", "CHARITY").param("fields", "SOCIAL"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/kropyvnytskyi/organisations/" + id + "/refuse").with(csrf()).with(TestAccounts.as(accounts, MODERATOR))
                .param("reason", "Код належить іншій організації")).andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.queryForMap("select status, refusal_reason from civic_organisation where id = ?", id);
        assertThat(row).containsEntry("status", "REFUSED").containsEntry("refusal_reason", "Код належить іншій організації");
        assertThat(jdbc.queryForObject("select details from audit_entry where action = 'civic.organisation.refused' and object_id = ?",
                String.class, String.valueOf(id))).isEqualTo("Код належить іншій організації");
        assertThat(mvc.perform(get("/kropyvnytskyi/organisations/" + id).with(TestAccounts.as(accounts, resident(7))))
                .andReturn().getResponse().getContentAsString()).contains("Код належить іншій організації");
        mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(TestAccounts.as(accounts, resident(7)))
                        .param("name", "ГО «Відмова»").param("edrpou", code).param("legalForm", "CHARITY").param("fields", "SOCIAL"))
                .andExpect(status().is3xxRedirection());
    }

    private CivicEvent newEvent(int seatCount) {
        Instant start = Instant.now().plusSeconds(7 * 86_400);
        return CurrentCommunity.callAs(k, () -> tx.execute(s -> events.create(new EventInput("Тестова подія " + System.nanoTime(), "Test event",
                "Опис", "", start, start.plusSeconds(7200), "Зала", null, seatCount, null,
                List.of(new EventInput.Session(start, start.plusSeconds(3600), "Сесія", "Session", "Спікер"))))));
    }

    @Test
    void aHundredPeopleForTwentySeatsAndACancellationMovesTheFirstWaitingUpOnce() throws Exception {
        CivicEvent event = newEvent(20);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Seats.Place>> results = new ArrayList<>();
        try {
            for (int n = 101; n <= 200; n++) {
                String email = resident(n);
                results.add(pool.submit(() -> {
                    start.await();
                    return CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> events.register(event.getId())));
                }));
            }
            start.countDown();
            for (Future<Seats.Place> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        List<Seats.Place> places = CurrentCommunity.callAs(k, () -> seats.places(event.getRosterId()));
        List<Seats.Place> registered = places.stream().filter(p -> p.status() == Seats.Status.REGISTERED).toList();
        List<Seats.Place> waiting = places.stream().filter(p -> p.status() == Seats.Status.WAITING).toList();
        assertThat(registered).hasSize(20);
        assertThat(waiting).hasSize(80);
        assertThat(places.stream().map(Seats.Place::personId).distinct()).hasSize(100);
        // in the order they came: every registered before every waiting, the line numbered 1…80 by arrival
        long lastRegistered = registered.stream().mapToLong(Seats.Place::id).max().orElseThrow();
        assertThat(waiting).allMatch(p -> p.id() > lastRegistered);
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).position()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(waiting.get(i).queuedAt()).isAfterOrEqualTo(waiting.get(i - 1).queuedAt());
            }
        }
        // registering again gives the same place
        String again = resident(101);
        Seats.Place same = CurrentCommunity.callAs(k, () -> identity.callAs(again, () -> events.register(event.getId())));
        assertThat(same.id()).isEqualTo(places.stream().filter(p -> p.name().equals(same.name())).findFirst().orElseThrow().id());

        // one registered person cancels from two tabs at once: one seat frees, the first waiting takes it, once
        Seats.Place leaving = registered.get(5);
        Seats.Place first = waiting.get(0);
        Seats.Place second = waiting.get(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Seats.Cancelled>> cancels = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                cancels.add(two.submit(() -> CurrentCommunity.callAs(k, () -> seats.cancel(event.getRosterId(), leaving.id()))));
            }
            int promotions = 0;
            for (Future<Seats.Cancelled> f : cancels) {
                if (f.get(30, TimeUnit.SECONDS).promoted() != null) {
                    promotions++;
                }
            }
            assertThat(promotions).isEqualTo(1);
        } finally {
            two.shutdown();
        }
        Seats.Count count = CurrentCommunity.callAs(k, () -> seats.count(event.getRosterId()));
        assertThat(count.registered()).isEqualTo(20);
        assertThat(count.waiting()).isEqualTo(79);
        List<Seats.Place> after = CurrentCommunity.callAs(k, () -> seats.places(event.getRosterId()));
        assertThat(after.stream().filter(p -> p.id() == first.id()).findFirst().orElseThrow().status()).isEqualTo(Seats.Status.REGISTERED);
        assertThat(after.stream().filter(p -> p.id() == second.id()).findFirst().orElseThrow().position()).isEqualTo(1);
        assertThat(after).noneMatch(p -> p.id() == leaving.id());
    }

    @Test
    void cancellingOverHttpMovesTheLineAndStaffCheckPeopleIn() throws Exception {
        CivicEvent event = newEvent(1);
        String e = "/kropyvnytskyi/events/" + event.getId();
        mvc.perform(post(e + "/register").with(csrf()).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().is3xxRedirection());
        mvc.perform(post(e + "/register").with(csrf()).with(TestAccounts.as(accounts, resident(7)))).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(e).with(TestAccounts.as(accounts, resident(7)))).andReturn().getResponse().getContentAsString())
                .contains("Ви в черзі, ваше місце в ній: 1");
        // a visitor cannot see the check-in list, a resident neither
        mvc.perform(get(e + "/check-in").with(TestAccounts.as(accounts, resident(7)))).andExpect(status().isForbidden());
        mvc.perform(post(e + "/cancel").with(csrf()).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(e).with(TestAccounts.as(accounts, resident(7)))).andReturn().getResponse().getContentAsString())
                .contains("Ви зареєстровані");
        // the one moved up is told by mail
        assertThat(jdbc.queryForObject("select count(*) from mail_message where recipient = ? and subject = 'Для вас звільнилося місце'",
                Long.class, resident(7))).isPositive();
        // cancelling what one does not hold is refused
        mvc.perform(post(e + "/cancel").with(csrf()).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().is3xxRedirection());
        assertThat(CurrentCommunity.callAs(k, () -> seats.count(event.getRosterId())).registered()).isEqualTo(1);
        String list = mvc.perform(get(e + "/check-in").with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Зареєстровано: 1, прийшли: 0, у черзі: 0");
        long place = CurrentCommunity.callAs(k, () -> seats.places(event.getRosterId())).get(0).id();
        mvc.perform(post(e + "/check-in").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                .param("place", String.valueOf(place)).param("attended", "true")).andExpect(status().is3xxRedirection());
        assertThat(CurrentCommunity.callAs(k, () -> seats.count(event.getRosterId())).attended()).isEqualTo(1);
        // the JSON twin and isolation
        String json = body("/api/v1/kropyvnytskyi/events/" + event.getId());
        assertThat((Integer) JsonPath.read(json, "$.event.registered")).isEqualTo(1);
        assertThat((List<?>) JsonPath.read(json, "$.programme")).hasSize(1);
        mvc.perform(get("/dmytrivka/events/" + event.getId())).andExpect(status().isNotFound());
        mvc.perform(post("/dmytrivka/events/" + event.getId() + "/register").with(csrf()).with(TestAccounts.as(accounts, resident(9))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCalendarFeedsReadBack() throws Exception {
        CivicEvent event = newEvent(10);
        String feed = body("/kropyvnytskyi/events.ics");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> all = calendar.getComponents("VEVENT");
        assertThat(all).extracting(v -> prop(v, "UID")).contains("civic-event-" + event.getId() + "@kropyvnytskyi.viche");
        assertThat(all).extracting(v -> prop(v, "SUMMARY")).contains("Щорічний форум розвитку стратегічних комунікацій та медіаграмотності");
        Calendar one = new CalendarBuilder().build(new StringReader(body("/kropyvnytskyi/events/" + event.getId() + ".ics")));
        List<VEvent> single = one.getComponents("VEVENT");
        assertThat(single).hasSize(1);
        VEvent v = single.get(0);
        assertThat(prop(v, "SUMMARY")).isEqualTo(event.getTitleUk());
        assertThat(prop(v, "LOCATION")).isEqualTo("Зала");
        assertThat(prop(v, "URL")).endsWith("/kropyvnytskyi/events/" + event.getId());
        Temporal dtStart = v.getDateTimeStart().getDate();
        assertThat(Instant.from(dtStart)).isEqualTo(event.getStartsAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(body("/dmytrivka/events.ics")).doesNotContain("civic-event-" + event.getId() + "@");
    }

    @Test
    void anOfficialPublishesAnEventWithItsProgrammeAndBadInputChangesNothing() throws Exception {
        String title = "Зустріч " + System.nanoTime();
        long before = jdbc.queryForObject("select count(*) from civic_event", Long.class);
        mvc.perform(post("/kropyvnytskyi/events").with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                .param("titleUk", title).param("day", "2031-03-01").param("startTime", "10:00").param("endTime", "12:00")
                .param("place", "Зала").param("seats", "10")).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/events").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                .param("titleUk", title).param("day", "2031-03-01").param("startTime", "10:00").param("endTime", "12:00")
                .param("place", "Зала").param("seats", "10").param("programme", "десята ранку | Відкриття"))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.programmeLine"));
        mvc.perform(post("/kropyvnytskyi/events").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                .param("titleUk", title).param("day", "2031-03-01").param("startTime", "10:00").param("endTime", "12:00")
                .param("place", "Зала").param("seats", "10").param("programme", "10:00-25:00 | Відкриття"))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.time"));
        mvc.perform(post("/kropyvnytskyi/events").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                .param("titleUk", title).param("day", "2031-03-01").param("startTime", "10:00").param("endTime", "12:00")
                .param("seats", "10")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.placeOrLink"));
        assertThat(jdbc.queryForObject("select count(*) from civic_event", Long.class)).isEqualTo(before);

        String location = mvc.perform(post("/kropyvnytskyi/events").with(csrf()).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo"))
                        .param("titleUk", title).param("titleEn", "Meeting").param("day", "2031-03-01").param("startTime", "10:00")
                        .param("endTime", "12:00").param("place", "Зала").param("seats", "10")
                        .param("programme", "10:00-10:30 | Відкриття | Opening | Голова\n10:30–12:00 | Обговорення"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(title, "Відкриття", "Обговорення", "Голова", "Місць: 10, зареєстровано: 0, у черзі: 0");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForObject("select starts_at = timestamptz '2031-03-01 10:00 Europe/Kyiv' from civic_event where id = ?",
                Boolean.class, id)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.event.published' and object_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aVerifiedOrganisationPostsAnEventInItsNameWithItsPlaceOnTheMap() throws Exception {
        String code = freshCode();
        String orgName = "ГО «Організатори " + code + "»";
        String registrant = resident(31);
        String registered = mvc.perform(post("/kropyvnytskyi/organisations").with(csrf()).with(TestAccounts.as(accounts, registrant))
                        .param("name", orgName).param("edrpou", code).param("legalForm", "PUBLIC_ORGANISATION").param("fields", "CULTURE"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long org = Long.parseLong(registered.substring(registered.lastIndexOf('/') + 1));
        String title = "Вечір настільних ігор " + System.nanoTime();
        long before = jdbc.queryForObject("select count(*) from civic_event", Long.class);

        // while the organisation waits for verification its registrant may not post in its name
        mvc.perform(get("/kropyvnytskyi/events/new").with(TestAccounts.as(accounts, registrant))).andExpect(status().isForbidden());
        mvc.perform(eventForm(registrant, title).param("organisation", String.valueOf(org))).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/organisations/" + org + "/verify").with(csrf()).with(TestAccounts.as(accounts, MODERATOR)))
                .andExpect(status().is3xxRedirection());

        // someone who acts for no organisation may not; the registrant neither in the community's name nor another organisation's
        mvc.perform(eventForm(resident(33), title).param("organisation", String.valueOf(org))).andExpect(status().isForbidden());
        mvc.perform(eventForm(registrant, title)).andExpect(status().isForbidden());
        long other = jdbc.queryForObject("select min(id) from civic_organisation where community_id = ? and status = 'VERIFIED' and id <> ?",
                Long.class, k.id(), org);
        mvc.perform(eventForm(registrant, title).param("organisation", String.valueOf(other))).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.eventOrganisation"));
        // half a point, or a point that is not a number, is bad input
        mvc.perform(eventForm(registrant, title).param("organisation", String.valueOf(org)).param("latitude", "48.5"))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.point"));
        mvc.perform(eventForm(registrant, title).param("organisation", String.valueOf(org)).param("latitude", "північ")
                        .param("longitude", "32.26"))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.point"));
        mvc.perform(eventForm(registrant, title).param("organisation", String.valueOf(org)).param("latitude", "148.5")
                        .param("longitude", "32.26"))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.point"));
        assertThat(jdbc.queryForObject("select count(*) from civic_event", Long.class)).isEqualTo(before);

        // the form offers the registrant their organisation only
        String form = mvc.perform(get("/kropyvnytskyi/events/new").with(TestAccounts.as(accounts, registrant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains(orgName, "Широта").doesNotContain("Від імені громади");
        assertThat(mvc.perform(get("/kropyvnytskyi/events").with(TestAccounts.as(accounts, registrant))).andReturn().getResponse()
                .getContentAsString()).contains("/kropyvnytskyi/events/new");

        String location = mvc.perform(eventForm(registrant, title).param("organisation", String.valueOf(org))
                        .param("latitude", "48.5079").param("longitude", "32,2623"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = body(location);
        assertThat(page).contains(title, "Організатор", orgName, "/kropyvnytskyi/organisations/" + org,
                "/kropyvnytskyi/map?lat=48.5079&amp;lon=32.2623");
        // audited as a resident's action, without their name (decision 0059)
        assertThat(jdbc.queryForObject("select actor_name from audit_entry where action = 'civic.event.published' and object_id = ?",
                String.class, String.valueOf(id))).isEqualTo("resident");

        // the JSON twin, the open data and the map layer carry the organiser and the point
        String json = body("/api/v1/kropyvnytskyi/events/" + id);
        assertThat((String) JsonPath.read(json, "$.organisation.name")).isEqualTo(orgName);
        assertThat((Double) JsonPath.read(json, "$.event.latitude")).isEqualTo(48.5079);
        List<List<String>> csv = Csv.read(body("/kropyvnytskyi/events/export.csv"));
        assertThat(csv.get(0)).startsWith("id", "title_uk", "title_en", "starts_at", "ends_at", "place", "latitude", "longitude");
        List<String> row = csv.stream().filter(r -> r.get(0).equals(String.valueOf(id))).findFirst().orElseThrow();
        assertThat(row).contains(title, orgName, "48.5079", "32.2623");
        assertThat(row.get(csv.get(0).indexOf("registered"))).isEqualTo("0");
        List<Double> point = JsonPath.read(body("/kropyvnytskyi/events/map.geojson"),
                "$.features[?(@.properties.id == " + id + ")].geometry.coordinates[*]");
        assertThat(point).containsExactly(32.2623, 48.5079);
        assertThat(body("/dmytrivka/events/export.csv")).doesNotContain(title);
        assertThat(body("/dmytrivka/events/map.geojson")).doesNotContain(title);
        mvc.perform(get("/dmytrivka/events/" + id)).andExpect(status().isNotFound());

        // moderators and staff take it off the site with a reason (audited); its registrant may not
        String withdraw = "/kropyvnytskyi/events/" + id + "/withdraw";
        assertThat(body(location)).doesNotContain(withdraw);
        assertThat(mvc.perform(get(location).with(TestAccounts.as(accounts, MODERATOR))).andReturn().getResponse().getContentAsString())
                .contains(withdraw);
        mvc.perform(post(withdraw).with(csrf()).with(TestAccounts.as(accounts, registrant)).param("reason", "Передумали"))
                .andExpect(status().isForbidden());
        mvc.perform(post(withdraw).with(csrf()).with(TestAccounts.as(accounts, MODERATOR)).param("reason", " "))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.withdrawReason"));
        assertThat(body(location)).contains(title);
        mvc.perform(post(withdraw).with(csrf()).with(TestAccounts.as(accounts, MODERATOR)).param("reason", "Порушує правила розміщення"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location)).andExpect(status().isNotFound());
        assertThat(body("/kropyvnytskyi/events/export.csv")).doesNotContain(title);
        assertThat(body("/kropyvnytskyi/events/map.geojson")).doesNotContain(title);
        assertThat(jdbc.queryForObject("select details from audit_entry where action = 'civic.event.withdrawn' and object_id = ?",
                String.class, String.valueOf(id))).contains(title, "Порушує правила розміщення");

        // the place is linked to the map only while the geo module is on in the community
        Community fresh = TestCommunities.create(communities, "civic-map");
        Instant start = Instant.now().plusSeconds(3 * 86_400);
        CivicEvent there = CurrentCommunity.callAs(fresh, () -> tx.execute(s -> events.create(new EventInput("Толока " + System.nanoTime(),
                "", "", "", start, start.plusSeconds(3600), "Сквер біля школи", null, 10, null, List.of(), 48.6, 32.1))));
        String path = "/" + fresh.slug() + "/events/" + there.getId();
        assertThat(body(path)).contains("/" + fresh.slug() + "/map?lat=48.6&amp;lon=32.1");
        communities.putSetting(fresh.id(), "geo.enabled", "false");
        assertThat(body(path)).contains("Сквер біля школи").doesNotContain("/map?lat=");
    }

    private MockHttpServletRequestBuilder eventForm(String email, String title) {
        return post("/kropyvnytskyi/events").with(csrf()).with(TestAccounts.as(accounts, email))
                .param("titleUk", title).param("day", "2031-04-01").param("startTime", "18:00").param("endTime", "21:00")
                .param("place", "Кропивницький, вул. Велика Перспективна, 41").param("seats", "12");
    }

    @Test
    void theHotlineOperatorRegistersACallerByPhone() throws Exception {
        CivicEvent event = newEvent(1);
        String e = "/kropyvnytskyi/events/" + event.getId();
        mvc.perform(post(e + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, resident(9)))
                .param("name", "Петренко Ганна").param("phone", "+380 50 123 45 67")).andExpect(status().isForbidden());
        mvc.perform(post(e + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, "operator@kropyvnytskyi.demo"))
                        .param("name", "Петренко Ганна").param("phone", "дзвоніть"))
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("civic.error.phone"));
        assertThat(CurrentCommunity.callAs(k, () -> seats.count(event.getRosterId())).registered()).isZero();
        assertThat(mvc.perform(get(e).with(TestAccounts.as(accounts, "operator@kropyvnytskyi.demo"))).andReturn().getResponse()
                .getContentAsString()).contains("Зареєструвати за дзвінком");
        for (String name : List.of("Петренко Ганна", "Коваль Іван")) {
            mvc.perform(post(e + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, "operator@kropyvnytskyi.demo"))
                    .param("name", name).param("phone", "+380 50 123 45 67")).andExpect(status().is3xxRedirection());
        }
        List<Seats.Place> places = CurrentCommunity.callAs(k, () -> seats.places(event.getRosterId()));
        assertThat(places).extracting(Seats.Place::name, Seats.Place::status, Seats.Place::personId).containsExactly(
                tuple("Петренко Ганна", Seats.Status.REGISTERED, null),
                tuple("Коваль Іван", Seats.Status.WAITING, null));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.event.registeredOnBehalf' and object_id = ?",
                Long.class, String.valueOf(places.get(0).id()))).isEqualTo(1);
    }

    @Test
    void badEventInputIsRefusedWhole() {
        Instant start = Instant.now().plusSeconds(86_400);
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> tx.execute(s -> events.create(new EventInput("", "", "", "", start,
                start.minusSeconds(60), null, "http://insecure", 0, null, List.of())))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.faults()).extracting(Refusal.Fault::key).containsExactly(
                        "civic.error.title", "civic.error.endsBeforeStart", "civic.error.onlineUrl", "civic.error.seats"));
    }

    private static String prop(VEvent v, String name) {
        return v.<Property>getProperty(name).map(Property::getValue).orElse("");
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from civic_organisation", Long.class);
    }
}
