package ua.viche.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealCategory;
import ua.viche.appeals.domain.AppealRegistration;
import ua.viche.appeals.domain.AppealService;
import ua.viche.appeals.domain.AppealWork;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.petitions.PetitionForwardedAsAppeal;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Mailer;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.ThreadClock;

/** Appeals end to end through pages and API: routing, who sees what, the officials' actions, bad input, races. */
@IntegrationTest
class AppealFlowTest {

    private static final String TEXT = "Біля будинку № 12 на вулиці Шкільній уже тиждень не горять ліхтарі, "
            + "увечері людям небезпечно йти від зупинки.";

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired AppealService appeals;
    @Autowired AppealRegistration registration;
    @Autowired AppealWork work;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailer mailer;
    @Autowired RateLimiter limiter;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired TransactionTemplate tx;
    @Autowired ThreadClock clock;
    @Autowired Identity identity;

    Community k;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private RequestPostProcessor as(String email) {
        return TestAccounts.as(accounts, email);
    }

    private long category(String code) {
        return CurrentCommunity.callAs(k, () -> appeals.activeCategories().stream().filter(c -> c.getCode().equals(code))
                .map(AppealCategory::getId).findFirst().orElseThrow());
    }

    private long department(String prefix) {
        return CurrentCommunity.callAs(k, () -> communities.departments().stream().filter(d -> d.nameUk().startsWith(prefix))
                .map(Department::id).findFirst().orElseThrow());
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from appeal", Long.class);
    }

