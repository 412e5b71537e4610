package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.RoleService;
import ua.viche.monitoring.domain.FigureReporting;
import ua.viche.monitoring.domain.Programme;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.monitoring.domain.Quarters.Quarter;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Role;

/**
 * Quarterly reporting: a department enters its figure, the coordinator accepts or returns it, history
 * is kept, the indicator's actual value follows the accepted figures; what is refused changes nothing;
 * another community's staff reach none of it.
 */
@IntegrationTest
class ProgrammeReportingTest {

    private static final String MANAGE = "/kropyvnytskyi/programme/manage";
    private static final String COORDINATOR = "official@kropyvnytskyi.demo";
    private static final String TEACHER = DemoResidents.email("kropyvnytskyi", 471);

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired RoleService roles;
    @Autowired Communities communities;
    @Autowired ProgrammeService programmes;
    @Autowired FigureReporting reporting;
    @Autowired JdbcTemplate jdbc;
    @Autowired Identity identity;
    @Autowired List<PersonalData> personalData;

    private long schools;
    private long pupilsTotal;
    private long staffFigure;
    private Quarter quarter;

    @BeforeEach
    void educationOfficial() {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        CurrentCommunity.runAs(k, () -> {
            Department education = communities.departments().stream().filter(d -> d.nameUk().equals("Управління освіти"))
                    .findFirst().orElseThrow();
            roles.grant(accounts.findByEmail(TEACHER).orElseThrow().getId(), Role.OFFICIAL, education.id(), null);
            Programme p = programmes.current().orElseThrow();
            schools = reporting.figure(p.getId(), "2.11").orElseThrow().getId();
            pupilsTotal = reporting.figure(p.getId(), "2.12").orElseThrow().getId();
            staffFigure = reporting.figure(p.getId(), "1.2").orElseThrow().getId();
            assertThat(reporting.figure(p.getId(), "2.11").orElseThrow().getDepartmentId()).isEqualTo(education.id());
            quarter = reporting.reportingQuarter(p);
        });
    }

    private MockHttpServletRequestBuilder entry(String who, long figure, int year, int q, String value) {
        return post(MANAGE + "/entries").with(csrf()).with(TestAccounts.as(accounts, who)).param("figure", String.valueOf(figure))
                .param("year", String.valueOf(year)).param("quarter", String.valueOf(q)).param("value", value)
                .param("comment", "За даними управління");
    }

    private long entries(long figure) {
        return jdbc.queryForObject("select count(*) from monitoring_entry where figure_id = ?", Long.class, figure);
    }

    private Long current(long figure, String status) {
        return jdbc.queryForObject("select count(*) from monitoring_entry where figure_id = ? and year = ? and quarter = ? "
                + "and current and status = ?", Long.class, figure, quarter.year(), quarter.quarter(), status);
    }

