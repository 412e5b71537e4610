package ua.viche.archive.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * The typed documents of the demo fonds: decisions of the executive committee, the mayor's orders,
 * payrolls and personal records, written the way such papers were written in their years.
 */
final class Texts {

    private Texts() {}

    /** A person's name in the cases the documents need: nominative, genitive, dative, and initials. */
    record Person(String nominative, String genitive, String dative, String initials) {}

    static final List<Person> PEOPLE = List.of(
            new Person("Коваленко Петро Іванович", "Коваленка Петра Івановича", "Коваленку Петру Івановичу", "Коваленко П. І."),
            new Person("Шевчук Ганна Петрівна", "Шевчук Ганни Петрівни", "Шевчук Ганні Петрівні", "Шевчук Г. П."),
            new Person("Бондаренко Микола Васильович", "Бондаренка Миколи Васильовича", "Бондаренку Миколі Васильовичу", "Бондаренко М. В."),
            new Person("Ткаченко Олена Григорівна", "Ткаченко Олени Григорівни", "Ткаченко Олені Григорівні", "Ткаченко О. Г."),
            new Person("Мельник Василь Степанович", "Мельника Василя Степановича", "Мельнику Василю Степановичу", "Мельник В. С."),
            new Person("Кравець Іван Олексійович", "Кравця Івана Олексійовича", "Кравцю Івану Олексійовичу", "Кравець І. О."),
            new Person("Олійник Марія Федорівна", "Олійник Марії Федорівни", "Олійник Марії Федорівні", "Олійник М. Ф."),
            new Person("Савченко Григорій Петрович", "Савченка Григорія Петровича", "Савченку Григорію Петровичу", "Савченко Г. П."),
            new Person("Поліщук Надія Іванівна", "Поліщук Надії Іванівни", "Поліщук Надії Іванівні", "Поліщук Н. І."),
            new Person("Гончаренко Андрій Миколайович", "Гончаренка Андрія Миколайовича", "Гончаренку Андрію Миколайовичу", "Гончаренко А. М."),
            new Person("Литвиненко Тетяна Олександрівна", "Литвиненко Тетяни Олександрівни", "Литвиненко Тетяні Олександрівні", "Литвиненко Т. О."),
            new Person("Руденко Степан Андрійович", "Руденка Степана Андрійовича", "Руденку Степану Андрійовичу", "Руденко С. А."));

    static final List<String> STREETS = List.of("вул. Пушкіна", "вул. Шевченка", "пров. Садовому", "вул. Дворцовій",
            "вул. Великій Перспективній", "вул. Кропивницького", "вул. Гоголя", "вул. Київській");

    private static final String[] MONTHS = {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
            "вересня", "жовтня", "листопада", "грудня"};

    private static final String[] MONTHS_NOMINATIVE = {"січень", "лютий", "березень", "квітень", "травень", "червень", "липень",
            "серпень", "вересень", "жовтень", "листопад", "грудень"};

    private static final List<String> ADDRESSES = List.of("вул. Пушкіна, 14", "вул. Шевченка, 3", "пров. Садовий, 7",
            "вул. Дворцова, 21", "вул. Велика Перспективна, 40", "вул. Гоголя, 9");

    static String date(LocalDate d) {
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear() + " року";
    }

    /** The council's name in the document's year. */
    static String council(int year) {
        if (year < 1977) {
            return "КІРОВОГРАДСЬКА МІСЬКА РАДА ДЕПУТАТІВ ТРУДЯЩИХ";
        }
        if (year < 1992) {
            return "КІРОВОГРАДСЬКА МІСЬКА РАДА НАРОДНИХ ДЕПУТАТІВ";
        }
        return year < 2016 ? "КІРОВОГРАДСЬКА МІСЬКА РАДА" : "КРОПИВНИЦЬКА МІСЬКА РАДА";
    }

    static String city(int year) {
        return year < 2016 ? "м. Кіровоград" : "м. Кропивницький";
    }

    static String money(int year) {
        return year < 1992 ? "крб" : year < 1996 ? "крб." : "грн";
    }

    static String landDecision(LocalDate d, int number, Person p, String street, int area) {
        return council(d.getYear()) + "\nВИКОНАВЧИЙ КОМІТЕТ\n\nРІШЕННЯ\nвід " + date(d) + " № " + number + "\n" + city(d.getYear()) + "\n\n"
                + "Про відведення земельної ділянки\nпід індивідуальне житлове будівництво\n\n"
                + "Розглянувши заяву гр. " + p.genitive() + " про відведення земельної ділянки для будівництва "
                + "жилого будинку та висновок відділу у справах будівництва і архітектури, виконавчий комітет "
                + "міської ради ВИРІШИВ:\n\n"
                + "1. Відвести гр. " + p.dative() + " земельну ділянку площею " + area + " кв. м по " + street
                + " під будівництво одноквартирного жилого будинку з господарськими будівлями.\n"
                + "2. Зобов’язати забудовника одержати в міському відділі архітектури погоджений проєкт і розпочати "
                + "будівництво протягом року; у разі невикористання земельної ділянки рішення втрачає чинність.\n"
                + "3. Контроль за виконанням рішення виконавчого комітету покласти на заступника голови виконкому.\n\n"
                + "Голова виконкому                       (підпис)\nСекретар виконкому                     (підпис)";
    }

