package ua.viche.opendata.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The template of a community's register: datasets that Cabinet Resolution No. 835 of 21 October 2015
 * («Про затвердження Положення про набори даних, які підлягають оприлюдненню у формі відкритих
 * даних», as amended) asks of every information holder and of local self-government bodies, named
 * as the resolution names them. Only entries whose wording we are sure of are here (decision 0048):
 * the community checks the list against the resolution's current text and adds its own. An entry
 * the platform itself holds names the module whose export makes it ({@code module}).
 */
public final class Resolution835 {

    public static final String LEGAL_BASIS_ALL = "Постанова КМУ від 21.10.2015 № 835, перелік наборів даних для всіх розпорядників інформації";
    public static final String LEGAL_BASIS_LOCAL = "Постанова КМУ від 21.10.2015 № 835, перелік наборів даних для органів місцевого самоврядування";

    /** One dataset of the list: names, theme, frequency, keywords, words of the department in charge, and the generating module if any. */
    public record Entry(String name, String titleUk, String titleEn, Theme theme, Frequency frequency, String keywords,
                        String departmentWords, boolean local, @Nullable String module) {}

    private Resolution835() {}

    private static Entry all(String name, String uk, String en, Theme theme, Frequency f, String keywords, String dept) {
        return new Entry(name, uk, en, theme, f, keywords, dept, false, null);
    }

    private static Entry local(String name, String uk, String en, Theme theme, Frequency f, String keywords, String dept) {
        return new Entry(name, uk, en, theme, f, keywords, dept, true, null);
    }

    private static Entry generated(String name, String uk, String en, Theme theme, String keywords, String dept, String module) {
        return new Entry(name, uk, en, theme, Frequency.DAILY, keywords, dept, true, module);
    }

