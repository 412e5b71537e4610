package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.IntegrationTest;
import ua.viche.opendata.domain.Dataset;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Resolution835;
import ua.viche.opendata.domain.Resolution835.Entry;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.TestCommunities;
import ua.viche.platform.CurrentCommunity;

/**
 * The Resolution 835 template loaded into a register that already holds the earlier 31-entry list, as
 * a community set up before the list was completed: only the missing datasets are added, nothing the
 * coordinator changed is touched, and loading again adds nothing. Run in a community of its own, made
 * here, so that its register starts empty.
 */
@IntegrationTest
class Resolution835LoadTest {

    @Autowired Register register;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    @Test
    void loadingIntoARegisterOfTheOldListAddsOnlyWhatIsMissing() {
        Community c = community();
        CurrentCommunity.runAs(c, () -> {
            assertThat(register.load(OLD)).isEqualTo(31);
            assertThat(register.load(OLD)).as("the old list again").isZero();
            // the coordinator edits one dataset and withdraws another
            jdbc.update("update opendata_dataset set title_uk = ?, frequency = ?, legal_basis = ? where community_id = ? and name = ?",
                    "Зупинки (уточнено координатором)", "MONTHLY", "власна підстава", c.id(), "transport-stops");
            jdbc.update("update opendata_dataset set status = 'WITHDRAWN' where community_id = ? and name = ?", c.id(), "parking");
            Map<String, Long> idsBefore = ids();

            int added = register.loadTemplateAsSetup();

            Set<String> oldNames = OLD.stream().map(Entry::name).collect(Collectors.toSet());
            long newOnes = Resolution835.ENTRIES.stream().filter(e -> !oldNames.contains(e.name())).count();
            assertThat(added).isEqualTo((int) newOnes).isEqualTo(38);
            List<Register.Entry> all = register.all();
            assertThat(all).hasSize(31 + 38);
            assertThat(all.stream().map(e -> e.dataset().getName()).distinct().count()).as("no name twice").isEqualTo(all.size());
            Map<String, Dataset> byName = all.stream().collect(Collectors.toMap(e -> e.dataset().getName(), Register.Entry::dataset));
            assertThat(byName.keySet()).containsAll(Resolution835.ENTRIES.stream().map(Entry::name).toList()).containsAll(oldNames);
            Map<String, Long> idsAfter = ids();
            idsBefore.forEach((name, id) -> assertThat(idsAfter).containsEntry(name, id));

            Dataset stops = byName.get("transport-stops");
            assertThat(stops.getTitleUk()).isEqualTo("Зупинки (уточнено координатором)");
            assertThat(stops.getFrequency()).isEqualTo(Frequency.MONTHLY);
            assertThat(stops.getLegalBasis()).isEqualTo("власна підстава");
            assertThat(byName.get("parking").getStatus()).isEqualTo(Dataset.Status.WITHDRAWN);
            assertThat(byName.get("participatory-budget").getSourceModule()).as("a generated entry of the old list stays").isEqualTo("budget");
            assertThat(byName.get("petitions").getSourceModule()).isEqualTo("petitions");
            assertThat(all.stream().filter(e -> "queue".equals(e.dataset().getSourceModule()))).hasSize(1);

            Dataset toilets = byName.get("public-toilets");
            assertThat(toilets.getStatus()).isEqualTo(Dataset.Status.PLANNED);
            assertThat(toilets.getOrigin()).isEqualTo(Dataset.Origin.RESOLUTION);
            assertThat(toilets.getLegalBasis()).isEqualTo(Resolution835.LEGAL_BASIS_LOCAL + ", п. 19");
            assertThat(byName.get("enterprises-directory").getLegalBasis()).isEqualTo(Resolution835.LEGAL_BASIS_ALL + ", п. 1");

            assertThat(register.loadTemplateAsSetup()).as("loading again").isZero();
            assertThat(register.all()).hasSize(69);
        });
    }

    @Test
    void anEmptyRegisterGetsTheWholeList() {
        Community c = community();
        CurrentCommunity.runAs(c, () -> {
            assertThat(register.loadTemplateAsSetup()).isEqualTo(68);
            assertThat(register.loadTemplateAsSetup()).isZero();
            assertThat(register.all()).hasSize(68);
            assertThat(register.all()).extracting(e -> e.dataset().getName())
                    .containsExactlyInAnyOrderElementsOf(Resolution835.ENTRIES.stream().map(Entry::name).toList());
        });
    }

    private Map<String, Long> ids() {
        Map<String, Long> out = new HashMap<>();
        jdbc.query("select name, id from opendata_dataset where community_id = ?", rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        }, CurrentCommunity.require().id());
        return out;
    }

    private Community community() {
        return TestCommunities.create(communities, "od");
    }

    private static Entry all(String name, String uk, String en, Theme theme, Frequency f, String keywords, String dept) {
        return new Entry(0, name, uk, en, theme, f, keywords, dept, false, null);
    }

    private static Entry local(String name, String uk, String en, Theme theme, Frequency f, String keywords, String dept) {
        return new Entry(0, name, uk, en, theme, f, keywords, dept, true, null);
    }

    private static Entry generated(String name, String uk, String en, Theme theme, String keywords, String dept, String module) {
        return new Entry(0, name, uk, en, theme, Frequency.DAILY, keywords, dept, true, module);
    }

    /** The list as it was before it held the whole annex: 31 entries, without item numbers. */
    static final List<Entry> OLD = List.of(
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
