package ua.viche.problems.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.platform.Attachments;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemStatus;
import ua.viche.search.SearchIndexing;

/**
 * Demo problem reports in each demo community, as a year of use leaves them: categories routed to
 * its departments (a village has its wells; a city whose residents are displaced records damaged
 * homes and facilities), a few reports told through the problem rules as of the moments they
 * happened, and many more generated from a fixed seed (150+ in a city, fewer in the village) at
 * places on the community's streets, with drawn photos, followers and the full history of states
 * with the officials' comments, written in batches. Created once, when the demo is on.
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
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SearchIndexing searchIndexing;
    private final Attachments attachments;

    DemoProblems(VicheSettings settings, Communities communities, ProblemService problems, Identity identity, ThreadClock clock,
                 JdbcTemplate jdbc, TransactionTemplate tx, Attachments attachments, SearchIndexing searchIndexing) {
        this.searchIndexing = searchIndexing;
        this.jdbc = jdbc;
        this.tx = tx;
        this.attachments = attachments;
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

    /**
     * A community's plan: its categories, the hand-told stories, and how many reports to generate,
     * of which categories (a code repeated weighs more), where and in which words.
     */
    private record Plan(String slug, List<Category> categories, List<Story> stories, int generated, long seed,
                        List<String> weights, List<ProblemTexts.Place> places, Map<String, ProblemTexts.Words> words,
                        boolean displaced) {}

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
                long began = System.nanoTime();
                Map<String, Long> first = new HashMap<>();
                int n = 0;
                for (Story s : plan.stories()) {
                    int k = n++;
                    tx.executeWithoutResult(status -> tell(c, s, k, first)); // one commit per story
                }
                int photos = generate(c, plan);
                searchIndexing.writtenInBulk(ProblemReport.class); // the generated reports were written with SQL
                log.info("Demo problem reports created in {}: {} reports, {} photos, in {} ms", c.slug(),
                        plan.stories().size() + plan.generated(), photos, (System.nanoTime() - began) / 1_000_000);
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

    private static List<Category> categories(String housing, String social, Category... own) {
        return Stream.concat(Stream.of(
                new Category("potholes", "Ямковий ремонт доріг", "Potholes", housing),
                new Category("lighting", "Вуличне освітлення", "Street lighting", housing),
                new Category("waste", "Сміття та вивезення відходів", "Litter and waste collection", housing),
                new Category("trees", "Зелені насадження", "Trees and green spaces", housing),
                new Category("water", "Водопостачання та водовідведення", "Water supply and sewerage", housing),
                new Category("lifts", "Ліфти", "Lifts", housing),
                new Category("shelters", "Укриття", "Civil defence shelters", social),
                new Category("animals", "Безпритульні тварини", "Stray animals", housing)), Stream.of(own)).toList();
    }

    /** Categories weighted by how often residents report them: a code repeated weighs more. */
    private static List<String> weights(Object... codesAndWeights) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < codesAndWeights.length; i += 2) {
            for (int k = 0; k < (Integer) codesAndWeights[i + 1]; k++) {
                list.add((String) codesAndWeights[i]);
            }
        }
        return list;
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
                                step(ProblemStatus.REJECTED, "Ліфт обслуговує ОСББ; звернення переслано правлінню ОСББ для вжиття заходів.", 2)))),
                        170, 35_04_0000L, weights("potholes", 6, "lighting", 5, "waste", 5, "trees", 3, "water", 4, "lifts", 2,
                                "shelters", 2, "animals", 2), ProblemTexts.KROPYVNYTSKYI, ProblemTexts.CITY, false),
                new Plan("dmytrivka", categories(d, d, new Category("wells", "Громадські криниці", "Public wells", d)), List.of(
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
                                step(ProblemStatus.RESOLVED, "Сміття вивезено, встановлено табличку про заборону.", 12)))),
                        45, 35_04_0001L, weights("potholes", 5, "lighting", 4, "waste", 3, "trees", 2, "water", 2, "wells", 2,
                                "animals", 2, "shelters", 1), ProblemTexts.DMYTRIVKA, ProblemTexts.VILLAGE, false),
                new Plan("sievierodonetsk", categories(s, s,
                        new Category("damage", "Пошкоджене житло", "Damaged housing", s),
                        new Category("facilities", "Пошкоджені об’єкти інфраструктури", "Damaged public facilities", s)), List.of(
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
                                step(ProblemStatus.RESOLVED, "Дерево прибрано.", 3)))),
                        150, 44_12_0000L, weights("damage", 12, "facilities", 4, "water", 1, "shelters", 1, "trees", 1),
                        ProblemTexts.SIEVIERODONETSK, ProblemTexts.DISPLACED, true));
    }

    // ---- generated reports

    /**
     * Generates the plan's reports in bulk, oldest first: each with its place, words, reporter (named,
     * hidden or anonymous; some with an e-mail, who follows it), photos drawn for its category, and
     * its states up to now with the officials' comments; some reports get more followers. Written as
     * a few batches of rows in the module's own tables, in one transaction. Returns the photos made.
     */
    private int generate(Community c, Plan plan) {
        Random r = new Random(plan.seed());
        Instant now = Instant.now();
        Community.Area area = problems.area();
        Map<String, Long> categoryIds = new HashMap<>();
        problems.categories().forEach(k -> categoryIds.put(k.getCode(), k.getId()));
        String official = identity.callAs("appeals@" + c.slug() + ".demo",
                () -> identity.currentPerson().map(Identity.PersonRef::name).orElse("—"));
        // the moments the reports came in, oldest first: more of them lately, as use grows
        List<Instant> created = new ArrayList<>();
        for (int i = 0; i < plan.generated(); i++) {
            double days = 365 * Math.pow(r.nextDouble(), 1.3);
            Instant at = now.minus(Duration.ofMinutes((long) (days * 24 * 60) + 60));
            int hour = at.atZone(Dates.KYIV).getHour();
            // a night report is moved to the evening before, never forward: one moved forward could
            // come in after now (a start in the early morning would have made reports from the future)
            created.add(hour < 7 ? at.minus(Duration.ofHours(hour + 3)) : at);
        }
        created.sort(null);
        List<Long> ids = jdbc.queryForList("select nextval('problem_report_id_seq') from generate_series(1, ?)", Long.class,
                plan.generated());
        List<Object[]> reports = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> photos = new ArrayList<>();
        List<Object[]> followers = new ArrayList<>();
        Map<String, Long> firstOpen = new HashMap<>();
        Map<String, byte[]> pictures = new HashMap<>();
        for (int i = 0; i < plan.generated(); i++) {
            long id = ids.get(i);
            Instant at = created.get(i);
            String code = ProblemTexts.pick(plan.weights(), r);
            ProblemTexts.Place place = ProblemTexts.pick(plan.places(), r);
            double lat = place.lat() + r.nextGaussian() * 0.0012;
            double lon = place.lon() + r.nextGaussian() * 0.0018;
            if (!area.contains(lat, lon)) {
                lat = place.lat();
                lon = place.lon();
            }
            String address = place.address().contains("біля") ? place.address() : place.address() + ", " + (1 + r.nextInt(120));
            String text = plan.words().get(code).describe(r);
            ProblemTexts.Name given = ProblemTexts.pick(ProblemTexts.GIVEN, r);
            ProblemTexts.Name surname = ProblemTexts.pick(ProblemTexts.SURNAMES, r);
            boolean named = r.nextInt(100) < 65;
            String email = named && r.nextBoolean() ? given.latin() + "." + surname.latin() + (10 + r.nextInt(90)) + "@example.org" : null;
            String phone = named && r.nextInt(8) == 0 ? "+38067" + (1_000_000 + r.nextInt(9_000_000)) : null;
            // the states it went through, with the officials' comments
            List<Object[]> steps = new ArrayList<>();
            Long duplicateOf = null;
            int fate = r.nextInt(100);
            Instant t = at.plus(Duration.ofMinutes(90 + r.nextInt(plan.displaced() ? 7 * 24 * 60 : 2 * 24 * 60)));
            if (fate < 4 && firstOpen.containsKey(code)) {
                duplicateOf = firstOpen.get(code);
                steps.add(step(ProblemStatus.DUPLICATE, ProblemTexts.pick(ProblemTexts.DUPLICATE, r), t));
            } else if (fate < 11) {
                steps.add(step(ProblemStatus.REJECTED, ProblemTexts.pick(plan.displaced() ? ProblemTexts.DISPLACED_REJECTED
                        : ProblemTexts.REJECTED, r), t));
            } else {
                steps.add(step(ProblemStatus.ACKNOWLEDGED, ProblemTexts.pick(plan.displaced() ? ProblemTexts.DISPLACED_ACKNOWLEDGED
                        : ProblemTexts.ACKNOWLEDGED, r), t));
                if (r.nextInt(10) < 7) {
                    t = t.plus(Duration.ofHours(12 + r.nextInt(plan.displaced() ? 30 * 24 : 8 * 24)));
                    steps.add(step(ProblemStatus.IN_PROGRESS, ProblemTexts.pick(plan.displaced() ? ProblemTexts.DISPLACED_IN_PROGRESS
                            : ProblemTexts.IN_PROGRESS, r), t));
                }
                t = t.plus(Duration.ofHours(24 + r.nextInt(plan.displaced() ? 60 * 24 : 20 * 24)));
                steps.add(step(ProblemStatus.RESOLVED, ProblemTexts.pick(ProblemTexts.RESOLVED.get(code), r), t));
            }
            steps.removeIf(s -> ((Instant) s[2]).isAfter(now.minus(Duration.ofMinutes(30))));
            ProblemStatus status = steps.isEmpty() ? ProblemStatus.NEW : (ProblemStatus) steps.get(steps.size() - 1)[0];
            if (status != ProblemStatus.DUPLICATE) {
                duplicateOf = null;
            }
            if (status.open()) {
                firstOpen.putIfAbsent(code, id);
            }
            Instant updated = steps.isEmpty() ? at : (Instant) steps.get(steps.size() - 1)[2];
            reports.add(new Object[] {id, c.id(), categoryIds.get(code), status.name(), lat, lon, address, text,
                    named ? given.uk() + " " + surname.uk() : null, email, phone, named && r.nextInt(7) == 0, duplicateOf,
                    r.nextInt(12) == 0 ? "open311" : "web", "demo-" + c.slug() + "-g" + (i + 1), UUID.randomUUID().toString(),
                    Timestamp.from(at), Timestamp.from(updated)});
            updates.add(new Object[] {c.id(), id, ProblemStatus.NEW.name(), null, null, false, Timestamp.from(at)});
            for (Object[] s : steps) {
                updates.add(new Object[] {c.id(), id, ((ProblemStatus) s[0]).name(), s[1], official, true, Timestamp.from((Instant) s[2])});
            }
            int pictureCount = r.nextInt(100) < 55 ? 1 : r.nextInt(100) < 25 ? 2 : 0;
            for (int k = 0; k < pictureCount; k++) {
                byte[] jpeg = pictures.computeIfAbsent(code + "-" + r.nextInt(4), v -> ProblemPictures.jpeg(code, v.hashCode()));
                photos.add(new Object[] {id, "photo.jpg", jpeg, at});
            }
            if (email != null) {
                followers.add(new Object[] {c.id(), id, email, UUID.randomUUID().toString(), Timestamp.from(at)});
            }
            if (r.nextInt(100) < 12) {
                ProblemTexts.Name other = ProblemTexts.pick(ProblemTexts.GIVEN, r);
                followers.add(new Object[] {c.id(), id, other.latin() + (100 + r.nextInt(900)) + "@example.org",
                        UUID.randomUUID().toString(), Timestamp.from(at.plus(Duration.ofHours(1 + r.nextInt(48))))});
            }
        }
        tx.executeWithoutResult(s -> {
            batch("insert into problem_report (id, community_id, category_id, status, latitude, longitude, address, description,"
                    + " reporter_name, reporter_email, reporter_phone, hide_name, duplicate_of_id, source, idempotency_key, token,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reports);
            batch("insert into problem_update (community_id, report_id, status, comment, author_name, official, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", updates);
            for (Object[] photo : photos) { // the reports are written: their photos are the platform's attachments
                attachments.storeGenerated(ProblemService.owner((Long) photo[0]), (String) photo[1], "image/jpeg",
                        (byte[]) photo[2], (Instant) photo[3]);
            }
            batch("insert into problem_subscriber (community_id, report_id, email, confirmed, token, created_at)"
                    + " values (?, ?, ?, true, ?, ?) on conflict (report_id, email) do nothing", followers);
        });
        return photos.size();
    }

    private static Object[] step(ProblemStatus status, String comment, Instant at) {
        return new Object[] {status, comment, at};
    }


    private void batch(String sql, List<Object[]> rows) {
        jdbc.batchUpdate(sql, rows, 500, (ps, row) -> {
            for (int k = 0; k < row.length; k++) {
                ps.setObject(k + 1, row[k]);
            }
        });
    }

}
