package ua.viche.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.AccountService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.DatabaseUnavailable;
import ua.viche.platform.Dates;
import ua.viche.platform.Mailer;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;
import ua.viche.queue.domain.Booking;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Kiosks;
import ua.viche.queue.domain.OfficeQueue;
import ua.viche.queue.domain.Visit;

/** The CNAP queue end to end: contention, limits, calling order, isolation, bad input, pages and API. */
@IntegrationTest
class QueueFlowTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Catalogue catalogue;
    @Autowired Bookings bookings;
    @Autowired OfficeQueue queue;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailer mailer;
    @Autowired ThreadClock clock;
    @Autowired RateLimiter limiter;
    @Autowired Kiosks kiosks;

    Community k;
    Community d;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
        d = communities.bySlug("dmytrivka").orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private <T> T in(Community c, String email, Supplier<T> work) {
        return CurrentCommunity.callAs(c, () -> identity.callAs(email, work));
    }

    @Test
    void aThousandPeopleAtTenSlotsMakeExactlyTenBookings() throws Exception {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.DAYTIME);
        List<Instant> slots = f.day(bookings, 2, 10).getValue().subList(0, 10);
        List<String> people = new ArrayList<>();
        for (String slug : List.of("kropyvnytskyi", "dmytrivka", "sievierodonetsk")) {
            for (int i = 1; i <= DemoResidents.PER_COMMUNITY && people.size() < 1000; i++) {
                people.add(DemoResidents.email(slug, i));
            }
        }
        assertThat(people).hasSize(1000);
        ExecutorService pool = Executors.newFixedThreadPool(48);
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            String email = people.get(i);
            Instant start = slots.get(i % 10);
            attempts.add(() -> {
                // A person who met "try again in a few seconds" (no pooled connection within the
                // bounded wait, decision 0029) tries again, as the 503 page asks them to.
                for (int attempt = 1; ; attempt++) {
                    try {
                        in(k, email, () -> bookings.book(f.service().getId(), f.office().getId(), start));
                        return "booked";
                    } catch (Refusal e) {
                        return Bookings.SLOT_TAKEN.equals(e.code()) ? "taken" : "other: " + e;
                    } catch (RuntimeException e) {
                        if (attempt < 5 && DatabaseUnavailable.causedBy(e)) {
                            Thread.sleep(200L * attempt);
                            continue;
                        }
                        return "other: " + e;
                    }
                }
            });
        }
        Map<String, Long> outcomes;
        try {
            List<String> results = new ArrayList<>();
            for (Future<String> r : pool.invokeAll(attempts)) {
                results.add(r.get());
            }
            outcomes = results.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            pool.shutdown();
        }
        assertThat(outcomes).containsOnlyKeys("booked", "taken").containsEntry("booked", 10L).containsEntry("taken", 990L);
        Long rows = jdbc.queryForObject("select count(*) from cnap_booking where office_id = ?", Long.class, f.office().getId());
        Long holds = jdbc.queryForObject("select count(distinct unit_start) from cnap_hold where workplace_id = ?", Long.class,
                f.workplaces().get(0).getId());
        assertThat(rows).isEqualTo(10);
        assertThat(holds).isEqualTo(10);
        // the next attempt is told the slot is gone and offered the nearest free ones
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(DemoResidents.email("sievierodonetsk", 460)))
                        .param("service", String.valueOf(f.service().getId())).param("office", String.valueOf(f.office().getId()))
                        .param("start", slots.get(3).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "queue.error.slotTaken"))
                .andExpect(flash().attribute("nearest", Matchers.hasSize(5)));
        mvc.perform(post("/api/v1/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(DemoResidents.email("sievierodonetsk", 460)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\":" + f.service().getId() + ",\"office\":" + f.office().getId() + ",\"start\":\"" + slots.get(3) + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("queue.error.slotTaken"))
                .andExpect(jsonPath("$.nearest.length()").value(5))
                .andExpect(jsonPath("$.detail").value(containsString("щойно зайняли")));
    }

    @Test
    void aPersonMayMakeFourBookingsAMonthCancellationsIncluded() {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.DAYTIME);
        List<Instant> free = f.day(bookings, 1, 8).getValue();
        String person = DemoResidents.email("sievierodonetsk", 470);
        List<Booking> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant start = free.get(i);
            made.add(in(k, person, () -> bookings.book(f.service().getId(), f.office().getId(), start)));
        }
        in(k, person, () -> bookings.cancel(made.get(0).getCode()));
        assertThatThrownBy(() -> in(k, person, () -> bookings.book(f.service().getId(), f.office().getId(), free.get(5))))
                .isInstanceOf(Refusal.class).hasMessage("queue.error.limit");
        // another community counts separately
        QueueFixture fd = QueueFixture.create(d, catalogue, identity, 1, QueueFixture.DAYTIME);
        Instant there = fd.day(bookings, 1, 1).getValue().get(0);
        assertThat(in(d, person, () -> bookings.book(fd.service().getId(), fd.office().getId(), there)).getCode()).hasSize(8);
        // the cancelled slot is free again for someone else
        Booking other = in(k, DemoResidents.email("sievierodonetsk", 471),
                () -> bookings.book(f.service().getId(), f.office().getId(), free.get(0)));
        assertThat(other.getStartsAt()).isEqualTo(free.get(0));
    }

    @Test
    void checkInAndCallingOrderWithLateArrivals() {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.DAYTIME);
        LocalDate day = f.day(bookings, 2, 20).getKey();
        Instant ten = day.atTime(10, 0).atZone(Dates.KYIV).toInstant();
        long s = f.service().getId();
        long o = f.office().getId();
        Booking a = in(k, DemoResidents.email("sievierodonetsk", 461), () -> bookings.book(s, o, ten));
        Booking b = in(k, DemoResidents.email("sievierodonetsk", 462), () -> bookings.book(s, o, ten.plus(Duration.ofMinutes(15))));
        Booking c = in(k, DemoResidents.email("sievierodonetsk", 463), () -> bookings.book(s, o, ten.plus(Duration.ofMinutes(30))));
        long w = f.workplaces().get(0).getId();
        String admin = "cnap@kropyvnytskyi.demo";
        Visit w1 = at(ten.minus(Duration.ofMinutes(10)), () -> in(k, admin, () -> queue.walkIn(o, s)));
        Visit va = at(ten.minus(Duration.ofMinutes(5)), () -> in(k, admin, () -> queue.checkIn(o, a.getCode())));
        Visit vc = at(ten.plus(Duration.ofMinutes(10)), () -> CurrentCommunity.callAs(k, () -> queue.checkIn(o, c.getCode().toLowerCase())));
        Visit vb = at(ten.plus(Duration.ofMinutes(18)), () -> CurrentCommunity.callAs(k, () -> queue.checkIn(o, b.getCode())));
        Visit w2 = at(ten.plus(Duration.ofMinutes(19)), () -> CurrentCommunity.callAs(k, () -> queue.walkIn(o, s)));
        assertThat(va.getKind()).isEqualTo(Visit.Kind.BOOKED);
        assertThat(vc.getKind()).isEqualTo(Visit.Kind.BOOKED);
        assertThat(vb.getKind()).as("3 minutes late, beyond the 2-minute grace").isEqualTo(Visit.Kind.LIVE);
        assertThat(w1.getTicket()).startsWith("A-");
        assertThat(va.getTicket()).startsWith("B-");
        assertThat(in(k, DemoResidents.email("sievierodonetsk", 462), () -> bookings.visible(b.getCode()).getStatus()))
                .isEqualTo(Booking.Status.LATE);

        assertThat(callAt(w, ten.minus(Duration.ofMinutes(2)))).as("booked A is not due yet: the live queue first").isEqualTo(w1.getId());
        assertThatThrownBy(() -> callAt(w, ten.minus(Duration.ofMinutes(1)))).hasMessage("queue.error.finishCurrent");
        finishAt(w1.getId(), ten.minus(Duration.ofMinutes(1)), Visit.Status.SERVED);
        assertThat(callAt(w, ten.plus(Duration.ofMinutes(1)))).as("A on time").isEqualTo(va.getId());
        finishAt(va.getId(), ten.plus(Duration.ofMinutes(12)), Visit.Status.SERVED);
        assertThat(callAt(w, ten.plus(Duration.ofMinutes(20)))).as("late B by arrival before walk-in W2").isEqualTo(vb.getId());
        finishAt(vb.getId(), ten.plus(Duration.ofMinutes(29)), Visit.Status.NO_SHOW);
        assertThat(callAt(w, ten.plus(Duration.ofMinutes(31)))).as("C on time before W2").isEqualTo(vc.getId());
        finishAt(vc.getId(), ten.plus(Duration.ofMinutes(40)), Visit.Status.SERVED);
        assertThat(callAt(w, ten.plus(Duration.ofMinutes(41)))).isEqualTo(w2.getId());
        assertThat(at(ten.plus(Duration.ofMinutes(42)), () -> CurrentCommunity.callAs(k, () -> queue.calls(o, 5))))
                .extracting(Visit::getTicket).containsExactly(w2.getTicket());
        finishAt(w2.getId(), ten.plus(Duration.ofMinutes(50)), Visit.Status.SERVED);
        assertThat(callAt(w, ten.plus(Duration.ofMinutes(51)))).isNull();

        // rating after the visit, once
        Visit rated = at(ten.plus(Duration.ofHours(1)), () -> CurrentCommunity.callAs(k, () -> queue.rate(va.getRateCode(), 5, "Дякую")));
        assertThat(rated.getRating()).isEqualTo(5);
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> queue.rate(va.getRateCode(), 4, "")))
                .hasMessage("queue.error.alreadyRated");
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> queue.rate(vb.getRateCode(), 4, "")))
                .hasMessage("queue.error.notServed");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'queue.called' and object_id = ?",
                Long.class, String.valueOf(va.getId()))).isEqualTo(1);
    }

    private <T> T at(Instant t, Supplier<T> work) {
        return clock.callAt(t, work);
    }

    private Long callAt(long workplace, Instant t) {
        Visit v = at(t, () -> in(k, "cnap@kropyvnytskyi.demo", () -> queue.callNext(workplace)));
        return v == null ? null : v.getId();
    }

    private void finishAt(long visit, Instant t, Visit.Status outcome) {
        at(t, () -> in(k, "cnap@kropyvnytskyi.demo", () -> queue.finish(visit, outcome, null)));
    }

    @Test
    void bookingThroughPagesAndApi() throws Exception {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 2, QueueFixture.DAYTIME);
        Map.Entry<LocalDate, List<Instant>> day = f.day(bookings, 1, 3);
        String person = DemoResidents.email("sievierodonetsk", 464);
        mvc.perform(get("/kropyvnytskyi/cnap").param("q", "реєстрація місця"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Декларування та реєстрація місця проживання")));
        mvc.perform(get("/kropyvnytskyi/cnap/services/" + f.service().getId()))
                .andExpect(content().string(containsString(f.office().getNameUk())));
        mvc.perform(get("/kropyvnytskyi/cnap/book").with(as(person)).param("service", String.valueOf(f.service().getId()))
                        .param("office", String.valueOf(f.office().getId())).param("date", day.getKey().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"" + day.getValue().get(0) + "\"")));
        String location = mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person))
                        .param("service", String.valueOf(f.service().getId())).param("office", String.valueOf(f.office().getId()))
                        .param("start", day.getValue().get(0).toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "queue.booked"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/kropyvnytskyi/cnap/bookings/[2-9A-HJKMNP-Z]{8}");
        String code = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get(location).with(as(person))).andExpect(status().isOk())
                .andExpect(content().string(containsString(code.substring(0, 4) + "-" + code.substring(4))))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get(location).with(as(DemoResidents.email("sievierodonetsk", 465)))).andExpect(status().isNotFound());
        mvc.perform(get(location)).andExpect(status().isNotFound());
        mvc.perform(get("/kropyvnytskyi/cnap/my").with(as(person))).andExpect(content().string(containsString(location)));
        mvc.perform(get("/account").with(as(person))).andExpect(content().string(containsString(location)));
        assertThat(mailer.latest(person, 3)).anyMatch(m -> m.subject().equals("Ваш запис до ЦНАП") && m.body().contains(code.substring(0, 4)));

        // the API: catalogue, offices, slots (the booked time is gone on one workplace, free on the other)
        mvc.perform(get("/api/v1/kropyvnytskyi/cnap/services").param("q", "Тестова послуга"))
                .andExpect(jsonPath("$.items[0].durationMinutes").value(15));
        mvc.perform(get("/api/v1/kropyvnytskyi/cnap/offices")).andExpect(jsonPath("$[?(@.id == " + f.office().getId() + ")].workplaces").value(2));
        mvc.perform(get("/api/v1/kropyvnytskyi/cnap/slots").param("service", String.valueOf(f.service().getId()))
                        .param("office", String.valueOf(f.office().getId())).param("date", day.getKey().toString()))
                .andExpect(jsonPath("$.free[0]").value(day.getValue().get(0).toString()));
        mvc.perform(post("/api/v1/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\":" + f.service().getId() + ",\"office\":" + f.office().getId() + ",\"start\":\""
                                + day.getValue().get(0) + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("BOOKED"));
        mvc.perform(get("/api/v1/kropyvnytskyi/cnap/slots").param("service", String.valueOf(f.service().getId()))
                        .param("office", String.valueOf(f.office().getId())).param("date", day.getKey().toString()))
                .andExpect(jsonPath("$.free[0]").value(day.getValue().get(1).toString()));
        mvc.perform(get("/api/v1/kropyvnytskyi/cnap/bookings").with(as(person))).andExpect(jsonPath("$.length()").value(2));

        // move and cancel
        Instant later = day.getValue().get(2);
        mvc.perform(post(location + "/move").with(csrf()).with(as(person)).param("start", later.toString()))
                .andExpect(flash().attribute("message", "queue.moved"));
        assertThat(CurrentCommunity.callAs(k, () -> identity.callAs(person, () -> bookings.visible(code))).getStartsAt()).isEqualTo(later);
        mvc.perform(post(location + "/cancel").with(csrf()).with(as(person))).andExpect(flash().attribute("message", "queue.cancelled"));
        mvc.perform(get(location).with(as(person))).andExpect(content().string(containsString("Скасовано")));
        mvc.perform(post(location + "/cancel").with(csrf()).with(as(person))).andExpect(flash().attribute("error", "queue.error.notActive"));

        // open data and figures
        mvc.perform(get("/kropyvnytskyi/cnap/export.csv")).andExpect(content().string(containsString("RMP-01")));
        mvc.perform(get("/kropyvnytskyi/cnap/export.json")).andExpect(jsonPath("$[?(@.code == 'PAS-01')].nameUk")
                .value(Matchers.hasItem(containsString("ID-картки"))));
        mvc.perform(get("/kropyvnytskyi/cnap/figures")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Частка підрозділів і віддалених робочих місць")));
    }

    @Test
    void aReminderGoesOutOnceADayAhead() {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.ALL_DAY);
        Instant soon = f.day(bookings, 0, 1).getValue().get(0);
        String person = DemoResidents.email("sievierodonetsk", 468);
        in(k, person, () -> bookings.book(f.service().getId(), f.office().getId(), soon));
        CurrentCommunity.callAs(k, bookings::sendReminders);
        CurrentCommunity.callAs(k, bookings::sendReminders);
        assertThat(mailer.latest(person, 10)).filteredOn(m -> m.subject().equals("Нагадування про запис до ЦНАП")).hasSize(1);
    }

    @Autowired AccountService accountService;

    @Test
    void deletingTheAccountCancelsComingBookingsAndForgetsTheName() {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.DAYTIME);
        Instant start = f.day(bookings, 1, 1).getValue().get(0);
        String person = DemoResidents.email("sievierodonetsk", 469);
        Booking b = in(k, person, () -> bookings.book(f.service().getId(), f.office().getId(), start));
        accountService.delete(accounts.findByEmail(person).orElseThrow().getId());
        assertThat(jdbc.queryForObject("select status || '|' || person_name || '|' || coalesce(email, '-') from cnap_booking where id = ?",
                String.class, b.getId())).isEqualTo("CANCELLED||-");
        assertThat(jdbc.queryForObject("select count(*) from cnap_hold where booking_id = ?", Long.class, b.getId())).isZero();
    }

    @Test
    void consoleIsForCnapAdministratorsAndAudited() throws Exception {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.ALL_DAY);
        long w = f.workplaces().get(0).getId();
        mvc.perform(get("/kropyvnytskyi/cnap/console").param("workplace", String.valueOf(w)).with(as("andrii.shevchuk@example.org")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/cnap/console/call").with(csrf()).param("workplace", String.valueOf(w))
                .with(as("andrii.shevchuk@example.org"))).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/cnap/console/ticket").with(csrf()).with(as("cnap@kropyvnytskyi.demo"))
                        .param("workplace", String.valueOf(w)).param("service", String.valueOf(f.service().getId())))
                .andExpect(flash().attribute("message", "queue.ticketTaken"));
        mvc.perform(post("/kropyvnytskyi/cnap/console/call").with(csrf()).with(as("cnap@kropyvnytskyi.demo")).param("workplace", String.valueOf(w)))
                .andExpect(flash().attribute("message", "queue.calledNext"));
        mvc.perform(get("/kropyvnytskyi/cnap/offices/" + f.office().getId() + "/display"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("A-001")));
        mvc.perform(get("/kropyvnytskyi/cnap/console").param("workplace", String.valueOf(w)).with(as("cnap@kropyvnytskyi.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"current-ticket\">A-001")));
        mvc.perform(get("/kropyvnytskyi/admin/audit").with(as("admin@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString("queue.called"))).andExpect(content().string(containsString("queue.ticketIssued")));

        // closed days: refused while bookings exist, then no slots that day
        Map.Entry<LocalDate, List<Instant>> day = f.day(bookings, 3, 2);
        Map.Entry<LocalDate, List<Instant>> next = f.day(bookings, 4, 2);
        in(k, DemoResidents.email("sievierodonetsk", 459), () -> bookings.book(f.service().getId(), f.office().getId(), day.getValue().get(0)));
        String close = "/kropyvnytskyi/cnap/console/offices/" + f.office().getId() + "/close";
        mvc.perform(post(close).with(csrf()).with(as("cnap@kropyvnytskyi.demo")).param("day", day.getKey().toString()))
                .andExpect(flash().attribute("error", "queue.error.bookingsOnDay"));
        mvc.perform(post(close).with(csrf()).with(as("andrii.shevchuk@example.org")).param("day", next.getKey().toString()))
                .andExpect(status().isForbidden());
        mvc.perform(post(close).with(csrf()).with(as("cnap@kropyvnytskyi.demo")).param("day", next.getKey().toString()))
                .andExpect(flash().attribute("message", "queue.officeClosed"));
        assertThat(CurrentCommunity.callAs(k, () -> bookings.freeSlots(f.office().getId(), f.service().getId(), next.getKey()))).isEmpty();
        assertThat(CurrentCommunity.callAs(k, () -> bookings.freeSlots(f.office().getId(), f.service().getId(), day.getKey()))).isNotEmpty();
        mvc.perform(get("/kropyvnytskyi/cnap/console").with(as("cnap@kropyvnytskyi.demo")).param("lang", "en"))
                .andExpect(content().string(containsString("Announce a day the office is closed")));
        mvc.perform(get("/kropyvnytskyi/cnap").param("lang", "en"))
                .andExpect(content().string(containsString("<h1>CNAP booking</h1>")));
    }

    @Test
    void catalogueImportReportsRefusedRows() throws Exception {
        String csv = String.join(",", Catalogue.CSV_COLUMNS) + "\n"
                + "IMP-1,Видача довідки,Certificate,Довідки,Certificates,,Паспорт,,10,K-01|K-02\n"
                + "IMP-2,Без тривалості,No length,Довідки,Certificates,,,,abc,K-01\n"
                + "IMP-3,Невідоме місце,Unknown place,Довідки,Certificates,,,,10,NOPE\n"
                + "IMP-1,Повтор,Repeat,Довідки,Certificates,,,,10,K-01\n"
                + "IMP-4,Замало стовпців\n";
        mvc.perform(post("/kropyvnytskyi/cnap/console/import").with(csrf()).with(as("cnap@kropyvnytskyi.demo")).param("csv", csv))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Створено: 1, оновлено: 0, відхилено рядків: 4.")))
                .andExpect(content().string(containsString("Невідомий код робочого місця.")));
        mvc.perform(post("/kropyvnytskyi/cnap/console/import").with(csrf()).with(as("andrii.shevchuk@example.org")).param("csv", csv))
                .andExpect(status().isForbidden());
    }

    @Test
    void oneCommunityCannotSeeAnothersQueue() throws Exception {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.DAYTIME);
        Instant start = f.day(bookings, 1, 1).getValue().get(0);
        String person = DemoResidents.email("sievierodonetsk", 466);
        Booking b = in(k, person, () -> bookings.book(f.service().getId(), f.office().getId(), start));
        mvc.perform(get("/dmytrivka/cnap/bookings/" + b.getCode()).with(as(person))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/cnap/bookings/" + b.getCode()).with(as(person))).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/cnap/services/" + f.service().getId())).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/cnap/offices/" + f.office().getId() + "/display")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/cnap/slots").param("service", String.valueOf(f.service().getId()))
                .param("office", String.valueOf(f.office().getId()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/cnap/services").param("q", "Тестова послуга")).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/dmytrivka/cnap/export.csv")).andExpect(content().string(not(containsString(f.service().getCode()))));
        mvc.perform(get("/api/v1/dmytrivka/cnap/bookings").with(as(person))).andExpect(jsonPath("$.length()").value(0));
        long dOffice = CurrentCommunity.callAs(d, () -> catalogue.offices().get(0).getId());
        // the demo kiosk of the other community's office, enrolled with its published token
        Cookie kiosk = mvc.perform(post("/dmytrivka/cnap/kiosk/enrol").with(csrf())
                        .param("token", Kiosks.demoToken(dOffice)))
                .andExpect(flash().attribute("message", "queue.kiosk.enrolled")).andReturn().getResponse().getCookie("viche_kiosk");
        mvc.perform(post("/dmytrivka/cnap/offices/" + dOffice + "/kiosk/checkin").with(csrf()).cookie(kiosk).param("code", b.getCode()))
                .andExpect(flash().attribute("error", "queue.error.codeUnknown"));
        // a kiosk of one community is nothing in another
        mvc.perform(get("/kropyvnytskyi/cnap/offices/" + f.office().getId() + "/kiosk").cookie(kiosk)).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", String.valueOf(f.service().getId()))
                .param("office", String.valueOf(dOffice)).param("start", start.toString())).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() throws Exception {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.DAYTIME);
        QueueFixture other = QueueFixture.create(k, catalogue, identity, 1, QueueFixture.DAYTIME);
        Map.Entry<LocalDate, List<Instant>> day = f.day(bookings, 1, 2);
        String person = DemoResidents.email("sievierodonetsk", 467);
        long before = jdbc.queryForObject("select count(*) from cnap_booking", Long.class);
        long holds = jdbc.queryForObject("select count(*) from cnap_hold", Long.class);
        String s = String.valueOf(f.service().getId());
        String o = String.valueOf(f.office().getId());
        Instant past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", s).param("office", o)
                .param("start", past.toString())).andExpect(flash().attribute("error", "queue.error.past"));
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", s).param("office", o)
                .param("start", day.getValue().get(0).plus(Duration.ofMinutes(7)).toString()))
                .andExpect(flash().attribute("error", "queue.error.noSuchSlot"));
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", s).param("office", o)
                .param("start", day.getValue().get(0).plus(Duration.ofDays(40)).toString()))
                .andExpect(flash().attribute("error", "queue.error.notYetOpen"));
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", s)
                .param("office", String.valueOf(other.office().getId())).param("start", day.getValue().get(0).toString()))
                .andExpect(flash().attribute("error", "queue.error.notOffered"));
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", s).param("office", o)
                .param("start", "завтра")).andExpect(flash().attribute("error", "queue.error.chooseTime"));
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", "999999999").param("office", o)
                .param("start", day.getValue().get(0).toString())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Послугу не знайдено.")));
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).param("service", "abc").param("office", o))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/kropyvnytskyi/cnap/bookings").with(csrf()).with(as(person)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\":" + s + ",\"office\":" + o + ",\"start\":\"" + past + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("queue.error.past"));
        mvc.perform(post("/api/v1/kropyvnytskyi/cnap/bookings").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"service\":" + s + ",\"office\":" + o + ",\"start\":\"" + day.getValue().get(0) + "\"}"))
                .andExpect(status().isUnauthorized());
        // an account without a verified identity may not book where the level is VERIFIED
        mvc.perform(post("/kropyvnytskyi/cnap/bookings").with(csrf()).with(as("cnap@kropyvnytskyi.demo")).param("service", s).param("office", o)
                .param("start", day.getValue().get(0).toString())).andExpect(flash().attribute("error", "eligibility.verify"));
        // a code that does not exist, at the office's enrolled kiosk
        Cookie kiosk = mvc.perform(post("/kropyvnytskyi/cnap/kiosk/enrol").with(csrf()).param("token", f.kiosk(kiosks)))
                .andReturn().getResponse().getCookie("viche_kiosk");
        mvc.perform(post("/kropyvnytskyi/cnap/offices/" + o + "/kiosk/checkin").with(csrf()).cookie(kiosk).param("code", "ZZZZ-ZZZZ"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "queue.error.codeUnknown"));
        mvc.perform(post("/kropyvnytskyi/cnap/offices/" + o + "/kiosk/checkin").with(csrf()).cookie(kiosk).param("code", "<script>"))
                .andExpect(flash().attribute("error", "queue.error.codeUnknown"));
        mvc.perform(get("/kropyvnytskyi/cnap/offices/" + o + "/kiosk").cookie(kiosk)).andExpect(status().isOk());
        mvc.perform(post("/kropyvnytskyi/cnap/offices/" + o + "/kiosk/ticket").with(csrf()).cookie(kiosk)
                        .param("service", String.valueOf(other.service().getId())))
                .andExpect(flash().attribute("error", "queue.error.notOffered"));
        mvc.perform(get("/kropyvnytskyi/cnap/rate/ZZZZZZZZ")).andExpect(status().isNotFound());
        mvc.perform(get("/kropyvnytskyi/cnap/bookings/ZZZZZZZZ").with(as(person))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/cnap/slots").param("service", s).param("office", "abc")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select count(*) from cnap_booking", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from cnap_hold", Long.class)).isEqualTo(holds);
        assertThatThrownBy(() -> CurrentCommunity.callAs(k, () -> catalogue.service(999_999_999L))).isInstanceOf(NotFoundException.class);
    }
}
