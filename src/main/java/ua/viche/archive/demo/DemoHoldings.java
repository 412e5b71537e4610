package ua.viche.archive.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.archive.demo.Texts.Person;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.Term;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;

/**
 * Demo holdings of Kropyvnytskyi's archive (three fonds of council records: the council and its
 * executive committee, the mayor's orders, the payrolls of the water utility) and a small fond of
 * Dmytrivka's village council. Page images are generated (typed pages on old paper) and their text
 * recorded as an archivist's transcription, so no OCR runs at start. Files with personal data
 * younger than 75 years are closed; one is opened early with the person's consent.
 */
@Component
@Order(55)
class DemoHoldings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHoldings.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final Holdings holdings;
    private final TransactionTemplate tx;

    DemoHoldings(VicheSettings settings, Communities communities, Holdings holdings, TransactionTemplate tx) {
        this.settings = settings;
        this.communities = communities;
        this.holdings = holdings;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        long started = System.nanoTime();
        int[] pages = {0};
        communities.bySlug("kropyvnytskyi").ifPresent(c -> CurrentCommunity.runAs(c, () -> {
            if (holdings.fonds().isEmpty()) {
                tx.executeWithoutResult(s -> {
                    pages[0] += kropyvnytskyi();
                    addPages();
                });
            }
        }));
        communities.bySlug("dmytrivka").ifPresent(c -> CurrentCommunity.runAs(c, () -> {
            if (holdings.fonds().isEmpty()) {
                tx.executeWithoutResult(s -> {
                    pages[0] += dmytrivka();
                    addPages();
                });
            }
        }));
        if (pages[0] > 0) {
            log.info("Demo archive: {} pages in {} ms", pages[0], (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static Person p(int i) {
        return Texts.PEOPLE.get(i);
    }

    private int kropyvnytskyi() {
        int n = 0;
        Fond council = holdings.createFond(new Fond.Description("Р-1", "Кропивницька міська рада та її виконавчий комітет", 1944, 2016,
                "Кіровоградська (з 2016 року — Кропивницька) міська рада, її виконавчий комітет",
                "Міська рада депутатів трудящих відновила роботу після визволення міста в 1944 році; з 1977 року — рада "
                        + "народних депутатів, з 1992 року — Кіровоградська міська рада, з 2016 року — Кропивницька. Фонд містить "
                        + "рішення виконавчого комітету, протоколи сесій і особові справи працівників."));
        Inventory decisions = holdings.createInventory(council.getId(), new Inventory.Description("1",
                "Справи постійного зберігання: рішення виконавчого комітету і протоколи сесій", 1944, 2016));
        Inventory staff = holdings.createInventory(council.getId(), new Inventory.Description("2", "Особові справи працівників", 1947, 2010));

        ArchiveFile f = file(decisions, "12", "Рішення виконавчого комітету міської ради з питань відведення земельних ділянок",
                LocalDate.of(1956, 1, 10), LocalDate.of(1956, 12, 28), false);
        terms(f, "Предмет:земельні питання", "Предмет:індивідуальне житлове будівництво", "Місце:Кіровоград",
                "Особа:" + p(0).nominative(), "Особа:" + p(4).nominative());
        n += page(f, Texts.landDecision(LocalDate.of(1956, 3, 14), 145, p(0), Texts.STREETS.get(0), 600));
        n += page(f, Texts.landDecision(LocalDate.of(1956, 6, 20), 311, p(4), Texts.STREETS.get(1), 500));
        n += page(f, Texts.landRegister(LocalDate.of(1956, 9, 12), List.of(p(5), p(7), p(9), p(11))));

        f = file(decisions, "47", "Рішення виконавчого комітету про благоустрій міста та озеленення вулиць",
                LocalDate.of(1968, 2, 1), LocalDate.of(1968, 11, 30), false);
        terms(f, "Предмет:благоустрій", "Предмет:озеленення", "Місце:Кіровоград");
        n += page(f, Texts.improvement(LocalDate.of(1968, 4, 3), 188, "Про озеленення вулиць і проведення весняного місячника з благоустрою",
                "Виконавчий комітет міської ради ВИРІШИВ:\n1. Провести з 5 квітня по 5 травня місячник з благоустрою та санітарної "
                        + "очистки міста.\n2. Висадити на вулицях Дворцовій і Шевченка 1200 дерев і 3000 кущів.\n3. Керівникам "
                        + "підприємств закріпити за колективами прилеглі території та земельні ділянки скверів."));
        n += page(f, Texts.improvement(LocalDate.of(1968, 9, 18), 402, "Про зовнішнє освітлення вулиць приватного сектора",
                "Заслухавши інформацію міськкомунгоспу, виконавчий комітет ВИРІШИВ:\n1. Встановити до кінця року 240 світильників "
                        + "на вулицях приватного сектора.\n2. Відвести земельну ділянку площею 0,05 га по пров. Садовому під "
                        + "трансформаторну підстанцію."));

        f = file(decisions, "103", "Рішення виконавчого комітету про відведення земельних ділянок і видачу державних актів",
                LocalDate.of(1979, 1, 5), LocalDate.of(1979, 12, 27), false);
        terms(f, "Предмет:земельні питання", "Особа:" + p(2).nominative(), "Особа:" + p(3).nominative());
        n += page(f, Texts.landDecision(LocalDate.of(1979, 2, 21), 77, p(2), Texts.STREETS.get(4), 450));
        n += page(f, Texts.landDecision(LocalDate.of(1979, 7, 11), 356, p(3), Texts.STREETS.get(5), 520));
        n += page(f, Texts.landRegister(LocalDate.of(1979, 10, 3), List.of(p(6), p(8), p(10))));

        f = file(decisions, "188", "Протоколи сесій міської ради", LocalDate.of(1991, 3, 20), LocalDate.of(1991, 12, 18), false);
        terms(f, "Предмет:сесії міської ради", "Місце:Кіровоград");
        n += page(f, "КІРОВОГРАДСЬКА МІСЬКА РАДА НАРОДНИХ ДЕПУТАТІВ\n\nПРОТОКОЛ\nпозачергової сесії міської ради\nвід 30 серпня 1991 року\n\n"
                + "Присутні 112 депутатів з 150.\n\nПОРЯДОК ДЕННИЙ:\n1. Про Акт проголошення незалежності України.\n"
                + "2. Про передачу майна підприємств союзного підпорядкування у комунальну власність міста.\n\n"
                + "СЛУХАЛИ: голову міської ради про рішення Верховної Ради від 24 серпня 1991 року.\n"
                + "УХВАЛИЛИ: підтримати Акт проголошення незалежності України (рішення додається).");
        n += page(f, "КІРОВОГРАДСЬКА МІСЬКА РАДА НАРОДНИХ ДЕПУТАТІВ\n\nРІШЕННЯ\nсесії міської ради від 30 серпня 1991 року\n\n"
                + "Про передачу майна у комунальну власність\n\nМіська рада ВИРІШИЛА:\n1. Прийняти у комунальну власність міста "
                + "житловий фонд, земельні ділянки під ним та об’єкти інженерної інфраструктури.\n2. Виконавчому комітету "
                + "до 1 грудня 1991 року підготувати перелік майна.");

        f = file(decisions, "341", "Рішення виконавчого комітету з питань роботи архівного відділу та видачі архівних довідок",
                LocalDate.of(2003, 1, 15), LocalDate.of(2003, 12, 24), false);
        terms(f, "Предмет:архівні довідки", "Предмет:архівна справа");
        n += page(f, Texts.certificates(LocalDate.of(2003, 4, 9), 274));
        n += page(f, Texts.improvement(LocalDate.of(2003, 11, 19), 812, "Про звіт архівного відділу за дев’ять місяців 2003 року",
                "Заслухавши звіт начальника архівного відділу, виконавчий комітет відзначає, що за дев’ять місяців видано 1 946 "
                        + "архівних довідок, з них 1 520 — про стаж і заробітну плату для призначення пенсій. Кількість запитів "
                        + "щодо архівної довідки про земельну ділянку зросла вдвічі.\nВИРІШИВ: звіт взяти до відома."));

        f = file(decisions, "512", "Рішення виконавчого комітету з земельних питань і містобудування",
                LocalDate.of(2012, 1, 11), LocalDate.of(2012, 12, 26), false);
        terms(f, "Предмет:земельні питання", "Особа:" + p(9).nominative(), "Місце:Кіровоград");
        n += page(f, Texts.landDecision(LocalDate.of(2012, 5, 16), 401, p(9), Texts.STREETS.get(6), 1000));
        n += page(f, Texts.improvement(LocalDate.of(2012, 8, 22), 655, "Про надання дозволу на розроблення детального плану території",
                "Виконавчий комітет міської ради ВИРІШИВ:\n1. Надати дозвіл на розроблення детального плану території в районі "
                        + "вулиць Київської та Гоголя.\n2. Земельні ділянки, надані раніше громадянам під будівництво, зберегти в "
                        + "межах детального плану."));

        ArchiveFile personal = file(staff, "15", "Особова справа " + p(1).genitive() + ", інженера відділу комунального господарства",
                LocalDate.of(1962, 4, 2), LocalDate.of(1988, 6, 30), true);
        terms(personal, "Особа:" + p(1).nominative(), "Предмет:особові справи");
        n += page(personal, Texts.personalRecord(p(1), 1933, "вища, Одеський інженерно-будівельний інститут", "інженер", 1962));
        n += page(personal, Texts.dismissal(LocalDate.of(1988, 6, 30), p(1), "інженера відділу комунального господарства"));

        f = file(staff, "3", "Особова справа " + p(2).genitive() + ", завідувача загального відділу",
                LocalDate.of(1947, 9, 1), LocalDate.of(1949, 11, 15), true);
        terms(f, "Особа:" + p(2).nominative());
        n += page(f, Texts.personalRecord(p(2), 1921, "середня спеціальна", "завідувач загального відділу", 1947));

        f = file(staff, "27", "Особова справа " + p(10).genitive() + ", спеціаліста архівного відділу",
                LocalDate.of(1994, 3, 1), LocalDate.of(2010, 5, 31), true);
        terms(f, "Особа:" + p(10).nominative(), "Предмет:архівна справа");
        n += page(f, Texts.personalRecord(p(10), 1968, "вища, Київський державний університет, історик-архівіст",
                "спеціаліст архівного відділу", 1994));
        holdings.overrideAccess(f.getId(), ArchiveFile.Override.OPEN,
                "Письмова згода Литвиненко Т. О. на відкриття справи від 12.03.2025 (вх. № 118)");

        Fond orders = holdings.createFond(new Fond.Description("Р-2", "Виконавчий комітет міської ради: розпорядження міського голови",
                1955, 2016, "Міський голова (до 1991 року — голова виконавчого комітету)",
                "Розпорядження з основної діяльності та з кадрових питань."));
        Inventory main = holdings.createInventory(orders.getId(), new Inventory.Description("1", "Розпорядження з основної діяльності", 1955, 2016));
        Inventory personnel = holdings.createInventory(orders.getId(), new Inventory.Description("2", "Розпорядження з кадрових питань", 1975, 2016));
        int[][] years = {{1958, 31}, {1974, 118}, {1986, 64}, {1999, 205}, {2015, 377}};
        String[][] subjects = {
                {"Про підготовку житлового фонду до зими", "Керівникам житлово-експлуатаційних контор до 15 жовтня завершити ремонт "
                        + "покрівель і котелень. Відповідальність покласти на міськкомунгосп."},
                {"Про проведення суботника з благоустрою міста", "Провести 19 квітня загальноміський суботник. Відділу торгівлі "
                        + "забезпечити учасників інвентарем; підсумки доповісти на засіданні виконавчого комітету."},
                {"Про прийом громадян, евакуйованих із зони аварії на ЧАЕС", "Житловому управлінню забезпечити прийом і тимчасове "
                        + "розміщення евакуйованих сімей; відділу освіти — влаштування дітей до шкіл і дитячих садків."},
                {"Про порядок розгляду запитів щодо архівних довідок", "Архівному відділу розглядати запити громадян щодо архівної "
                        + "довідки про стаж, заробітну плату або рішення виконавчого комітету про земельну ділянку у строк до 30 днів; "
                        + "про продовження строку повідомляти заявника письмово."},
                {"Про перейменування вулиць міста", "На виконання закону про засудження комуністичного режиму підготувати перелік "
                        + "вулиць для перейменування та винести його на громадське обговорення."}};
        for (int i = 0; i < years.length; i++) {
            int y = years[i][0];
            f = file(main, String.valueOf(i + 1), "Розпорядження " + (y < 1992 ? "голови виконкому" : "міського голови")
                    + " з основної діяльності за " + y + " рік", LocalDate.of(y, 1, 9), LocalDate.of(y, 12, 29), false);
            terms(f, "Предмет:розпорядження", i == 3 ? "Предмет:архівні довідки" : "Предмет:житлово-комунальне господарство");
            n += page(f, Texts.order(LocalDate.of(y, 3 + i, 10 + i), years[i][1], subjects[i][0], subjects[i][1], y >= 1992));
            n += page(f, Texts.order(LocalDate.of(y, 9, 14 + i), years[i][1] + 96, "Про виконання попередніх розпоряджень",
                    "Контроль за виконанням розпоряджень покласти на керуючого справами виконкому. Керівникам відділів щомісяця "
                            + "подавати інформацію про стан виконання.", y >= 1992));
        }
        f = file(personnel, "8", "Розпорядження голови виконкому з кадрових питань за 1983 рік",
                LocalDate.of(1983, 1, 4), LocalDate.of(1983, 12, 30), true);
        terms(f, "Предмет:кадрові питання", "Особа:" + p(5).nominative(), "Особа:" + p(6).nominative());
        n += page(f, Texts.order(LocalDate.of(1983, 2, 7), 12, "Про прийняття на роботу",
                "Прийняти " + p(5).genitive() + " на посаду водія автогосподарства виконкому з 8 лютого 1983 року з окладом 140 крб.",
                false));
        n += page(f, Texts.order(LocalDate.of(1983, 8, 22), 97, "Про надання відпустки",
                "Надати " + p(6).dative() + ", друкарці загального відділу, щорічну відпустку на 24 робочі дні з 1 вересня 1983 року.",
                false));

        Fond utility = holdings.createFond(new Fond.Description("Р-3", "Комунальне підприємство «Міськводоканал»", 1950, 2015,
                "Кіровоградське міське управління водопровідно-каналізаційного господарства, з 1996 року — КП «Міськводоканал»",
                "Відомості нарахування заробітної плати — основне джерело архівних довідок про заробітну плату для призначення пенсій."));
        Inventory payroll = holdings.createInventory(utility.getId(), new Inventory.Description("1", "Відомості нарахування заробітної плати", 1950, 2015));
        String enterprise = "КІРОВОГРАДСЬКЕ МІСЬКЕ УПРАВЛІННЯ\nВОДОПРОВІДНО-КАНАЛІЗАЦІЙНОГО ГОСПОДАРСТВА";
        String[] positions = {"слюсар", "машиніст", "лаборант", "водій", "контролер", "бухгалтер"};
        int[][] payrolls = {{1950, 620, 2}, {1957, 780, 3}, {1969, 95, 2}, {1988, 160, 2}, {2009, 1850, 2}};
        for (int i = 0; i < payrolls.length; i++) {
            int y = payrolls[i][0];
            f = file(payroll, String.valueOf(10 + i * 7), "Відомості нарахування заробітної плати працівникам за " + y + " рік",
                    LocalDate.of(y, 1, 31), LocalDate.of(y, 12, 31), true);
            terms(f, "Предмет:заробітна плата", "Особа:" + p(i).nominative(), "Особа:" + p(i + 4).nominative());
            for (int m = 0; m < payrolls[i][2]; m++) {
                List<Person> people = new ArrayList<>();
                for (int k = 0; k < 6; k++) {
                    people.add(p((i + k * 2 + m) % Texts.PEOPLE.size()));
                }
                n += page(f, Texts.payroll(y, 1 + m * 5, y >= 1996 ? "КП «МІСЬКВОДОКАНАЛ»" : enterprise, people, positions, payrolls[i][1]));
            }
        }
        return n + years(decisions, main, payroll, enterprise, positions);
    }

    /**
     * The bulk of the holdings: a file of the executive committee's decisions for many years (land,
     * housing, the town's everyday business), the mayor's orders of more years, and a payroll file for
     * more years, month by month (closed by the 75-year rule while they are younger). Made from a
     * fixed seed, so every first start makes the same holdings.
     */
    private int years(Inventory decisions, Inventory orders, Inventory payroll, String enterprise, String[] positions) {
        Random random = new Random(1944);
        int n = 0;
        int people = Texts.PEOPLE.size();
        int[] decisionYears = {1946, 1949, 1952, 1959, 1962, 1965, 1971, 1974, 1977, 1983, 1986, 1989, 1994, 1997, 2000, 2006, 2009, 2015};
        for (int i = 0; i < decisionYears.length; i++) {
            int y = decisionYears[i];
            ArchiveFile f = file(decisions, String.valueOf(600 + i), "Рішення виконавчого комітету міської ради за " + y + " рік",
                    LocalDate.of(y, 1, 8), LocalDate.of(y, 12, 28), false);
            terms(f, "Предмет:рішення виконавчого комітету", "Предмет:земельні питання", "Місце:" + (y < 2016 ? "Кіровоград" : "Кропивницький"));
            int number = 5 + random.nextInt(20);
            for (int k = 0; k < 12; k++) {
                LocalDate d = LocalDate.of(y, 1 + k, 3 + random.nextInt(24));
                number += 8 + random.nextInt(30);
                if (k % 3 == 0) {
                    n += page(f, Texts.landDecision(d, number, p((i * 5 + k) % people), Texts.STREETS.get((i + k) % Texts.STREETS.size()),
                            400 + 50 * random.nextInt(9)));
                } else if (k % 3 == 1) {
                    List<Person> listed = new ArrayList<>();
                    for (int m = 0; m < 3 + random.nextInt(4); m++) {
                        listed.add(p((i * 3 + k + m * 5) % people));
                    }
                    n += page(f, Texts.landRegister(d, listed));
                } else {
                    String[] b = Texts.BUSINESS.get((i * 4 + k) % Texts.BUSINESS.size());
                    n += page(f, Texts.improvement(d, number, b[0], b[1]));
                }
            }
        }
        int[] orderYears = {1961, 1966, 1970, 1979, 1982, 1990, 1995, 2003, 2008, 2011};
        for (int i = 0; i < orderYears.length; i++) {
            int y = orderYears[i];
            ArchiveFile f = file(orders, String.valueOf(20 + i), "Розпорядження " + (y < 1992 ? "голови виконкому" : "міського голови")
                    + " з основної діяльності за " + y + " рік", LocalDate.of(y, 1, 10), LocalDate.of(y, 12, 30), false);
            terms(f, "Предмет:розпорядження");
            for (int k = 0; k < 4; k++) {
                String[] b = Texts.BUSINESS.get((i + k * 3) % Texts.BUSINESS.size());
                n += page(f, Texts.order(LocalDate.of(y, 2 + k * 3, 4 + random.nextInt(20)), 20 + k * 60 + random.nextInt(40), b[0],
                        b[1].replace("Виконавчий комітет ВИРІШИВ", "ЗОБОВ’ЯЗУЮ").replace("виконавчий комітет ВИРІШИВ", "ЗОБОВ’ЯЗУЮ"),
                        y >= 1992));
            }
        }
        int[][] payrollYears = {{1953, 690}, {1961, 85}, {1965, 92}, {1973, 118}, {1977, 131}, {1981, 145}, {1984, 152}, {1992, 9_800},
            {1995, 2_400_000}, {1999, 210}, {2003, 420}, {2006, 980}, {2012, 2_600}};
        for (int i = 0; i < payrollYears.length; i++) {
            int y = payrollYears[i][0];
            ArchiveFile f = file(payroll, String.valueOf(50 + i), "Відомості нарахування заробітної плати працівникам за " + y + " рік",
                    LocalDate.of(y, 1, 31), LocalDate.of(y, 12, 31), true);
            terms(f, "Предмет:заробітна плата", "Особа:" + p((i * 2) % people).nominative());
            for (int month = 1; month <= 12; month += i % 2 == 0 ? 1 : 2) {
                List<Person> staff = new ArrayList<>();
                for (int k = 0; k < 6; k++) {
                    staff.add(p((i * 2 + k * 3 + month / 4) % people));
                }
                n += page(f, Texts.payroll(y, month, y >= 1996 ? "КП «МІСЬКВОДОКАНАЛ»" : enterprise, staff, positions, payrollYears[i][1]));
            }
        }
        return n;
    }

    private int dmytrivka() {
        int n = 0;
        Fond fond = holdings.createFond(new Fond.Description("Р-1", "Дмитрівська сільська рада та її виконавчий комітет", 1946, 2017,
                "Дмитрівська сільська рада Знам’янського району", "Рішення виконавчого комітету та погосподарські книги."));
        Inventory inventory = holdings.createInventory(fond.getId(), new Inventory.Description("1", "Справи постійного зберігання", 1946, 2017));
        ArchiveFile f = file(inventory, "4", "Рішення виконавчого комітету сільської ради про земельні ділянки присадибного користування",
                LocalDate.of(1965, 2, 1), LocalDate.of(1965, 12, 20), false);
        terms(f, "Предмет:земельні питання", "Місце:Дмитрівка", "Особа:" + p(7).nominative());
        n += page(f, "ДМИТРІВСЬКА СІЛЬСЬКА РАДА ДЕПУТАТІВ ТРУДЯЩИХ\nВИКОНАВЧИЙ КОМІТЕТ\n\nРІШЕННЯ\nвід 17 березня 1965 року № 9\n"
                + "с. Дмитрівка\n\nПро виділення земельної ділянки присадибного користування\n\nРозглянувши заяву колгоспника "
                + p(7).genitive() + ", виконавчий комітет сільської ради ВИРІШИВ:\nвиділити " + p(7).dative()
                + " земельну ділянку площею 0,25 га по вул. Центральній для ведення особистого підсобного господарства.\n\n"
                + "Голова виконкому                       (підпис)");
        n += page(f, "ДМИТРІВСЬКА СІЛЬСЬКА РАДА ДЕПУТАТІВ ТРУДЯЩИХ\nВИКОНАВЧИЙ КОМІТЕТ\n\nРІШЕННЯ\nвід 2 червня 1965 року № 21\n\n"
                + "Про ремонт сільського клубу\n\nВиконавчий комітет ВИРІШИВ: відремонтувати покрівлю клубу до 1 вересня силами "
                + "колгоспу «Перемога»; відвести земельну ділянку під спортивний майданчик біля школи.");
        f = file(inventory, "11", "Погосподарська книга № 3 (вулиці Центральна, Садова)", LocalDate.of(1971, 1, 1),
                LocalDate.of(1973, 12, 31), true);
        terms(f, "Предмет:погосподарський облік", "Місце:Дмитрівка");
        n += page(f, "ПОГОСПОДАРСЬКА КНИГА № 3\nДмитрівської сільської ради на 1971–1973 роки\n\nОсобовий рахунок № 112\n"
                + "Голова господарства: " + p(11).nominative() + ", 1924 р. н.\nЧлени сім’ї: дружина, 1927 р. н.; син, 1952 р. н.\n"
                + "Земля в користуванні: 0,40 га, у тому числі під забудовою 0,04 га\nХудоба: корова — 1, свині — 2, птиця — 15");
        // household books of more years, a few accounts each, and the executive committee's decisions
        String[] streets = {"Центральна", "Садова", "Шкільна", "Польова", "Набережна"};
        for (int b = 0; b < 8; b++) {
            int y = 1955 + b * 5;
            f = file(inventory, String.valueOf(20 + b), "Погосподарська книга № " + (b + 4) + " на " + y + "–" + (y + 2) + " роки (вулиці "
                    + streets[b % 5] + ", " + streets[(b + 2) % 5] + ")", LocalDate.of(y, 1, 1), LocalDate.of(y + 2, 12, 31), true);
            terms(f, "Предмет:погосподарський облік", "Місце:Дмитрівка");
            for (int k = 0; k < 5; k++) {
                Person head = p((b * 5 + k) % Texts.PEOPLE.size());
                n += page(f, "ПОГОСПОДАРСЬКА КНИГА № " + (b + 4) + "\nДмитрівської сільської ради на " + y + "–" + (y + 2) + " роки\n\n"
                        + "Особовий рахунок № " + (100 + b * 20 + k) + "\nВулиця " + streets[(b + k) % 5] + ", будинок " + (3 + k * 4) + "\n"
                        + "Голова господарства: " + head.nominative() + ", " + (1900 + (b * 7 + k * 3) % 40) + " р. н.\n"
                        + "Члени сім’ї: " + (k % 2 == 0 ? "дружина; син; дочка" : "чоловік; мати") + "\n"
                        + "Земля в користуванні: 0," + (25 + k * 5) + " га, у тому числі під забудовою 0,0" + (3 + k % 4) + " га\n"
                        + "Худоба: корова — " + (k % 3 == 0 ? 0 : 1) + ", свині — " + (k % 4) + ", птиця — " + (10 + k * 3));
            }
        }
        for (int d = 0; d < 5; d++) {
            int y = 1968 + d * 9;
            f = file(inventory, String.valueOf(40 + d), "Рішення виконавчого комітету сільської ради за " + y + " рік",
                    LocalDate.of(y, 1, 12), LocalDate.of(y, 12, 22), false);
            terms(f, "Предмет:рішення виконавчого комітету", "Місце:Дмитрівка");
            for (int k = 0; k < 4; k++) {
                Person p = p((d * 4 + k + 3) % Texts.PEOPLE.size());
                n += page(f, (y < 1992 ? "ДМИТРІВСЬКА СІЛЬСЬКА РАДА НАРОДНИХ ДЕПУТАТІВ" : "ДМИТРІВСЬКА СІЛЬСЬКА РАДА") + "\nВИКОНАВЧИЙ КОМІТЕТ\n\n"
                        + "РІШЕННЯ\nвід " + Texts.date(LocalDate.of(y, 2 + k * 3, 10 + k)) + " № " + (4 + k * 9) + "\nс. Дмитрівка\n\n"
                        + (k % 2 == 0 ? "Про виділення земельної ділянки\n\nРозглянувши заяву " + p.genitive() + ", виконавчий комітет "
                                + "сільської ради ВИРІШИВ: виділити " + p.dative() + " земельну ділянку площею 0,"
                                + (15 + k * 5) + " га по вул. " + streets[(d + k) % 5].replaceAll("а$", "ій") + " для ведення особистого селянського господарства."
                                : "Про підготовку школи і клубу до зими\n\nВиконавчий комітет ВИРІШИВ: завезти тверде паливо до 1 жовтня, "
                                + "відремонтувати пічне опалення в клубі; відповідальним призначити " + p.genitive() + ".")
                        + "\n\nГолова сільської ради                  (підпис)");
            }
        }
        return n;
    }

    private ArchiveFile file(Inventory inventory, String number, String title, LocalDate from, LocalDate to, boolean personal) {
        int extent = 40 + (number.hashCode() & 0x7f); // the file's own count of leaves, not the demo's few scans
        return holdings.createFile(inventory.getId(), new ArchiveFile.Description(number, title, from, to, extent, "uk", personal));
    }

    private void terms(ArchiveFile file, String... terms) {
        for (String t : terms) {
            String[] kv = t.split(":", 2);
            Term.Kind kind = switch (kv[0]) {
                case "Особа" -> Term.Kind.PERSON;
                case "Місце" -> Term.Kind.PLACE;
                default -> Term.Kind.SUBJECT;
            };
            holdings.addTerm(file.getId(), kind, kv[1]);
        }
    }

    /** The typed pages of each file, in order, until they are added. */
    private final Map<ArchiveFile, List<String>> typed = new LinkedHashMap<>();

    private int page(ArchiveFile file, String text) {
        typed.computeIfAbsent(file, f -> new ArrayList<>()).add(text);
        return 1;
    }

    /**
     * Adds the typed pages with their transcriptions, file by file in one statement batch each. Their
     * images are not made now: {@link DemoScans} draws a page when someone opens it.
     */
    private void addPages() {
        long community = CurrentCommunity.require().id();
        typed.forEach((file, texts) -> {
            List<Holdings.Transcribed> pages = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                pages.add(new Holdings.Transcribed(new Page.Scan(DemoScans.key(community, file.getId(), i + 1),
                        "scan-" + file.getNumber() + "-" + (i + 1) + ".jpg", "image/jpeg", 90_000 + text.length() * 40L,
                        (@Nullable Integer) null), text));
            }
            holdings.addTranscribed(file.getId(), pages);
        });
        typed.clear();
    }
}
