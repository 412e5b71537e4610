package ua.viche.platform.demo;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.community.CommunityForm;

/**
 * The three communities of the source documents, with their departments, created once when the
 * demo is on: Kropyvnytskyi (city, 236,600 residents per its programme 2025–2027), Dmytrivka
 * (village community) and Sievierodonetsk (city).
 */
@Component
@Order(10)
class DemoCommunities implements ApplicationRunner {

    private final VicheSettings settings;
    private final Communities communities;

    DemoCommunities(VicheSettings settings, Communities communities) {
        this.settings = settings;
        this.communities = communities;
    }

    private record Dept(String uk, String en) {}

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        create("kropyvnytskyi", "Кропивницька міська територіальна громада", "Kropyvnytskyi City Territorial Community",
                Community.Kind.CITY, 236_600, "Кіровоградська область", "Kirovohrad Oblast",
                "kropyvnytskyi.rada@example.gov.ua", "+380522000001", "вул. Велика Перспективна, 41, м. Кропивницький, 25022",
                "41 Velyka Perspektyvna St, Kropyvnytskyi, 25022", "48.45,32.15,48.58,32.37",
                List.of(new Dept("Управління інформаційних технологій", "Information Technology Directorate"),
                        new Dept("Департамент надання адміністративних послуг", "Department of Administrative Services"),
                        new Dept("Архівний відділ", "Archive Division"),
                        new Dept("Відділ комунікацій з громадськістю", "Public Communications Division"),
                        new Dept("Департамент з питань економічного розвитку", "Department of Economic Development"),
                        new Dept("Департамент соціальної політики", "Department of Social Policy"),
                        new Dept("Управління житлово-комунального господарства", "Housing and Utilities Directorate"),
                        new Dept("Управління освіти", "Education Directorate"),
                        new Dept("Управління охорони здоров'я", "Health Directorate"),
                        new Dept("Управління діловодства та організаційної роботи", "Records and Organisation Directorate")));
        create("dmytrivka", "Дмитрівська сільська територіальна громада", "Dmytrivka Village Territorial Community",
                Community.Kind.VILLAGE, 9_600, "Кіровоградська область", "Kirovohrad Oblast",
                "dmytrivka.rada@example.gov.ua", "+380522000000", "вул. Центральна, 1, с. Дмитрівка",
                "1 Tsentralna St, Dmytrivka village", "48.50,32.45,48.85,33.05",
                List.of(new Dept("Відділ економічного розвитку", "Economic Development Division"),
                        new Dept("Відділ надання адміністративних послуг (ЦНАП)", "Administrative Services Division (CNAP)"),
                        new Dept("Загальний відділ", "General Division"),
                        new Dept("Архівний сектор", "Archive Sector"),
                        new Dept("Відділ комунікацій з громадськістю", "Public Communications Division")));
        create("sievierodonetsk", "Сєвєродонецька міська територіальна громада", "Sievierodonetsk City Territorial Community",
                Community.Kind.CITY, 101_100, "Луганська область", "Luhansk Oblast",
                "sever.rada@example.gov.ua", "+380645000000", "м. Сєвєродонецьк", "Sievierodonetsk", "48.88,38.38,49.02,38.58",
                List.of(new Dept("Відділ зі звернень громадян", "Citizens' Appeals Division"),
                        new Dept("Відділ внутрішньої політики та зв'язків з громадськістю", "Internal Policy and Public Relations Division"),
                        new Dept("Відділ адміністративних послуг", "Administrative Services Division"),
                        new Dept("Управління соціального захисту населення", "Social Protection Directorate"),
                        new Dept("Відділ автоматизованих систем управління та технічного обслуговування", "Automated Systems Division"),
                        new Dept("Архівний відділ", "Archive Division")));
    }

    private void create(String slug, String nameUk, String nameEn, Community.Kind kind, int population, String regionUk,
                        String regionEn, String email, String phone, String addressUk, String addressEn,
                        String area, List<Dept> departments) {
        Community community = communities.bySlug(slug).orElseGet(() -> {
            CommunityForm form = new CommunityForm();
            form.setSlug(slug);
            form.setNameUk(nameUk);
            form.setNameEn(nameEn);
            form.setKind(kind);
            form.setPopulation(population);
            form.setRegionUk(regionUk);
            form.setRegionEn(regionEn);
            form.setEmail(email);
            form.setPhone(phone);
            form.setAddressUk(addressUk);
            form.setAddressEn(addressEn);
            return communities.create(form);
        });
        if (community.area().isEmpty()) {
            community = communities.putSetting(community.id(), Community.AREA.key(), area);
        }
        Community c = community;
        CurrentCommunity.runAs(c, () -> departments.forEach(d -> communities.addDepartment(d.uk(), d.en(), null, null)));
    }
}
