package ua.viche.geo.domain;

import java.util.List;

/**
 * The layers a community can enable with one click, each with its symbol (colour, shape and a
 * text label, so that colour is never the only sign), its attribute schema, and words that find the
 * department usually in charge of it (the first department whose name contains one).
 */
public enum StandardLayer {
    HEALTH("health", "Заклади охорони здоров’я", "Healthcare facilities", "health", "#b3261e", Layer.Shape.CIRCLE, "H",
            List.of("охорони здоров", "здоров"), """
            kind | choice | Тип закладу | Kind | hospital, polyclinic, family_doctor, dentist, pharmacy
            hours | hours | Години роботи | Opening hours
            phone | phone | Телефон | Phone
            website | url | Вебсайт | Website"""),
    EDUCATION("education", "Заклади освіти", "Educational institutions", "education", "#1d4e89", Layer.Shape.SQUARE, "E",
            List.of("освіти"), """
            kind | choice | Тип закладу | Kind | kindergarten, school, lyceum, college, university
            hours | hours | Години роботи | Opening hours
            phone | phone | Телефон | Phone
            website | url | Вебсайт | Website"""),
    SOCIAL("social", "Соціальні служби", "Social services", "social", "#6a3d9a", Layer.Shape.DIAMOND, "S",
            List.of("соціальн"), """
            services | text | Послуги | Services
            hours | hours | Години роботи | Opening hours
            phone | phone | Телефон | Phone"""),
    SHELTERS("shelters", "Укриття", "Shelters", "shelter", "#37474f", Layer.Shape.TRIANGLE, "U",
            List.of("житлово", "загальний"), """
            capacity | number | Місткість, осіб | Capacity, people
            kind | choice | Тип укриття | Kind | civil_defence, basement, parking, metro
            hours | hours | Доступне | Open"""),
    WIFI("wifi", "Зони Wi-Fi", "Wi-Fi zones", "wifi", "#00695c", Layer.Shape.CIRCLE, "W",
            List.of("інформаційних", "автоматизованих"), """
            network | text | Назва мережі | Network name
            free | yes_no | Безкоштовно | Free of charge"""),
    INVINCIBILITY("invincibility", "Пункти незламності", "Points of invincibility", "invincibility", "#a33e00", Layer.Shape.STAR, "P",
            List.of("надзвичайн", "соціальн"), """
            generator | yes_no | Генератор | Generator
            water | yes_no | Питна вода | Drinking water
            internet | yes_no | Інтернет | Internet
            hours | hours | Години роботи | Opening hours"""),
    INVESTMENT("investment", "Інвестиційні ділянки", "Investment sites", "investment", "#5f5a10", Layer.Shape.SQUARE, "I",
            List.of("економічного"), """
            area_ha | number | Площа, га | Area, ha
            purpose | text | Призначення | Purpose
            utilities | yes_no | Інженерні мережі | Utilities connected
            contact | phone | Контактний телефон | Contact phone"""),
    SIGHTS("sights", "Туристичні пам’ятки", "Tourist sights", "sight", "#ad1457", Layer.Shape.STAR, "T",
            List.of("культур", "туризм", "комунікацій"), """
            period | text | Період | Period
            hours | hours | Години роботи | Opening hours
            tickets | text | Квитки | Tickets
            website | url | Вебсайт | Website"""),
    ROUTES("routes", "Туристичні маршрути", "Tourist routes", "route", "#4527a0", Layer.Shape.DIAMOND, "R",
            List.of("культур", "туризм", "комунікацій"), """
            length_km | number | Довжина, км | Length, km
            walking_minutes | number | Пішки, хвилин | Walking time, minutes
            difficulty | choice | Складність | Difficulty | easy, moderate, hard
            accessible | yes_no | Доступний маршрут | Accessible route""");

    private final String slug;
    private final String nameUk;
    private final String nameEn;
    private final String icon;
    private final String colour;
    private final Layer.Shape shape;
    private final String label;
    private final List<String> departmentWords;
    private final String attributes;

    StandardLayer(String slug, String nameUk, String nameEn, String icon, String colour, Layer.Shape shape, String label,
                  List<String> departmentWords, String attributes) {
        this.slug = slug;
        this.nameUk = nameUk;
        this.nameEn = nameEn;
        this.icon = icon;
        this.colour = colour;
        this.shape = shape;
        this.label = label;
        this.departmentWords = departmentWords;
        this.attributes = attributes;
    }

    public String slug() { return slug; }
    public String nameUk() { return nameUk; }
    public String nameEn() { return nameEn; }
    public String icon() { return icon; }
    public String colour() { return colour; }
    public Layer.Shape shape() { return shape; }
    public String label() { return label; }
    public List<String> departmentWords() { return departmentWords; }
    public List<AttributeSpec> attributes() { return AttributeSpec.parseLines(attributes); }
}
