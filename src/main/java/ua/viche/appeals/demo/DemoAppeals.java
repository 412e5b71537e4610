package ua.viche.appeals.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.appeals.AppealsModule;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealCategory;
import ua.viche.appeals.domain.AppealRegistration;
import ua.viche.appeals.domain.AppealService;
import ua.viche.appeals.domain.AppealWork;
import ua.viche.identity.Identity;
import ua.viche.platform.AppealTerms;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.Role;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;

/**
 * Demo appeals in each demo community: the topics of the mayor's hotline (housing and utilities,
 * social protection, shelters…) routed to departments, and appeals in every state — new, in work,
 * urgent, extended, overdue, answered and rated, closed, returned, a complaint about an answer —
 * from the web and the hotline. Created through the module's service, once per community.
 */
@Component
@Order(40)
class DemoAppeals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAppeals.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final AppealService appeals;
    private final AppealRegistration registration;
    private final AppealWork officials;
    private final Identity identity;
    private final ThreadClock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WorkingDays days;

    DemoAppeals(VicheSettings settings, Communities communities, AppealService appeals, AppealRegistration registration,
                AppealWork officials, Identity identity, ThreadClock clock, JdbcTemplate jdbc, TransactionTemplate tx,
                WorkingDays days) {
        this.registration = registration;
        this.officials = officials;
        this.jdbc = jdbc;
        this.tx = tx;
        this.days = days;
        this.settings = settings;
        this.communities = communities;
        this.appeals = appeals;
        this.identity = identity;
        this.clock = clock;
    }

    /** A topic and the beginnings of the names of the departments it may go to (the first that exists). */
    private record Topic(String code, String uk, String en, List<String> departments) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic("housing", "Житлово-комунальне господарство", "Housing and utilities",
                    List.of("Управління житлово", "Загальний відділ", "Відділ зі звернень")),
            new Topic("social", "Соціальний захист", "Social protection",
                    List.of("Департамент соціальної", "Управління соціального", "Загальний відділ")),
            new Topic("shelters", "Укриття та цивільний захист", "Shelters and civil protection",
                    List.of("Управління житлово", "Загальний відділ", "Відділ зі звернень")),
            new Topic("transport", "Транспорт і дороги", "Transport and roads",
                    List.of("Управління житлово", "Відділ економічного", "Відділ зі звернень")),
            new Topic("education", "Освіта", "Education", List.of("Управління освіти", "Загальний відділ", "Відділ зі звернень")),
            new Topic("health", "Охорона здоров’я", "Health care",
                    List.of("Управління охорони", "Загальний відділ", "Управління соціального")),
            new Topic("services", "Адміністративні послуги", "Administrative services",
                    List.of("Департамент надання", "Відділ надання", "Відділ адміністративних")),
            new Topic("digital", "Сайт і електронні сервіси", "Website and e-services",
                    List.of("Управління інформаційних", "Відділ комунікацій", "Відділ автоматизованих")),
            new Topic("other", "Інше", "Other", List.of("Управління діловодства", "Загальний відділ", "Відділ зі звернень")));

    /** Where a demo appeal's story ends. */
    private enum End { REGISTERED, IN_WORK, URGENT, EXTENDED, OVERDUE, ANSWERED, RATED, CLOSED, RETURNED, COMPLAINT }

    private record Story(String topic, Appeal.Kind kind, boolean hotline, String subject, String text, String benefit,
                         End end, int daysAgo, String answer) {}

    private static final List<Story> STORIES = List.of(
            new Story("housing", Appeal.Kind.APPLICATION, false, "Протікає покрівля над під’їздом № 3",
                    "Після кожного дощу в під’їзді № 3 нашого будинку тече зі стелі на п’ятому поверсі, намокає електропроводка. "
                            + "Управителя повідомляли двічі, але ремонту немає. Прошу вжити заходів до настання морозів.",
                    "", End.IN_WORK, 6, ""),
            new Story("social", Appeal.Kind.APPLICATION, true, "Допомога з придбанням твердого палива",
                    "Заявниця, пенсіонерка, проживає сама в приватному будинку з пічним опаленням. Просить роз’яснити, "
                            + "чи може вона отримати допомогу на придбання дров на опалювальний сезон і які документи потрібні.",
                    "особа з інвалідністю II групи", End.REGISTERED, 1, ""),
            new Story("shelters", Appeal.Kind.COMPLAINT, false, "Зачинене укриття в школі під час тривоги",
                    "Під час повітряної тривоги 3 листопада ввечері укриття в підвалі школи на нашій вулиці було зачинене, "
                            + "люди з дітьми стояли біля дверей понад 20 хвилин. Прошу з’ясувати, хто відповідає за ключі, "
                            + "і забезпечити цілодобовий доступ.",
                    "", End.URGENT, 3, ""),
            new Story("transport", Appeal.Kind.PROPOSAL, false, "Продовжити маршрут автобуса до нового кладовища",
                    "Пропоную продовжити маршрут автобуса на дві зупинки до нового кладовища хоча б у вихідні дні: "
                            + "літнім людям дуже важко долати пішки понад два кілометри.",
                    "", End.EXTENDED, 20, ""),
            new Story("housing", Appeal.Kind.APPLICATION, false, "Не вивозять сміття з контейнерного майданчика",
                    "Уже другий тиждень не вивозять сміття з майданчика біля будинку, контейнери переповнені, "
                            + "сміття розносить вітер. Прошу зобов’язати перевізника відновити графік вивезення.",
                    "", End.OVERDUE, 34, ""),
            new Story("education", Appeal.Kind.APPLICATION, false, "Місце в дитячому садку для дитини ВПО",
                    "Наша родина переїхала до громади з Луганської області. Прошу повідомити, чи є вільні місця "
                            + "в дитячих садках поблизу і як стати на чергу, якщо документи дитини частково втрачено.",
                    "внутрішньо переміщена особа", End.RATED, 25,
                    "Вільні місця є в закладі дошкільної освіти № 12. Для зарахування подайте заяву через ЦНАП; "
                            + "довідку ВПО та свідоцтво про народження можна замінити витягом з Дії. Дитину зараховано "
                            + "поза чергою як дитину з родини внутрішньо переміщених осіб."),
            new Story("health", Appeal.Kind.PROPOSAL, true, "Пандус до амбулаторії сімейної медицини",
                    "Заявник пересувається на кріслі колісному і не може самостійно потрапити до амбулаторії: "
                            + "пандус занадто крутий і без поручнів. Пропонує переобладнати вхід.",
                    "особа з інвалідністю I групи", End.ANSWERED, 18,
                    "Дякуємо за пропозицію. Переобладнання входу з пандусом за ДБН В.2.2-40 включено до плану робіт "
                            + "на наступний рік; до того часу встановлено кнопку виклику персоналу біля входу."),
            new Story("services", Appeal.Kind.COMPLAINT, false, "Відмова прийняти документи без попереднього запису",
                    "У ЦНАП адміністратор відмовився прийняти документи на реєстрацію місця проживання без попереднього "
                            + "запису, хоча живої черги не було. Прошу пояснити правила прийому.",
                    "", End.CLOSED, 40,
                    "Прийом у ЦНАП здійснюється і за попереднім записом, і в порядку живої черги. З адміністратором "
                            + "проведено роз’яснювальну роботу; ви можете звернутися в будь-який робочий день."),
            new Story("other", Appeal.Kind.APPLICATION, false, "Прошу допомогти",
                    "Прошу допомогти вирішити моє питання якнайшвидше, бо я вже звертався раніше і нічого не змінилося.",
                    "", End.RETURNED, 4, ""),
            new Story("digital", Appeal.Kind.PROPOSAL, false, "Версія сайту для людей із порушенням зору",
                    "Пропоную додати на сайт громади режим високої контрастності та збільшеного шрифту, а документи "
                            + "публікувати не лише сканами, а й текстом, щоб їх могли читати програми екранного доступу.",
                    "", End.COMPLAINT, 30,
                    "Сайт громади відповідає вимогам доступності, тому змін не потрібно."));

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
                if (!appeals.categories().isEmpty()) {
                    return;
                }
                String admin = "admin@" + c.slug() + ".demo";
                identity.callAs(admin, () -> {
                    int position = 10;
                    for (Topic t : TOPICS) {
                        appeals.saveCategory(null, t.code(), t.uk(), t.en(), department(t), position, true);
                        position += 10;
                    }
                    return null;
                });
                long began = System.nanoTime();
                int generated = generate(c);
                for (int i = 0; i < STORIES.size(); i++) {
                    int n = i + 1;
                    tx.executeWithoutResult(status -> tell(c, STORIES.get(n - 1), n)); // one commit per story
                }
                log.info("Demo appeals created in {}: {} appeals, in {} ms", c.slug(), generated + STORIES.size(),
                        (System.nanoTime() - began) / 1_000_000);
            });
        }
    }

    private Long department(Topic t) {
        List<Department> all = communities.departments();
        for (String prefix : t.departments()) {
            for (Department d : all) {
                if (d.nameUk().startsWith(prefix)) {
                    return d.id();
                }
            }
        }
        return null;
    }

    private void tell(Community c, Story s, int n) {
        String resident = Identity.demoResident(c.slug(), 300 + n);
        String official = "appeals@" + c.slug() + ".demo";
        String operator = "operator@" + c.slug() + ".demo";
        Instant start = LocalDate.now(clock.withZone(Dates.KYIV)).minusDays(s.daysAgo())
                .atTime(10, 15).atZone(Dates.KYIV).toInstant();
        Long category = appeals.activeCategories().stream().filter(k -> k.getCode().equals(s.topic())).map(AppealCategory::getId)
                .findFirst().orElseThrow();
        AppealRegistration.Request request = new AppealRegistration.Request(s.kind(), category, s.subject(), s.text(),
                c.nameUk().replace(" територіальна громада", "").replace("міська", "м.").replace("сільська", "с.") + ", вул. Шкільна, " + (n * 3),
                s.hotline() ? "+380 50 123 45 " + (10 + n) : null, s.benefit().isEmpty() ? null : s.benefit());
        Appeal a = clock.callAt(start, () -> s.hotline()
                ? identity.callAs(operator, () -> registration.registerCall(request, hotlineName(n), null, List.of()))
                : identity.callAs(resident, () -> registration.file(request, List.of())));
        long id = a.getId();
        Instant work = start.plus(Duration.ofDays(1));
        if (s.end() == End.REGISTERED) {
            return;
        }
        if (s.end() == End.RETURNED) {
            clock.runAt(work, () -> identity.callAs(official, () -> officials.returnToApplicant(id,
                    "У зверненні не викладено суті питання: не зазначено, якого саме питання воно стосується і що саме просите зробити. "
                            + "Подайте, будь ласка, звернення повторно з описом суті.")));
            return;
        }
        if (s.end() == End.OVERDUE) {
            clock.runAt(work, () -> identity.callAs(official, () -> officials.note(id, "Перевізнику надіслано запит, відповіді немає.")));
            return;
        }
        long executor = identity.callAs(official, () -> appeals.executors(appeals.visible(id)).stream()
                .filter(p -> p.email() != null && p.email().equals(official)).findFirst().orElseThrow().accountId());
        clock.runAt(work, () -> identity.callAs(official, () -> officials.assign(id, executor)));
        switch (s.end()) {
            case URGENT -> clock.runAt(work.plusSeconds(600), () -> identity.callAs(official, () -> officials.markUrgent(id)));
            case EXTENDED -> clock.runAt(work.plus(Duration.ofDays(10)), () -> identity.callAs(official, () -> officials.extend(id,
                    appeals.visible(id).getRegisteredOn().plusDays(44),
                    "Потрібне обстеження пасажиропотоку та погодження з перевізником.")));
            case ANSWERED, RATED, CLOSED, COMPLAINT -> {
                Instant answered = work.plus(Duration.ofDays(9));
                clock.runAt(answered, () -> identity.callAs(official, () -> officials.answer(id, s.answer(), List.of())));
                if (s.end() == End.RATED) {
                    clock.runAt(answered.plus(Duration.ofHours(5)), () -> identity.callAs(resident, () -> registration.rate(id, 5,
                            "Дякую, питання вирішили швидко.")));
                }
                if (s.end() == End.CLOSED) {
                    clock.runAt(answered.plus(Duration.ofDays(3)), () -> identity.callAs(official, () -> officials.close(id)));
                }
                if (s.end() == End.COMPLAINT) {
                    clock.runAt(answered.plus(Duration.ofDays(1)), () -> identity.callAs(resident, () -> {
                        registration.rate(id, 1, "Відповідь не стосується суті пропозиції.");
                        return registration.complain(id, "Відповідь формальна: на сайті немає режиму високої контрастності, "
                                + "а рішення ради публікуються лише сканами без тексту. Прошу розглянути пропозицію по суті.", List.of());
                    }));
                }
            }
            default -> { }
        }
    }

    // ---- generated appeals

    /** How many appeals a community gets and in which words. */
    private record Volume(int count, long seed, List<AppealTexts.Item> items) {}

    private static Volume volume(Community c) {
        return switch (c.slug()) {
            case "kropyvnytskyi" -> new Volume(120, 35_04_0000L, AppealTexts.CITY);
            case "dmytrivka" -> new Volume(35, 35_04_0001L, AppealTexts.VILLAGE);
            default -> new Volume(90, 44_12_0000L, AppealTexts.DISPLACED);
        };
    }

    /**
     * Generates a year of appeals in bulk, oldest first: from the web (demo residents), the hotline
     * and paper letters, each registered, routed (some to another department first), assigned,
     * and then — as far as its age allows — made urgent, extended, answered, rated, closed or
     * returned; some left open past their due day. Each appeal is built by the appeal's own rules
     * ({@link Appeal#register} and its moves, which compute the terms), then written with its
     * history and registration number in a few batches, in one transaction. Returns how many.
     */
    private int generate(Community c) {
        Volume v = volume(c);
        Random r = new Random(v.seed());
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(Dates.KYIV);
        List<Identity.PersonRef> residents = identity.demoResidents(c.slug(), 300);
        List<Identity.PersonRef> web = residents.size() > 100 ? residents.subList(100, residents.size()) : residents;
        Identity.PersonRef operator = identity.callAs("operator@" + c.slug() + ".demo", () -> identity.currentPerson().orElseThrow());
        Identity.PersonRef clerk = identity.callAs("appeals@" + c.slug() + ".demo", () -> identity.currentPerson().orElseThrow());
        LocalTime closes = AppealsModule.CLOSES.value(c);
        Map<String, AppealCategory> byCode = new HashMap<>();
        appeals.categories().forEach(k -> byCode.put(k.getCode(), k));
        Map<Long, String> departments = new HashMap<>();
        communities.departments().forEach(d -> departments.put(d.id(), d.nameUk()));
        List<Long> departmentIds = new ArrayList<>(departments.keySet());
        departmentIds.sort(null);
        String place = c.nameUk().replace(" територіальна громада", "").replace("міська", "м.").replace("сільська", "с.");

        List<Instant> received = new ArrayList<>();
        for (int i = 0; i < v.count(); i++) {
            double age = 365 * Math.pow(r.nextDouble(), 1.2);
            ZonedDateTime at = now.minus(Duration.ofMinutes((long) (age * 24 * 60) + 120)).atZone(Dates.KYIV);
            received.add(at.withHour(8 + r.nextInt(10)).withMinute(r.nextInt(60)).toInstant());
        }
        received.sort(null);
        received.removeIf(at -> at.isAfter(now.minus(Duration.ofMinutes(30))));
        Map<Long, List<Identity.PersonRef>> staff = new HashMap<>();
        List<Long> ids = jdbc.queryForList("select nextval('appeal_id_seq') from generate_series(1, ?)", Long.class, received.size());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int i = 0; i < received.size(); i++) {
            long id = ids.get(i);
            Instant at = received.get(i);
            AppealTexts.Item item = AppealTexts.pick(v.items(), r);
            AppealCategory category = byCode.get(item.topic());
            int channelDice = r.nextInt(100);
            Appeal.Channel channel = channelDice < 55 ? Appeal.Channel.WEB : channelDice < 88 ? Appeal.Channel.HOTLINE : Appeal.Channel.PAPER;
            String address = place + ", вул. " + AppealTexts.pick(STREETS, r) + ", " + (1 + r.nextInt(90));
            Appeal.Applicant applicant;
            if (channel == Appeal.Channel.WEB) {
                Identity.PersonRef p = AppealTexts.pick(web, r);
                applicant = new Appeal.Applicant(p.personId(), p.accountId(), p.name(), address, p.email(), null,
                        r.nextInt(10) == 0 ? "внутрішньо переміщена особа" : null);
            } else {
                applicant = new Appeal.Applicant(null, null, AppealTexts.pick(AppealTexts.HOTLINE_NAMES, r), address, null,
                        "+380 " + (50 + r.nextInt(49)) + " " + (100 + r.nextInt(900)) + " " + (10 + r.nextInt(90)) + " " + (10 + r.nextInt(90)),
                        r.nextInt(6) == 0 ? "особа з інвалідністю II групи" : null);
            }
            LocalDate registeredOn = AppealTerms.registrationDay(at, closes, days);
            int year = registeredOn.getYear();
            int number = numbers.merge(year, 1, Integer::sum);
            Appeal a = Appeal.register("#" + year + "-" + number, channel, applicant, new Appeal.Content(item.kind(), item.subject(),
                    AppealTexts.pick(AppealTexts.OPENINGS, r) + item.text(), category.getId(), category.getDepartmentId()), at,
                    registeredOn, days);
            List<Object[]> history = new ArrayList<>();
            history.add(event(id, at, "registered", false, null, day(a.getDueOn())));
            // the story as far as its age allows: a day's steps at most, from registration on
            Instant t = registeredOn.atTime(10, r.nextInt(60)).atZone(Dates.KYIV).toInstant();
            if (t.isBefore(at)) {
                t = at.plus(Duration.ofMinutes(30));
            }
            long ageDays = Duration.between(at, now).toDays();
            int fate = r.nextInt(100);
            if (fate < 4 && ageDays >= 2 && channel == Appeal.Channel.WEB) {
                Instant back = t.plus(Duration.ofDays(1 + r.nextInt(3)));
                if (back.isBefore(now)) {
                    String reason = AppealTexts.pick(AppealTexts.RETURNS, r);
                    a.returnToApplicant(reason, back.atZone(Dates.KYIV).toLocalDate(), back, days);
                    history.add(event(id, back, "returned", false, clerk.name(), reason));
                }
            } else if (t.isBefore(now)) {
                if (r.nextInt(8) == 0 && departmentIds.size() > 1) { // first sent to the wrong department, then forwarded
                    Long wrong = departmentIds.get(r.nextInt(departmentIds.size()));
                    if (!wrong.equals(a.getDepartmentId())) {
                        Long right = a.getDepartmentId();
                        history.add(event(id, t, "routed", false, clerk.name(), departments.get(right)));
                        t = t.plus(Duration.ofHours(2));
                    }
                }
                boolean stillNew = ageDays < 2 && r.nextBoolean();
                if (!stillNew && t.isBefore(now)) {
                    List<Identity.PersonRef> executors = staff.computeIfAbsent(a.getDepartmentId() == null ? 0L : a.getDepartmentId(),
                            d -> identity.staff(Role.OFFICIAL, d == 0L ? null : d));
                    Identity.PersonRef executor = executors.isEmpty() ? clerk : AppealTexts.pick(executors, r);
                    a.assign(executor.accountId(), executor.name());
                    history.add(event(id, t, "assigned", false, clerk.name(), executor.name()));
                    if (r.nextInt(10) == 0) {
                        a.markUrgent(days);
                        history.add(event(id, t.plusSeconds(300), "urgent", false, clerk.name(), day(a.getDueOn())));
                    }
                    if (r.nextInt(3) == 0) {
                        Instant noted = t.plus(Duration.ofDays(1 + r.nextInt(5)));
                        if (noted.isBefore(now)) {
                            history.add(event(id, noted, "note", true, executor.name(), AppealTexts.pick(AppealTexts.NOTES, r)));
                        }
                    }
                    LocalDate due = a.getDueOn();
                    boolean extend = !a.isUrgent() && r.nextInt(7) == 0;
                    if (extend) {
                        Instant extendedAt = due.minusDays(3).atTime(11, 0).atZone(Dates.KYIV).toInstant();
                        LocalDate cap = AppealTerms.extensionCap(a.getRegisteredOn(), days);
                        if (extendedAt.isBefore(now) && extendedAt.isAfter(t) && cap.isAfter(due)) {
                            String reason = AppealTexts.pick(AppealTexts.EXTENSIONS, r);
                            a.extend(cap, reason, extendedAt, days);
                            history.add(event(id, extendedAt, "extended", false, executor.name(), reason));
                        }
                    }
                    // answered within the term mostly, a few late; a few still open past it
                    long span = Math.max(1, ChronoUnit.DAYS.between(a.getRegisteredOn(), a.getDueOn()));
                    boolean overdue = r.nextInt(100) < 6;
                    Instant answeredAt = a.getRegisteredOn().plusDays(overdue ? span + 2 + r.nextInt(10) : 2 + r.nextInt((int) span))
                            .atTime(9 + r.nextInt(8), r.nextInt(60)).atZone(Dates.KYIV).toInstant();
                    if (a.getExtendedAt() != null && answeredAt.isBefore(a.getExtendedAt())) {
                        answeredAt = a.getExtendedAt().plus(Duration.ofDays(1 + r.nextInt(10)));
                    }
                    boolean leftOpen = overdue && r.nextBoolean();
                    Instant answered = answeredAt;
                    if (!leftOpen && answered.isBefore(now) && answered.isAfter(t)) {
                        a.answer(item.answer(), executor.name(), answered);
                        history.add(event(id, answered, "answered", false, executor.name(), null));
                        Instant rated = answered.plus(Duration.ofHours(3 + r.nextInt(72)));
                        if (a.getApplicantPersonId() != null && r.nextInt(5) < 2 && rated.isBefore(now)) {
                            int stars = r.nextInt(10) < 7 ? 4 + r.nextInt(2) : 1 + r.nextInt(3);
                            String comment = r.nextBoolean() ? AppealTexts.pick(AppealTexts.THANKS, r) : null;
                            a.rate(stars, comment, rated);
                            history.add(event(id, rated, "rated", false, a.getApplicantName(), stars + (comment == null ? "" : " — " + comment)));
                        }
                        Instant closed = answered.plus(Duration.ofDays(5 + r.nextInt(10)));
                        if (r.nextInt(10) < 6 && closed.isBefore(now)) {
                            a.close(closed);
                            history.add(event(id, closed, "closed", false, clerk.name(), null));
                        }
                    }
                }
            }
            rows.add(new Object[] {id, c.id(), a.getRegistrationNumber(), a.getKind().name(), a.getChannel().name(), a.getStatus().name(),
                    a.getApplicantPersonId(), a.getApplicantAccountId(), a.getApplicantName(), a.getApplicantAddress(), a.getApplicantEmail(),
                    a.getApplicantPhone(), a.getBenefit(), a.getSubject(), a.getText(), a.getCategoryId(), a.getDepartmentId(),
                    a.getExecutorAccountId(), a.getExecutorName(), channel == Appeal.Channel.HOTLINE ? operator.accountId() : null,
                    a.isUrgent(), ts(a.getReceivedAt()), a.getRegisteredOn(), a.getDueOn(), a.getExtendedReason(), ts(a.getExtendedAt()),
                    a.getAnswerText(), ts(a.getAnsweredAt()), a.getAnsweredByName(), a.getReturnedReason(), ts(a.getReturnedAt()),
                    ts(a.getClosedAt()), a.getRating(), a.getRatingComment(), ts(a.getRatedAt())});
            history.forEach(e -> e[0] = c.id());
            events.addAll(history);
        }
        // registration numbers of each year, taken as one block after those already given (numbers have no gaps)
        String prefix = AppealRegistration.numberPrefix(c);
        tx.executeWithoutResult(s -> {
            Map<Integer, Integer> first = new HashMap<>();
            numbers.forEach((year, n) -> first.put(year, jdbc.queryForObject("insert into appeal_number (community_id, year, last_number)"
                    + " values (?, ?, ?) on conflict (community_id, year) do update set last_number = appeal_number.last_number"
                    + " + excluded.last_number returning last_number", Integer.class, c.id(), year, n) - n));
            for (Object[] row : rows) {
                String[] parts = ((String) row[2]).substring(1).split("-");
                int year = Integer.parseInt(parts[0]);
                row[2] = "%s-%d-%06d".formatted(prefix, year, first.get(year) + Integer.parseInt(parts[1]));
            }
            batch("insert into appeal (id, community_id, registration_number, kind, channel, status, applicant_person_id,"
                    + " applicant_account_id, applicant_name, applicant_address, applicant_email, applicant_phone, benefit, subject, text,"
                    + " category_id, department_id, executor_account_id, executor_name, registered_by_account_id, urgent, received_at,"
                    + " registered_on, due_on, extended_reason, extended_at, answer_text, answered_at, answered_by_name, returned_reason,"
                    + " returned_at, closed_at, rating, rating_comment, rated_at) values (" + "?, ".repeat(34) + "?)", rows);
            batch("insert into appeal_event (community_id, appeal_id, at, kind, internal, author_name, text) values (?, ?, ?, ?, ?, ?, ?)",
                    events);
        });
        return rows.size();
    }

    private static final List<String> STREETS = List.of("Шкільна", "Садова", "Миру", "Центральна", "Молодіжна", "Набережна",
            "Соборна", "Незалежності", "Лесі Українки", "Івана Франка", "Шевченка", "Героїв України");

    private static Object[] event(long appealId, Instant at, String kind, boolean internal, @Nullable String author, @Nullable String text) {
        return new Object[] {null, appealId, ts(at), kind, internal, author, text};
    }

    private static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String day(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    private void batch(String sql, List<Object[]> rows) {
        jdbc.batchUpdate(sql, rows, 500, (ps, row) -> {
            for (int k = 0; k < row.length; k++) {
                ps.setObject(k + 1, row[k]);
            }
        });
    }

    private static String hotlineName(int n) {
        List<String> names = List.of("Коваленко Ганна Петрівна", "Бондар Іван Михайлович", "Ткачук Людмила Олексіївна");
        return names.get(n % names.size());
    }
}
