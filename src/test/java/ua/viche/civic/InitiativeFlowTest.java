package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.civic.domain.Edrpou;
import ua.viche.civic.domain.Initiative;
import ua.viche.civic.domain.Initiatives;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/**
 * Civic initiatives end to end on the real database: a resident proposes (bad input refused,
 * nothing kept; only on behalf of a verified organisation of their own), staff publish or refuse
 * with a reason (audited; residents may not), published ones collect supporters — 50 people at once
 * count 50, one person twice at once counts once — staff mark progress with dated notes (audited,
 * bad input refused), the list filters by stage, the JSON and the search follow, the person's export
 * lists it, and an initiative lives only in its community.
 */
@IntegrationTest
class InitiativeFlowTest {

    private static final String MODERATOR = "moderator@kropyvnytskyi.demo";
    private static final String OFFICIAL = "official@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Identity identity;
    @Autowired Initiatives initiatives;
    @Autowired List<PersonalData> personalData;

    Community k;

    @BeforeEach
    void community() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private MockHttpServletRequestBuilder as(String email, MockHttpServletRequestBuilder b) {
        return b.with(csrf()).with(TestAccounts.as(accounts, email));
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from civic_initiative", Long.class);
    }

    private long audited(String action, long id) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and object_id = ?", Long.class, action, String.valueOf(id));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.param("fresh", Long.toString(System.nanoTime()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static long idOf(String location) {
        Matcher m = Pattern.compile("/initiatives/(\\d+)").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long propose(String email, String title) throws Exception {
        return idOf(mvc.perform(as(email, post("/kropyvnytskyi/initiatives")).param("title", title).param("body", "Суть: " + title))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
    }

    private long published(String title) throws Exception {
        long id = propose(resident(9), title);
        mvc.perform(as(MODERATOR, post("/kropyvnytskyi/initiatives/" + id + "/publish"))).andExpect(status().is3xxRedirection());
        return id;
    }

    @Test
    void proposeModerateAndMarkProgress() throws Exception {
        long before = count();
        // bad input, all at once, in Ukrainian and English; an organisation that is not the person's
        mvc.perform(as(resident(9), post("/kropyvnytskyi/initiatives")).accept(MediaType.APPLICATION_JSON).param("lang", "uk")
                        .param("title", " ").param("body", ""))
                .andExpect(status().is(Refusal.REFUSED)).andExpect(jsonPath("$.detail").value("Вкажіть назву (до 300 символів)."))
                .andExpect(jsonPath("$.errors[1].field").value("body"));
        mvc.perform(as(resident(9), post("/kropyvnytskyi/initiatives")).accept(MediaType.APPLICATION_JSON).param("lang", "en")
                        .param("title", "Сквер").param("body", "Текст")
                        .param("organisationId", jdbc.queryForObject("select min(id) from civic_organisation where status = 'VERIFIED'", String.class)))
                .andExpect(status().is(Refusal.REFUSED))
                .andExpect(jsonPath("$.detail").value("An initiative may be sent on behalf of a verified organisation you registered only."));
        // a visitor is sent to sign in
        mvc.perform(post("/kropyvnytskyi/initiatives").with(csrf()).param("title", "Сквер").param("body", "Текст"))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before);

        String title = "Питні фонтанчики в парку " + Journey.suffix();
        long id = propose(resident(9), title);
        String location = "/kropyvnytskyi/initiatives/" + id;
        // awaiting moderation: its author and staff see it; the public, another resident, the list and the JSON do not
        assertThat(page(get(location).with(TestAccounts.as(accounts, resident(9))))).contains(title, "на модерації");
        mvc.perform(get(location)).andExpect(status().isNotFound());
        mvc.perform(get(location).with(TestAccounts.as(accounts, resident(7)))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1" + location)).andExpect(status().isNotFound());
        assertThat(page(get("/kropyvnytskyi/initiatives"))).doesNotContain(title);
        assertThat(page(get("/kropyvnytskyi/initiatives").with(TestAccounts.as(accounts, MODERATOR)))).contains(title);
        mvc.perform(as(resident(7), post(location + "/support"))).andExpect(status().isNotFound());

        // residents may not publish; staff publish once, audited; a refusal after that is a conflict
        mvc.perform(as(resident(9), post(location + "/publish"))).andExpect(status().isForbidden());
        mvc.perform(as(MODERATOR, post(location + "/publish"))).andExpect(status().is3xxRedirection());
        assertThat(audited("civic.initiative.published", id)).isEqualTo(1);
        mvc.perform(as(MODERATOR, post(location + "/refuse")).accept(MediaType.APPLICATION_JSON).param("reason", "Пізно"))
                .andExpect(status().isConflict());
        assertThat(page(get(location))).contains(title, "Підтримали: 0");

        // another is refused with a reason (none: refused), audited, and stays out of public view
        long other = propose(resident(9), "Фонтан на площі " + Journey.suffix());
        mvc.perform(as(MODERATOR, post("/kropyvnytskyi/initiatives/" + other + "/refuse")).param("reason", " ")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from civic_initiative where id = ?", String.class, other)).isEqualTo("PENDING");
        mvc.perform(as(MODERATOR, post("/kropyvnytskyi/initiatives/" + other + "/refuse")).param("reason", "Дублює ініціативу про фонтанчики."))
                .andExpect(status().is3xxRedirection());
        assertThat(audited("civic.initiative.refused", other)).isEqualTo(1);
        mvc.perform(get("/kropyvnytskyi/initiatives/" + other)).andExpect(status().isNotFound());
        assertThat(page(get("/kropyvnytskyi/initiatives/" + other).with(TestAccounts.as(accounts, resident(9))))).contains("Дублює ініціативу");

        // progress: bad input changes nothing; a good note moves the stage, audited, shown with its date and the result
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv")); // the community's day, as the form reads it
        mvc.perform(as(OFFICIAL, post(location + "/progress")).param("stage", "IN_PROGRESS").param("notedOn", today.plusDays(5).toString())
                .param("note", "")).andExpect(status().is3xxRedirection());
        mvc.perform(as(resident(9), post(location + "/progress")).param("stage", "IMPLEMENTED").param("notedOn", today.toString())
                .param("note", "Готово")).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select stage from civic_initiative where id = ?", String.class, id)).isEqualTo("PROPOSED");
        assertThat(jdbc.queryForObject("select count(*) from civic_initiative_note where initiative_id = ?", Long.class, id)).isZero();
        mvc.perform(as(OFFICIAL, post(location + "/progress")).param("stage", "IN_PROGRESS").param("notedOn", today.toString())
                .param("note", "Закуплено три фонтанчики.").param("result", "")).andExpect(status().is3xxRedirection());
        assertThat(audited("civic.initiative.progress", id)).isEqualTo(1);
        assertThat(page(get(location))).contains("виконується", "Закуплено три фонтанчики.");

        // the list filters by stage, the JSON too; an unknown stage is bad input
        assertThat(page(get("/kropyvnytskyi/initiatives").param("stage", "in_progress"))).contains(title);
        assertThat(page(get("/kropyvnytskyi/initiatives").param("stage", "implemented"))).doesNotContain(title);
        String json = page(get("/api/v1/kropyvnytskyi/initiatives").param("stage", "in_progress").param("size", "100"));
        assertThat(JsonPath.<List<Integer>>read(json, "$.items[*].id")).contains((int) id);
        mvc.perform(get("/api/v1/kropyvnytskyi/initiatives").param("stage", "someday")).andExpect(status().isBadRequest());
        String detail = page(get("/api/v1" + location));
        assertThat(JsonPath.<String>read(detail, "$.progress[0].text")).isEqualTo("Закуплено три фонтанчики.");
        assertThat(JsonPath.<String>read(detail, "$.item.stage")).isEqualTo("in_progress");

        // implemented: no more supporters
        mvc.perform(as(OFFICIAL, post(location + "/progress")).param("stage", "IMPLEMENTED").param("notedOn", today.toString())
                .param("note", "Встановлено.").param("result", "Три фонтанчики працюють з травня.")).andExpect(status().is3xxRedirection());
        assertThat(page(get(location))).contains("Три фонтанчики працюють з травня.");
        mvc.perform(as(resident(7), post(location + "/support")).accept(MediaType.APPLICATION_JSON)).andExpect(status().isConflict());

        // the open data lists it with its stage, supporters and result, never the author
        String csv = page(get("/kropyvnytskyi/initiatives/export.csv"));
        assertThat(csv).contains(title, "IMPLEMENTED", "Три фонтанчики працюють з травня.").doesNotContain("Фонтан на площі");
        assertThat(page(get("/dmytrivka/initiatives/export.csv"))).doesNotContain(title);

        // the search and the person's export have it
        String search = page(get("/api/v1/kropyvnytskyi/search").param("q", title));
        assertThat(JsonPath.<List<String>>read(search, "$.items[*].url")).anyMatch(u -> u.endsWith("/initiatives/" + id));
        Identity.PersonRef author = CurrentCommunity.callAs(k, () -> identity.callAs(resident(9), () -> identity.currentPerson().orElseThrow()));
        List<PersonalData.Item> items = personalData.stream().flatMap(p -> p.export(author, Locale.forLanguageTag("uk")).stream()).toList();
        assertThat(items).anyMatch(i -> i.kind().equals("civic.initiative") && i.title().contains(title));
        // in English, with the English title where there is one
        jdbc.update("update civic_initiative set title_en = ? where id = ?", "Drinking fountains " + id, id);
        List<PersonalData.Item> english = personalData.stream().flatMap(p -> p.export(author, Locale.ENGLISH).stream()).toList();
        assertThat(english).anyMatch(i -> i.kind().equals("civic.initiative") && i.title().contains("Drinking fountains " + id));
    }

    @Test
    void fiftyPeopleSupportAtOnceAndOnePersonTwiceCountsOnce() throws Exception {
        long id = published("Громадський город " + Journey.suffix());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int n = 201; n <= 250; n++) {
                String email = resident(n);
                results.add(pool.submit(() -> {
                    start.await();
                    return CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> initiatives.support(id)));
                }));
            }
            // and one person ten times at once
            String twice = resident(251);
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return CurrentCommunity.callAs(k, () -> identity.callAs(twice, () -> initiatives.support(id)));
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<Boolean> f : results) {
                added += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(added).isEqualTo(51);
        } finally {
            pool.shutdown();
        }
        assertThat(CurrentCommunity.callAs(k, () -> initiatives.supporters(id))).isEqualTo(51);
        assertThat(jdbc.queryForObject("select count(distinct person_id) from civic_initiative_support where initiative_id = ?", Long.class, id))
                .isEqualTo(51);

        // on the page: the supporter sees their support and may take it back; the count follows
        String location = "/kropyvnytskyi/initiatives/" + id;
        assertThat(page(get(location).with(TestAccounts.as(accounts, resident(201))))).contains("Підтримали: 51", "Відкликати підтримку");
        mvc.perform(as(resident(201), post(location + "/withdraw"))).andExpect(status().is3xxRedirection());
        mvc.perform(as(resident(201), post(location + "/withdraw"))).andExpect(status().is3xxRedirection());
        assertThat(JsonPath.<Integer>read(page(get("/api/v1" + location)), "$.item.supporters")).isEqualTo(50);
        mvc.perform(as(resident(201), post(location + "/support"))).andExpect(status().is3xxRedirection());
        mvc.perform(as(resident(201), post(location + "/support"))).andExpect(status().is3xxRedirection());
        assertThat(JsonPath.<Integer>read(page(get("/api/v1" + location)), "$.item.supporters")).isEqualTo(51);
        Initiative i = CurrentCommunity.callAs(k, () -> initiatives.visible(id));
        assertThat(CurrentCommunity.callAs(k, () -> initiatives.supporters(List.of(i))).get(id)).isEqualTo(51L);
    }

    @Test
    void aVerifiedOrganisationProposesThroughItsRegistrant() throws Exception {
        String code = Edrpou.complete(String.format("%07d", 5_100_000 + (int) (Math.abs(System.nanoTime()) % 800_000)));
        String orgName = "ГО «Сусідська варта " + code + "»";
        String registrant = resident(35);
        String registered = mvc.perform(as(registrant, post("/kropyvnytskyi/organisations")).param("name", orgName).param("edrpou", code)
                        .param("legalForm", "PUBLIC_ORGANISATION").param("fields", "URBAN"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String org = registered.substring(registered.lastIndexOf('/') + 1);
        String title = "Освітлення двору на Тельнова " + Journey.suffix();
        long before = count();
        // not yet verified: the organisation may not propose
        mvc.perform(as(registrant, post("/kropyvnytskyi/initiatives")).accept(MediaType.APPLICATION_JSON).param("lang", "en")
                        .param("title", title).param("body", "Текст").param("organisationId", org))
                .andExpect(status().is(Refusal.REFUSED));
        assertThat(count()).isEqualTo(before);
        mvc.perform(as(MODERATOR, post("/kropyvnytskyi/organisations/" + org + "/verify"))).andExpect(status().is3xxRedirection());

        // verified: its registrant is offered it on the form and proposes in its name
        assertThat(page(get("/kropyvnytskyi/initiatives/new").with(TestAccounts.as(accounts, registrant)))).contains(orgName);
        long id = idOf(mvc.perform(as(registrant, post("/kropyvnytskyi/initiatives")).param("title", title).param("body", "Чотири ліхтарі.")
                        .param("organisationId", org))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
        mvc.perform(as(MODERATOR, post("/kropyvnytskyi/initiatives/" + id + "/publish"))).andExpect(status().is3xxRedirection());
        assertThat(page(get("/kropyvnytskyi/initiatives/" + id))).contains(title, orgName);
        assertThat(JsonPath.<String>read(page(get("/api/v1/kropyvnytskyi/initiatives/" + id)), "$.item.organisation")).isEqualTo(orgName);
        String row = page(get("/kropyvnytskyi/initiatives/export.csv")).lines().filter(l -> l.contains(title)).findFirst().orElseThrow();
        assertThat(row).contains(orgName);
    }

    @Test
    void anInitiativeLivesOnlyInItsCommunity() throws Exception {
        String title = "Сміттєві баки на Садовій " + Journey.suffix();
        long id = published(title);
        mvc.perform(get("/dmytrivka/initiatives/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/initiatives/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/dmytrivka/initiatives"))).doesNotContain(title);
        mvc.perform(as(Identity.demoResident("dmytrivka", 9), post("/dmytrivka/initiatives/" + id + "/support"))).andExpect(status().isNotFound());
        mvc.perform(as("moderator@dmytrivka.demo", post("/dmytrivka/initiatives/" + id + "/progress")).param("stage", "DECLINED")
                .param("notedOn", LocalDate.now().toString()).param("note", "Ні")).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from civic_initiative_support where initiative_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select stage from civic_initiative where id = ?", String.class, id)).isEqualTo("PROPOSED");
    }
}
