package ua.viche.appeals.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealCategory;
import ua.viche.appeals.domain.AppealRegistration;
import ua.viche.appeals.domain.AppealService;
import ua.viche.appeals.domain.AppealWork;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;

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

    DemoAppeals(VicheSettings settings, Communities communities, AppealService appeals, AppealRegistration registration,
                AppealWork officials, Identity identity, ThreadClock clock) {
        this.registration = registration;
        this.officials = officials;
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
                for (int i = 0; i < STORIES.size(); i++) {
                    tell(c, STORIES.get(i), i + 1);
                }
                log.info("Demo appeals created in {}", c.slug());
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
        Instant start = LocalDate.now(clock.withZone(ua.viche.platform.Dates.KYIV)).minusDays(s.daysAgo())
                .atTime(10, 15).atZone(ua.viche.platform.Dates.KYIV).toInstant();
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

    private static String hotlineName(int n) {
        List<String> names = List.of("Коваленко Ганна Петрівна", "Бондар Іван Михайлович", "Ткачук Людмила Олексіївна");
        return names.get(n % names.size());
    }
}
