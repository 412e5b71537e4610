package ua.viche.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.WebSession;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Office;

/** CNAP staff keep offices (names, addresses, opening hours day by day) and their workplaces on a page. */
@IntegrationTest
class QueueOfficesTest {

    private static final String PAGE = "/kropyvnytskyi/cnap/console/offices";
    private static final String ADMIN = "cnap@kropyvnytskyi.demo";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Catalogue catalogue;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    private MockHttpServletRequestBuilder office(String url, String name, String monOpens, String monCloses) {
        return office(url, name, monOpens, monCloses, "48.51", "32.26").param("electronicQueue", "true");
    }

    private MockHttpServletRequestBuilder office(String url, String name, String monOpens, String monCloses, String lat, String lon) {
        return post(url).with(csrf()).with(TestAccounts.as(accounts, ADMIN))
                .param("nameUk", name).param("nameEn", "Office " + name).param("addressUk", "вул. Шкільна, 5")
                .param("addressEn", "5 Shkilna St").param("latitude", lat).param("longitude", lon)
                .param("opens", monOpens, "09:00", "09:00", "09:00", "09:00", "", "")
                .param("closes", monCloses, "17:00", "17:00", "17:00", "16:00", "", "");
    }

    private long offices() {
        return jdbc.queryForObject("select count(*) from cnap_office", Long.class);
    }

    @Test
    void staffCreateAndChangeOfficesAndAddWorkplaces() throws Exception {
        mvc.perform(get(PAGE).with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Прозорий офіс")))
                .andExpect(content().string(containsString("Понеділок")));
        mvc.perform(get(PAGE).with(TestAccounts.as(accounts, DemoResidents.email("kropyvnytskyi", 9)))).andExpect(status().isForbidden());

        long before = offices();
        mvc.perform(office(PAGE, "Віддалене місце в старостаті", "18:00", "09:00"))
                .andExpect(flash().attribute("error", "queue.error.officeHours"));
        mvc.perform(post(PAGE).with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("nameUk", "Без годин").param("nameEn", "No hours")
                        .param("addressUk", "вул. Шкільна, 5").param("addressEn", "5 Shkilna St")
                        .param("opens", "", "", "", "", "", "", "").param("closes", "", "", "", "", "", "", ""))
                .andExpect(flash().attribute("error", "queue.error.officeHours"));
        mvc.perform(office(PAGE, "Віддалене місце в старостаті", "09:00", "17:00", "50.45", "30.52"))
                .andExpect(flash().attribute("error", "queue.error.officePlace"));
        mvc.perform(office(PAGE, " ", "09:00", "17:00")).andExpect(flash().attribute("error", "queue.error.officeName"));
        assertThat(offices()).isEqualTo(before);

        mvc.perform(office(PAGE, "Віддалене місце в старостаті", "08:30", "17:30"))
                .andExpect(flash().attribute("message", "queue.office.saved"));
        Office created = CurrentCommunity.callAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> catalogue.offices().stream()
                .filter(o -> o.getNameUk().equals("Віддалене місце в старостаті")).findFirst().orElseThrow());
        assertThat(created.hours().on(DayOfWeek.MONDAY).open()).isEqualTo(LocalTime.of(8, 30));
        assertThat(created.hours().on(DayOfWeek.FRIDAY).close()).isEqualTo(LocalTime.of(16, 0));
        assertThat(created.hours().opensOn(DayOfWeek.SATURDAY)).isFalse();
        assertThat(created.isEQueue()).isTrue();

        // new hours on Monday; the e-queue switched off
        mvc.perform(office(PAGE + "/" + created.getId(), "Віддалене місце в старостаті", "10:00", "14:00", "48.51", "32.26"))
                .andExpect(flash().attribute("message", "queue.office.saved"));
        Office changed = CurrentCommunity.callAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> catalogue.office(created.getId()));
        assertThat(changed.hours().on(DayOfWeek.MONDAY).close()).isEqualTo(LocalTime.of(14, 0));
        assertThat(changed.isEQueue()).isFalse();

        String workplaces = PAGE + "/" + created.getId() + "/workplaces";
        mvc.perform(post(workplaces).with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("code", "не латиниця").param("window", "1"))
                .andExpect(flash().attribute("error", "queue.error.workplace"));
        mvc.perform(post(workplaces).with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("code", "ST-01").param("window", "1"))
                .andExpect(flash().attribute("message", "queue.workplace.saved"));
        mvc.perform(post(workplaces).with(csrf()).with(TestAccounts.as(accounts, ADMIN)).param("code", "ST-01").param("window", "2"))
                .andExpect(flash().attribute("error", "queue.error.workplaceCode"));
        // another community's staff do not see this office
        mvc.perform(office("/dmytrivka/cnap/console/offices/" + created.getId(), "Чуже", "09:00", "17:00")
                .with(TestAccounts.as(accounts, "cnap@dmytrivka.demo"))).andExpect(status().isNotFound());
    }

    @Test
    void aRefusedNewOfficeComesBackWithEverythingTypedInTheNewOfficeFormOnly() throws Exception {
        String name = "Офіс, що зачиняється до відкриття";
        WebSession admin = new WebSession(mvc); // the flash lives in the person's session
        admin.perform(office(PAGE, name, "18:00", "09:00").param("remote", "true"))
                .andExpect(redirectedUrl(PAGE)).andExpect(flash().attribute("error", "queue.error.officeHours"));
        String page = admin.perform(get(PAGE).with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"new-nameUk\" name=\"nameUk\" value=\"" + name + "\"")
                .contains("id=\"new-addressEn\" name=\"addressEn\" value=\"5 Shkilna St\"")
                .contains("id=\"new-latitude\" name=\"latitude\" value=\"48.51\"")
                .contains("id=\"new-opens-MONDAY\" value=\"18:00\"").contains("id=\"new-closes-MONDAY\" value=\"09:00\"")
                .contains("id=\"new-closes-FRIDAY\" value=\"16:00\"").contains("id=\"new-opens-SATURDAY\" value=\"\"")
                .contains("id=\"new-remote\" name=\"remote\" value=\"true\" checked=\"checked\"")
                .contains("id=\"new-eQueue\" name=\"electronicQueue\" value=\"true\" checked=\"checked\"");
        assertThat(page.split("value=\"" + name + "\"", -1)).as("the offices' own forms keep their own names").hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from cnap_office where name_uk = ?", Long.class, name)).isZero();
    }

    @Test
    void theOfficesPageIsAccessible() {
        try (Journey j = Journey.start(port)) {
            j.signInWithPassword(ADMIN);
            j.noJs().open(PAGE);
            assertThat(j.noJs().heading()).isEqualTo("Офіси та робочі місця");
            assertThat(j.noJs().find(By.id("create-office")).isDisplayed()).isTrue();
            j.audit("CNAP offices and workplaces");
        }
    }
}
