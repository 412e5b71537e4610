package ua.viche.problems.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemStatus;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;

/**
 * Demo problem reports in each demo community: categories routed to its
 * departments, and reports across its map in every state with officials' public comments, created
 * through the problem rules as of the moments they would have happened. Created once.
 */
@Component
@Order(41)
class DemoProblems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProblems.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final ProblemService problems;
    private final Identity identity;
    private final ThreadClock clock;

    DemoProblems(VicheSettings settings, Communities communities, ProblemService problems, Identity identity, ThreadClock clock) {
        this.settings = settings;
        this.communities = communities;
        this.problems = problems;
        this.identity = identity;
        this.clock = clock;
    }

    private record Category(String code, String uk, String en, String departmentUk) {}

    /** A report: where, what, by whom (null: anonymous), how it ends, with the officials' comments on the way. */
    private record Story(String code, double lat, double lon, String address, String text, @Nullable String name,
                         @Nullable String email, boolean hideName, int daysAgo, List<Step> steps) {}

    private record Step(ProblemStatus status, String comment, int afterDays) {}

    private record Plan(String slug, List<Category> categories, List<Story> stories) {}

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Plan plan : plans()) {
            Community community = communities.bySlug(plan.slug()).orElse(null);
            if (community == null) {
                continue;
            }
            Community c = community;
            CurrentCommunity.runAs(c, () -> {
                if (!problems.categories().isEmpty()) {
                    return;
                }
                identity.callAs("admin@" + c.slug() + ".demo", () -> {
                    plan.categories().forEach(k -> problems.saveCategory(k.code(), k.uk(), k.en(), department(k.departmentUk()), true));
                    return null;
                });
                Map<String, Long> first = new HashMap<>();
                int n = 0;
                for (Story s : plan.stories()) {
                    tell(c, s, n++, first);
                }
                log.info("Demo problem reports created in {}", c.slug());
            });
        }
    }

    private @Nullable Long department(String nameUk) {
        return communities.departments().stream().filter(d -> d.nameUk().equals(nameUk)).map(Department::id).findFirst().orElse(null);
    }

    private void tell(Community c, Story s, int n, Map<String, Long> first) {
        ProblemCategory category = problems.category(s.code()).orElseThrow();
        Instant start = Instant.now().minus(Duration.ofDays(s.daysAgo())).minus(Duration.ofMinutes(37L * n));
        ProblemReport r = clock.callAt(start, () -> problems.submit(new ProblemService.Submission(category.getId(), s.lat(),
                s.lon(), s.address(), s.text(), s.name(), s.email(), null, s.hideName(), null, List.of(),
                "demo-" + c.slug() + "-" + n, "web")).report());
        first.putIfAbsent(s.code(), r.getId());
        String official = "appeals@" + c.slug() + ".demo";
        for (Step step : s.steps()) {
            Instant at = start.plus(Duration.ofDays(step.afterDays())).plus(Duration.ofHours(2));
            Long duplicateOf = step.status() == ProblemStatus.DUPLICATE ? first.get(s.code()) : null;
            clock.runAt(at, () -> identity.callAs(official, () -> problems.move(r.getId(), step.status(), step.comment(), duplicateOf)));
        }
    }

    private static List<Category> categories(String housing, String social) {
        return List.of(
                new Category("potholes", "Ямковий ремонт доріг", "Potholes", housing),
                new Category("lighting", "Вуличне освітлення", "Street lighting", housing),
                new Category("waste", "Сміття та вивезення відходів", "Litter and waste collection", housing),
                new Category("trees", "Зелені насадження", "Trees and green spaces", housing),
                new Category("water", "Водопостачання та водовідведення", "Water supply and sewerage", housing),
                new Category("lifts", "Ліфти", "Lifts", housing),
                new Category("shelters", "Укриття", "Civil defence shelters", social),
                new Category("animals", "Безпритульні тварини", "Stray animals", housing));
    }

    private static Step step(ProblemStatus status, String comment, int afterDays) {
        return new Step(status, comment, afterDays);
    }

    private static List<Plan> plans() {
        String k = "Управління житлово-комунального господарства";
        String d = "Загальний відділ";
        String s = "Відділ зі звернень громадян";
        return List.of(
                new Plan("kropyvnytskyi", categories(k, "Департамент соціальної політики"), List.of(
                        new Story("potholes", 48.5095, 32.2641, "вул. Велика Перспективна, 28",
                                "Глибока яма на проїжджій частині біля пішохідного переходу, після дощу її не видно. Уже двоє авто пошкодили колеса.",
                                "Олена Коваленко", "olena.kovalenko@example.org", false, 40, List.of(
                                step(ProblemStatus.ACKNOWLEDGED, "Прийнято. Ділянку внесено до графіка ямкового ремонту.", 1),
                                step(ProblemStatus.IN_PROGRESS, "Підрядник приступить до робіт цього тижня за сприятливої погоди.", 10),
                                step(ProblemStatus.RESOLVED, "Яму закладено асфальтобетоном, ділянку перевірено.", 16))),
                        new Story("lighting", 48.5172, 32.2485, "вул. Євгена Чикаленка, біля будинку 45",
                                "Третій тиждень не світять чотири ліхтарі поспіль, увечері на тротуарі зовсім темно.",
                                "Андрій Шевчук", "andrii.shevchuk@example.org", true, 12, List.of(
                                step(ProblemStatus.ACKNOWLEDGED, "Заявку передано КП «Міськсвітло».", 1))),
                        new Story("waste", 48.4988, 32.2310, "просп. Перемоги, 7, контейнерний майданчик",
                                "Контейнери переповнені, сміття лежить навколо майданчика, його розносять собаки.",
                                null, null, false, 5, List.of()),
                        new Story("trees", 48.5221, 32.2702, "парк «Ковалівський», центральна алея",
                                "Після буревію нахилилося старе дерево над алеєю, гілки тріщать. Небезпечно для людей з дітьми.",
                                "Надія Ткаченко", "nadiia.tkachenko@example.org", false, 20, List.of(
                                step(ProblemStatus.IN_PROGRESS, "Обстежено. Дерево аварійне, видалення заплановано; алею тимчасово обгороджено.", 2))),
                        new Story("shelters", 48.5041, 32.2598, "вул. Дворцова, 18, укриття у підвалі школи",
                                "Під час повітряної тривоги укриття було зачинене, ключа ніхто не мав. Люди стояли біля дверей.",
                                null, null, false, 8, List.of(
                                step(ProblemStatus.ACKNOWLEDGED, "Перевіряємо: відповідальну особу за укриття встановлено, з’ясовуємо причини.", 1),
                                step(ProblemStatus.RESOLVED, "Укриття відкривається автоматично за сигналом тривоги; ключі також є у чергового.", 4))),
                        new Story("water", 48.5130, 32.2820, "вул. Полтавська, 64",
                                "Із люка на тротуарі б’є вода вже два дні, утворилася калюжа на всю ширину проходу.",
                                "Ігор Бондар", null, false, 3, List.of()),
                        new Story("potholes", 48.5096, 32.2643, "вул. Велика Перспективна, 30",
                                "Яма біля переходу, колесо влетіло повністю.", null, null, false, 38, List.of(
                                step(ProblemStatus.DUPLICATE, "Про цю яму вже повідомлено, стежте за основним повідомленням.", 1))),
                        new Story("lifts", 48.4925, 32.2455, "вул. Генерала Родимцева, 98, під’їзд 3",
                                "Ліфт не працює вже тиждень, у під’їзді живуть літні люди на 8–9 поверхах.",
                                "Марія Лисенко", null, true, 15, List.of(
                                step(ProblemStatus.REJECTED, "Ліфт обслуговує ОСББ; звернення переслано правлінню ОСББ для вжиття заходів.", 2))))),
                new Plan("dmytrivka", categories(d, d), List.of(
                        new Story("lighting", 48.7012, 32.7420, "с. Дмитрівка, вул. Центральна, біля клубу",
                                "Не горить ліхтар на зупинці, діти ввечері чекають автобус у темряві.",
                                "Петро Гончаренко", null, false, 9, List.of(
                                step(ProblemStatus.IN_PROGRESS, "Електрик старостату замінить лампу до кінця тижня.", 2))),
                        new Story("animals", 48.6950, 32.7385, "с. Дмитрівка, біля школи",
                                "Зграя безпритульних собак біля школи, лякають дітей зранку.",
                                null, null, false, 4, List.of()),
                        new Story("waste", 48.7105, 32.7550, "узлісся за вулицею Садовою",
                                "Стихійне сміттєзвалище за селом, завозять будівельне сміття.",
                                "Ганна Мельник", null, false, 25, List.of(
                                step(ProblemStatus.ACKNOWLEDGED, "Інформацію передано старості, організуємо прибирання толокою.", 3),
                                step(ProblemStatus.RESOLVED, "Сміття вивезено, встановлено табличку про заборону.", 12))))),
                new Plan("sievierodonetsk", categories(s, s), List.of(
                        new Story("shelters", 48.9480, 38.4920, "просп. Центральний, 32",
                                "Вказівника до найближчого укриття немає, люди не знають, куди йти.",
                                null, null, false, 30, List.of(
                                step(ProblemStatus.ACKNOWLEDGED, "Прийнято до відома; вказівники буде встановлено після повернення громади.", 5))),
                        new Story("water", 48.9425, 38.5010, "вул. Гагаріна, 85",
                                "Тече труба водопостачання біля будинку, вода йде на дорогу.",
                                "Олег Савченко", null, true, 14, List.of()),
                        new Story("trees", 48.9530, 38.4850, "бульвар Дружби Народів",
                                "Зламане дерево лежить на тротуарі після негоди.",
                                null, null, false, 18, List.of(
                                step(ProblemStatus.RESOLVED, "Дерево прибрано.", 3))))));
    }

}
