package ua.viche.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.budget.domain.BudgetFigures;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.BudgetVoting;
import ua.viche.budget.domain.Category;
import ua.viche.budget.domain.CostLine;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.CycleAdministration;
import ua.viche.budget.domain.Project;
import ua.viche.budget.domain.ProjectAuthoring;
import ua.viche.budget.domain.ProjectImplementation;
import ua.viche.budget.domain.ProjectReview;
import ua.viche.budget.results.Method;
import ua.viche.identity.Identity;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.ResidencyService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;

/** The budget's rules against the real database: phases, ages, residency, costs, votes under contention. */
@IntegrationTest
class BudgetVotingTest {

    static final String ADMIN = "admin@kropyvnytskyi.demo";
    static final String OFFICIAL = "appeals@kropyvnytskyi.demo";
    static final String DESCRIPTION = "Облаштувати безпечний дитячий майданчик із гумовим покриттям, лавками та освітленням "
            + "у дворі багатоповерхівок, де зараз лише пустир.";

    @Autowired BudgetService budget;
    @Autowired CycleAdministration administration;
    @Autowired ProjectAuthoring authoring;
    @Autowired ProjectReview review;
    @Autowired ProjectImplementation implementation;
    @Autowired BudgetVoting voting;
    @Autowired BudgetFigures budgetFigures;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired ThreadClock clock;
    @Autowired JdbcTemplate jdbc;

