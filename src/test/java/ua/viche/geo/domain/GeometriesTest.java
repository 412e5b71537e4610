package ua.viche.geo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.Community;
import ua.viche.platform.Refusal;

/** Geometry checks against Kropyvnytskyi's area, distances against hand-computed values, opening hours, attribute types. */
class GeometriesTest {

    private static final Community.Area AREA = new Community.Area(48.45, 32.15, 48.58, 32.37);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String refusal(String geoJson) {
        try {
            Geometries.parse(geoJson, JSON, AREA);
            return "accepted";
        } catch (Refusal r) {
            return r.messageKey();
        }
    }

    @Test
    void aPointInsideTheAreaIsAcceptedWithLongitudeFirst() {
        Geometries.Shape s = Geometries.parse("{\"type\":\"Point\",\"coordinates\":[32.26,48.51]}", JSON, AREA);
        assertThat(s.type()).isEqualTo("Point");
        assertThat(s.lat()).isEqualTo(48.51);
        assertThat(s.lon()).isEqualTo(32.26);
        assertThat(s.geoJson()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[32.26,48.51]}");
    }

    @Test
    void outsideTheAreaAndSwappedCoordinatesAreRefusedEachWithItsReason() {
        assertThat(refusal("{\"type\":\"Point\",\"coordinates\":[30.52,50.45]}")).isEqualTo("geo.error.outside"); // Kyiv
        assertThat(refusal("{\"type\":\"Point\",\"coordinates\":[48.51,32.26]}")).isEqualTo("geo.error.swapped");
        assertThat(refusal("{\"type\":\"LineString\",\"coordinates\":[[48.51,32.26],[48.52,32.27]]}")).isEqualTo("geo.error.swapped");
        assertThat(refusal("{\"type\":\"LineString\",\"coordinates\":[[32.26,48.51],[32.27,49.9]]}")).isEqualTo("geo.error.outside");
        assertThatThrownBy(() -> Geometries.point(32.26, 48.51, AREA)).isInstanceOf(Refusal.class).hasMessage("geo.error.swapped");
    }

