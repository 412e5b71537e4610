package ua.viche.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import ua.viche.IntegrationTest;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.Project;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;

/** The budget's pages, API and open data over HTTP, on the demo cycles: voting, bad input, isolation. */
@IntegrationTest
class BudgetPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired BudgetService budget;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired RateLimiter limiter;

    Community k;
    Cycle voting;
    Cycle finished;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
        LocalDate today = CurrentCommunity.callAs(k, budget::today);
        List<Cycle> cycles = CurrentCommunity.callAs(k, budget::cycles);
        voting = cycles.stream().filter(c -> c.phase(today) == Cycle.Phase.VOTING && c.getName().startsWith("Громадський бюджет"))
                .findFirst().orElseThrow();
        finished = cycles.stream().filter(c -> c.getResultsPublishedAt() != null).findFirst().orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private Project admitted(Cycle cycle) {
        return CurrentCommunity.callAs(k, () -> budget.projects(cycle.getId())).stream().filter(Project::votable).findFirst().orElseThrow();
    }

    @Test
    void publicPagesApiAndOpenData() throws Exception {
        mvc.perform(get("/kropyvnytskyi/budget")).andExpect(status().isOk())
                .andExpect(content().string(containsString(voting.getName())))
                .andExpect(content().string(containsString("Голосування")));
        mvc.perform(get("/kropyvnytskyi/budget/cycles/" + voting.getId())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Укриття в ліцеї № 5")))
                .andExpect(content().string(containsString("Метод рівних часток")));
        Project p = admitted(voting);
        mvc.perform(get("/kropyvnytskyi/budget/projects/" + p.getId())).andExpect(status().isOk())
                .andExpect(content().string(containsString(p.getTitle())))
                .andExpect(content().string(containsString("Кошторис автора")))
                .andExpect(content().string(containsString("Увійдіть, щоб голосувати")));
        mvc.perform(get("/kropyvnytskyi/budget/cycles/" + finished.getId() + "/results")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Переміг")))
                .andExpect(content().string(not(containsString("Попередні результати"))));
        mvc.perform(get("/kropyvnytskyi/budget/cycles/" + voting.getId() + "/results"))
                .andExpect(content().string(containsString("Результати з’являться після завершення голосування")));
        mvc.perform(get("/api/v1/kropyvnytskyi/budget/cycles")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].phase", hasItem("voting")))
                .andExpect(jsonPath("$[0].categories[0].amount").isNumber());
        mvc.perform(get("/api/v1/kropyvnytskyi/budget/cycles/" + voting.getId() + "/projects"))
                .andExpect(jsonPath("$[0].title").isString()).andExpect(jsonPath("$[0].votes").isNumber());
        mvc.perform(get("/api/v1/kropyvnytskyi/budget/cycles/" + finished.getId() + "/results"))
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.categories[0].lines[0].won").value(true));
        mvc.perform(get("/api/v1/kropyvnytskyi/budget/cycles/" + voting.getId() + "/results"))
                .andExpect(jsonPath("$.available").value(false));
        mvc.perform(get("/kropyvnytskyi/budget/cycles/" + voting.getId() + "/projects.csv"))
                .andExpect(content().string(containsString("id,category_id,title,status,cost_uah")));
        mvc.perform(get("/kropyvnytskyi/budget/cycles/" + voting.getId() + "/projects.geojson"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Point"));
        mvc.perform(get("/kropyvnytskyi/budget/cycles/" + finished.getId() + "/results.csv"))
                .andExpect(content().string(containsString("won_by_votes")));
        mvc.perform(get("/kropyvnytskyi/budget?lang=en")).andExpect(content().string(containsString("Participatory budget")));
    }

    @Test
    void aResidentVotesAndTakesTheVoteBackThroughThePages() throws Exception {
        Project p = admitted(voting);
        String resident = DemoResidents.email("kropyvnytskyi", 450);
        String page = "/kropyvnytskyi/budget/projects/" + p.getId();
        // the outcome comes back in the address (no flash attribute, the session is left alone) and is
        // said only while it is true of the viewer
        mvc.perform(post(page + "/vote").with(csrf()).with(as(resident)))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl(page + "?done=cast#vote"));
        mvc.perform(post(page + "/vote").with(csrf()).with(as(resident))).andExpect(redirectedUrl(page + "?done=already#vote"));
        mvc.perform(get(page + "?done=cast").with(as(resident))).andExpect(model().attribute("message", "budget.vote.cast"))
                .andExpect(content().string(containsString("Ви голосуєте за цей проєкт")));
        mvc.perform(get(page + "?done=withdrawn").with(as(resident))).andExpect(model().attributeDoesNotExist("message"));
        mvc.perform(get(page + "?done=cast").with(as(DemoResidents.email("kropyvnytskyi", 451))))
                .andExpect(model().attributeDoesNotExist("message"));
        mvc.perform(post(page + "/unvote").with(csrf()).with(as(resident))).andExpect(redirectedUrl(page + "?done=withdrawn#vote"));
        mvc.perform(get(page + "?done=withdrawn").with(as(resident))).andExpect(model().attribute("message", "budget.vote.withdrawn"));
        assertThat(jdbc.queryForObject("select count(*) from budget_vote where project_id = ? and person_id = "
                + "(select person_id from account where email = ?)", Long.class, p.getId(), resident)).isZero();
        // voting for a project of a finished cycle is refused with the reason
        Project old = CurrentCommunity.callAs(k, () -> budget.projects(finished.getId())).get(0);
        mvc.perform(post("/kropyvnytskyi/budget/projects/" + old.getId() + "/vote").with(csrf()).with(as(resident)))
                .andExpect(flash().attribute("error", "budget.error.notVoting"));
        // a CNAP administrator registers a paper ballot; bad tax numbers are refused
        mvc.perform(post("/kropyvnytskyi/budget/cycles/" + voting.getId() + "/paper").with(csrf()).with(as("cnap@kropyvnytskyi.demo"))
                        .param("taxNumber", "12").param("lastName", "Іваненко").param("givenName", "Іван").param("project", String.valueOf(p.getId())))
                .andExpect(flash().attribute("error", "budget.error.taxNumber"));
        mvc.perform(post("/kropyvnytskyi/budget/cycles/" + voting.getId() + "/paper").with(csrf()).with(as("cnap@kropyvnytskyi.demo"))
                        .param("taxNumber", "2734512345").param("lastName", "Іваненко").param("givenName", "Іван")
                        .param("middleName", "Петрович").param("residenceSeen", "true").param("project", String.valueOf(p.getId())))
                .andExpect(flash().attribute("message", "budget.paper.registered"));
        mvc.perform(get("/kropyvnytskyi/budget/cycles/" + voting.getId() + "/paper").with(as(resident))).andExpect(status().isForbidden());
    }

    @Test
    void projectsFromTheFormAreCheckedAndNothingBadIsSaved() throws Exception {
        String admin = "admin@kropyvnytskyi.demo";
        LocalDate today = CurrentCommunity.callAs(k, budget::today);
        String location = mvc.perform(post("/kropyvnytskyi/admin/budget").with(csrf()).with(as(admin))
                        .param("name", "Шкільний бюджет " + today).param("year", String.valueOf(today.getYear()))
                        .param("method", "GREEDY").param("votesPerPerson", "2").param("minVoterAge", "16").param("minAuthorAge", "16")
                        .param("submissionStarts", today.minusDays(1).toString()).param("submissionEnds", today.plusDays(5).toString())
                        .param("reviewEnds", today.plusDays(9).toString()).param("votingStarts", today.plusDays(10).toString())
                        .param("votingEnds", today.plusDays(12).toString()).param("resultsOn", today.plusDays(13).toString())
                        .param("categoryUk", "Усі проєкти", "", "", "").param("categoryEn", "All projects", "", "", "")
                        .param("categorySum", "300000", "", "", ""))
                .andExpect(flash().attribute("message", "budget.cycle.created")).andReturn().getResponse().getRedirectedUrl();
        long cycleId = Long.parseLong(location.replaceAll(".*/(\\d+)$", "$1"));
        long category = CurrentCommunity.callAs(k, () -> budget.categories(cycleId)).get(0).getId();
        String author = DemoResidents.email("kropyvnytskyi", 451);
        long before = jdbc.queryForObject("select count(*) from budget_project", Long.class);
        String form = "/kropyvnytskyi/budget/cycles/" + cycleId + "/projects";
        String description = "Встановити в шкільному дворі вуличні шахові столи та лави, щоб діти грали на перервах і після уроків.";
        mvc.perform(post(form).with(csrf()).with(as(author)).param("title", "").param("description", "коротко"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "title", "summary", "description", "categoryId"));
        mvc.perform(post(form).with(csrf()).with(as(author)).param("categoryId", String.valueOf(category)).param("title", "Шахи")
                        .param("summary", "Шахові столи").param("description", description)
                        .param("item", "Шаховий стіл").param("quantity", "2").param("price", "-100"))
                .andExpect(model().attribute("formError", "budget.error.costPrice"));
        mvc.perform(post(form).with(csrf()).with(as(author)).param("categoryId", String.valueOf(category)).param("title", "Шахи")
                        .param("summary", "Шахові столи").param("description", description)
                        .param("item", "Шаховий стіл").param("quantity", "2").param("price", "99999999"))
                .andExpect(model().attribute("formError", "budget.error.costOverCategory"));
        mvc.perform(post(form).with(csrf()).with(as(author)).param("categoryId", String.valueOf(category)).param("title", "Шахи")
                        .param("summary", "Шахові столи").param("description", description)
                        .param("item", "Шаховий стіл").param("quantity", "два").param("price", "100"))
                .andExpect(model().attribute("formError", "budget.error.costNumber"));
        mvc.perform(post(form).with(csrf()).with(as(author)).param("categoryId", String.valueOf(category)).param("title", "Шахи")
                        .param("summary", "Шахові столи").param("description", description).param("latitude", "50.45")
                        .param("longitude", "30.52").param("item", "Шаховий стіл").param("quantity", "2").param("price", "8500"))
                .andExpect(model().attribute("formError", "budget.error.outsideCommunity"))
                .andExpect(content().string(containsString("поза межами громади")))
                .andExpect(content().string(containsString("value=\"Шахи\"")));
        assertThat(jdbc.queryForObject("select count(*) from budget_project", Long.class)).isEqualTo(before);
        MockMultipartFile fake = new MockMultipartFile("photos", "dvir.jpg",
                "image/jpeg", "MZ not an image at all".getBytes());
        mvc.perform(MockMvcRequestBuilders.multipart(form).file(fake).with(csrf())
                        .with(as(author)).param("categoryId", String.valueOf(category)).param("title", "Шахи")
                        .param("summary", "Шахові столи").param("description", description)
                        .param("item", "Шаховий стіл").param("quantity", "2").param("price", "8500"))
                .andExpect(model().attribute("formError", "budget.error.fileType"));
        assertThat(jdbc.queryForObject("select count(*) from budget_project", Long.class)).isEqualTo(before);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        String project = mvc.perform(MockMvcRequestBuilders.multipart(form)
                        .file(new MockMultipartFile("photos", "dvir.png", "image/png", png.toByteArray()))
                        .with(csrf()).with(as(author)).param("categoryId", String.valueOf(category))
                        .param("title", "Шахові столи в шкільному дворі").param("summary", "Шахові столи").param("description", description)
                        .param("latitude", "48.51").param("longitude", "32.26").param("action", "submit")
                        .param("item", "Шаховий стіл", "Монтаж").param("quantity", "4", "1").param("price", "8500,50", "3000"))
                .andExpect(flash().attribute("message", "budget.project.submitted")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(project)).andExpect(status().isOk()).andExpect(content().string(containsString("Шахові столи в шкільному дворі")))
                .andExpect(content().string(containsString("37")))
                .andExpect(content().string(containsString("Фото проєкту: dvir.png")));
        String photo = project + "/photos/" + jdbc.queryForObject("select max(id) from attachment where owner_module = 'budget'", Long.class);
        mvc.perform(get(photo)).andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        mvc.perform(get(photo.replace("/kropyvnytskyi/", "/dmytrivka/"))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select cost from budget_project where title = 'Шахові столи в шкільному дворі'", Long.class))
                .isEqualTo(4 * 8500_50L + 3000_00L);

        // a winner's implementation update with a photo of the work: shown with that update, served at the project's path
        long projectId = Long.parseLong(project.substring(project.lastIndexOf('/') + 1));
        jdbc.update("update budget_project set status = 'WON' where id = ?", projectId);
        mvc.perform(MockMvcRequestBuilders.multipart(project + "/updates")
                        .file(new MockMultipartFile("photos", "roboty.png", "image/png", png.toByteArray()))
                        .with(csrf()).with(as(admin)).param("state", "IN_PROGRESS").param("text", "Столи встановлюють."))
                .andExpect(flash().attribute("message", "budget.project.updated"));
        String work = project + "/photos/" + jdbc.queryForObject("select max(id) from attachment where owner_module = 'budget'"
                + " and owner_kind = 'update'", Long.class);
        String page = mvc.perform(get(project)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Фото проєкту: roboty.png", "src=\"" + work + "\"", "src=\"" + photo + "\"");
        assertThat(page.indexOf("Столи встановлюють.")).isLessThan(page.indexOf("src=\"" + work + "\""));
        mvc.perform(get(work)).andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        // an update whose writer deleted their account says so rather than showing empty brackets
        jdbc.update("update budget_update set author_name = '' where project_id = ?", projectId);
        assertThat(mvc.perform(get(project)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("(автор видалив обліковий запис)").doesNotContain("<span class=\"muted\">()</span>");
    }

    @Test
    void refusedFormsComeBackWithWhatWasTyped() throws Exception {
        String admin = "admin@kropyvnytskyi.demo";
        String page = "/kropyvnytskyi/budget/projects/" + admitted(voting).getId();
        String reason = "Ділянка належить громаді, кошторис перевірено відділом.";
        // a review without the choice of feasible or not: back to the project with the reason and the revised rows as typed
        MvcResult review = mvc.perform(post(page + "/review").with(csrf()).with(as(admin)).param("form", "review")
                        .param("reason", reason).param("item[0]", "Лава паркова").param("quantity[0]", "3").param("price[0]", "6500"))
                .andExpect(redirectedUrl(page)).andExpect(flash().attribute("error", "budget.error.feasibleChoice")).andReturn();
        String shown = followed(review, admin);
        assertThat(textarea(shown, "review-reason")).isEqualTo(reason);
        assertThat(shown).contains("name=\"item[0]\" value=\"Лава паркова\"", "name=\"quantity[0]\" value=\"3\"",
                "name=\"price[0]\" value=\"6500\"");
        assertThat(textarea(shown, "decision-text")).as("another form on the page keeps its own field empty").isEmpty();
        // without a refusal nothing is put back
        shown = mvc.perform(get(page).with(as(admin))).andReturn().getResponse().getContentAsString();
        assertThat(textarea(shown, "review-reason")).isEmpty();
        assertThat(shown).doesNotContain("Лава паркова");

        // an implementation update whose sum cannot be read: its text, sum and state come back; the council's
        // decision, a form with a field of the same name on the same page, stays empty
        String won = "/kropyvnytskyi/budget/projects/" + CurrentCommunity.callAs(k, () -> budget.projects(finished.getId())).stream()
                .filter(p -> p.getStatus() == Project.Status.WON).findFirst().orElseThrow().getId();
        String update = "Підрядник завершив монтаж лав.";
        MvcResult refused = mvc.perform(MockMvcRequestBuilders.multipart(won + "/updates").with(csrf()).with(as(admin)).param("form", "update")
                        .param("state", "IN_PROGRESS").param("spent", "дорого").param("text", update))
                .andExpect(redirectedUrl(won)).andExpect(flash().attribute("error", "budget.error.spent")).andReturn();
        shown = followed(refused, admin);
        assertThat(textarea(shown, "update-text")).isEqualTo(update);
        assertThat(textarea(shown, "decision-text")).isEmpty();
        assertThat(shown).contains("name=\"spent\" value=\"дорого\"").containsPattern("value=\"IN_PROGRESS\"\\s+selected");

        // a paper ballot with a tax number that cannot be one: the official's typing is kept
        String paper = "/kropyvnytskyi/budget/cycles/" + voting.getId() + "/paper";
        Project p = admitted(voting);
        MvcResult ballot = mvc.perform(post(paper).with(csrf()).with(as("cnap@kropyvnytskyi.demo")).param("taxNumber", "12345")
                        .param("lastName", "Гончаренко").param("givenName", "Оксана").param("middleName", "Василівна")
                        .param("residenceSeen", "true").param("project", String.valueOf(p.getId())))
                .andExpect(redirectedUrl(paper)).andExpect(flash().attribute("error", "budget.error.taxNumber")).andReturn();
        shown = followed(ballot, "cnap@kropyvnytskyi.demo");
        assertThat(shown).contains("value=\"12345\"", "value=\"Гончаренко\"", "value=\"Оксана\"", "value=\"Василівна\"",
                        "name=\"residenceSeen\" value=\"true\" checked")
                .containsPattern("id=\"project-" + p.getId() + "\" value=\"" + p.getId() + "\" checked");
    }

    /** The page a refused form went back to, as the browser gets it: in the session that keeps the flashed refusal. */
    private String followed(MvcResult refused, String email) throws Exception {
        Cookie session = refused.getResponse().getCookie("SESSION");
        assertThat(session).as("the session holding the refusal").isNotNull();
        return mvc.perform(get(refused.getResponse().getRedirectedUrl()).cookie(session).with(as(email)))
                .andExpect(status().isOk()).andExpect(model().attributeExists(Refusal.TYPED))
                .andReturn().getResponse().getContentAsString();
    }

    /** The text of the page's textarea with that id. */
    private static String textarea(String html, String id) {
        Matcher m = Pattern.compile("<textarea id=\"" + id + "\"[^>]*>([^<]*)</textarea>").matcher(html);
        assertThat(m.find()).as("textarea " + id).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    @Test
    void anotherCommunityDoesNotSeeTheProjects() throws Exception {
        Project p = admitted(voting);
        mvc.perform(get("/dmytrivka/budget/projects/" + p.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/budget/cycles/" + voting.getId())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/budget/cycles/" + voting.getId() + "/projects")).andExpect(status().isNotFound());
        mvc.perform(post("/dmytrivka/budget/projects/" + p.getId() + "/vote").with(csrf()).with(as(DemoResidents.email("dmytrivka", 3))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/budget/cycles"))
                .andExpect(jsonPath("$[?(@.id == " + voting.getId() + ")]").isEmpty());
    }
}
