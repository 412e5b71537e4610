package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollService;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.AccountService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Csv;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;

/**
 * Officials' poll pages: a poll with sections and a condition made and changed through the form,
 * the condition enforced by the server, paper forms counted apart, free texts published only once
 * approved, results as open data; other communities, residents and bad input refused.
 */
@IntegrationTest
class PollAdminTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";
    private static final String MODERATOR = "moderator@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired PollService polls;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired RateLimiter limiter;
    @Autowired AccountService accountService;

    Community k;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private static String resident(int n) {
        return DemoResidents.email("kropyvnytskyi", n);
    }

    /**
     * The form of a poll: 1 single (bus? yes/no) in section «Транспорт», 2 scale asked only when 1 = «Так»,
     * 3 text in «Інше», 4 multiple with other; then the overrides, name and value.
     */
    private MockHttpServletRequestBuilder form(String url, String title, String... overrides) {
        LocalDate today = LocalDate.now(Dates.KYIV);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("description", "Опис");
        f.put("first", today.toString());
        f.put("last", today.plusDays(7).toString());
        f.put("resultsLive", "true");
        f.put("q1.section", "Транспорт");
        f.put("q1.text", "Чи їздите ви автобусом?");
        f.put("q1.kind", "SINGLE");
        f.put("q1.required", "true");
        f.put("q1.options", "Так\nНі");
        f.put("q2.section", "Транспорт");
        f.put("q2.text", "Оцініть автобуси");
        f.put("q2.kind", "SCALE");
        f.put("q2.scaleMax", "10");
        f.put("q2.lowLabel", "погано");
        f.put("q2.highLabel", "добре");
        f.put("q2.required", "true");
        f.put("q2.showIfQuestion", "1");
        f.put("q2.showIfOption", "1");
        // slot 3 left empty: skipped, later slots keep their conditions by slot
        f.put("q4.section", "Інше");
        f.put("q4.text", "Що покращити?");
        f.put("q4.kind", "TEXT");
        f.put("q5.section", "Інше");
        f.put("q5.text", "Що вам потрібно?");
        f.put("q5.kind", "MULTIPLE");
        f.put("q5.maxChoices", "2");
        f.put("q5.options", "Лави\r\nЛіхтарі\nУрни");
        f.put("q5.allowOther", "true");
        for (int i = 0; i < overrides.length; i += 2) {
            f.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(url).with(csrf()).with(as(OFFICIAL));
        f.forEach((name, value) -> request.param(name, value));
        return request;
    }

    private long created(String title) {
        return jdbc.queryForObject("select id from poll where title = ?", Long.class, title);
    }

    private Poll read(long id) {
        return CurrentCommunity.callAs(k, () -> polls.poll(id));
    }

    @Test
    void officialsMakeAPollWithSectionsAndConditionsWhichTheServerEnforces() throws Exception {
        String title = "Транспорт " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(get("/kropyvnytskyi/polls/new").with(as(OFFICIAL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("q10.showIfOption")));
        mvc.perform(get("/kropyvnytskyi/polls/new").with(as(resident(305)))).andExpect(status().isForbidden());
        mvc.perform(form("/kropyvnytskyi/polls/new", title).with(as(resident(305)))).andExpect(status().isForbidden());
        // a condition on a later question, a scale of 7, a multiple choice allowing more than its options: refused, nothing saved
        mvc.perform(form("/kropyvnytskyi/polls/new", title, "q1.showIfQuestion", "2", "q1.showIfOption", "1"))
                .andExpect(flash().attribute("error", "poll.error.condition"));
        mvc.perform(form("/kropyvnytskyi/polls/new", title, "q2.scaleMax", "7"))
                .andExpect(flash().attribute("error", "poll.error.question"));
        mvc.perform(form("/kropyvnytskyi/polls/new", title, "q5.maxChoices", "4"))
                .andExpect(flash().attribute("error", "poll.error.question"));
        mvc.perform(form("/kropyvnytskyi/polls/new", title, "q2.showIfOption", "3"))
                .andExpect(flash().attribute("error", "poll.error.condition"));
        mvc.perform(form("/kropyvnytskyi/polls/new", title, "first", "вчора"))
                .andExpect(flash().attribute("error", "poll.error.date"));
        assertThat(jdbc.queryForObject("select count(*) from poll where title = ?", Long.class, title)).isZero();

        mvc.perform(form("/kropyvnytskyi/polls/new", title)).andExpect(flash().attribute("message", "poll.createdMessage"));
        long id = created(title);
        Poll p = read(id);
        assertThat(p.questions()).extracting(Poll.Question::position).containsExactly(1, 2, 3, 4);
        Poll.Question bus = p.questions().get(0);
        Poll.Question rate = p.questions().get(1);
        Poll.Question text = p.questions().get(2);
        Poll.Question need = p.questions().get(3);
        assertThat(rate.showIfQuestion()).isEqualTo(bus.id());
        assertThat(rate.showIfOption()).isEqualTo(bus.options().get(0).id());
        assertThat(rate.scaleMax()).isEqualTo(10);
        assertThat(need.options()).extracting(Poll.Option::label).containsExactly("Лави", "Ліхтарі", "Урни");
        assertThat(p.startsSection(bus)).isTrue();
        assertThat(p.startsSection(rate)).isFalse();
        assertThat(p.startsSection(text)).isTrue();

        // the page shows every question with its section and the condition in words (so it works without JavaScript)
        String page = "/kropyvnytskyi/polls/" + id;
        mvc.perform(get(page).with(as(resident(305)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2 class=\"poll-section\">Транспорт</h2>")))
                .andExpect(content().string(containsString("data-show-if-question=\"" + bus.id() + "\"")))
                .andExpect(content().string(containsString("Лише якщо в питанні 1 обрано «Так».")))
                .andExpect(content().string(containsString("poll-conditions.js")));

        // changed while nobody has answered
        mvc.perform(form(page + "/edit", title, "q4.text", "Що покращити в громаді?"))
                .andExpect(flash().attribute("message", "poll.changedMessage"));
        p = read(id);
        bus = p.questions().get(0);
        rate = p.questions().get(1);
        text = p.questions().get(2);
        need = p.questions().get(3);
        assertThat(text.text()).isEqualTo("Що покращити в громаді?");
        mvc.perform(get(page + "/edit").with(as(OFFICIAL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Що покращити в громаді?\"")));

        // «Ні» to the first question: the scale is not asked, so it is not required and what was sent for it is ignored
        mvc.perform(post(page).with(csrf()).with(as(resident(305))).param("q" + bus.id(), String.valueOf(bus.options().get(1).id()))
                        .param("q" + rate.id() + "-scale", "3"))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        // «Так»: the scale is asked and required
        mvc.perform(post(page).with(csrf()).with(as(resident(306))).param("q" + bus.id(), String.valueOf(bus.options().get(0).id())))
                .andExpect(flash().attribute("error", "poll.error.required"));
        mvc.perform(post(page).with(csrf()).with(as(resident(306))).param("q" + bus.id(), String.valueOf(bus.options().get(0).id()))
                        .param("q" + rate.id() + "-scale", "9"))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/results"))
                .andExpect(jsonPath("$.respondents").value(2))
                .andExpect(jsonPath("$.questions[1].answered").value(1))
                .andExpect(jsonPath("$.questions[1].mean").value(9.0))
                .andExpect(jsonPath("$.questions[1].showIfQuestion").value(bus.id()))
                .andExpect(jsonPath("$.questions[0].section").value("Транспорт"));

        // once answered, the questions stay as they were asked
        mvc.perform(form(page + "/edit", title)).andExpect(flash().attribute("error", "poll.error.alreadyAnsweredEdit"));
        mvc.perform(get(page).with(as(OFFICIAL))).andExpect(content().string(not(containsString("/edit\""))));
        // another community's official address: not found
        mvc.perform(get("/dmytrivka/polls/" + id + "/edit").with(as("official@dmytrivka.demo"))).andExpect(status().isNotFound());
    }

    @Test
    void aQuestionAskedOnlyWhenAScaleIsRatedAtLeastAValueIsEnforcedByTheServer() throws Exception {
        String title = "Шкала " + UUID.randomUUID().toString().substring(0, 6);
        // slot 4 (text, required) is asked only when the scale of slot 2 is at least 8
        String[] condition = {"q4.showIfQuestion", "2", "q4.showIfOption", "8", "q4.required", "true"};
        // beyond the scale's 10, or on a free-text question: refused, nothing saved
        mvc.perform(form("/kropyvnytskyi/polls/new", title, "q4.showIfQuestion", "2", "q4.showIfOption", "11"))
                .andExpect(flash().attribute("error", "poll.error.condition"));
        mvc.perform(form("/kropyvnytskyi/polls/new", title, "q5.showIfQuestion", "4", "q5.showIfOption", "1"))
                .andExpect(flash().attribute("error", "poll.error.condition"));
        assertThat(jdbc.queryForObject("select count(*) from poll where title = ?", Long.class, title)).isZero();

        mvc.perform(form("/kropyvnytskyi/polls/new", title, condition)).andExpect(flash().attribute("message", "poll.createdMessage"));
        long id = created(title);
        Poll p = read(id);
        Poll.Question bus = p.questions().get(0);
        Poll.Question rate = p.questions().get(1);
        Poll.Question text = p.questions().get(2);
        assertThat(text.showIfQuestion()).isEqualTo(rate.id());
        assertThat(text.showIfOption()).isNull();
        assertThat(text.showIfAtLeast()).isEqualTo(8);
        String page = "/kropyvnytskyi/polls/" + id;
        mvc.perform(get(page).with(as(resident(303)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-show-if-at-least=\"8\"")))
                .andExpect(content().string(containsString("Лише якщо в питанні 2 оцінка щонайменше 8.")));
        // the edit form gives the condition back as it was typed
        mvc.perform(get(page + "/edit").with(as(OFFICIAL))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"q3.showIfOption\" value=\"8\"")));

        String yes = String.valueOf(bus.options().get(0).id());
        // rated 7: the text is not asked, so not required, and what was sent for it is ignored
        mvc.perform(post(page).with(csrf()).with(as(resident(303))).param("q" + bus.id(), yes).param("q" + rate.id() + "-scale", "7")
                        .param("q" + text.id() + "-text", "Не має враховуватися"))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        // rated 8: asked and required
        mvc.perform(post(page).with(csrf()).with(as(resident(304))).param("q" + bus.id(), yes).param("q" + rate.id() + "-scale", "8"))
                .andExpect(flash().attribute("error", "poll.error.required"));
        mvc.perform(post(page).with(csrf()).with(as(resident(304))).param("q" + bus.id(), yes).param("q" + rate.id() + "-scale", "8")
                        .param("q" + text.id() + "-text", "Більше рейсів увечері"))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        assertThat(jdbc.queryForObject("select count(*) from poll_answer where question_id = ?", Long.class, text.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select text from poll_answer where question_id = ?", String.class, text.id()))
                .isEqualTo("Більше рейсів увечері");
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/results"))
                .andExpect(jsonPath("$.respondents").value(2))
                .andExpect(jsonPath("$.questions[2].showIfQuestion").value(rate.id()))
                .andExpect(jsonPath("$.questions[2].showIfAtLeast").value(8));
    }

    @Test
    void paperFormsAreCountedApartAndFreeTextsArePublishedOnlyOnceApproved() throws Exception {
        String title = "Папір " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(form("/kropyvnytskyi/polls/new", title)).andExpect(flash().attribute("message", "poll.createdMessage"));
        long id = created(title);
        Poll p = read(id);
        Poll.Question bus = p.questions().get(0);
        Poll.Question text = p.questions().get(2);
        Poll.Question need = p.questions().get(3);
        String page = "/kropyvnytskyi/polls/" + id;

        // online: two residents; on paper: three forms entered by the official (no participant recorded for them)
        mvc.perform(post(page).with(csrf()).with(as(resident(307))).param("q" + bus.id(), String.valueOf(bus.options().get(1).id()))
                        .param("q" + text.id() + "-text", "Більше лав у парку").param("q" + need.id(), String.valueOf(need.options().get(0).id())))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        mvc.perform(post(page).with(csrf()).with(as(resident(401))).param("q" + bus.id(), String.valueOf(bus.options().get(1).id()))
                        .param("q" + text.id() + "-text", "Образа 12345").param("q" + need.id() + "-other", "Фонтан"))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        mvc.perform(get(page + "/paper").with(as(resident(402)))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/paper").with(csrf()).with(as(resident(402))).param("q" + bus.id(), String.valueOf(bus.options().get(1).id())))
                .andExpect(status().isForbidden());
        mvc.perform(get(page + "/paper").with(as(OFFICIAL))).andExpect(status().isOk()).andExpect(content().string(containsString("enter-paper")));
        for (int i = 0; i < 3; i++) {
            mvc.perform(post(page + "/paper").with(csrf()).with(as(OFFICIAL)).param("q" + bus.id(), String.valueOf(bus.options().get(1).id()))
                            .param("q" + need.id(), String.valueOf(need.options().get(0).id()), String.valueOf(need.options().get(2).id())))
                    .andExpect(flash().attribute("message", "poll.paperEnteredMessage"));
        }
        // a paper form is checked like any other: a forged option is refused, nothing saved
        mvc.perform(post(page + "/paper").with(csrf()).with(as(OFFICIAL)).param("q" + bus.id(), String.valueOf(need.options().get(0).id())))
                .andExpect(flash().attribute("error", "poll.error.badInput"));
        assertThat(jdbc.queryForObject("select count(*) from poll_participant where poll_id = ?", Long.class, id)).isEqualTo(2);
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/results"))
                .andExpect(jsonPath("$.respondents").value(5))
                .andExpect(jsonPath("$.online").value(2))
                .andExpect(jsonPath("$.paper").value(3))
                .andExpect(jsonPath("$.questions[0].options[1].count").value(5))
                .andExpect(jsonPath("$.questions[0].options[1].online").value(2))
                .andExpect(jsonPath("$.questions[0].options[1].paper").value(3))
                .andExpect(jsonPath("$.questions[3].options[0].count").value(4))
                .andExpect(jsonPath("$.questions[3].options[0].paper").value(3))
                .andExpect(jsonPath("$.questions[3].other").value(1))
                .andExpect(jsonPath("$.questions[2].texts").isEmpty())
                .andExpect(jsonPath("$.questions[2].textCount").value(0));
        mvc.perform(get(page + "/results")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Учасників: 5 (онлайн: 2, на папері: 3)")))
                .andExpect(content().string(containsString("<td class=\"paper\">3</td>")))
                .andExpect(content().string(not(containsString("Більше лав у парку"))));

        // the moderator sees the waiting texts (not the resident), publishes one and hides the others
        mvc.perform(get(page + "/moderation").with(as(resident(402)))).andExpect(status().isForbidden());
        mvc.perform(get(page + "/moderation").with(as(MODERATOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Більше лав у парку"))).andExpect(content().string(containsString("Фонтан")));
        List<UUID> waiting = jdbc.queryForList("select a.id from poll_answer a join poll_question q on q.id = a.question_id"
                + " where q.poll_id = ? and a.text is not null order by a.text", UUID.class, id);
        assertThat(waiting).hasSize(3); // «Більше лав у парку», «Образа 12345», «Фонтан»
        mvc.perform(post(page + "/moderation").with(csrf()).with(as(MODERATOR)).param("answer", waiting.get(0).toString())
                .param("decision", "publish")).andExpect(flash().attribute("message", "poll.textPublishedMessage"));
        mvc.perform(post(page + "/moderation").with(csrf()).with(as(MODERATOR)).param("answer", waiting.get(1).toString())
                .param("decision", "hide")).andExpect(flash().attribute("message", "poll.textHiddenMessage"));
        mvc.perform(post(page + "/moderation").with(csrf()).with(as(MODERATOR)).param("answer", waiting.get(1).toString())
                .param("decision", "publish")).andExpect(flash().attribute("error", "poll.error.textDecided"));
        mvc.perform(post(page + "/moderation").with(csrf()).with(as(MODERATOR)).param("answer", waiting.get(2).toString())
                .param("decision", "delete")).andExpect(flash().attribute("error", "poll.error.badInput"));
        mvc.perform(post(page + "/moderation").with(csrf()).with(as(MODERATOR)).param("answer", "not-a-uuid")
                .param("decision", "hide")).andExpect(status().isNotFound());
        // another community's moderator cannot reach this poll's texts
        mvc.perform(post("/dmytrivka/polls/" + id + "/moderation").with(csrf()).with(as("moderator@dmytrivka.demo"))
                .param("answer", waiting.get(2).toString()).param("decision", "publish")).andExpect(status().isNotFound());

        // neither the paper forms nor the moderation of texts leave anything that leads to an answer: answers have random
        // ids, and the audit names only the poll
        List<String> answerIds = jdbc.queryForList("select a.id::text from poll_answer a join poll_question q on q.id = a.question_id"
                + " where q.poll_id = ?", String.class, id);
        assertThat(answerIds).isNotEmpty().allMatch(u -> UUID.fromString(u).version() == 4);
        assertThat(jdbc.queryForList("select object_id from audit_entry where action in ('poll.paperEntered', 'poll.textPublished',"
                + " 'poll.textHidden') and object_type = 'poll' and object_id = ?", String.class, String.valueOf(id))).hasSize(5);
        for (String answer : answerIds) {
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_id = ? or details like ?", Long.class, answer,
                    "%" + answer + "%")).isZero();
        }

        mvc.perform(get(page + "/results")).andExpect(content().string(containsString("Більше лав у парку")))
                .andExpect(content().string(not(containsString("Образа 12345")))).andExpect(content().string(not(containsString("Фонтан"))));
        mvc.perform(get(page + "/questions/" + text.id() + "/texts")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Більше лав у парку"))).andExpect(content().string(not(containsString("Образа"))));
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/questions/" + text.id() + "/texts?page=9"))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.texts[0]").value("Більше лав у парку"));
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/results")).andExpect(jsonPath("$.questions[2].textCount").value(1));

        // open data: results with online and paper apart, anonymised responses without the unpublished texts
        String results = mvc.perform(get(page + "/results.csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<List<String>> rows = Csv.read(results);
        assertThat(rows.get(0)).contains("count", "online", "paper");
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(8, 13)).containsExactly("Ні", "5", "5", "2", "3"));
        String responses = mvc.perform(get(page + "/responses.csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(responses).contains("Більше лав у парку").doesNotContain("Образа", "Фонтан", "resident", "@");
        List<List<String>> answers = Csv.read(responses);
        assertThat(answers.stream().skip(1).map(r -> r.get(1)).distinct()).hasSize(5);
        assertThat(answers.stream().skip(1).filter(r -> r.get(2).equals("paper")).map(r -> r.get(1)).distinct()).hasSize(3);
        mvc.perform(get("/kropyvnytskyi/polls/results.csv")).andExpect(status().isOk()).andExpect(content().string(containsString(title)));
        mvc.perform(get("/kropyvnytskyi/polls/responses.csv")).andExpect(status().isOk());
        mvc.perform(get("/kropyvnytskyi/polls/results.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].paper").value(3));
        mvc.perform(get("/dmytrivka/polls/results.csv")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/dmytrivka/polls/" + id + "/responses.csv")).andExpect(status().isNotFound());
    }

    @Test
    void whoMayAnswerIsChosenOnTheFormAndHeldToByTheServer() throws Exception {
        // an account with a confirmed e-mail and nothing more (no verified identity, no residency, no date of birth)
        String email = "poll-" + UUID.randomUUID() + "@example.org";
        accountService.register(email, "довгий пароль 2026", "Тестова Особа", Locale.forLanguageTag("uk"), "http://localhost");
        jdbc.update("update account set email_confirmed_at = now() where email = ?", email);

        String anyone = "Для всіх " + UUID.randomUUID().toString().substring(0, 6);
        String verified = "Для підтверджених " + UUID.randomUUID().toString().substring(0, 6);
        String elders = "Від 100 років " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(form("/kropyvnytskyi/polls/new", anyone, "verifiedOnly", "false", "q1.required", "false"))
                .andExpect(flash().attribute("message", "poll.createdMessage"));
        mvc.perform(form("/kropyvnytskyi/polls/new", verified, "verifiedOnly", "true", "residencyRequired", "true"))
                .andExpect(flash().attribute("message", "poll.createdMessage"));
        mvc.perform(form("/kropyvnytskyi/polls/new", elders, "minimumAge", "100"))
                .andExpect(flash().attribute("message", "poll.createdMessage"));
        assertThat(jdbc.queryForObject("select verified_only from poll where title = ?", Boolean.class, anyone)).isFalse();
        assertThat(jdbc.queryForObject("select verified_only from poll where title = ?", Boolean.class, verified)).isTrue();
        assertThat(jdbc.queryForObject("select verified_only from poll where title = ?", Boolean.class, elders)).isTrue();

        long any = created(anyone);
        long ver = created(verified);
        long old = created(elders);
        mvc.perform(get("/kropyvnytskyi/polls/" + any)).andExpect(content().string(containsString(
                "будь-хто з обліковим записом і підтвердженою електронною поштою")));
        mvc.perform(get("/kropyvnytskyi/polls/" + ver)).andExpect(content().string(containsString(
                "особи, підтверджені так, як вимагає громада"))).andExpect(content().string(containsString(", мешканці громади")));
        // the page says why one may not answer, and offers no form
        mvc.perform(get("/kropyvnytskyi/polls/" + ver).with(as(email))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cannot-answer\"")))
                .andExpect(content().string(not(containsString("id=\"answer-poll\""))));

        Poll p = read(any);
        String bus = "q" + p.questions().get(0).id();
        String no = String.valueOf(p.questions().get(0).options().get(1).id());
        // nothing required, nothing answered: refused as empty, nothing saved
        mvc.perform(post("/kropyvnytskyi/polls/" + any).with(csrf()).with(as(email)).param(bus, "").param("q" + p.questions().get(2).id()
                        + "-text", "   ")).andExpect(flash().attribute("error", "poll.error.empty"));
        assertThat(jdbc.queryForObject("select count(*) from poll_participant where poll_id = ?", Long.class, any)).isZero();
        mvc.perform(post("/kropyvnytskyi/polls/" + any).with(csrf()).with(as(email)).param(bus, no))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        Poll v = read(ver);
        mvc.perform(post("/kropyvnytskyi/polls/" + ver).with(csrf()).with(as(email))
                        .param("q" + v.questions().get(0).id(), String.valueOf(v.questions().get(0).options().get(1).id())))
                .andExpect(flash().attribute("error", "eligibility.verify"));
        // a verified person who lives in Dmytrivka is not a resident of Kropyvnytskyi
        mvc.perform(post("/kropyvnytskyi/polls/" + ver).with(csrf()).with(as("mariia.bondarenko@example.org"))
                        .param("q" + v.questions().get(0).id(), String.valueOf(v.questions().get(0).options().get(1).id())))
                .andExpect(flash().attribute("error", "eligibility.residency"));
        mvc.perform(post("/kropyvnytskyi/polls/" + ver).with(csrf()).with(as(resident(420)))
                        .param("q" + v.questions().get(0).id(), String.valueOf(v.questions().get(0).options().get(1).id())))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        Poll o = read(old);
        mvc.perform(post("/kropyvnytskyi/polls/" + old).with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("q" + o.questions().get(0).id(), String.valueOf(o.questions().get(0).options().get(1).id())))
                .andExpect(flash().attribute("error", "eligibility.tooYoung"));
        mvc.perform(post("/kropyvnytskyi/polls/" + old).with(csrf()).with(as(email))
                        .param("q" + o.questions().get(0).id(), String.valueOf(o.questions().get(0).options().get(1).id())))
                .andExpect(flash().attribute("error", "eligibility.verify"));
        assertThat(jdbc.queryForObject("select count(*) from poll_response where poll_id = ?", Long.class, any)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from poll_response where poll_id = ?", Long.class, ver)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from poll_response where poll_id = ?", Long.class, old)).isZero();
    }
}