    Community k;
    LocalDate today;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
        today = CurrentCommunity.callAs(k, budget::today);
    }

    <T> T in(Supplier<T> work) {
        return CurrentCommunity.callAs(k, work);
    }

    <T> T at(LocalDate day, String email, Supplier<T> work) {
        return in(() -> clock.callAt(day.atTime(12, 0).toInstant(ZoneOffset.ofHours(2)), () -> identity.callAs(email, work)));
    }

    static List<CostLine.Item> costs(long hryvnias) {
        return List.of(new CostLine.Item("Обладнання", new BigDecimal("1"), hryvnias * 100));
    }

    record Setup(Cycle cycle, List<Category> categories, List<Project> projects) {}

    /** A cycle now in its voting phase, with admitted projects (costs in hryvnias) in its first category. */
    Setup voting(Method method, int votesPerPerson, boolean residency, int minAge, long... projectCosts) {
        LocalDate s = today.minusDays(60);
        Cycle.Rules rules = new Cycle.Rules("Тестовий бюджет " + UUID.randomUUID().toString().substring(0, 6), today.getYear(),
                method, votesPerPerson, false, 3, minAge, 16, residency, 0, s, s.plusDays(20), s.plusDays(40), today.minusDays(5),
                today.plusDays(10), today.plusDays(20));
        Cycle cycle = at(s, ADMIN, () -> administration.createCycle(rules, List.of(
                new CycleAdministration.CategoryDraft("Великі проєкти", "Large projects", 1_000_000_00L),
                new CycleAdministration.CategoryDraft("Малі проєкти", "Small projects", 200_000_00L))));
        List<Category> categories = in(() -> budget.categories(cycle.getId()));
        long department = in(() -> communities.departments().stream().map(Department::id).findFirst().orElseThrow());
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < projectCosts.length; i++) {
            long cost = projectCosts[i];
            String author = DemoResidents.email("kropyvnytskyi", 460 + (i % 15));
            Project p = at(s.plusDays(2), author, () -> authoring.draft(cycle.getId(), new Project.Draft(categories.get(0).getId(),
                    "Проєкт " + cost, "Коротко про проєкт", DESCRIPTION, null, null, "вул. Шкільна", costs(cost))));
            at(s.plusDays(3), author, () -> authoring.submit(p.getId()));
            at(s.plusDays(25), ADMIN, () -> review.assign(p.getId(), department));
            projects.add(at(s.plusDays(30), OFFICIAL, () -> review.review(p.getId(), true, "Реалізовний", null)));
        }
        return new Setup(cycle, categories, projects);
    }

    @Test
    void threeHundredVotersInParallelAreCountedExactly() throws Exception {
        Setup setup = voting(Method.GREEDY, 5, false, 16, 300_000, 250_000);
        long a = setup.projects().get(0).getId();
        long b = setup.projects().get(1).getId();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            String voter = DemoResidents.email("kropyvnytskyi", n);
            boolean both = n % 3 == 0;
            tasks.add(() -> in(() -> identity.callAs(voter, () -> voting.vote(a) & (!both || voting.vote(b)))));
        }
        int confirmed = 0;
        for (Future<Boolean> f : pool.invokeAll(tasks)) {
            if (f.get()) {
                confirmed++;
            }
        }
        pool.shutdown();
        assertThat(confirmed).isEqualTo(300);
        assertThat(in(() -> budgetFigures.voteCounts(setup.cycle().getId()))).containsEntry(a, 300L).containsEntry(b, 100L);
        BudgetFigures.Figures figures = in(() -> budgetFigures.figures(setup.cycle().getId()));
        assertThat(figures.voters()).isEqualTo(300);
        assertThat(figures.byCategory().get(setup.categories().get(0).getId()))
                .isEqualTo(new BudgetFigures.CategoryFigures(2, 2, 300, 400));
        assertThat(figures.byCategory().get(setup.categories().get(1).getId())).isEqualTo(new BudgetFigures.CategoryFigures(0, 0, 0, 0));
    }

    @Test
    void onePersonFromTwoSessionsNeverExceedsTheVotesAllowed() throws Exception {
        Setup setup = voting(Method.GREEDY, 3, false, 16, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000);
        String voter = DemoResidents.email("kropyvnytskyi", 301);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int session = 0; session < 2; session++) {
            for (Project p : setup.projects()) {
                tasks.add(() -> {
                    try {
                        return in(() -> identity.callAs(voter, () -> voting.vote(p.getId()))) ? "voted" : "again";
                    } catch (Refusal e) {
                        return e.messageKey();
                    }
                });
            }
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes.stream().filter("voted"::equals)).hasSize(3);
        assertThat(outcomes).allMatch(o -> o.equals("voted") || o.equals("again") || o.equals("budget.error.noVotesLeft"));
        assertThat(jdbc.queryForObject("select count(*) from budget_vote where cycle_id = ?", Long.class,
                setup.cycle().getId())).isEqualTo(3);
        // a vote taken back frees its place
        long first = in(() -> identity.callAs(voter, () -> budget.myVotes(setup.cycle().getId()))).iterator().next();
        assertThat(in(() -> identity.callAs(voter, () -> voting.unvote(first)))).isTrue();
        assertThat(in(() -> identity.callAs(voter, () -> budget.myVotes(setup.cycle().getId())))).hasSize(2);
    }

    @Test
    void phasesAgesAndResidencyAreEnforced() {
        Setup setup = voting(Method.GREEDY, 5, true, 18, 100_000);
        long project = setup.projects().get(0).getId();
        String adult = DemoResidents.email("kropyvnytskyi", 302);
        // submission is over
        assertThatThrownBy(() -> at(today, adult, () -> authoring.draft(setup.cycle().getId(), new Project.Draft(
                setup.categories().get(0).getId(), "Пізно", "Коротко", DESCRIPTION, null, null, null, costs(1000)))))
                .isInstanceOf(Refusal.class).hasMessage("budget.error.notSubmission");
        // voting is not open before its first day or after its last
        assertThatThrownBy(() -> at(today.minusDays(6), adult, () -> voting.vote(project))).hasMessage("budget.error.notVoting");
        assertThatThrownBy(() -> at(today.plusDays(11), adult, () -> voting.vote(project))).hasMessage("budget.error.notVoting");
        // below the minimum age
        String young = youngestResident(18);
        assertThatThrownBy(() -> in(() -> identity.callAs(young, () -> voting.vote(project)))).hasMessage("budget.error.tooYoung");
        // residency required: a verified person of another community is refused
        assertThatThrownBy(() -> in(() -> identity.callAs(DemoResidents.email("dmytrivka", 5), () -> voting.vote(project))))
                .hasMessage("budget.error.notResident");
        assertThat(in(() -> identity.callAs(adult, () -> voting.vote(project)))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from budget_vote where cycle_id = ?", Long.class,
                setup.cycle().getId())).isEqualTo(1);
    }

    private String youngestResident(int age) {
        for (int n = 1; n <= 480; n++) {
            String email = DemoResidents.email("kropyvnytskyi", n);
            LocalDate born = in(() -> identity.callAs(email, () -> identity.currentPerson().orElseThrow().birthDate()));
            if (born != null && born.plusYears(age).isAfter(today)) {
                return email;
            }
        }
        throw new IllegalStateException("no resident younger than " + age);
    }

    @Test
    void badProjectsAreRefusedAndNothingIsSaved() {
        LocalDate s = today.minusDays(1);
        Cycle cycle = at(s, ADMIN, () -> administration.createCycle(new Cycle.Rules("Подання " + UUID.randomUUID(), today.getYear(),
                Method.EQUAL_SHARES, 5, false, 0, 16, 16, false, 0, s, today.plusDays(10), today.plusDays(20),
                today.plusDays(21), today.plusDays(30), today.plusDays(31)),
                List.of(new CycleAdministration.CategoryDraft("Усі", "All", 500_000_00L))));
        long category = in(() -> budget.categories(cycle.getId())).get(0).getId();
        String author = DemoResidents.email("kropyvnytskyi", 303);
        long before = jdbc.queryForObject("select count(*) from budget_project", Long.class);
        record Case(String key, Project.Draft draft) {}
        List<Case> cases = List.of(
                new Case("budget.error.costPrice", new Project.Draft(category, "Т", "К", DESCRIPTION, null, null, null,
                        List.of(new CostLine.Item("Лава", BigDecimal.ONE, -500)))),
                new Case("budget.error.costQuantity", new Project.Draft(category, "Т", "К", DESCRIPTION, null, null, null,
                        List.of(new CostLine.Item("Лава", new BigDecimal("-2"), 500)))),
                new Case("budget.error.costOverCategory", new Project.Draft(category, "Т", "К", DESCRIPTION, null, null, null,
                        costs(900_000))),
                new Case("budget.error.costLines", new Project.Draft(category, "Т", "К", DESCRIPTION, null, null, null, List.of())),
                new Case("budget.error.category", new Project.Draft(999_999, "Т", "К", DESCRIPTION, null, null, null, costs(1000))),
                new Case("budget.error.outsideCommunity", new Project.Draft(category, "Т", "К", DESCRIPTION, 50.45, 30.52, null,
                        costs(1000))),
                new Case("budget.error.place", new Project.Draft(category, "Т", "К", DESCRIPTION, 48.5, null, null, costs(1000))),
                new Case("budget.error.description", new Project.Draft(category, "Т", "К", "коротко", null, null, null, costs(1000))));
        for (Case c : cases) {
            assertThatThrownBy(() -> at(today, author, () -> authoring.draft(cycle.getId(), c.draft()))).as(c.key())
                    .isInstanceOf(Refusal.class).hasMessage(c.key());
        }
        assertThat(jdbc.queryForObject("select count(*) from budget_project", Long.class)).isEqualTo(before);
        Project ok = at(today, author, () -> authoring.draft(cycle.getId(), new Project.Draft(category, "Сквер", "Коротко",
                DESCRIPTION, 48.51, 32.26, "вул. Шкільна", List.of(new CostLine.Item("Лава", new BigDecimal("4"), 6_500_00),
                        new CostLine.Item("Ліхтар", new BigDecimal("2.5"), 10_000_00)))));
        assertThat(ok.getCost()).isEqualTo(4 * 6_500_00 + 25_000_00);
    }

    @Test
    void paperVotesIdentifyThePersonSoNobodyVotesTwice() {
        Setup setup = voting(Method.GREEDY, 5, false, 16, 100_000, 120_000);
        long a = setup.projects().get(0).getId();
        long b = setup.projects().get(1).getId();
        // Коваленко Олена (demo person, tax number 3012345670) votes on paper at the CNAP …
        assertThat(in(() -> identity.callAs("cnap@kropyvnytskyi.demo", () -> voting.paperVote(setup.cycle().getId(),
                "3012345670", "Коваленко", "Олена", "Петрівна", false, List.of(a))))).containsExactly(a);
        // … cannot vote on paper again …
        assertThatThrownBy(() -> in(() -> identity.callAs("cnap@kropyvnytskyi.demo", () -> voting.paperVote(setup.cycle().getId(),
                "3012345670", "Коваленко", "Олена", "Петрівна", false, List.of(b))))).hasMessage("budget.error.alreadyVoted");
        // … nor for the same project online; she is the same person
        assertThat(in(() -> identity.callAs("olena.kovalenko@example.org", () -> voting.vote(a)))).isFalse();
        assertThat(in(() -> budgetFigures.voteCounts(setup.cycle().getId()))).containsEntry(a, 1L);
        assertThatThrownBy(() -> in(() -> identity.callAs("cnap@kropyvnytskyi.demo", () -> voting.paperVote(setup.cycle().getId(),
                "12345", "Х", "Y", "", false, List.of(a))))).hasMessage("budget.error.taxNumber");
        assertThatThrownBy(() -> in(() -> identity.callAs(DemoResidents.email("kropyvnytskyi", 304), () -> voting.paperVote(
                setup.cycle().getId(), "3012345670", "Коваленко", "Олена", "Петрівна", false, List.of(a)))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void supportsReviewWithRevisedCostReplyDecisionAndImplementation() {
        LocalDate s = today.minusDays(3);
        Cycle cycle = at(s, ADMIN, () -> administration.createCycle(new Cycle.Rules("Підтримка " + UUID.randomUUID(), today.getYear(),
                Method.GREEDY, 5, false, 0, 16, 16, false, 2, s, today.plusDays(3), today.plusDays(6), today.plusDays(7),
                today.plusDays(9), today.plusDays(10)), List.of(new CycleAdministration.CategoryDraft("Усі", "All", 500_000_00L))));
        long category = in(() -> budget.categories(cycle.getId())).get(0).getId();
        String author = DemoResidents.email("kropyvnytskyi", 305);
        Project p = at(today, author, () -> authoring.draft(cycle.getId(), new Project.Draft(category, "Лавки в парку", "Лавки",
                DESCRIPTION, null, null, "Парк Перемоги", costs(100_000))));
        // a draft is nobody else's to support: it is not there
        assertThatThrownBy(() -> at(today, DemoResidents.email("kropyvnytskyi", 306), () -> voting.support(p.getId())))
                .isInstanceOf(NotFoundException.class);
        at(today, author, () -> authoring.submit(p.getId()));
        long department = in(() -> communities.departments().stream().map(Department::id).findFirst().orElseThrow());
        at(today, ADMIN, () -> review.assign(p.getId(), department));
        // two supports are needed before the project can be admitted
        assertThatThrownBy(() -> at(today, OFFICIAL, () -> review.review(p.getId(), true, "Реалізовний", null)))
                .hasMessage("budget.error.supportsMissing");
        assertThat(at(today, DemoResidents.email("kropyvnytskyi", 306), () -> voting.support(p.getId()))).isTrue();
        assertThat(at(today, DemoResidents.email("kropyvnytskyi", 306), () -> voting.support(p.getId()))).isFalse();
        assertThat(at(today, DemoResidents.email("kropyvnytskyi", 307), () -> voting.support(p.getId()))).isTrue();
        // the reviewer admits it with a revised breakdown; both costs stay visible
        Project reviewed = at(today, OFFICIAL, () -> review.review(p.getId(), true, "Реалізовний, ціну лавок уточнено",
                List.of(new CostLine.Item("Лава", new BigDecimal("10"), 8_000_00))));
        assertThat(reviewed.getStatus()).isEqualTo(Project.Status.ADMITTED);
        assertThat(reviewed.getCost()).isEqualTo(100_000_00);
        assertThat(reviewed.effectiveCost()).isEqualTo(80_000_00);
        assertThat(in(() -> budget.costLines(p.getId())).stream().filter(CostLine::isRevised)).hasSize(1);
        // the author answers once; the council's decision is recorded
        at(today, author, () -> authoring.reply(p.getId(), "Погоджуюся з уточненням."));
        assertThatThrownBy(() -> at(today, author, () -> authoring.reply(p.getId(), "Ще раз"))).hasMessage("budget.error.alreadyReplied");
        assertThatThrownBy(() -> at(today, DemoResidents.email("kropyvnytskyi", 306), () -> authoring.reply(p.getId(), "Чужий")))
                .isInstanceOf(NotFoundException.class);
        at(today, ADMIN, () -> review.councilDecision(p.getId(), "Протокол № 4: допущено."));
        // implementation updates only for winners
        assertThatThrownBy(() -> at(today, OFFICIAL, () -> implementation.update(p.getId(), Project.Implementation.DONE, 1L, "x")))
                .hasMessage("budget.error.notWinner");
    }

    @Test
    void aVoterResidentOnlyByDeclarationIsCountedApart(@Autowired AccountService accounts,
                                                        @Autowired ResidencyService residency,
                                                        @Autowired TaxNumberHasher hasher,
                                                        @Autowired TransactionTemplate tx) {
        Setup setup = voting(Method.GREEDY, 5, true, 18, 100_000);
        long project = setup.projects().get(0).getId();
        String taxNumber = "5" + String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        String email = "declared-voter-" + UUID.randomUUID() + "@example.org";
        var account = tx.execute(s -> accounts.signInExternal(new VerifiedIdentity("test", "v-" + taxNumber,
                hasher.hash(taxNumber), "Левченко", "Тарас", "", email, "вул. Велика Перспективна, 2", true,
                LocalDate.of(1980, 3, 1)), null));
        // a verified address without the community's code is no residency
        assertThatThrownBy(() -> in(() -> identity.callAs(email, () -> voting.vote(project)))).hasMessage("budget.error.notResident");
        in(() -> {
            residency.declare(account.getPerson(), "UA35040000000034705", "вул. Велика Перспективна, 2");
            return null;
        });
        assertThat(in(() -> identity.callAs(email, () -> voting.vote(project)))).isTrue();
        assertThat(in(() -> identity.callAs(DemoResidents.email("kropyvnytskyi", 303), () -> voting.vote(project)))).isTrue();
        BudgetFigures.Figures figures = in(() -> budgetFigures.figures(setup.cycle().getId()));
        assertThat(figures.voters()).isEqualTo(2);
        assertThat(figures.declaredVoters()).isEqualTo(1);
    }
}
