package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.appeals.AppealsModule;
import ua.viche.identity.AssuranceLevel;
import ua.viche.identity.IdentityModule;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.petitions.PetitionsModule;
import ua.viche.queue.QueueModule;

/** The platform administrator creates communities, served at once; settings come from descriptors. */
@IntegrationTest
class PlatformAdminTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Communities communities;

    @Test
    void createsACommunityWithoutRestartAndRefusesBadInput() throws Exception {
        var admin = TestAccounts.as(accounts, "platform@viche.demo");
        mvc.perform(post("/admin/communities").with(csrf()).with(admin).param("slug", "api").param("nameUk", "")
                        .param("nameEn", "X").param("kind", "CITY").param("population", "many"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ця адреса зарезервована для сторінок самої платформи")))
                .andExpect(content().string(containsString("Вкажіть кількість мешканців цифрами")))
                .andExpect(content().string(containsString("Це поле обов’язкове")));
        assertThat(communities.bySlug("api")).isEmpty();
        for (String bad : List.of("x.y", "-abc", "abc-", "Nova")) {
            mvc.perform(post("/admin/communities").with(csrf()).with(admin).param("slug", bad).param("nameUk", "Х")
                            .param("nameEn", "X").param("kind", "CITY").param("population", "1").param("lang", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("start with a letter and not end with a hyphen")));
            assertThat(communities.bySlug(bad)).isEmpty();
        }

        mvc.perform(post("/admin/communities").with(csrf()).with(admin).param("slug", "bobrynets").param("nameUk", "Бобринецька міська територіальна громада")
                        .param("nameEn", "Bobrynets City Territorial Community").param("kind", "CITY").param("population", "17000"))
                .andExpect(redirectedUrl("/admin/communities"));
        mvc.perform(get("/bobrynets")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Бобринецька міська територіальна громада")))
                .andExpect(content().string(containsString("17\u00A0000 мешканців")));
        mvc.perform(post("/admin/communities").with(csrf()).with(admin).param("slug", "bobrynets").param("nameUk", "Дубль")
                        .param("nameEn", "Duplicate").param("kind", "CITY").param("population", "1"))
                .andExpect(content().string(containsString("Ця адреса вже зайнята")));
    }

    @Test
    void refusedPlatformFormsComeBackWithWhatWasTyped() throws Exception {
        var admin = TestAccounts.as(accounts, "platform@viche.demo");
        String community = mvc.perform(post("/admin/communities").with(csrf()).with(admin).param("slug", "kropyvnytskyi")
                        .param("nameUk", "Ще одна громада").param("nameEn", "One more").param("kind", "VILLAGE").param("population", "900")
                        .param("regionUk", "Кіровоградська область"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ця адреса вже зайнята")))
                .andReturn().getResponse().getContentAsString();
        assertThat(community).contains("<option value=\"VILLAGE\" selected=\"selected\">")
                .doesNotContain("<option value=\"CITY\" selected=\"selected\">")
                .contains("id=\"nameUk\" name=\"nameUk\" value=\"Ще одна громада\"")
                .contains("id=\"population\" name=\"population\" value=\"900\"")
                .contains("id=\"regionUk\" name=\"regionUk\" value=\"Кіровоградська область\"");
        String calendar = mvc.perform(post("/admin/calendar").with(csrf()).with(admin).param("day", "2033-05-14").param("working", "true")
                        .param("note", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Вкажіть підставу")))
                .andReturn().getResponse().getContentAsString();
        assertThat(calendar).contains("id=\"day\" name=\"day\" value=\"2033-05-14\"")
                .contains("id=\"working\" name=\"working\" value=\"true\" checked=\"checked\"");
        assertThat(communities.bySlug("kropyvnytskyi").orElseThrow().nameUk()).isNotEqualTo("Ще одна громада");
    }

    @Test
    void platformAdminKeepsTheCalendarOfTransfers(@Autowired WorkingDays days) throws Exception {
        var admin = TestAccounts.as(accounts, "platform@viche.demo");
        LocalDate saturday = LocalDate.of(2032, 5, 15);
        mvc.perform(post("/admin/calendar").with(csrf()).with(admin).param("day", "15.05.2032").param("note", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("РРРР-ММ-ДД")));
        mvc.perform(post("/admin/calendar").with(csrf()).with(admin).param("day", "2032-05-15").param("working", "true").param("note", ""))
                .andExpect(content().string(containsString("Вкажіть підставу")));
        assertThat(days.isWorkingDay(saturday)).isFalse();
        mvc.perform(post("/admin/calendar").with(csrf()).with(admin).param("day", "2032-05-15").param("working", "true")
                        .param("note", "Розпорядження КМУ (тест)"))
                .andExpect(redirectedUrl("/admin/calendar?year=2032"));
        assertThat(days.isWorkingDay(saturday)).isTrue();
        mvc.perform(get("/admin/calendar").param("year", "2027").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("24.08.2027")));
        mvc.perform(post("/admin/calendar/remove").with(csrf()).with(admin).param("day", "2032-05-15"))
                .andExpect(redirectedUrl("/admin/calendar?year=2032"));
        assertThat(days.isWorkingDay(saturday)).isFalse();
        mvc.perform(get("/admin/calendar").with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo"))).andExpect(status().isForbidden());
    }

    @Test
    void communityAdminChangesSettingsDeclaredByModules() throws Exception {
        var admin = TestAccounts.as(accounts, "admin@sievierodonetsk.demo");
        mvc.perform(get("/sievierodonetsk/admin/settings").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("identity.assurance")));
        mvc.perform(post("/sievierodonetsk/admin/settings").with(csrf()).with(admin)
                        .param("identity.assurance", "EMAIL_CONFIRMED").param("search.enabled", "true")
                        .param("identity.enabled", "true"))
                .andExpect(redirectedUrl("/sievierodonetsk/admin/settings"));
        assertThat(communities.bySlug("sievierodonetsk").orElseThrow().setting(IdentityModule.ASSURANCE)).isEqualTo(AssuranceLevel.EMAIL_CONFIRMED);
        mvc.perform(post("/sievierodonetsk/admin/settings").with(csrf()).with(admin)
                        .param("identity.assurance", "VERIFIED").param("search.enabled", "true").param("identity.enabled", "true"))
                .andExpect(redirectedUrl("/sievierodonetsk/admin/settings"));
        mvc.perform(get("/sievierodonetsk/admin/audit").with(admin))
                .andExpect(content().string(containsString("identity.assurance=EMAIL_CONFIRMED")));
    }

    /** Each setting is asked for by its type; a value its type refuses is named in the admin's language, and nothing is saved. */
    @Test
    void settingsAreTypedAndABadValueSavesNothing(@Autowired PetitionsModule petitionsModule) throws Exception {
        var admin = TestAccounts.as(accounts, "admin@sievierodonetsk.demo");
        mvc.perform(get("/sievierodonetsk/admin/settings").with(admin))
                .andExpect(content().string(containsString("type=\"number\" inputmode=\"numeric\" id=\"s-petitions-threshold\"")))
                .andExpect(content().string(containsString("type=\"time\" id=\"s-appeals-officeCloses\" name=\"appeals.officeCloses\" value=\"18:00\"")))
                .andExpect(content().string(containsString("<option value=\"EMAIL_CONFIRMED\">Підтверджена електронна пошта</option>")))
                .andExpect(content().string(containsString("name=\"_identity.residencyRequired\"")));
        Community before = communities.bySlug("sievierodonetsk").orElseThrow();
        mvc.perform(post("/sievierodonetsk/admin/settings").with(csrf()).with(admin)
                        .param("identity.assurance", "EMAIL_CONFIRMED").param("petitions.threshold", "0")
                        .param("appeals.officeCloses", "25:00").param("queue.slotMinutes", "7").param("_petitions.enabled", "on"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Налаштування не збережено")))
                .andExpect(content().string(containsString("Вкажіть ціле число від 1 до 1000000.")))
                .andExpect(content().string(containsString("Вкажіть час у форматі ГГ:ХХ")))
                .andExpect(content().string(containsString("Виберіть одне зі значень у списку.")))
                .andExpect(content().string(containsString("value=\"25:00\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(post("/sievierodonetsk/admin/settings").with(csrf()).with(admin).param("lang", "en")
                        .param("appeals.prefix", "К-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Letters only, at most 5")));
        Community after = communities.bySlug("sievierodonetsk").orElseThrow();
        assertThat(after.settings()).as("nothing saved, not even the good value nor the unchecked switch").isEqualTo(before.settings());
        assertThat(after.setting(IdentityModule.ASSURANCE)).isEqualTo(before.setting(IdentityModule.ASSURANCE));

        mvc.perform(post("/sievierodonetsk/admin/settings").with(csrf()).with(admin)
                        .param("appeals.officeCloses", "9:30").param("queue.slotMinutes", "20"))
                .andExpect(redirectedUrl("/sievierodonetsk/admin/settings"));
        Community saved = communities.bySlug("sievierodonetsk").orElseThrow();
        try {
            assertThat(saved.settings()).containsEntry("appeals.officeCloses", "09:30").containsEntry("queue.slotMinutes", "20");
            assertThat(saved.setting(AppealsModule.CLOSES)).isEqualTo(LocalTime.of(9, 30));
            assertThat(saved.setting(QueueModule.SLOT_MINUTES)).isEqualTo(20);
            assertThat(petitionsModule.enabledIn(saved)).as("a switch the form did not send stays on").isTrue();
        } finally {
            communities.putSetting(saved.id(), AppealsModule.CLOSES, LocalTime.of(18, 0));
            communities.putSetting(saved.id(), QueueModule.SLOT_MINUTES, 15);
        }
    }

    /** The dashboard offers each viewer only the pages they may open: every link it shows opens for them. */
    @Test
    void theDashboardShowsOnlyWhatItsViewerMayOpen() throws Exception {
        Pattern card = Pattern.compile("<h2><a href=\"(/kropyvnytskyi/[^\"]+)\"");
        Map<String, List<String>> seen = new HashMap<>();
        for (String viewer : List.of("admin@kropyvnytskyi.demo", "platform@viche.demo")) {
            var who = TestAccounts.as(accounts, viewer);
            String page = mvc.perform(get("/kropyvnytskyi/admin").with(who)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<String> links = new ArrayList<>();
            Matcher m = card.matcher(page);
            while (m.find()) {
                links.add(m.group(1));
                mvc.perform(get(m.group(1)).with(who)).andExpect(status().isOk());
            }
            seen.put(viewer, links);
        }
        assertThat(seen.get("admin@kropyvnytskyi.demo")).contains("/kropyvnytskyi/admin/budget", "/kropyvnytskyi/admin/problems")
                .doesNotContain("/kropyvnytskyi/archive/manage", "/kropyvnytskyi/archive/certificates/work");
        assertThat(seen.get("platform@viche.demo")).contains("/kropyvnytskyi/archive/manage", "/kropyvnytskyi/archive/certificates/work");
    }

    /** The CNAP console's link is offered to those the console lets in, and to nobody else. */
    @Test
    void theConsoleLinkIsShownOnlyToItsUsers() throws Exception {
        String console = "href=\"/kropyvnytskyi/cnap/console\"";
        mvc.perform(get("/kropyvnytskyi/cnap")).andExpect(content().string(not(containsString(console))));
        for (String viewer : List.of("admin@kropyvnytskyi.demo", "archivist@kropyvnytskyi.demo",
                DemoResidents.email("kropyvnytskyi", 7))) {
            var who = TestAccounts.as(accounts, viewer);
            mvc.perform(get("/kropyvnytskyi/cnap").with(who)).andExpect(content().string(not(containsString(console))));
            mvc.perform(get("/kropyvnytskyi/cnap/console").with(who)).andExpect(status().isForbidden());
        }
        var cnap = TestAccounts.as(accounts, "cnap@kropyvnytskyi.demo");
        mvc.perform(get("/kropyvnytskyi/cnap").with(cnap)).andExpect(content().string(containsString(console)));
        mvc.perform(get("/kropyvnytskyi/cnap/console").with(cnap)).andExpect(status().isOk());
    }
}