    public static final List<Entry> ENTRIES = List.of(
            all("org-structure", "Інформація про організаційну структуру розпорядника інформації",
                    "Organisational structure of the information holder", Theme.GOVE, Frequency.ANNUAL, "структура, підрозділи", "організаційної"),
            all("legal-framework", "Інформація про нормативно-правові засади діяльності",
                    "Legal framework of the holder's work", Theme.GOVE, Frequency.ANNUAL, "нормативні акти", "діловодства"),
            all("norms", "Нормативи, що затверджуються розпорядником інформації", "Norms approved by the information holder",
                    Theme.GOVE, Frequency.ANNUAL, "нормативи", "економічного"),
            all("reports", "Звіти, в тому числі щодо задоволення запитів на інформацію",
                    "Reports, including on answering requests for information", Theme.GOVE, Frequency.QUARTERLY, "звіти, запити на інформацію", "комунікацій"),
            all("administrative-data", "Адміністративні дані, що збираються (обробляються) розпорядником інформації",
                    "Administrative data collected (processed) by the information holder", Theme.GOVE, Frequency.ANNUAL, "адміністративні дані", "інформаційних"),
            all("dataset-register", "Реєстр наборів даних, що перебувають у володінні розпорядника інформації",
                    "Register of datasets held by the information holder", Theme.GOVE, Frequency.QUARTERLY, "відкриті дані, реєстр", "інформаційних"),
            all("records-system", "Інформація про систему обліку, види інформації, яка зберігається розпорядником",
                    "The records system and the kinds of information the holder keeps", Theme.GOVE, Frequency.ANNUAL, "облік документів", "діловодства"),
            local("master-plans", "Генеральні плани населених пунктів, історико-архітектурні опорні плани, плани зонування територій, детальні плани територій",
                    "Master plans of settlements, historical and architectural plans, zoning plans, detailed territorial plans", Theme.REGI,
                    Frequency.ANNUAL, "містобудівна документація, генеральний план, зонування", "економічного"),
            local("building-conditions", "Містобудівні умови та обмеження забудови земельних ділянок",
                    "Urban planning conditions and restrictions for land plots", Theme.REGI, Frequency.MONTHLY, "містобудування, забудова", "економічного"),
            local("building-passports", "Будівельні паспорти забудови земельних ділянок", "Building passports of land plots",
                    Theme.REGI, Frequency.MONTHLY, "будівництво, земельні ділянки", "економічного"),
            local("outdoor-advertising", "Дозволи на розміщення зовнішньої реклами", "Permits for outdoor advertising",
                    Theme.ECON, Frequency.MONTHLY, "реклама, дозволи", "економічного"),
            local("temporary-structures", "Інформація про розміщення тимчасових споруд для провадження підприємницької діяльності",
                    "Temporary structures for business", Theme.ECON, Frequency.QUARTERLY, "тимчасові споруди, МАФ", "економічного"),
            local("communal-property", "Перелік об’єктів комунальної власності", "Communal property", Theme.ECON, Frequency.ANNUAL,
                    "комунальна власність, майно", "економічного"),
            local("communal-rent", "Інформація про об’єкти комунальної власності, передані в оренду", "Communal property let out",
                    Theme.ECON, Frequency.QUARTERLY, "оренда, комунальне майно", "економічного"),
            local("land-plots", "Перелік земельних ділянок комунальної власності, що пропонуються для продажу або передачі в оренду на земельних торгах",
                    "Communal land plots offered at land auctions", Theme.ECON, Frequency.QUARTERLY, "земельні ділянки, торги", "економічного"),
            local("transport-routes", "Маршрути та розклад руху громадського транспорту", "Public transport routes and timetables",
                    Theme.TRAN, Frequency.ANNUAL_2, "транспорт, маршрути, розклад", "житлово"),
            local("transport-stops", "Розміщення зупинок громадського транспорту", "Public transport stops", Theme.TRAN, Frequency.ANNUAL,
                    "зупинки, транспорт", "житлово"),
            local("parking", "Інформація про місця для паркування транспортних засобів", "Parking places", Theme.TRAN, Frequency.ANNUAL,
                    "паркування, стоянки", "житлово"),
            local("heritage", "Перелік пам’яток культурної спадщини місцевого значення", "Monuments of cultural heritage of local significance",
                    Theme.EDUC, Frequency.ANNUAL, "пам’ятки, культурна спадщина", "освіти"),
            local("budget-execution", "Звіти про виконання місцевого бюджету", "Reports on the execution of the local budget",
                    Theme.ECON, Frequency.QUARTERLY, "бюджет, виконання бюджету", "економічного"),
            local("budget-programme-passports", "Паспорти бюджетних програм місцевого бюджету", "Passports of local budget programmes",
                    Theme.ECON, Frequency.ANNUAL, "бюджетні програми, паспорти", "економічного"),
            local("budget-programme-reports", "Звіти про виконання паспортів бюджетних програм місцевого бюджету",
                    "Reports on the passports of local budget programmes", Theme.ECON, Frequency.ANNUAL, "бюджетні програми, звіти", "економічного"),
            local("local-taxes", "Ставки місцевих податків і зборів", "Rates of local taxes and fees", Theme.ECON, Frequency.ANNUAL,
                    "податки, збори", "економічного"),
            local("roll-call-votes", "Результати поіменного голосування депутатів місцевої ради", "Roll-call votes of the council's deputies",
                    Theme.GOVE, Frequency.MONTHLY, "сесія, голосування, депутати", "організаційної"),
            local("council-decisions", "Рішення органу місцевого самоврядування, проєкти рішень", "Decisions of the council and draft decisions",
                    Theme.GOVE, Frequency.MONTHLY, "рішення, проєкти рішень", "діловодства"),
            local("green-spaces", "Реєстр зелених насаджень", "Register of green spaces", Theme.ENVI, Frequency.ANNUAL, "зелені насадження, дерева", "житлово"),
            local("education-institutions", "Перелік закладів освіти комунальної власності", "Communal educational institutions",
                    Theme.EDUC, Frequency.ANNUAL, "школи, садочки, освіта", "освіти"),
            local("health-institutions", "Перелік закладів охорони здоров’я комунальної власності", "Communal health institutions",
                    Theme.HEAL, Frequency.ANNUAL, "лікарні, охорона здоров’я", "здоров"),
            generated("petitions", "Електронні петиції, зокрема інформація щодо їх розгляду", "E-petitions and how they were considered",
                    Theme.GOVE, "петиції, підписи", "комунікацій", "petitions"),
            generated("participatory-budget", "Проєкти громадського бюджету (бюджету участі) та результати голосування",
                    "Participatory budget projects and voting results", Theme.ECON, "громадський бюджет, проєкти, голосування", "економічного", "budget"),
            generated("administrative-services", "Перелік адміністративних послуг, які надаються через центр надання адміністративних послуг",
                    "Administrative services provided at the administrative services centre", Theme.GOVE, "ЦНАП, адміністративні послуги",
                    "адміністративних послуг", "queue"));
}