    static String landRegister(LocalDate d, List<Person> people) {
        StringBuilder s = new StringBuilder(council(d.getYear()) + "\nВИКОНАВЧИЙ КОМІТЕТ\n\nДодаток до рішення виконавчого комітету\nвід "
                + date(d) + "\n\nСПИСОК\nгромадян, яким відведено земельні ділянки під забудову\n\n");
        for (int i = 0; i < people.size(); i++) {
            s.append(i + 1).append(". ").append(people.get(i).nominative()).append(" — ").append(STREETS.get(i % STREETS.size()))
                    .append(", ").append(600 - i * 50).append(" кв. м\n");
        }
        s.append("\nПлощі земельних ділянок уточнюються під час винесення меж у натуру.\n\n"
                + "Секретар виконкому                     (підпис)");
        return s.toString();
    }

    static String improvement(LocalDate d, int number, String subject, String body) {
        return council(d.getYear()) + "\nВИКОНАВЧИЙ КОМІТЕТ\n\nРІШЕННЯ\nвід " + date(d) + " № " + number + "\n" + city(d.getYear()) + "\n\n"
                + subject + "\n\n" + body + "\n\nГолова виконкому                       (підпис)";
    }

    static String certificates(LocalDate d, int number) {
        return council(d.getYear()) + "\nВИКОНАВЧИЙ КОМІТЕТ\n\nРІШЕННЯ\nвід " + date(d) + " № " + number + "\n" + city(d.getYear()) + "\n\n"
                + "Про порядок видачі архівних довідок, копій і витягів\n\n"
                + "З метою забезпечення прав громадян на одержання відомостей про трудовий стаж і заробітну плату "
                + "виконавчий комітет міської ради ВИРІШИВ:\n\n"
                + "1. Архівному відділу видавати архівні довідки, архівні копії та архівні витяги на підставі "
                + "документів, що зберігаються в архіві, у строк до тридцяти днів від дня надходження запиту.\n"
                + "2. Архівна довідка про стаж роботи видається на підставі наказів з особового складу та "
                + "особових рахунків; архівна довідка про заробітну плату — на підставі відомостей нарахування "
                + "заробітної плати.\n"
                + "3. Облік виданих архівних довідок вести в окремому журналі.\n"
                + "4. Рішення виконавчого комітету від 14 травня 1986 року № 212 вважати таким, що втратило чинність.\n\n"
                + "Міський голова                         (підпис)";
    }

    static String order(LocalDate d, int number, String subject, String body, boolean mayor) {
        return (d.getYear() < 1992 ? "ВИКОНАВЧИЙ КОМІТЕТ КІРОВОГРАДСЬКОЇ МІСЬКОЇ РАДИ" : council(d.getYear())) + "\n\n"
                + "РОЗПОРЯДЖЕННЯ\n" + (mayor ? "МІСЬКОГО ГОЛОВИ" : "ГОЛОВИ ВИКОНКОМУ") + "\nвід " + date(d) + " № " + number + "-р\n"
                + city(d.getYear()) + "\n\n" + subject + "\n\n" + body + "\n\n"
                + (mayor ? "Міський голова" : "Голова виконкому") + "                       (підпис)";
    }

    static String payroll(int year, int month, String enterprise, List<Person> people, String[] positions, int base) {
        StringBuilder s = new StringBuilder(enterprise + "\n\nВІДОМІСТЬ\nнарахування заробітної плати\nза " + MONTHS_NOMINATIVE[month - 1] + " " + year + " р.\n\n");
        s.append(String.format("%-3s %-20s %-12s %4s %9s%n", "№", "Прізвище, ініціали", "Посада", "Дні", "Сума"));
        int total = 0;
        for (int i = 0; i < people.size(); i++) {
            int sum = base + (i * 37 % 11) * base / 20;
            total += sum;
            s.append(String.format("%-3s %-20s %-12s %4d %9s%n", (i + 1) + ".", people.get(i).initials(), positions[i % positions.length],
                    20 + i % 4, sum + " " + money(year)));
        }
        s.append("\nРазом нараховано: ").append(total).append(" ").append(money(year)).append("\n\n")
                .append("Головний бухгалтер                     (підпис)\nБухгалтер-розрахунковець               (підпис)");
        return s.toString();
    }

    static String personalRecord(Person p, int born, String education, String position, int since) {
        String[] n = p.nominative().split(" ");
        return "ОСОБОВИЙ ЛИСТОК З ОБЛІКУ КАДРІВ\n\n"
                + "1. Прізвище: " + n[0] + "\n   Ім’я: " + n[1] + "\n   По батькові: " + n[2] + "\n"
                + "2. Рік народження: " + born + "\n"
                + "3. Місце народження: Кіровоградська область, Кіровоградський район\n"
                + "4. Освіта: " + education + "\n"
                + "5. Посада: " + position + " з " + since + " року\n"
                + "6. Домашня адреса: " + city(since) + ", " + ADDRESSES.get(born % ADDRESSES.size()) + "\n\n"
                + "Особовий листок заповнено власноручно.\nПідпис працівника              (підпис)\n"
                + "Інспектор відділу кадрів          (підпис)";
    }

    static String dismissal(LocalDate d, Person p, String position) {
        return "ВИТЯГ З НАКАЗУ\nвід " + date(d) + "\n\n"
                + "Звільнити " + p.genitive() + ", " + position + ", з роботи за власним бажанням у зв’язку з виходом "
                + "на пенсію. Бухгалтерії провести з " + p.initials() + " повний розрахунок.\n\n"
                + "Видати " + p.dative() + " трудову книжку та на її запит — архівну довідку про заробітну плату за "
                + "останні п’ять років роботи.\n\n"
                + "Начальник                      (підпис)";
    }
}
