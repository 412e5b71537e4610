package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.CivicEvent;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.Courses;
import ua.viche.civic.domain.EventInput;
import ua.viche.civic.domain.Seats;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * Moving up from a waiting list tells the person by e-mail: a resident in the language they chose,
 * a caller the operator registered at the address they left; a caller who left none is marked on the
 * operator's list to be called. For events and for course groups alike.
 */
@IntegrationTest
class WaitingListMailTest {

    private static final String OPERATOR = "operator@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Identity identity;
    @Autowired CivicEvents events;
    @Autowired Courses courses;
    @Autowired TransactionTemplate tx;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private long mails(String recipient, String subject) {
        return jdbc.queryForObject("select count(*) from mail_message where recipient = ? and subject = ?", Long.class, recipient, subject);
    }

    private void setLocale(String email, String locale) {
        accounts.saveAndFlush(accounts.findByEmail(email).map(a -> { a.setLocale(locale); return a; }).orElseThrow());
    }

    @Test
    void aCallerWithAnAddressIsMailedOneWithoutIsToBeCalledAndAResidentIsMailedInTheirLanguage() throws Exception {
        Instant start = Instant.now().plusSeconds(9 * 86_400);
        CivicEvent e = CurrentCommunity.callAs(k, () -> tx.execute(s -> events.create(new EventInput("Черга " + System.nanoTime(), "Queue",
                "Опис", "", start, start.plusSeconds(3600), "Зала", null, 3, null, List.of()))));
        String base = "/kropyvnytskyi/events/" + e.getId();
        for (int n : new int[] {405, 406, 408}) {
            CurrentCommunity.callAs(k, () -> identity.callAs(resident(n), () -> events.register(e.getId())));
        }
        String callerMail = "caller" + System.nanoTime() + "@example.org";
        // a malformed address is refused and nobody is registered
        mvc.perform(post(base + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, OPERATOR)).param("name", "Ганна Петрівна")
                .param("phone", "+380501112233").param("email", "ніяк")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from civic_place where roster_id = ? and registered_by_account_id is not null",
                Long.class, e.getRosterId())).isZero();
        mvc.perform(post(base + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, OPERATOR)).param("name", "Ганна Петрівна")
                .param("phone", "+380501112233").param("email", callerMail)).andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, OPERATOR)).param("name", "Віра Степанівна")
                .param("phone", "+380504445566")).andExpect(status().is3xxRedirection());
        setLocale(resident(407), "en");
        try {
            assertThat(CurrentCommunity.callAs(k, () -> identity.callAs(resident(407), () -> events.register(e.getId()))).status())
                    .isEqualTo(Seats.Status.WAITING);
            CurrentCommunity.callAs(k, () -> identity.callAs(resident(405), () -> events.cancel(e.getId())));
            assertThat(mails(callerMail, "Для вас звільнилося місце")).isEqualTo(1);
            CurrentCommunity.callAs(k, () -> identity.callAs(resident(406), () -> events.cancel(e.getId())));
            String list = mvc.perform(get(base).with(TestAccounts.as(accounts, OPERATOR))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(list).contains("Зареєстровані за дзвінком", "Віра Степанівна", "Зателефонувати: місце звільнилося", "Повідомлено поштою");
            assertThat(list.indexOf("Зателефонувати")).isGreaterThan(list.indexOf("Віра Степанівна"));
            CurrentCommunity.callAs(k, () -> identity.callAs(resident(408), () -> events.cancel(e.getId())));
            assertThat(mails(resident(407), "A seat is yours")).isEqualTo(1);
            // a resident sees no operator's list
            assertThat(mvc.perform(get(base).with(TestAccounts.as(accounts, resident(9)))).andReturn().getResponse().getContentAsString())
                    .doesNotContain("Зареєстровані за дзвінком");
        } finally {
            setLocale(resident(407), "uk");
        }
    }

    @Test
    void aCourseCallerWithAnAddressIsMailedWhenTheyMoveUp() throws Exception {
        Courses.Group g = CurrentCommunity.callAs(k, () -> {
            long partner = jdbc.queryForObject("select min(id) from civic_organisation where community_id = ? and status = 'VERIFIED'", Long.class,
                    k.id());
            Instant first = Instant.now().plusSeconds(86_400L * 30);
            List<Courses.NewLesson> schedule = new ArrayList<>(List.of(new Courses.NewLesson(first, first.plusSeconds(5400))));
            Courses.Course c = courses.create(new Courses.NewCourse("Черга на курс " + System.nanoTime(), "Course queue", "Опис", "",
                    1, 1, List.of(partner), List.of(new Courses.NewGroup("Група Б", "Бібліотека", 1, schedule))));
            return courses.groups(c.id()).get(0);
        });
        CurrentCommunity.callAs(k, () -> identity.callAs(resident(405), () -> courses.register(g.id(), "")));
        String callerMail = "course" + System.nanoTime() + "@example.org";
        mvc.perform(post("/kropyvnytskyi/courses/groups/" + g.id() + "/on-behalf").with(csrf()).with(TestAccounts.as(accounts, OPERATOR))
                .param("name", "Олена Іванівна").param("phone", "+380507778899").param("email", callerMail))
                .andExpect(status().is3xxRedirection());
        CurrentCommunity.callAs(k, () -> identity.callAs(resident(405), () -> courses.cancel(g.id())));
        assertThat(mails(callerMail, "Для вас звільнилося місце на курсі")).isEqualTo(1);
        assertThat(mvc.perform(get("/kropyvnytskyi/courses/groups/" + g.id()).with(TestAccounts.as(accounts, OPERATOR))).andReturn()
                .getResponse().getContentAsString()).contains("Олена Іванівна", "Повідомлено поштою");
    }
}
