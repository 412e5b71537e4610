package ua.viche.opendata.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The template of a community's register: the datasets of the annex to Cabinet Resolution No. 835 of
 * 21 October 2015 («Про затвердження Положення про набори даних, які підлягають оприлюдненню у формі
 * відкритих даних», as amended) that apply to a local self-government body: the 14 every information
 * holder publishes and the 54 of local self-government bodies, named as the annex names them, each
 * with its item number in its part of the annex (decision 0060). The community checks the list against
 * the resolution's current text and adds its own datasets. An entry the platform itself holds names
 * the module whose export makes it ({@code module}).
 */
public final class Resolution835 {

    public static final String LEGAL_BASIS_ALL = "Постанова КМУ від 21.10.2015 № 835, перелік наборів даних для всіх розпорядників інформації";
    public static final String LEGAL_BASIS_LOCAL = "Постанова КМУ від 21.10.2015 № 835, перелік наборів даних для органів місцевого самоврядування";

    /** How many datasets of the annex every information holder publishes. */
    public static final int ALL_HOLDERS = 14;
    /** How many datasets of the annex local self-government bodies publish besides. */
    public static final int LOCAL_BODIES = 54;

    /**
     * One dataset of the list: its item number in its part of the annex (every information holder's, or
     * local self-government bodies'), names, theme, frequency, keywords, words of the department in
     * charge, and the generating module if any.
     */
    public record Entry(int item, String name, String titleUk, String titleEn, Theme theme, Frequency frequency, String keywords,
                        String departmentWords, boolean local, @Nullable String module) {

        /** The legal basis a dataset of this entry is registered with: the part of the annex and the item. */
        public String legalBasis() {
            return (local ? LEGAL_BASIS_LOCAL : LEGAL_BASIS_ALL) + ", п. " + item;
        }
    }

    private Resolution835() {}

    private static Entry all(int item, String name, String uk, String en, Theme theme, Frequency f, String keywords, String dept) {
        return new Entry(item, name, uk, en, theme, f, keywords, dept, false, null);
    }

    private static Entry local(int item, String name, String uk, String en, Theme theme, Frequency f, String keywords, String dept) {
        return new Entry(item, name, uk, en, theme, f, keywords, dept, true, null);
    }

    private static Entry generated(int item, String name, String uk, String en, Theme theme, String keywords, String dept, String module) {
        return new Entry(item, name, uk, en, theme, Frequency.DAILY, keywords, dept, true, module);
    }

