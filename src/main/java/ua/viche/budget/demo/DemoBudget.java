package ua.viche.budget.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.platform.Refusal;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.Category;
import ua.viche.budget.domain.CostLine;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.Project;
import ua.viche.budget.results.Method;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;

/**
 * Demo participatory budget in each demo community: last year's cycle, voted, with approved
 * results and implementation under way, and this year's cycle in its voting phase. Everything goes
 * through the module's service "as of" the days it would have happened, once per community.
 */
@Component
@Order(45)
class DemoBudget implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBudget.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final BudgetService budget;
    private final Identity identity;
    private final ThreadClock clock;
    private final TransactionTemplate tx;

    DemoBudget(VicheSettings settings, Communities communities, BudgetService budget, Identity identity, ThreadClock clock,
               TransactionTemplate tx) {
        this.settings = settings;
        this.communities = communities;
        this.budget = budget;
        this.identity = identity;
        this.clock = clock;
        this.tx = tx;
    }

    /** A demo project: whether it is large, its texts, its cost lines, how popular it is (0–100), its place offset. */
    private record Idea(boolean large, String title, String summary, String description, List<CostLine.Item> costs,
                        int popularity, boolean feasible) {}

    private static CostLine.Item line(String item, String quantity, long hryvnias) {
        return new CostLine.Item(item, new BigDecimal(quantity), hryvnias * 100);
    }

    private static final List<Idea> IDEAS = List.of(
            new Idea(true, "Сучасний дитячий майданчик у сквері на вулиці Шкільній",
                    "Безпечний майданчик із гумовим покриттям для дітей від 2 до 12 років.",
                    "У сквері на вулиці Шкільній зараз лише старі металеві гойдалки. Пропонуємо встановити ігровий комплекс, "
                            + "гойдалки-гнізда, пісочницю з кришкою та гумове покриття, а також лавки для батьків і урни.",
                    List.of(line("Ігровий комплекс", "1", 310_000), line("Гумове покриття, м²", "180", 1_450),
                            line("Лавки", "6", 8_500), line("Монтаж", "1", 95_000)), 70, true),
            new Idea(true, "Укриття в ліцеї № 5: вентиляція, лавки, освітлення",
                    "Зробити укриття ліцею придатним для тривалого перебування дітей під час тривог.",
                    "Під час тривалих тривог діти по кілька годин перебувають у підвалі ліцею. Пропонуємо встановити "
                            + "припливно-витяжну вентиляцію, автономне освітлення, лавки на 240 місць і питну воду.",
                    List.of(line("Вентиляційна установка", "2", 145_000), line("Автономне освітлення", "1", 60_000),
                            line("Лавки", "40", 4_200), line("Монтажні роботи", "1", 120_000)), 85, true),
            new Idea(true, "Спортивний майданчик із вуличними тренажерами біля набережної",
                    "Безкоштовні тренажери для дорослих і підлітків просто неба.",
                    "Біля набережної багато людей бігає, але немає де позайматися. Пропонуємо встановити 10 вуличних "
                            + "тренажерів, турнік і бруси на прорезиненому покритті та інформаційний стенд із вправами.",
                    List.of(line("Вуличні тренажери", "10", 32_000), line("Покриття, м²", "150", 1_300),
                            line("Монтаж", "1", 70_000)), 45, true),
            new Idea(true, "Освітлення вулиці Садової на сонячних панелях",
                    "24 ліхтарі з сонячними панелями і акумуляторами вздовж вулиці Садової.",
                    "Вулиця Садова ввечері повністю темна, люди ходять від зупинки з ліхтариками телефонів. Автономні ліхтарі "
                            + "працюватимуть і під час відключень електроенергії.",
                    List.of(line("Ліхтар на сонячній панелі", "24", 21_000), line("Встановлення опор", "24", 4_500)), 55, true),
            new Idea(false, "Велопарковки біля шкіл і бібліотек",
                    "12 велопарковок на 8 велосипедів кожна.",
                    "Діти й дорослі їздять до шкіл і бібліотек велосипедами, але їх нема де надійно припаркувати. "
                            + "Пропонуємо встановити велопарковки типу «П» біля шести шкіл і двох бібліотек.",
                    List.of(line("Велопарковка на 8 місць", "12", 6_800), line("Монтаж", "12", 900)), 40, true),
            new Idea(false, "Пандус і тактильна плитка до центральної бібліотеки",
                    "Вхід до бібліотеки, доступний людям на кріслах колісних і незрячим.",
                    "До центральної бібліотеки веде сходинковий вхід без пандуса. Пропонуємо збудувати пандус за ДБН, "
                            + "встановити поручні та тактильну плитку від тротуару до дверей.",
                    List.of(line("Пандус із поручнями", "1", 78_000), line("Тактильна плитка, м²", "20", 1_100)), 50, true),
            new Idea(false, "Гурток робототехніки в будинку дитячої творчості",
                    "Набори для робототехніки та 3D-принтер для безкоштовного гуртка.",
                    "Діти громади хочуть займатися робототехнікою, але гурток не має обладнання. Пропонуємо придбати "
                            + "10 освітніх наборів, 3D-принтер і ноутбуки для занять.",
                    List.of(line("Набір робототехніки", "10", 7_500), line("3D-принтер", "1", 28_000),
                            line("Ноутбук", "3", 22_000)), 35, true),
            new Idea(false, "Зупинка з навісом і лавою біля лікарні",
                    "Навіс від дощу і лава для пасажирів біля міської лікарні.",
                    "Біля лікарні пацієнти й відвідувачі чекають автобус під відкритим небом. Пропонуємо встановити "
                            + "навіс із лавою, урною та табличкою розкладу шрифтом Брайля.",
                    List.of(line("Навіс із лавою", "1", 96_000), line("Табличка зі шрифтом Брайля", "1", 4_000)), 30, true),
            new Idea(false, "Фонтан у центрі з підсвіткою і музикою",
                    "Сучасний світло-музичний фонтан на центральній площі.",
                    "Пропонуємо збудувати на центральній площі світло-музичний фонтан із програмованою підсвіткою, "
                            + "що стане місцем відпочинку для мешканців і гостей громади.",
                    List.of(line("Фонтан із обладнанням", "1", 180_000)), 20, false));

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            if (!List.of("kropyvnytskyi", "dmytrivka", "sievierodonetsk").contains(c.slug())) {
                continue;
            }
            CurrentCommunity.runAs(c, () -> {
                if (!budget.cycles().isEmpty()) {
                    return;
                }
                boolean city = c.kind() == Community.Kind.CITY;
                LocalDate today = budget.today();
                LocalDate past = LocalDate.of(today.getYear() - 1, 1, 15);
                cycle(c, "Громадський бюджет " + (today.getYear() - 1), today.getYear() - 1, Method.GREEDY,
                        new Cycle.Rules("", 0, Method.GREEDY, 3, false, 0, 16, 16, true, 0, past, past.plusDays(59),
                                past.plusDays(105), past.plusDays(120), past.plusDays(151), past.plusDays(166)),
                        city ? 1_500_000 : 1_000_000, city ? 500_000 : 250_000, 240, true);
                LocalDate now = today.minusDays(70);
                cycle(c, "Громадський бюджет " + today.getYear(), today.getYear(),
                        c.slug().equals("kropyvnytskyi") ? Method.EQUAL_SHARES : Method.GREEDY,
                        new Cycle.Rules("", 0, Method.GREEDY, 3, false, 0, 16, 16, true, 0, now, now.plusDays(30),
                                now.plusDays(55), today.minusDays(5), today.plusDays(20), today.plusDays(30)),
                        city ? 2_000_000 : 1_200_000, city ? 600_000 : 300_000, 120, false);
                log.info("Demo participatory budget created in {}", c.slug());
            });
        }
    }

    private void cycle(Community c, String name, int year, Method method, Cycle.Rules dates, long largeUah, long smallUah,
                       int voters, boolean finished) {
        String admin = "admin@" + c.slug() + ".demo";
        String official = "appeals@" + c.slug() + ".demo";
        Cycle.Rules rules = new Cycle.Rules(name, year, method, dates.votesPerPerson(), false, 0, 16, 16, true, 0,
                dates.submissionStarts(), dates.submissionEnds(), dates.reviewEnds(), dates.votingStarts(), dates.votingEnds(),
                dates.resultsOn());
        Cycle cycle = as(dates.submissionStarts(), admin, () -> budget.createCycle(rules, List.of(
                new BudgetService.CategoryDraft("Великі проєкти", "Large projects", largeUah * 100),
                new BudgetService.CategoryDraft("Малі проєкти", "Small projects", smallUah * 100))));
        List<Category> categories = budget.categories(cycle.getId());
        long department = communities.departments().stream().map(Department::id).findFirst().orElseThrow();
        Community.Area area = c.area().orElseThrow();
        List<Project> admitted = new ArrayList<>();
        List<Integer> popularity = new ArrayList<>();
        for (int i = 0; i < IDEAS.size(); i++) {
            Idea idea = IDEAS.get(i);
            String author = Identity.demoResident(c.slug(), 200 + i + (finished ? 0 : 20));
            double lat = area.minLat() + (area.maxLat() - area.minLat()) * (0.3 + 0.05 * i);
            double lon = area.minLon() + (area.maxLon() - area.minLon()) * (0.25 + 0.06 * i);
            Category category = categories.get(idea.large() ? 0 : 1);
            Project.Draft draft = new Project.Draft(category.getId(), idea.title(), idea.summary(), idea.description(),
                    Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5, null, idea.costs());
            Project p;
            try {
                p = as(dates.submissionStarts().plusDays(3 + i), author, () -> budget.draft(cycle.getId(), draft));
            } catch (Refusal e) {
                log.warn("Demo project {} refused: {}", idea.title(), e.messageKey());
                continue;
            }
            as(dates.submissionStarts().plusDays(4 + i), author, () -> budget.submit(p.getId()));
            as(dates.submissionEnds().plusDays(1), admin, () -> budget.assign(p.getId(), department));
            Project reviewed = as(dates.submissionEnds().plusDays(10), official, () -> budget.review(p.getId(), idea.feasible(),
                    idea.feasible() ? "Проєкт відповідає положенню про громадський бюджет, ділянка комунальна, кошторис обґрунтований."
                            : "Вартість будівництва фонтану з інженерними мережами значно перевищує суму категорії; "
                                    + "експлуатація потребує щорічних витрат, яких положення не допускає.", null));
            if (reviewed.votable()) {
                admitted.add(reviewed);
                popularity.add(idea.popularity());
            }
        }
        LocalDate voteDay = finished ? dates.votingStarts().plusDays(3) : budget.today().minusDays(2);
        for (int from = 1; from <= voters; from += 40) {
            int first = from;
            clock.runAt(voteDay.atTime(12, 0).toInstant(ZoneOffset.ofHours(2)), () -> tx.executeWithoutResult(s -> {
                for (int n = first; n < first + 40 && n <= voters; n++) {
                    String voter = Identity.demoResident(c.slug(), n + (finished ? 0 : 120));
                    // residents too young on the day are not voters
                    if (identity.callAs(voter, () -> identity.currentPerson().orElseThrow().age(voteDay).orElse(0)) < 16) {
                        continue;
                    }
                    int chosen = 0;
                    for (int j = 0; j < admitted.size() && chosen < 3; j++) {
                        if (Math.floorMod(n * 31 + j * 17 + n * j, 100) < popularity.get(j)) {
                            long id = admitted.get(j).getId();
                            identity.callAs(voter, () -> budget.vote(id));
                            chosen++;
                        }
                    }
                }
            }));
        }
        if (finished) {
            as(dates.resultsOn(), admin, () -> budget.publishResults(cycle.getId()));
            List<Project> winners = budget.projects(cycle.getId()).stream().filter(p -> p.getStatus() == Project.Status.WON).toList();
            for (int i = 0; i < winners.size(); i++) {
                Project w = winners.get(i);
                Project.Implementation state = i % 3 == 0 ? Project.Implementation.DONE
                        : i % 3 == 1 ? Project.Implementation.IN_PROGRESS : Project.Implementation.PROCUREMENT;
                long spent = state == Project.Implementation.DONE ? w.effectiveCost() * 97 / 100
                        : state == Project.Implementation.IN_PROGRESS ? w.effectiveCost() / 2 : 0;
                as(dates.resultsOn().plusDays(40 + i * 20), official, () -> budget.implementationUpdate(w.getId(), state, spent,
                        state == Project.Implementation.DONE ? "Роботи завершено й прийнято комісією; економія за результатами закупівлі."
                                : state == Project.Implementation.IN_PROGRESS ? "Підрядник виконує роботи, завершення — до кінця кварталу."
                                : "Оголошено закупівлю в Prozorro."));
            }
        }
    }

    private <T> T as(LocalDate day, String email, Supplier<T> work) {
        return clock.callAt(day.atTime(12, 0).toInstant(ZoneOffset.ofHours(2)), () -> identity.callAs(email, work));
    }
}
