package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollAnswering;
import ua.viche.consultations.polls.PollMixing;
import ua.viche.consultations.polls.PollService;
import ua.viche.consultations.polls.PollSubmission;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;

/** Polls: every question kind answered once per person, bad input refused, parallel answers, anonymity, the demo survey's figures. */
@IntegrationTest
class PollFlowTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired PollService polls;
    @Autowired PollAnswering answering;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired ThreadClock clock;
    @Autowired RateLimiter limiter;
    @Autowired List<PersonalData> personalData;
    @Autowired PollMixing mixing;

    Community k;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private long poll(boolean live) {
        LocalDate today = LocalDate.now(Dates.KYIV);
        return CurrentCommunity.callAs(k, () -> identity.callAs("official@kropyvnytskyi.demo", () -> polls.create(
                "Опитування " + UUID.randomUUID().toString().substring(0, 6), "", today, today.plusDays(10), live, false, 0, List.of(
                        new PollService.QuestionDraft(Poll.Kind.SINGLE, "Як часто?", true, 0, 0, "", "", false, List.of("Щодня", "Рідше")),
                        new PollService.QuestionDraft(Poll.Kind.MULTIPLE, "Що шукаєте?", false, 2, 0, "", "", true,
                                List.of("Новини", "ЦНАП", "Петиції")),
                        new PollService.QuestionDraft(Poll.Kind.RANKING, "Що важливіше?", false, 0, 0, "", "", false,
                                List.of("Швидкість", "Зручність")),
                        new PollService.QuestionDraft(Poll.Kind.SCALE, "Оцініть", false, 0, 5, "погано", "добре", false, List.of()),
                        new PollService.QuestionDraft(Poll.Kind.TEXT, "Що додати?", false, 0, 0, "", "", false, List.of())))));
    }

    private Poll read(long id) {
        return CurrentCommunity.callAs(k, () -> polls.poll(id));
    }

    private long responses(long id) {
        return jdbc.queryForObject("select count(*) from poll_response where poll_id = ?", Long.class, id);
    }

    @Test
    void everyKindAnsweredOncePerPersonWithBadInputRefused() throws Exception {
        long id = poll(true);
        Poll p = read(id);
        Poll.Question single = p.questions().get(0);
        Poll.Question multiple = p.questions().get(1);
        Poll.Question ranking = p.questions().get(2);
        Poll.Question scale = p.questions().get(3);
        Poll.Question text = p.questions().get(4);
        String page = "/kropyvnytskyi/polls/" + id;
        mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString("зберігаються окремо")));

        // forged option (another question's), too many choices, a rank twice, the required one missing: refused, nothing saved
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("q" + single.id(), String.valueOf(multiple.options().get(0).id())))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "poll.error.badInput"));
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("q" + single.id(), String.valueOf(single.options().get(0).id()))
                        .param("q" + multiple.id(), String.valueOf(multiple.options().get(0).id()),
                                String.valueOf(multiple.options().get(1).id()), String.valueOf(multiple.options().get(2).id())))
                .andExpect(flash().attribute("error", "poll.error.tooManyChoices"));
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("q" + single.id(), String.valueOf(single.options().get(0).id()))
                        .param("q" + ranking.id() + "-rank-" + ranking.options().get(0).id(), "1")
                        .param("q" + ranking.id() + "-rank-" + ranking.options().get(1).id(), "1"))
                .andExpect(flash().attribute("error", "poll.error.ranks"));
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org")).param("q" + scale.id() + "-scale", "4"))
                .andExpect(flash().attribute("error", "poll.error.required"));
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("q" + single.id(), String.valueOf(single.options().get(0).id())).param("q" + scale.id() + "-scale", "6"))
                .andExpect(flash().attribute("error", "poll.error.scale"));
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org")).param("q" + single.id(), "abc"))
                .andExpect(flash().attribute("error", "poll.error.badInput"));
        assertThat(responses(id)).isZero();

        // every kind at once
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("q" + single.id(), String.valueOf(single.options().get(1).id()))
                        .param("q" + multiple.id(), String.valueOf(multiple.options().get(2).id()))
                        .param("q" + multiple.id() + "-other", "Розклад")
                        .param("q" + ranking.id() + "-rank-" + ranking.options().get(0).id(), "2")
                        .param("q" + ranking.id() + "-rank-" + ranking.options().get(1).id(), "1")
                        .param("q" + scale.id() + "-scale", "4")
                        .param("q" + text.id() + "-text", "Більше відкритих даних"))
                .andExpect(flash().attribute("message", "poll.answeredMessage"));
        mvc.perform(post(page).with(csrf()).with(as("andrii.shevchuk@example.org"))
                        .param("q" + single.id(), String.valueOf(single.options().get(0).id())))
                .andExpect(flash().attribute("error", "poll.error.alreadyAnswered"));
        assertThat(responses(id)).isEqualTo(1);
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/results"))
                .andExpect(jsonPath("$.respondents").value(1))
                .andExpect(jsonPath("$.questions[0].options[1].count").value(1))
                .andExpect(jsonPath("$.questions[1].other").value(1))
                .andExpect(jsonPath("$.questions[2].options[1].meanPosition").value(1.0))
                .andExpect(jsonPath("$.questions[2].options[1].borda").value(2))
                .andExpect(jsonPath("$.questions[3].mean").value(4.0))
                .andExpect(jsonPath("$.questions[4].texts").isEmpty());
        mvc.perform(get(page + "/results")).andExpect(status().isOk()).andExpect(content().string(containsString("<svg")));

        // after the end: refused
        clock.runAt(Dates.endOfDay(LocalDate.now(Dates.KYIV).plusDays(10)).plusSeconds(1), () -> assertThatThrownBy(
                () -> CurrentCommunity.callAs(k, () -> identity.callAs("olena.kovalenko@example.org", () -> {
                    answering.answer(id, new PollSubmission(Map.of(single.id(), List.of(single.options().get(0).id())), Map.of(),
                            Map.of(), Map.of(), Map.of()));
                    return null;
                })))
                .isInstanceOf(Refusal.class).hasMessage("poll.error.closed"));
        // results of a poll without live results wait for the end
        long later = poll(false);
        mvc.perform(get("/kropyvnytskyi/polls/" + later + "/results")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/polls/" + id + "/results")).andExpect(status().isNotFound());
    }

    @Test
    void parallelAnswersCountOncePerPerson() throws Exception {
        long id = poll(true);
        Poll p = read(id);
        PollSubmission one = new PollSubmission(Map.of(p.questions().get(0).id(), List.of(p.questions().get(0).options().get(0).id())),
                Map.of(), Map.of(), Map.of(), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                String email = DemoResidents.email("kropyvnytskyi", i);
                attempts.add(() -> submit(id, email, one));
            }
            for (int i = 0; i < 20; i++) {
                attempts.add(() -> submit(id, "olena.kovalenko@example.org", one));
            }
            int ok = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                ok += f.get() ? 1 : 0;
            }
            assertThat(ok).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses(id)).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from poll_participant where poll_id = ?", Long.class, id)).isEqualTo(201);
    }

    private Boolean submit(long id, String email, PollSubmission s) {
        try {
            CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> {
                answering.answer(id, s);
                return null;
            }));
            return true;
        } catch (Refusal e) {
            assertThat(e.getMessage()).isEqualTo("poll.error.alreadyAnswered");
            return false;
        }
    }

    @Test
    void responsesCannotBeJoinedToPersons() throws Exception {
        // the schema: nothing in the responses names, counts or times a person
        Set<String> forbidden = Set.of("person_id", "account_id", "created_at", "answered_at", "submitted_at", "ip", "session_id",
                "user_agent");
        for (String table : List.of("poll_response", "poll_answer")) {
            List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_name = ?",
                    String.class, table);
            assertThat(columns).as(table).doesNotContainAnyElementsOf(forbidden);
            assertThat(columns).as(table).noneMatch(c -> c.contains("person") || c.contains("account") || c.endsWith("_at"));
        }
        // no key leads from a response to a participant or a person, and the participant has nothing but the poll and the person
        assertThat(jdbc.queryForList("select ccu.table_name from information_schema.table_constraints tc"
                + " join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name"
                + " where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('poll_response', 'poll_answer')", String.class))
                .doesNotContain("poll_participant", "person", "account");
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = 'poll_participant'",
                String.class)).containsExactlyInAnyOrder("poll_id", "person_id", "community_id");
        // the mark that a poll's responses await mixing names the poll and nothing else
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = 'poll_unmixed'",
                String.class)).containsExactly("poll_id");
        // a response's id is random, so the order of ids says nothing about the order of participants
        long id = poll(true);
        Poll p = read(id);
        long single = p.questions().get(0).id();
        long text = p.questions().get(4).id();
        Map<Long, String> wrote = new HashMap<>();
        for (int i = 300; i < 312; i++) {
            String email = DemoResidents.email("kropyvnytskyi", i);
            String answer = "Відповідь " + i;
            submit(id, email, new PollSubmission(Map.of(single, List.of(p.questions().get(0).options().get(0).id())), Map.of(), Map.of(),
                    Map.of(), Map.of(text, answer)));
            wrote.put(identity.callAs(email, () -> identity.currentPerson().orElseThrow()).personId(), answer);
        }
        assertThat(jdbc.queryForList("select id::text from poll_response where poll_id = ?", String.class, id))
                .hasSize(12).allMatch(u -> UUID.fromString(u).version() == 4);

        // PostgreSQL's own columns: once the poll's responses are mixed (within a second of an answer), no response or
        // answer shares the writing transaction (xmin) of a participant, and the rows' places (ctid) are in no
        // participant's order
        mixing.mixAll();
        assertThat(jdbc.queryForObject("select count(*) from poll_participant x join poll_response r on r.xmin::text = x.xmin::text"
                + " where x.poll_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from poll_participant x join poll_answer a on a.xmin::text = x.xmin::text"
                + " where x.poll_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from poll_response where poll_id = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from poll_unmixed where poll_id = ?", Long.class, id)).isZero();
        List<Long> byPlace = jdbc.queryForList("select person_id from poll_participant where poll_id = ? order by ctid", Long.class, id);
        List<String> textsByPlace = jdbc.queryForList("select a.text from poll_response r join poll_answer a on a.response_id = r.id"
                + " where r.poll_id = ? and a.question_id = ? order by r.ctid", String.class, id, text);
        assertThat(byPlace).hasSize(12);
        assertThat(textsByPlace).hasSize(12);
        int joined = 0;
        for (int i = 0; i < 12; i++) {
            joined += wrote.get(byPlace.get(i)).equals(textsByPlace.get(i)) ? 1 : 0;
        }
        assertThat(joined).as("responses joined to their people by the order of their places").isLessThan(12);
        // mixing changed no answer: the results still count twelve, and the texts wait for moderation as before
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/results")).andExpect(jsonPath("$.respondents").value(12))
                .andExpect(jsonPath("$.questions[0].options[0].count").value(12));
        assertThat(jdbc.queryForList("select a.text from poll_answer a join poll_response r on r.id = a.response_id"
                + " where r.poll_id = ? and a.question_id = ? and not a.published and not a.hidden", String.class, id, text))
                .containsExactlyInAnyOrderElementsOf(wrote.values());

        // the export says that the person took part, and nothing of what they answered
        PersonalData privacy = personalData.stream().filter(d -> d.getClass().getSimpleName().equals("ConsultationPrivacy"))
                .findFirst().orElseThrow();
        Identity.PersonRef person = identity.callAs(DemoResidents.email("kropyvnytskyi", 300),
                () -> identity.currentPerson().orElseThrow());
        List<PersonalData.Item> items = privacy.export(person, Locale.forLanguageTag("uk"));
        assertThat(items).anySatisfy(item -> assertThat(item.title()).contains(p.title()));
        assertThat(items).noneMatch(item -> item.title().contains("Щодня"));
    }

    @Test
    void theDemoSurveyShowsThePublishedFigures() throws Exception {
        long id = jdbc.queryForObject("select id from poll where community_id = ? and title like 'Які цифрові рішення%'", Long.class,
                k.id());
        mvc.perform(get("/api/v1/kropyvnytskyi/polls/" + id + "/results"))
                .andExpect(jsonPath("$.respondents").value(524))
                .andExpect(jsonPath("$.paper").value(524))
                .andExpect(jsonPath("$.questions[0].options[0].count").value(434))
                .andExpect(jsonPath("$.questions[0].options[1].count").value(420))
                .andExpect(jsonPath("$.questions[0].options[2].count").value(395))
                .andExpect(jsonPath("$.questions[0].options[0].label").value("Електронний квиток для проїзду в громадському транспорті"));
        mvc.perform(get("/kropyvnytskyi/polls/" + id + "/results")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Учасників: 524")))
                .andExpect(content().string(containsString("<td class=\"count\">434</td>")))
                .andExpect(content().string(containsString("<td class=\"count\">420</td>")))
                .andExpect(content().string(containsString("<td class=\"count\">395</td>")));
        assertThat(Instant.now()).isAfter(read(id).closesAt());
    }
}
