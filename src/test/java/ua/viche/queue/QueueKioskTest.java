package ua.viche.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.WorkingDays;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Kiosks;
import ua.viche.queue.domain.OfficeHours;

/**
 * Tickets come only from an enrolled kiosk of the office, and only while the office receives
 * visitors: kiosks created, enrolled (token or one-time link) and revoked by administrators, audited.
 */
@IntegrationTest
class QueueKioskTest {

    private static final String ADMIN = "cnap@kropyvnytskyi.demo";
    private static final OfficeHours WEEKDAYS = OfficeHours.parse(
            "mon=08:00-17:00;tue=08:00-17:00;wed=08:00-17:00;thu=08:00-17:00;fri=08:00-16:00");

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Catalogue catalogue;
    @Autowired Kiosks kiosks;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired ThreadClock clock;
    @Autowired WorkingDays workingDays;
    @Autowired RateLimiter limiter;
    @Autowired MessageSource messages;

    Community k;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private long visits(long office) {
        return jdbc.queryForObject("select count(*) from cnap_visit where office_id = ?", Long.class, office);
    }

    private long audits(String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ?", Long.class, action);
    }

    /** Enrols this "device" with a token or link code; returns its cookie. */
    private Cookie enrol(String token) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/kropyvnytskyi/cnap/kiosk/enrol").with(csrf()).param("token", token))
                .andExpect(flash().attribute("message", "queue.kiosk.enrolled")).andReturn().getResponse();
        String header = r.getHeader("Set-Cookie");
        assertThat(header).startsWith("viche_kiosk=").contains("Path=/kropyvnytskyi/cnap").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Max-Age=" + 400L * 24 * 3600);
        return r.getCookie("viche_kiosk");
    }

    /** 11:00 of the next working weekday (Monday to Thursday) from a week ahead. */
    private Instant workingMorning() {
        LocalDate d = LocalDate.now(Dates.KYIV).plusDays(7);
        while (!workingDays.isWorkingDay(d) || d.getDayOfWeek() == DayOfWeek.FRIDAY) {
            d = d.plusDays(1);
        }
        return d.atTime(11, 0).atZone(Dates.KYIV).toInstant();
    }

    private <T> T at(Instant when, Callable<T> work) {
        return clock.callAt(when, () -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void onlyAnEnrolledKioskOfTheOfficeIssuesTickets() throws Exception {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, WEEKDAYS);
        QueueFixture other = QueueFixture.create(k, catalogue, identity, 1, WEEKDAYS);
        String kiosk = "/kropyvnytskyi/cnap/offices/" + f.office().getId() + "/kiosk";
        String service = String.valueOf(f.service().getId());
        Instant open = workingMorning();
        long before = visits(f.office().getId());

        // not enrolled: a clear 403 page in the visitor's language, and no ticket
        mvc.perform(get(kiosk)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Цей пристрій не зареєстровано як термінал черги")))
                .andExpect(content().string(not(containsString("ticket-button"))));
        mvc.perform(get(kiosk).param("lang", "en")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This device is not enrolled as a queue kiosk")))
                .andExpect(content().string(not(containsString("DEMO-KIOSK"))));
        // the demo's own offices each have a kiosk whose token the page shows (the demo is on in tests)
        long centre = jdbc.queryForObject("select id from cnap_office where name_uk like 'ЦНАП «Прозорий офіс»%'", Long.class);
        mvc.perform(get("/kropyvnytskyi/cnap/offices/" + centre + "/kiosk")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("DEMO-KIOSK-" + centre)));
        at(open, () -> mvc.perform(post(kiosk + "/ticket").with(csrf()).param("service", service))
                .andExpect(status().isForbidden()));
        at(open, () -> mvc.perform(post(kiosk + "/checkin").with(csrf()).param("code", "ABCD-EFGH"))
                .andExpect(status().isForbidden()));
        mvc.perform(post(kiosk + "/ticket").with(csrf()).param("service", service).cookie(new Cookie("viche_kiosk", "forged")))
                .andExpect(status().isForbidden());
        assertThat(visits(f.office().getId())).isEqualTo(before);

        // an administrator creates a kiosk: token and one-time link shown once, only their hashes kept
        mvc.perform(post("/kropyvnytskyi/cnap/console/kiosks").with(csrf()).with(as("andrii.shevchuk@example.org"))
                .param("office", String.valueOf(f.office().getId())).param("name", "Хол")).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/cnap/console/kiosks").with(csrf()).with(as(ADMIN))
                        .param("office", String.valueOf(f.office().getId())).param("name", " "))
                .andExpect(flash().attribute("error", "queue.error.kioskName"));
        long created = audits("queue.kioskCreated");
        String page = mvc.perform(post("/kropyvnytskyi/cnap/console/kiosks").with(csrf()).with(as(ADMIN))
                        .param("office", String.valueOf(f.office().getId())).param("name", "Хол, біля входу"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(audits("queue.kioskCreated")).isEqualTo(created + 1);
        String token = page.replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
        String link = page.replaceAll("(?s).*id=\"created-link\">([^<]+)<.*", "$1");
        assertThat(token).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){5}");
        assertThat(link).matches("http://localhost(:\\d+)?/kropyvnytskyi/cnap/kiosk/enrol/[2-9A-Z]{24}");
        String code = link.substring(link.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("select count(*) from cnap_kiosk where token_hash in (?, ?) or link_hash = ?",
                Long.class, token, token.replace("-", ""), code)).isZero();
        mvc.perform(get("/kropyvnytskyi/cnap/console/kiosks").with(as(ADMIN)))
                .andExpect(content().string(containsString("Хол, біля входу"))).andExpect(content().string(not(containsString(token))));

        // enrolled with the token (typed in any case, with or without dashes): the kiosk issues tickets
        Cookie device = enrol(token.toLowerCase().replace("-", " "));
        mvc.perform(get(kiosk).cookie(device)).andExpect(status().isOk()).andExpect(content().string(containsString("ticket-button")));
        at(open, () -> mvc.perform(post(kiosk + "/ticket").with(csrf()).cookie(device).param("service", service))
                .andExpect(redirectedUrlPattern("/kropyvnytskyi/cnap/tickets/*")));
        assertThat(visits(f.office().getId())).isEqualTo(before + 1);
        // but not at another office's kiosk
        mvc.perform(get("/kropyvnytskyi/cnap/offices/" + other.office().getId() + "/kiosk").cookie(device))
                .andExpect(status().isForbidden());

        // the enrol link works once
        mvc.perform(get("/kropyvnytskyi/cnap/kiosk/enrol/" + code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("одноразове посилання")));
        Cookie second = enrol(code);
        mvc.perform(post("/kropyvnytskyi/cnap/kiosk/enrol").with(csrf()).param("token", code))
                .andExpect(flash().attribute("error", "queue.error.kioskToken")).andExpect(redirectedUrl("/kropyvnytskyi/cnap/offices"));
        mvc.perform(post("/kropyvnytskyi/cnap/kiosk/enrol").with(csrf()).param("token", "WRONG-TOKEN")
                        .param("office", String.valueOf(f.office().getId())))
                .andExpect(flash().attribute("error", "queue.error.kioskToken")).andExpect(redirectedUrl(kiosk));
        mvc.perform(get(kiosk).cookie(second)).andExpect(status().isOk());

        // revoked: every device enrolled with it stops at once, audited
        long id = jdbc.queryForObject("select id from cnap_kiosk where office_id = ? and name = ?", Long.class,
                f.office().getId(), "Хол, біля входу");
        mvc.perform(post("/kropyvnytskyi/cnap/console/kiosks/" + id + "/revoke").with(csrf()).with(as("andrii.shevchuk@example.org")))
                .andExpect(status().isForbidden());
        long revoked = audits("queue.kioskRevoked");
        mvc.perform(post("/kropyvnytskyi/cnap/console/kiosks/" + id + "/revoke").with(csrf()).with(as(ADMIN)))
                .andExpect(flash().attribute("message", "queue.kiosk.revoked"));
        assertThat(audits("queue.kioskRevoked")).isEqualTo(revoked + 1);
        mvc.perform(get(kiosk).cookie(device)).andExpect(status().isForbidden());
        mvc.perform(get(kiosk).cookie(second)).andExpect(status().isForbidden());
        at(open, () -> mvc.perform(post(kiosk + "/ticket").with(csrf()).cookie(device).param("service", service))
                .andExpect(status().isForbidden()));
        mvc.perform(post("/kropyvnytskyi/cnap/kiosk/enrol").with(csrf()).param("token", token))
                .andExpect(flash().attribute("error", "queue.error.kioskToken"));
        assertThat(visits(f.office().getId())).isEqualTo(before + 1);
    }

    @Test
    void noTicketWhenTheOfficeIsClosed() throws Exception {
        QueueFixture f = QueueFixture.create(k, catalogue, identity, 1, WEEKDAYS);
        String kiosk = "/kropyvnytskyi/cnap/offices/" + f.office().getId() + "/kiosk";
        String service = String.valueOf(f.service().getId());
        Cookie device = enrol(f.kiosk(kiosks));
        Instant open = workingMorning();
        LocalDate day = open.atZone(Dates.KYIV).toLocalDate();
        LocalDate sunday = day.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        long before = visits(f.office().getId());
        for (Instant closed : new Instant[] {
                day.atTime(7, 59).atZone(Dates.KYIV).toInstant(),       // before opening
                day.atTime(17, 0).atZone(Dates.KYIV).toInstant(),       // at closing time
                sunday.atTime(11, 0).atZone(Dates.KYIV).toInstant()}) { // a day the office does not open
            at(closed, () -> mvc.perform(post(kiosk + "/ticket").with(csrf()).cookie(device).param("service", service))
                    .andExpect(flash().attribute("error", "queue.error.officeClosedNow")).andExpect(redirectedUrl(kiosk)));
        }
        // a day the office announced it is closed
        CurrentCommunity.runAs(k, () -> identity.callAs(ADMIN, () -> {
            catalogue.closeOfficeOn(f.office().getId(), day);
            return null;
        }));
        at(open, () -> mvc.perform(post(kiosk + "/ticket").with(csrf()).cookie(device).param("service", service))
                .andExpect(flash().attribute("error", "queue.error.officeClosedNow")));
        assertThat(visits(f.office().getId())).isEqualTo(before);
        assertThat(messages.getMessage("queue.error.officeClosedNow", null, Locale.ENGLISH))
                .contains("tickets are issued only on its working days and hours");
        assertThat(messages.getMessage("queue.error.officeClosedNow", null, Locale.forLanguageTag("uk")))
                .contains("талони видаються лише в дні та години його роботи");
        // open again the next working day, at opening time
        LocalDate next = day.plusDays(1);
        while (!workingDays.isWorkingDay(next) || next.getDayOfWeek().getValue() > 5) {
            next = next.plusDays(1);
        }
        Instant opening = next.atTime(8, 0).atZone(Dates.KYIV).toInstant();
        at(opening, () -> mvc.perform(post(kiosk + "/ticket").with(csrf()).cookie(device).param("service", service))
                .andExpect(redirectedUrlPattern("/kropyvnytskyi/cnap/tickets/*")));
        assertThat(visits(f.office().getId())).isEqualTo(before + 1);
    }
}