    @Test
    void polygonsNeedClosedValidRingsThatDoNotCrossThemselves() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[32.25,48.50],[32.26,48.50],[32.26,48.51],[32.25,48.51],[32.25,48.50]]]}";
        Geometries.Shape s = Geometries.parse(square, JSON, AREA);
        assertThat(s.type()).isEqualTo("Polygon");
        assertThat(s.minLat()).isEqualTo(48.50);
        assertThat(s.maxLon()).isEqualTo(32.26);
        assertThat(AREA.contains(s.lat(), s.lon())).isTrue();
        // a bow tie: the ring crosses itself
        assertThat(refusal("{\"type\":\"Polygon\",\"coordinates\":[[[32.25,48.50],[32.26,48.51],[32.26,48.50],[32.25,48.51],[32.25,48.50]]]}"))
                .isEqualTo("geo.error.selfIntersection");
        assertThat(refusal("{\"type\":\"Polygon\",\"coordinates\":[[[32.25,48.50],[32.26,48.50],[32.26,48.51],[32.25,48.51]]]}"))
                .isEqualTo("geo.error.ringOpen");
        assertThat(refusal("{\"type\":\"Polygon\",\"coordinates\":[[[32.25,48.50],[32.26,48.50],[32.25,48.50]]]}"))
                .isEqualTo("geo.error.ringTooShort");
        // a hole outside its shell
        assertThat(refusal("{\"type\":\"Polygon\",\"coordinates\":[[[32.25,48.50],[32.26,48.50],[32.26,48.51],[32.25,48.51],[32.25,48.50]],"
                + "[[32.30,48.52],[32.31,48.52],[32.31,48.53],[32.30,48.52]]]}")).isEqualTo("geo.error.invalidRings");
    }

    @Test
    void unreadableAndUnsupportedGeometriesAreRefused() {
        assertThat(refusal("{\"type\":\"MultiPoint\",\"coordinates\":[[32.26,48.51]]}")).isEqualTo("geo.error.geometryType");
        assertThat(refusal("{\"type\":\"Point\",\"coordinates\":[\"32.26\",48.51]}")).isEqualTo("geo.error.geometryUnreadable");
        assertThat(refusal("not json")).isEqualTo("geo.error.geometryUnreadable");
        assertThat(refusal("{\"type\":\"LineString\",\"coordinates\":[[32.26,48.51],[32.26,48.51]]}")).isEqualTo("geo.error.lineTooShort");
    }

    @Test
    void distancesAgreeWithHandComputedValues() {
        // 0.01° of latitude: 6,371,008.8 m × π / 180 × 0.01 = 1,111.95 m
        assertThat(Geometries.distance(48.5, 32.25, 48.51, 32.25)).isCloseTo(1111.95, offset(0.01));
        // 0.01° of longitude at 48.5°: 1,111.95 m × cos 48.5° = 736.80 m
        assertThat(Geometries.distance(48.5, 32.25, 48.5, 32.26)).isCloseTo(736.80, offset(0.01));
        // Kyiv to Lviv, about 468 km
        assertThat(Geometries.distance(50.4501, 30.5234, 49.8397, 24.0297)).isBetween(467_000.0, 468_000.0);
    }

    @Test
    void openingHoursSayWhetherOpenAndUntilWhen() {
        OpeningHours h = OpeningHours.parse("Mo-Fr 08:00-12:00,13:00-17:00; Sa 09:00-13:00; Su off").orElseThrow();
        LocalDateTime monday = LocalDateTime.of(2026, 12, 7, 10, 30); // a Monday
        assertThat(h.at(monday)).isEqualTo(new OpeningHours.State(true, LocalTime.of(12, 0), null));
        assertThat(h.at(monday.withHour(12).withMinute(30))).isEqualTo(new OpeningHours.State(false, null, LocalTime.of(13, 0)));
        assertThat(h.at(monday.withHour(18))).isEqualTo(new OpeningHours.State(false, null, null));
        assertThat(h.at(monday.plusDays(5)).open()).isTrue(); // Saturday 10:30
        assertThat(h.at(monday.plusDays(6)).open()).isFalse(); // Sunday
        assertThat(OpeningHours.parse("24/7").orElseThrow().at(monday).open()).isTrue();
        assertThat(OpeningHours.parse("Mo-Fr 18:00-08:00")).isEmpty();
        assertThat(OpeningHours.parse("always")).isEmpty();
        assertThat(OpeningHours.parse("Xx 08:00-17:00")).isEmpty();
    }

    @Test
    void attributeValuesAreCheckedByTheirType() {
        List<AttributeSpec> schema = AttributeSpec.parseLines("""
                capacity | number | Місткість | Capacity
                kind | choice | Тип | Kind | school, lyceum
                phone | phone | Телефон | Phone
                site | url | Сайт | Website
                hours | hours | Години | Hours
                free | yes_no | Безкоштовно | Free""");
        assertThat(schema).hasSize(6);
        assertThat(schema.get(0).check(" 120 ")).isEqualTo("120");
        assertThat(schema.get(5).check("так")).isEqualTo("yes");
        assertThatThrownBy(() -> schema.get(0).check("багато")).isInstanceOf(Refusal.class).hasMessage("geo.error.attributeValue.number");
        assertThatThrownBy(() -> schema.get(1).check("college")).isInstanceOf(Refusal.class).hasMessage("geo.error.attributeValue.choice");
        assertThatThrownBy(() -> schema.get(2).check("дзвоніть")).isInstanceOf(Refusal.class).hasMessage("geo.error.attributeValue.phone");
        assertThatThrownBy(() -> schema.get(3).check("javascript:alert(1)")).isInstanceOf(Refusal.class).hasMessage("geo.error.attributeValue.url");
        assertThatThrownBy(() -> schema.get(4).check("9-5")).isInstanceOf(Refusal.class).hasMessage("geo.error.attributeValue.hours");
        assertThat(AttributeSpec.parseLines(schema.stream().map(AttributeSpec::line).reduce((a, b) -> a + "\n" + b).orElseThrow()))
                .isEqualTo(schema);
        assertThatThrownBy(() -> AttributeSpec.parseLines("access_x | text | А | A")).isInstanceOf(Refusal.class);
        for (StandardLayer s : StandardLayer.values()) {
            assertThat(s.attributes()).as(s.name()).isNotEmpty();
        }
    }
}