    private String file(String resident, String subject) throws Exception {
        return mvc.perform(post("/kropyvnytskyi/appeals").with(csrf()).with(as(resident))
                        .param("kind", "APPLICATION").param("categoryId", String.valueOf(category("housing")))
                        .param("subject", subject).param("text", TEXT).param("address", "м. Кропивницький, вул. Шкільна, 12"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "appeal.filed"))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static long id(String location) {
        return Long.parseLong(location.replaceAll(".*/(\\d+)$", "$1"));
    }

    @Test
    void fileRouteAnswerRateAndComplain() throws Exception {
        String resident = DemoResidents.email("kropyvnytskyi", 401);
        String location = file(resident, "Не горять ліхтарі на вулиці Шкільній");
        assertThat(location).matches("/kropyvnytskyi/appeals/\\d+");
        long id = id(location);
        Mailer.Message registered = mailer.latest(resident, 1).get(0);
        assertThat(registered.subject()).matches("Звернення К-\\d{4}-\\d{6} зареєстровано");
        assertThat(jdbc.queryForObject("select department_id from appeal where id = ?", Long.class, id))
                .isEqualTo(department("Управління житлово"));

        mvc.perform(get(location).with(as(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Не горять ліхтарі")))
                .andExpect(content().string(containsString("Зареєстровано")))
                .andExpect(content().string(containsString("Управління житлово-комунального господарства")));

        // re-routing by topic moves it to the social policy department
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/route").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("category", String.valueOf(category("social"))))
                .andExpect(flash().attribute("message", "appeal.done.routed"));
        assertThat(jdbc.queryForObject("select department_id from appeal where id = ?", Long.class, id))
                .isEqualTo(department("Департамент соціальної"));
        // an official of another department neither sees nor acts on it (404, not 403)
        mvc.perform(get(location).with(as("official@kropyvnytskyi.demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/answer").with(csrf()).with(as("official@kropyvnytskyi.demo"))
                .param("text", "Відповідь")).andExpect(status().isNotFound());

        long executor = accounts.findByEmail("appeals@kropyvnytskyi.demo").orElseThrow().getId();
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/assign").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                .param("executor", String.valueOf(executor))).andExpect(flash().attribute("message", "appeal.done.assigned"));
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/note").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                .param("text", "Уточнити в енергетиків графік ремонту")).andExpect(flash().attribute("message", "appeal.done.noted"));
        mvc.perform(get(location).with(as(resident)))
                .andExpect(content().string(containsString("На розгляді")))
                .andExpect(content().string(not(containsString("Уточнити в енергетиків"))));
        mvc.perform(get(location).with(as("appeals@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString("Уточнити в енергетиків")));

        // extension beyond 45 days is refused and changes nothing; within the cap it is kept and the applicant told
        LocalDate registeredOn = jdbc.queryForObject("select registered_on from appeal where id = ?", LocalDate.class, id);
        LocalDate due = jdbc.queryForObject("select due_on from appeal where id = ?", LocalDate.class, id);
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/extend").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("due", registeredOn.plusDays(60).toString()).param("reason", "Потрібне обстеження"))
                .andExpect(flash().attribute("error", "appeal.error.extensionCap"));
        assertThat(jdbc.queryForObject("select due_on from appeal where id = ?", LocalDate.class, id)).isEqualTo(due);
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/extend").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("due", "not a date").param("reason", "Потрібне обстеження"))
                .andExpect(flash().attribute("error", "appeal.error.date"));
        LocalDate extended = due.plusDays(7).isAfter(registeredOn.plusDays(45)) ? registeredOn.plusDays(45) : due.plusDays(7);
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/extend").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("due", extended.toString()).param("reason", "Потрібне обстеження мережі"))
                .andExpect(flash().attribute("message", "appeal.done.extended"));
        assertThat(mailer.latest(resident, 1).get(0).subject()).contains("продовжено");

        // the answer with a PDF attachment; the applicant reads, rates, and appeals against it
        MockMultipartFile pdf = new MockMultipartFile("files", "vidpovid.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
        mvc.perform(multipart("/kropyvnytskyi/appeals/office/" + id + "/answer").file(pdf).with(csrf())
                        .with(as("appeals@kropyvnytskyi.demo")).param("text", "Освітлення відновлено 25 листопада."))
                .andExpect(flash().attribute("message", "appeal.done.answered"));
        assertThat(mailer.latest(resident, 1).get(0).subject()).startsWith("Відповідь на звернення");
        mvc.perform(get(location).with(as(resident))).andExpect(content().string(containsString("Освітлення відновлено")))
                .andExpect(content().string(containsString("vidpovid.pdf")));
        mvc.perform(post(location + "/rate").with(csrf()).with(as(resident)).param("rating", "9"))
                .andExpect(flash().attribute("error", "appeal.error.rating"));
        mvc.perform(post(location + "/rate").with(csrf()).with(as(DemoResidents.email("kropyvnytskyi", 402))).param("rating", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/rate").with(csrf()).with(as(resident)).param("rating", "4").param("comment", "Дякую"))
                .andExpect(flash().attribute("message", "appeal.rated"));
        assertThat(jdbc.queryForObject("select rating from appeal where id = ?", Integer.class, id)).isEqualTo(4);
        String complaint = mvc.perform(post(location + "/complaint").with(csrf()).with(as(resident))
                        .param("text", "Ліхтарі знову не горять з 28 листопада, прошу перевірити якість ремонту."))
                .andExpect(flash().attribute("message", "appeal.filed")).andReturn().getResponse().getRedirectedUrl();
        long complaintId = id(complaint);
        assertThat(jdbc.queryForObject("select parent_appeal_id from appeal where id = ?", Long.class, complaintId)).isEqualTo(id);
        assertThat(jdbc.queryForObject("select kind from appeal where id = ?", String.class, complaintId)).isEqualTo("COMPLAINT");

        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/close").with(csrf()).with(as("appeals@kropyvnytskyi.demo")))
                .andExpect(flash().attribute("message", "appeal.done.closed"));
        mvc.perform(get("/api/v1/kropyvnytskyi/appeals").with(as(resident)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("closed"))
                .andExpect(jsonPath("$[?(@.id == " + complaintId + ")].kind").value("complaint"));
        mvc.perform(get("/api/v1/kropyvnytskyi/appeals/" + id).with(as(resident)))
                .andExpect(jsonPath("$.answerText").value("Освітлення відновлено 25 листопада."))
                .andExpect(jsonPath("$.rating").value(4))
                .andExpect(jsonPath("$.history[?(@.event == 'note')]").isEmpty());
    }

    @Test
    void aResidentSeesOnlyTheirOwnAppealsAndCommunitiesAreIsolated() throws Exception {
        String owner = DemoResidents.email("kropyvnytskyi", 403);
        long id = id(file(owner, "Відкритий каналізаційний люк"));
        String other = DemoResidents.email("kropyvnytskyi", 404);
        mvc.perform(get("/kropyvnytskyi/appeals/" + id).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/kropyvnytskyi/appeals/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/appeals/" + id).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/kropyvnytskyi/appeals")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/kropyvnytskyi/appeals").with(as(other)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        // another community's officials and pages do not know it
        mvc.perform(get("/dmytrivka/appeals/" + id).with(as("appeals@dmytrivka.demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/appeals/" + id).with(as(owner))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/appeals/" + id).with(as(owner))).andExpect(status().isNotFound());
        mvc.perform(get("/dmytrivka/appeals/office").with(as("appeals@dmytrivka.demo")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Відкритий каналізаційний люк"))));
        mvc.perform(post("/dmytrivka/appeals/office/" + id + "/close").with(csrf()).with(as("admin@dmytrivka.demo")))
                .andExpect(status().isNotFound());
        // the officials' queue is for officials only
        mvc.perform(get("/kropyvnytskyi/appeals/office").with(as(other))).andExpect(status().isForbidden());
        // found in the queue by its words: the demo's open appeals fill more than the first page
        mvc.perform(get("/kropyvnytskyi/appeals/office").param("q", "каналізаційний люк").with(as("appeals@kropyvnytskyi.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Відкритий каналізаційний люк")));
    }

    @Test
    void hotlineOperatorsRegisterCalls() throws Exception {
        long before = count();
        mvc.perform(post("/kropyvnytskyi/appeals/office/call").with(csrf()).with(as(DemoResidents.email("kropyvnytskyi", 405)))
                .param("name", "Бондар Іван").param("phone", "+380501112233")).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/appeals/office/call").with(csrf()).with(as("operator@kropyvnytskyi.demo"))
                        .param("kind", "APPLICATION").param("categoryId", String.valueOf(category("shelters")))
                        .param("subject", "Укриття").param("text", TEXT).param("address", "вул. Шкільна, 1"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "name", "phone"));
        assertThat(count()).isEqualTo(before);
        String location = mvc.perform(post("/kropyvnytskyi/appeals/office/call").with(csrf()).with(as("operator@kropyvnytskyi.demo"))
                        .param("kind", "APPLICATION").param("categoryId", String.valueOf(category("shelters")))
                        .param("subject", "Зачинене укриття на вул. Шкільній").param("text", TEXT).param("address", "вул. Шкільна, 1")
                        .param("name", "Бондар Іван Михайлович").param("phone", "+380 50 111 22 33").param("benefit", "учасник бойових дій"))
                .andExpect(flash().attribute("message", "appeal.callRegistered")).andReturn().getResponse().getRedirectedUrl();
        long id = id(location);
        assertThat(jdbc.queryForObject("select channel from appeal where id = ?", String.class, id)).isEqualTo("HOTLINE");
        // benefit holders come first in the queue
        Page<?> queue = (Page<?>) mvc.perform(
                        get("/kropyvnytskyi/appeals/office").with(as("appeals@kropyvnytskyi.demo")))
                .andExpect(content().string(containsString("Зачинене укриття на вул. Шкільній")))
                .andReturn().getModelAndView().getModel().get("appeals");
        List<Boolean> benefits = queue.getContent().stream().map(a -> ((Appeal) a).hasBenefit()).toList();
        assertThat(benefits).contains(true, false);
        assertThat(benefits.indexOf(false)).isGreaterThan(benefits.lastIndexOf(true));
    }

    @Test
    void aRefusedActionComesBackWithWhatWasTypedInItsOwnFormOnly() throws Exception {
        String location = file(DemoResidents.email("kropyvnytskyi", 407), "Яма на тротуарі біля школи");
        long id = id(location);
        LocalDate registeredOn = jdbc.queryForObject("select registered_on from appeal where id = ?", LocalDate.class, id);
        String beyond = registeredOn.plusDays(60).toString();
        WebSession official = new WebSession(mvc); // the flash lives in the person's session
        String back = official.perform(post("/kropyvnytskyi/appeals/office/" + id + "/extend").with(csrf())
                        .with(as("appeals@kropyvnytskyi.demo")).param("due", beyond).param("reason", "Чекаємо висновку <експертизи>"))
                .andExpect(flash().attribute("error", "appeal.error.extensionCap"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(back).isEqualTo(location);
        String page = official.perform(get(back).with(as("appeals@kropyvnytskyi.demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"extend-due\" name=\"due\" value=\"" + beyond + "\"")
                .contains("name=\"reason\" rows=\"2\" maxlength=\"2000\">Чекаємо висновку &lt;експертизи&gt;</textarea>")
                .as("the return form also has a field named reason: it stays empty")
                .contains("aria-describedby=\"return-hint\"></textarea>");
        // said once: the next visit shows the form empty again
        assertThat(official.perform(get(back).with(as("appeals@kropyvnytskyi.demo"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Чекаємо висновку");
        // another session (another browser) never sees it
        assertThat(mvc.perform(get(back).with(as("appeals@kropyvnytskyi.demo"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Чекаємо висновку");
        assertThat(jdbc.queryForObject("select count(*) from appeal where id = ? and due_on > ?", Long.class, id,
                registeredOn.plusDays(45))).isZero();
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() throws Exception {
        String resident = DemoResidents.email("kropyvnytskyi", 406);
        long before = count();
        mvc.perform(post("/kropyvnytskyi/appeals").with(csrf()).with(as(resident))
                        .param("kind", "APPLICATION").param("subject", "").param("text", "коротко").param("address", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "subject", "text", "address", "categoryId"))
                .andExpect(content().string(containsString("Оберіть тему звернення")));
        mvc.perform(post("/kropyvnytskyi/appeals").with(csrf()).with(as(resident))
                        .param("kind", "APPLICATION").param("categoryId", "999999").param("subject", "Тема")
                        .param("text", TEXT).param("address", "вул. Шкільна, 1"))
                .andExpect(status().isOk()).andExpect(model().attribute("formError", "appeal.error.category"));
        mvc.perform(post("/kropyvnytskyi/appeals").with(csrf()).with(as(resident))
                        .param("kind", "APPLICATION").param("categoryId", String.valueOf(category("housing"))).param("subject", "x".repeat(201))
                        .param("text", TEXT).param("address", "вул. Шкільна, 1").param("phone", "дзвоніть"))
                .andExpect(model().attributeHasFieldErrors("form", "subject", "phone"));
        MockMultipartFile fake = new MockMultipartFile("files", "photo.jpg", "image/jpeg", "MZ this is not an image".getBytes());
        mvc.perform(multipart("/kropyvnytskyi/appeals").file(fake).with(csrf()).with(as(resident))
                        .param("kind", "APPLICATION").param("categoryId", String.valueOf(category("housing"))).param("subject", "Тема")
                        .param("text", TEXT).param("address", "вул. Шкільна, 1"))
                .andExpect(status().isOk()).andExpect(model().attribute("formError", "appeal.error.fileType"))
                .andExpect(content().string(containsString("перевіряється вміст файлу")));
        // not signed in: asked to sign in, nothing saved
        mvc.perform(post("/kropyvnytskyi/appeals").with(csrf()).param("kind", "APPLICATION")
                .param("categoryId", String.valueOf(category("housing"))).param("subject", "Тема").param("text", TEXT)
                .param("address", "вул. Шкільна, 1")).andExpect(status().is3xxRedirection());
        // forged ids
        mvc.perform(get("/kropyvnytskyi/appeals/999999999").with(as(resident))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Звернення не знайдено")));
        mvc.perform(post("/kropyvnytskyi/appeals/999999999/rate").with(csrf()).with(as(resident)).param("rating", "5"))
                .andExpect(status().isNotFound());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void registrationNumbersStayUniqueAndGaplessUnderParallelFiling() throws Exception {
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String resident = DemoResidents.email("kropyvnytskyi", 420 + i);
            tasks.add(() -> file(resident, "Паралельне звернення"));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) {
            ids.add(id(f.get()));
        }
        pool.shutdown();
        Set<Integer> numbers = new HashSet<>();
        for (long id : ids) {
            String number = jdbc.queryForObject("select registration_number from appeal where id = ?", String.class, id);
            numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
        }
        assertThat(numbers).hasSize(n);
        assertThat(numbers.stream().mapToInt(Integer::intValue).max().getAsInt()
                - numbers.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThan(n + 8);
    }

    @Test
    void aPetitionBelowItsThresholdBecomesOneAppeal() {
        long petitionId = 880_000 + (System.nanoTime() % 10_000);
        PetitionForwardedAsAppeal event = new PetitionForwardedAsAppeal(k.id(), petitionId, "Сквер на Кущівці",
                "Пропоную облаштувати сквер на Кущівці з лавками й освітленням.", 1L, "Коваленко Олена Петрівна",
                "olena.kovalenko@example.org", 37, "/kropyvnytskyi/petitions/" + petitionId);
        tx.executeWithoutResult(s -> publisher.publishEvent(event));
        tx.executeWithoutResult(s -> publisher.publishEvent(event));
        assertThat(jdbc.queryForObject("select count(*) from appeal where source_petition_id = ?", Long.class, petitionId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select channel || ' ' || community_id from appeal where source_petition_id = ?", String.class,
                petitionId)).isEqualTo("PETITION " + k.id());
    }

    @Test
    void executorsAreRemindedOnceBeforeTheDueDayAndTheAccountPageListsAppeals() throws Exception {
        String resident = DemoResidents.email("kropyvnytskyi", 407);
        String official = "appeals@kropyvnytskyi.demo";
        long executor = accounts.findByEmail(official).orElseThrow().getId();
        String number = CurrentCommunity.callAs(k, () -> {
            Appeal a = clock.callAt(Instant.now().minus(Duration.ofDays(35)),
                    () -> identity.callAs(resident, () -> registration.file(new AppealRegistration.Request(
                            Appeal.Kind.APPLICATION, category("transport"), "Яма на дорозі", TEXT,
                            "вул. Шкільна, 7", null, null), List.of())));
            identity.callAs(official, () -> work.assign(a.getId(), executor));
            work.remindDue();
            work.remindDue();
            return a.getRegistrationNumber();
        });
        assertThat(mailer.latest(official, 50).stream().filter(m -> m.subject().contains(number)).count()).isEqualTo(1);
        mvc.perform(get("/account").with(as(resident))).andExpect(content().string(containsString(number)));
    }

    @Test
    void statisticsArePublicAndExported() throws Exception {
        mvc.perform(get("/kropyvnytskyi/appeals/figures")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Надійшло в електронній формі")))
                .andExpect(content().string(containsString("Житлово-комунальне господарство")));
        mvc.perform(get("/kropyvnytskyi/appeals/figures.csv")).andExpect(status().isOk())
                .andExpect(content().string(containsString("year,breakdown,value,appeals,answered")))
                .andExpect(content().string(containsString("channel,WEB")));
        mvc.perform(get("/kropyvnytskyi/appeals/figures?lang=en")).andExpect(content().string(containsString("Received electronically")));
    }

    @Test
    void aForwardedAppealKeepsItsTopicAndDepartment() throws Exception {
        String resident = DemoResidents.email("kropyvnytskyi", 408);
        String location = file(resident, "Просідає асфальт біля під’їзду");
        long id = id(location);
        String office = "/kropyvnytskyi/appeals/office/" + id + "/route";
        long housing = category("housing");
        long social = department("Департамент соціальної");
        // forwarded by hand to another department, the topic left as it is (the form sends it back)
        mvc.perform(post(office).with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("category", String.valueOf(housing)).param("department", String.valueOf(social)))
                .andExpect(flash().attribute("message", "appeal.done.routed"));
        assertThat(jdbc.queryForObject("select category_id from appeal where id = ?", Long.class, id)).isEqualTo(housing);
        assertThat(jdbc.queryForObject("select department_id from appeal where id = ?", Long.class, id)).isEqualTo(social);
        // forwarded again with the form as it opens (the same topic, department «as now»): both kept
        mvc.perform(post(office).with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                        .param("category", String.valueOf(housing)).param("department", ""))
                .andExpect(flash().attribute("message", "appeal.done.routed"));
        // and with neither given
        mvc.perform(post(office).with(csrf()).with(as("appeals@kropyvnytskyi.demo")))
                .andExpect(flash().attribute("message", "appeal.done.routed"));
        assertThat(jdbc.queryForObject("select category_id from appeal where id = ?", Long.class, id)).isEqualTo(housing);
        assertThat(jdbc.queryForObject("select department_id from appeal where id = ?", Long.class, id)).isEqualTo(social);
        mvc.perform(get(location).with(as(resident))).andExpect(content().string(containsString("Департамент соціальної")));

        // a complaint about its answer goes to the same topic and department
        mvc.perform(post("/kropyvnytskyi/appeals/office/" + id + "/answer").with(csrf()).with(as("appeals@kropyvnytskyi.demo"))
                .param("text", "Ремонт заплановано на квітень.")).andExpect(flash().attribute("message", "appeal.done.answered"));
        long complaint = id(mvc.perform(post(location + "/complaint").with(csrf()).with(as(resident))
                        .param("text", "Квітень — це надто пізно, асфальт провалюється вже зараз."))
                .andExpect(flash().attribute("message", "appeal.filed")).andReturn().getResponse().getRedirectedUrl());
        assertThat(jdbc.queryForObject("select category_id from appeal where id = ?", Long.class, complaint)).isEqualTo(housing);
        assertThat(jdbc.queryForObject("select department_id from appeal where id = ?", Long.class, complaint)).isEqualTo(social);
    }
}
