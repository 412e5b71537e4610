package ua.viche.identity.demo;

import java.util.List;
import java.util.Optional;

/**
 * Fictional people the demo identity provider offers; their tax numbers are made up. The KATOTTG
 * code of an address is given only where it is known from the source documents (Kropyvnytskyi's
 * community code, {@link DemoSettlements}); an address without one is described in words alone.
 */
public final class DemoPersons {

    private DemoPersons() {}

    /** A demo person as ID.GOV.UA would describe them. */
    public record DemoPerson(String key, String lastName, String givenName, String middleName, String taxNumber,
                             String address, String email, String phone, String katottg) {
        public String fullName() {
            return lastName + " " + givenName + " " + middleName;
        }
    }

    public static final List<DemoPerson> ALL = List.of(
            new DemoPerson("olena", "Коваленко", "Олена", "Петрівна", "3012345670",
                    "Кіровоградська обл., м. Кропивницький, вул. Велика Перспективна, 41, кв. 7",
                    "olena.kovalenko@example.org", "+380501112233", DemoSettlements.KROPYVNYTSKYI),
            new DemoPerson("andrii", "Шевчук", "Андрій", "Іванович", "2987654310",
                    "Кіровоградська обл., м. Кропивницький, вул. Єгорова, 12", "andrii.shevchuk@example.org",
                    "+380671234567", DemoSettlements.KROPYVNYTSKYI),
            new DemoPerson("mariia", "Бондаренко", "Марія", "Степанівна", "1876543219",
                    "Кіровоградська обл., Кропивницький р-н, с. Дмитрівка, вул. Центральна, 5",
                    "mariia.bondarenko@example.org", "+380962223344", ""),
            new DemoPerson("ihor", "Мельник", "Ігор", "Васильович", "3123456781",
                    "Луганська обл., м. Сєвєродонецьк, просп. Центральний, 32, кв. 15", "ihor.melnyk@example.org",
                    "+380993334455", ""),
            new DemoPerson("nadiia", "Ткаченко", "Надія", "Олексіївна", "2456789013",
                    "Кіровоградська обл., м. Кропивницький, вул. Шевченка, 3", "nadiia.tkachenko@example.org",
                    "+380504445566", DemoSettlements.KROPYVNYTSKYI));

    public static Optional<DemoPerson> byKey(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