    @Test
    void aDepartmentEntersTheCoordinatorDecidesAndTheIndicatorFollows() throws Exception {
        mvc.perform(get(MANAGE).with(TestAccounts.as(accounts, TEACHER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"figure-2.11\"")))
                .andExpect(content().string(not(containsString("id=\"figure-1.2\""))));
        mvc.perform(get(MANAGE).with(TestAccounts.as(accounts, DemoResidents.email("kropyvnytskyi", 472)))).andExpect(status().isForbidden());
        mvc.perform(get("/kropyvnytskyi/programme/indicators/2.10")).andExpect(content().string(not(containsString("78,95"))));

        long before = entries(schools);
        mvc.perform(entry(TEACHER, staffFigure, quarter.year(), quarter.quarter(), "600"))
                .andExpect(flash().attribute("error", "monitoring.error.notYourFigure"));
        mvc.perform(entry(TEACHER, schools, quarter.year(), quarter.quarter(), "десять"))
                .andExpect(flash().attribute("error", "monitoring.error.entryNumber"));
        mvc.perform(entry(TEACHER, schools, 2027, 4, "30")).andExpect(flash().attribute("error", "monitoring.error.quarterNotEnded"));
        mvc.perform(entry(TEACHER, schools, 2031, 1, "30")).andExpect(flash().attribute("error", "monitoring.error.quarterOutside"));
        assertThat(entries(schools)).isEqualTo(before);

        mvc.perform(entry(TEACHER, schools, quarter.year(), quarter.quarter(), "30"))
                .andExpect(flash().attribute("message", "monitoring.entered"));
        assertThat(entries(schools)).isEqualTo(before + 1);
        assertThat(current(schools, "ENTERED")).isEqualTo(1);
        long id = jdbc.queryForObject("select id from monitoring_entry where figure_id = ? and current and year = ? and quarter = ?",
                Long.class, schools, quarter.year(), quarter.quarter());

        mvc.perform(post(MANAGE + "/entries/" + id + "/accept").with(csrf()).with(TestAccounts.as(accounts, TEACHER)))
                .andExpect(flash().attribute("error", "monitoring.error.notCoordinator"));
        mvc.perform(post(MANAGE + "/entries/" + id + "/return").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                .param("reason", " ")).andExpect(flash().attribute("error", "monitoring.error.reason"));
        assertThat(current(schools, "ENTERED")).isEqualTo(1);
        mvc.perform(post(MANAGE + "/entries/" + id + "/accept").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR)))
                .andExpect(flash().attribute("message", "monitoring.accepted"));
        mvc.perform(post(MANAGE + "/entries/" + id + "/accept").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR)))
                .andExpect(flash().attribute("error", "monitoring.error.decided"));
        assertThat(current(schools, "ACCEPTED")).isEqualTo(1);
        // the year's actual value follows the accepted figures of its latest reported quarter: 30 of 38 schools
        mvc.perform(get("/kropyvnytskyi/programme/indicators/2.10")).andExpect(status().isOk())
                .andExpect(content().string(containsString("78,95")));

        // a correction replaces the current entry; the accepted one stays in the history and counts until the new one is accepted
        mvc.perform(entry(TEACHER, schools, quarter.year(), quarter.quarter(), "31")).andExpect(flash().attribute("message", "monitoring.entered"));
        assertThat(current(schools, "ENTERED")).isEqualTo(1);
        assertThat(current(schools, "ACCEPTED")).isZero();
        mvc.perform(get("/kropyvnytskyi/programme/indicators/2.10")).andExpect(content().string(containsString("78,95")));
        long correction = jdbc.queryForObject("select id from monitoring_entry where figure_id = ? and current and year = ? and quarter = ?",
                Long.class, schools, quarter.year(), quarter.quarter());
        mvc.perform(post(MANAGE + "/entries/" + correction + "/return").with(csrf()).with(TestAccounts.as(accounts, COORDINATOR))
                .param("reason", "Перевірте кількість шкіл")).andExpect(flash().attribute("message", "monitoring.returned"));
        mvc.perform(get(MANAGE + "/figures/2.11").with(TestAccounts.as(accounts, TEACHER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Перевірте кількість шкіл")))
                .andExpect(content().string(containsString("(замінено пізнішим)")));
        // the department official's reports are in their data export, and no longer name them once their account is deleted
        Identity.PersonRef teacher = identity.person(accounts.findByEmail(TEACHER).orElseThrow().getId()).orElseThrow();
        PersonalData programme = personalData.stream().filter(p -> p.getClass().getPackageName().startsWith("ua.viche.monitoring"))
                .findFirst().orElseThrow();
        assertThat(programme.export(teacher, Locale.forLanguageTag("uk"))).extracting(PersonalData.Item::kind)
                .containsOnly("monitoring-entry").hasSizeGreaterThanOrEqualTo(2);
        programme.erase(new AccountDeleted(teacher.accountId(), teacher.personId(), null));
        assertThat(programme.export(teacher, Locale.forLanguageTag("uk"))).isEmpty();
        assertThat(entries(schools)).as("the values stay").isEqualTo(before + 2);

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action in ('monitoring.entered', 'monitoring.accepted', "
                + "'monitoring.returned') and object_id in (?, ?)", Long.class, String.valueOf(id), String.valueOf(correction)))
                .isEqualTo(4);
    }

    @Test
    void anotherCommunitysStaffCannotReachTheseFiguresOrEntries() throws Exception {
        String other = "admin@sievierodonetsk.demo";
        long before = entries(schools);
        mvc.perform(post("/sievierodonetsk/programme/manage/entries").with(csrf()).with(TestAccounts.as(accounts, other))
                        .param("figure", String.valueOf(schools)).param("year", String.valueOf(quarter.year()))
                        .param("quarter", String.valueOf(quarter.quarter())).param("value", "1"))
                .andExpect(status().isNotFound());
        assertThat(entries(schools)).isEqualTo(before);
        // an entry of Kropyvnytskyi, decided through another community's address: not found there, still awaiting a decision
        mvc.perform(entry(COORDINATOR, schools, quarter.year(), quarter.quarter(), "33")).andExpect(flash().attribute("message", "monitoring.entered"));
        long id = jdbc.queryForObject("select id from monitoring_entry where figure_id = ? and current and year = ? and quarter = ?",
                Long.class, schools, quarter.year(), quarter.quarter());
        mvc.perform(post("/sievierodonetsk/programme/manage/entries/" + id + "/accept").with(csrf()).with(TestAccounts.as(accounts, other)))
                .andExpect(status().isNotFound());
        assertThat(current(schools, "ENTERED")).isEqualTo(1);
        // and a Kropyvnytskyi official is nobody in Dmytrivka
        mvc.perform(get("/dmytrivka/programme/manage").with(TestAccounts.as(accounts, COORDINATOR))).andExpect(status().isForbidden());
    }

    @Test
    void entriesRacingForOneQuarterLeaveOneCurrentAndEveryOneInTheHistory() throws Exception {
        long before = entries(pupilsTotal);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String value = String.valueOf(38 + i);
                Callable<String> call = () -> {
                    Object message = mvc.perform(entry(COORDINATOR, pupilsTotal, quarter.year(), quarter.quarter(), value))
                            .andReturn().getFlashMap().get("message");
                    return String.valueOf(message);
                };
                results.add(pool.submit(call));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("monitoring.entered");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(entries(pupilsTotal)).isEqualTo(before + 8);
        assertThat(jdbc.queryForObject("select count(*) from monitoring_entry where figure_id = ? and year = ? and quarter = ? and current",
                Long.class, pupilsTotal, quarter.year(), quarter.quarter())).isEqualTo(1);
    }
}