    public static final List<Entry> ENTRIES = List.of(
            // ---- every information holder
            all(1, "enterprises-directory", "Довідник підприємств, установ (закладів) та організацій розпорядника інформації та підпорядкованих "
                            + "йому організацій, у тому числі їх ідентифікаційних кодів, офіційних веб-сайтів, адрес електронної пошти, телефонів та адрес",
                    "Directory of the enterprises, institutions and organisations of the information holder and of those subordinate to it, "
                            + "with their identification codes, official websites, e-mail addresses, telephones and addresses",
                    Theme.GOVE, Frequency.ANNUAL, "довідник, підприємства, установи, контакти", "організаційної"),
            all(2, "org-structure", "Інформація про організаційну структуру розпорядника інформації",
                    "Organisational structure of the information holder", Theme.GOVE, Frequency.ANNUAL, "структура, підрозділи", "організаційної"),
            all(3, "norms", "Нормативи, що затверджуються та підлягають оприлюдненню відповідно до закону розпорядником інформації",
                    "Norms approved by the information holder and published as the law requires", Theme.GOVE, Frequency.ANNUAL, "нормативи", "економічного"),
            all(4, "administrative-data", "Адміністративні дані, що збираються (обробляються) та підлягають оприлюдненню відповідно до вимог закону "
                            + "розпорядником інформації",
                    "Administrative data collected (processed) by the information holder and published as the law requires", Theme.GOVE,
                    Frequency.ANNUAL, "адміністративні дані", "інформаційних"),
            all(5, "reports", "Звіти, в тому числі щодо задоволення запитів на інформацію",
                    "Reports, including on answering requests for information", Theme.GOVE, Frequency.QUARTERLY, "звіти, запити на інформацію", "комунікацій"),
            all(6, "records-system", "Інформація про систему обліку, види інформації, яка зберігається розпорядником",
                    "The records system and the kinds of information the holder keeps", Theme.GOVE, Frequency.ANNUAL, "облік документів", "діловодства"),
            all(7, "dataset-register", "Реєстр наборів даних, що перебувають у володінні розпорядника інформації",
                    "Register of datasets held by the information holder", Theme.GOVE, Frequency.QUARTERLY, "відкриті дані, реєстр", "інформаційних"),
            all(8, "legal-framework", "Інформація про нормативно-правові засади діяльності",
                    "Legal framework of the holder's work", Theme.GOVE, Frequency.ANNUAL, "нормативні акти", "діловодства"),
            all(9, "legal-acts", "Нормативно-правові акти, акти індивідуальної дії (крім внутрішньоорганізаційних), прийняті розпорядником "
                            + "інформації, проекти рішень, що підлягають обговоренню, інформація про здійснення регуляторної політики",
                    "Regulatory acts and individual acts (other than internal ones) adopted by the information holder, draft decisions open "
                            + "to discussion, and information on its regulatory policy", Theme.JUST, Frequency.MONTHLY,
                    "нормативно-правові акти, проекти рішень, регуляторна політика", "діловодства"),
            all(10, "public-sector-financial-statements", "Фінансова звітність суб’єктів господарювання державного сектору економіки",
                    "Financial statements of the public-sector economic entities", Theme.ECON, Frequency.QUARTERLY,
                    "фінансова звітність, комунальні підприємства", "економічного"),
            all(11, "regulatory-acts", "Переліки регуляторних актів із зазначенням дати набрання чинності, строку проведення базового, повторного "
                            + "та періодичного відстеження їх результативності та інформації про місце їх оприлюднення",
                    "Lists of regulatory acts with the date each came into force, the terms of the baseline, repeated and periodic tracking "
                            + "of its effectiveness, and where it is published", Theme.JUST, Frequency.QUARTERLY,
                    "регуляторні акти, відстеження результативності", "економічного"),
            all(12, "regulatory-plans", "Плани діяльності з підготовки проектів регуляторних актів із зазначенням видів і назв проектів, цілей "
                            + "їх прийняття, строків підготовки проектів, найменування органів і підрозділів, відповідальних за розроблення проектів",
                    "Plans for preparing draft regulatory acts: kinds and titles of the drafts, their aims, preparation terms, and the bodies "
                            + "and units responsible for drafting them", Theme.JUST, Frequency.ANNUAL, "регуляторні акти, план діяльності",
                    "економічного"),
            all(13, "procurement-plans", "Річні плани закупівель розпорядника інформації та зміни до них",
                    "The information holder's annual procurement plans and their amendments", Theme.ECON, Frequency.QUARTERLY,
                    "закупівлі, річний план", "економічного"),
            all(14, "vacancies", "Інформація про вакансії, порядок та умови проходження конкурсу на заміщення вакантних посад",
                    "Vacancies, and the procedure and conditions of the competition to fill them", Theme.GOVE, Frequency.MONTHLY,
                    "вакансії, конкурс, посади", "організаційної"),

            // ---- local self-government bodies
            local(1, "master-plans", "Генеральний план населеного пункту, історико-архітектурний опорний план, план зонування території, "
                            + "детальний план території, їх проекти",
                    "Master plan of the settlement, historical and architectural base plan, zoning plan, detailed territorial plan, and their drafts",
                    Theme.REGI, Frequency.ANNUAL, "містобудівна документація, генеральний план, зонування", "економічного"),
            local(2, "communal-property", "Перелік об’єктів комунальної власності", "List of communal property", Theme.ECON, Frequency.ANNUAL,
                    "комунальна власність, майно", "економічного"),
            local(3, "communal-rent", "Перелік об’єктів комунальної власності, що передані в оренду чи інше право користування",
                    "List of communal property let out or given into other use", Theme.ECON, Frequency.QUARTERLY, "оренда, комунальне майно",
                    "економічного"),
            local(4, "land-plots", "Перелік незадіяних земельних ділянок і майнових об’єктів комунальної власності, які можуть бути передані "
                            + "в користування",
                    "List of unused communal land plots and property that may be given into use", Theme.ECON, Frequency.QUARTERLY,
                    "земельні ділянки, вільні приміщення", "економічного"),
            local(5, "privatisation", "Перелік об’єктів комунальної власності, що підлягають приватизації",
                    "List of communal property to be privatised", Theme.ECON, Frequency.QUARTERLY, "приватизація, комунальне майно", "економічного"),
            local(6, "communal-enterprise-plans", "Фінансові плани комунальних підприємств та звіти про їх виконання",
                    "Financial plans of communal enterprises and reports on their execution", Theme.ECON, Frequency.QUARTERLY,
                    "комунальні підприємства, фінансовий план", "економічного"),
            local(7, "local-taxes", "Ставки місцевих податків і зборів та пільги з їх сплати",
                    "Rates of local taxes and fees and the reliefs from them", Theme.ECON, Frequency.ANNUAL, "податки, збори, пільги", "економічного"),
            local(8, "land-valuation", "Дані про нормативну грошову оцінку земель", "Normative monetary valuation of land", Theme.ECON,
                    Frequency.ANNUAL, "земля, грошова оцінка", "економічного"),
            local(9, "utility-tariffs", "Тарифи на житлово-комунальні послуги", "Tariffs for housing and utility services", Theme.ECON,
                    Frequency.ANNUAL, "тарифи, комунальні послуги", "житлово"),
            local(10, "apartment-buildings", "Перелік багатоквартирних будинків із зазначенням об’єднань співвласників багатоквартирних будинків "
                            + "та управителів",
                    "List of apartment buildings with their co-owners’ associations and managers", Theme.REGI, Frequency.ANNUAL,
                    "будинки, ОСББ, управителі", "житлово"),
            local(11, "energy-consumption", "Дані про споживання енергетичних ресурсів закладами (установами) комунальної власності",
                    "Energy consumption of communal institutions", Theme.ENER, Frequency.MONTHLY, "енергоспоживання, енергоефективність", "житлово"),
            local(12, "repair-lists", "Титульні списки на проведення капітального та поточного ремонту, будівництва, реконструкції та благоустрою",
                    "Title lists of capital and current repairs, construction, reconstruction and landscaping", Theme.REGI, Frequency.QUARTERLY,
                    "ремонт, будівництво, благоустрій", "житлово"),
            local(13, "landscaping-permits", "Дані про видані дозволи на порушення об’єктів благоустрою",
                    "Permits issued to disturb landscaped areas", Theme.REGI, Frequency.MONTHLY, "благоустрій, дозволи, розкопування", "житлово"),
            local(14, "green-spaces", "Дані про зелені насадження, у тому числі про видані дозволи на їх видалення",
                    "Green spaces, including the permits issued to remove them", Theme.ENVI, Frequency.ANNUAL, "зелені насадження, дерева", "житлово"),
            local(15, "waste-sites", "Дані про розміщення контейнерних майданчиків для збирання побутових відходів",
                    "Locations of container sites for household waste", Theme.ENVI, Frequency.ANNUAL, "відходи, контейнерні майданчики", "житлово"),
            local(16, "trade-objects", "Дані про об’єкти та засоби торгівлі", "Retail outlets and trading facilities", Theme.ECON,
                    Frequency.QUARTERLY, "торгівля, об’єкти торгівлі", "економічного"),
            local(17, "temporary-structures", "Дані про розміщення тимчасових споруд для провадження підприємницької діяльності",
                    "Locations of temporary structures for business", Theme.ECON, Frequency.QUARTERLY, "тимчасові споруди, МАФ", "економічного"),
            local(18, "fairs", "Відомості щодо ярмарків, їх організаторів, а також укладених з ними договорів",
                    "Fairs, their organisers and the contracts made with them", Theme.ECON, Frequency.QUARTERLY, "ярмарки, торгівля", "економічного"),
            local(19, "public-toilets", "Дані про розміщення громадських вбиралень", "Locations of public toilets", Theme.REGI, Frequency.ANNUAL,
                    "громадські вбиральні", "житлово"),
            local(20, "outdoor-advertising", "Дані про видані дозволи на розміщення зовнішньої реклами", "Permits issued for outdoor advertising",
                    Theme.ECON, Frequency.MONTHLY, "реклама, дозволи", "економічного"),
            local(21, "transport-carriers", "Перелік перевізників, що надають послуги пасажирського автомобільного транспорту, та маршрути перевезення",
                    "Carriers providing passenger road transport services, and their routes", Theme.TRAN, Frequency.ANNUAL_2,
                    "перевізники, маршрути", "житлово"),
            local(22, "transport-vehicles", "Відомості щодо транспортних засобів, які обслуговують пасажирські автобусні, тролейбусні та трамвайні "
                            + "маршрути перевезення",
                    "Vehicles serving the passenger bus, trolleybus and tram routes", Theme.TRAN, Frequency.ANNUAL_2,
                    "автобуси, тролейбуси, трамваї", "житлово"),
            local(23, "transport-routes", "Розклад руху громадського транспорту", "Public transport timetables", Theme.TRAN, Frequency.ANNUAL_2,
                    "транспорт, маршрути, розклад", "житлово"),
            local(24, "transport-stops", "Дані про місце розміщення зупинок міського електро- та автомобільного транспорту",
                    "Locations of the stops of urban electric and road transport", Theme.TRAN, Frequency.ANNUAL, "зупинки, транспорт", "житлово"),
            local(25, "parking", "Дані про розміщення місць для паркування транспортних засобів", "Locations of parking places",
                    Theme.TRAN, Frequency.ANNUAL, "паркування, стоянки", "житлово"),
            local(26, "building-land", "Перелік земельних ділянок, що пропонуються для здійснення забудови", "Land plots offered for development",
                    Theme.REGI, Frequency.QUARTERLY, "земельні ділянки, забудова", "економічного"),
            local(27, "contracts", "Перелік укладених договорів, укладені договори, інші правочини, додатки, додаткові угоди та інші матеріали до них",
                    "Contracts concluded: the list, the contracts and other transactions, their annexes, supplementary agreements and other "
                            + "materials", Theme.ECON, Frequency.MONTHLY, "договори, закупівлі", "економічного"),
            local(28, "land-owners", "Актуальні списки власників та орендарів місцевих земельних ділянок",
                    "Current lists of the owners and tenants of local land plots", Theme.ECON, Frequency.QUARTERLY,
                    "земельні ділянки, власники, орендарі", "економічного"),
            local(29, "land-auctions", "Дані про земельні торги з продажу земельних ділянок комунальної власності або прав на них",
                    "Land auctions selling communal land plots or rights to them", Theme.ECON, Frequency.QUARTERLY, "земельні торги, аукціони",
                    "економічного"),
            local(30, "street-names", "Перелік найменувань вулиць, провулків, площ, парків, скверів та інших об’єктів топоніміки",
                    "Names of streets, lanes, squares, parks, public gardens and other named places", Theme.REGI, Frequency.ANNUAL,
                    "вулиці, топоніміка, перейменування", "діловодства"),
            local(31, "addresses", "Дані про присвоєння та зміну адрес об’єктам нерухомого майна",
                    "Addresses assigned to and changed for real estate", Theme.REGI, Frequency.MONTHLY, "адреси, нерухоме майно", "економічного"),
            local(32, "cemeteries", "Дані про місця поховань", "Burial places", Theme.REGI, Frequency.ANNUAL, "кладовища, поховання", "житлово"),
            local(33, "shelters", "Дані про розміщення захисних споруд цивільного захисту та найпростіших укриттів",
                    "Locations of civil-protection shelters and simple shelters", Theme.REGI, Frequency.QUARTERLY, "укриття, сховища, цивільний захист",
                    "житлово"),
            local(34, "building-conditions", "Дані про надані містобудівні умови та обмеження",
                    "Urban planning conditions and restrictions granted", Theme.REGI, Frequency.MONTHLY, "містобудування, забудова", "економічного"),
            local(35, "accessibility", "Дані про зовнішню доступність інфраструктурних об’єктів для маломобільних груп населення",
                    "Outside accessibility of infrastructure for people with reduced mobility", Theme.SOCI, Frequency.ANNUAL,
                    "доступність, безбар’єрність", "соціальної"),
            local(36, "construction-control", "Дані про здійснення державного архітектурно-будівельного контролю",
                    "State architectural and construction control carried out", Theme.REGI, Frequency.QUARTERLY,
                    "архітектурно-будівельний контроль, перевірки", "економічного"),
            local(37, "construction-documents", "Дані про документи, що дають право на виконання підготовчих та будівельних робіт і засвідчують "
                            + "прийняття в експлуатацію закінчених будівництвом об’єктів",
                    "Documents granting the right to carry out preparatory and construction work and certifying that completed buildings "
                            + "were put into service", Theme.REGI, Frequency.MONTHLY, "будівництво, дозволи, введення в експлуатацію", "економічного"),
            local(38, "heritage", "Перелік пам’яток культурної спадщини місцевого значення", "Monuments of cultural heritage of local significance",
                    Theme.EDUC, Frequency.ANNUAL, "пам’ятки, культурна спадщина", "освіти"),
            local(39, "education-institutions", "Дані про мережу закладів освіти комунальної власності", "Network of communal educational institutions",
                    Theme.EDUC, Frequency.ANNUAL, "школи, садочки, освіта", "освіти"),
            local(40, "school-catchments", "Дані про території обслуговування, закріплені за закладами загальної середньої освіти",
                    "Catchment areas assigned to general secondary schools", Theme.EDUC, Frequency.ANNUAL, "школи, територія обслуговування", "освіти"),
            generated(41, "administrative-services", "Перелік адміністративних послуг, які надаються через центр надання адміністративних послуг",
                    "Administrative services provided at the administrative services centre", Theme.GOVE, "ЦНАП, адміністративні послуги",
                    "адміністративних послуг", "queue"),
            local(42, "health-institutions", "Перелік закладів охорони здоров’я комунальної власності", "Communal health institutions",
                    Theme.HEAL, Frequency.ANNUAL, "лікарні, охорона здоров’я", "здоров"),
            local(43, "culture-sports", "Перелік закладів культури, фізичної культури і спорту комунальної власності",
                    "Communal cultural and sports institutions", Theme.EDUC, Frequency.ANNUAL, "культура, спорт, заклади", "освіти"),
            local(44, "building-passports", "Дані про видані будівельні паспорти", "Building passports issued", Theme.REGI, Frequency.MONTHLY,
                    "будівельні паспорти, земельні ділянки", "економічного"),
            generated(45, "petitions", "Електронні петиції, в тому числі інформація щодо їх розгляду", "E-petitions, including how they were considered",
                    Theme.GOVE, "петиції, підписи", "комунікацій", "petitions"),
            local(46, "local-budget", "Місцевий бюджет (рішення про місцевий бюджет та зміни до нього)",
                    "The local budget (the decision on the local budget and its amendments)", Theme.ECON, Frequency.ANNUAL, "бюджет, доходи, видатки",
                    "економічного"),
            local(47, "budget-execution", "Звіти про виконання місцевого бюджету", "Reports on the execution of the local budget",
                    Theme.ECON, Frequency.QUARTERLY, "бюджет, виконання бюджету", "економічного"),
            local(48, "budget-programme-passports", "Паспорти бюджетних програм місцевого бюджету", "Passports of local budget programmes",
                    Theme.ECON, Frequency.ANNUAL, "бюджетні програми, паспорти", "економічного"),
            local(49, "budget-programmes", "Перелік бюджетних програм, у тому числі посилання на оприлюднені ресурси в мережі Інтернет",
                    "Budget programmes, with links to what is published on the Internet", Theme.ECON, Frequency.ANNUAL, "бюджетні програми",
                    "економічного"),
            local(50, "target-programmes", "Перелік цільових програм, у тому числі посилання на оприлюднені ресурси в мережі Інтернет",
                    "Targeted programmes, with links to what is published on the Internet", Theme.ECON, Frequency.ANNUAL, "цільові програми",
                    "економічного"),
            local(51, "budget-holders", "Перелік розпорядників бюджетних коштів", "Budget fund managers", Theme.ECON, Frequency.ANNUAL,
                    "розпорядники бюджетних коштів", "економічного"),
            local(52, "budget-programme-reports", "Звіти про виконання паспортів бюджетних програм місцевого бюджету",
                    "Reports on the passports of local budget programmes", Theme.ECON, Frequency.ANNUAL, "бюджетні програми, звіти", "економічного"),
            local(53, "roll-call-votes", "Результати поіменного голосування депутатів місцевої ради", "Roll-call votes of the council's deputies",
                    Theme.GOVE, Frequency.MONTHLY, "сесія, голосування, депутати", "організаційної"),
            local(54, "council-decisions", "Рішення ради та її виконавчого комітету, проекти рішень", "Decisions of the council and its executive "
                    + "committee, and draft decisions", Theme.GOVE, Frequency.MONTHLY, "рішення, проекти рішень", "діловодства"));
}
