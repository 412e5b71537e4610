package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A typed setting reads a community's stored text, falls back to its one default, and refuses what its type does not allow. */
class SettingTest {

    enum Colour { RED, GREEN, BLUE }

    private static Community with(Map<String, String> settings) {
        return new Community(1, "x", "Х", "X", Community.Kind.CITY, 1, null, null, null, null, null, null, null, null, settings);
    }

    @Test
    void readsTheStoredValueOrTheDefault() {
        Setting<Integer> days = Setting.integer("m.days", 21, 1, 365);
        assertThat(days.value(with(Map.of()))).isEqualTo(21);
        assertThat(days.value(with(Map.of("m.days", " 30 ")))).isEqualTo(30);
        assertThat(days.value(with(Map.of("m.days", "0")))).as("out of range: the default").isEqualTo(21);
        assertThat(days.value(with(Map.of("m.days", "many")))).isEqualTo(21);
        Setting<LocalTime> closes = Setting.timeOfDay("m.closes", LocalTime.of(18, 0));
        assertThat(closes.value(with(Map.of("m.closes", "9:05")))).isEqualTo(LocalTime.of(9, 5));
        assertThat(closes.formatted(with(Map.of("m.closes", "9:05")))).isEqualTo("09:05");
        assertThat(closes.value(with(Map.of("m.closes", "25:00")))).isEqualTo(LocalTime.of(18, 0));
    }

    @Test
    void refusesWhatItsTypeDoesNotAllow() {
        assertThat(Setting.integer("m.n", 5, 1, 10).check("11")).contains(new Setting.Problem("setting.error.integer", List.of("1", "10")));
        assertThat(Setting.integer("m.n", 5, 1, 10).check("10")).isEmpty();
        assertThat(Setting.oneOf("m.slot", 15, List.of(5, 10, 15)).check("7")).map(Setting.Problem::messageKey).contains("setting.error.choice");
        assertThat(Setting.flag("m.on", true).check("yes")).map(Setting.Problem::messageKey).contains("setting.error.flag");
        assertThat(Setting.timeOfDay("m.t", LocalTime.NOON).check("17.30")).map(Setting.Problem::messageKey).contains("setting.error.time");
        assertThat(Setting.letters("m.p", "", 3).check("К-1")).map(Setting.Problem::messageKey).contains("setting.error.letters");
        assertThat(Setting.letters("m.p", "", 3).check("")).isEmpty();
        assertThat(Setting.text("m.s", "", 4).check("12345")).map(Setting.Problem::messageKey).contains("setting.error.tooLong");
        assertThat(Setting.choice("m.c", Colour.class, Colour.RED).parse("green")).isEqualTo(Colour.GREEN);
        assertThat(Setting.choice("m.c", Colour.class, Colour.RED).check("PINK")).isPresent();
        Setting<Set<Colour>> many = Setting.choices("m.cs", Colour.class, EnumSet.allOf(Colour.class));
        assertThat(many.parse("blue, RED")).containsExactlyInAnyOrder(Colour.RED, Colour.BLUE);
        assertThat(many.normalise("BLUE,RED")).as("stored in the enum's order").isEqualTo("RED,BLUE");
        assertThat(many.check("")).map(Setting.Problem::messageKey).contains("setting.error.choices");
        assertThatThrownBy(() -> many.parse("RED,PINK")).isInstanceOf(Setting.Invalid.class);
    }

    @Test
    void theCommunityAreaIsATypedSetting() {
        assertThat(with(Map.of()).area()).isEmpty();
        assertThat(with(Map.of("platform.area", "48.4, 32.2, 48.6, 32.4")).area())
                .contains(new Community.Area(48.4, 32.2, 48.6, 32.4));
        assertThat(Community.AREA.check("48.6,32.2,48.4,32.4")).as("minimum above maximum").isPresent();
        assertThat(Community.AREA.check("48.4,32.2,48.6")).isPresent();
        assertThat(Community.AREA.check("")).isEmpty();
        assertThat(Community.AREA.normalise(" 48.4,32.2 ,48.6,32.4")).isEqualTo("48.4,32.2,48.6,32.4");
        assertThat(Community.AREA.value(with(Map.of("platform.area", "nonsense")))).isEqualTo(Optional.empty());
    }
}
