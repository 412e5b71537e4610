package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralsTest {

    private static final Locale UK = Locale.forLanguageTag("uk");

    @ParameterizedTest
    @CsvSource({"0,many", "1,one", "2,few", "4,few", "5,many", "11,many", "12,many", "14,many", "21,one",
            "22,few", "25,many", "101,one", "111,many", "112,many", "122,few", "1000,many", "236600,many"})
    void ukrainianForms(long n, String form) {
        assertThat(Plurals.form(n, UK)).isEqualTo(form);
    }

    @ParameterizedTest
    @CsvSource({"0,many", "1,one", "2,many", "21,many"})
    void englishForms(long n, String form) {
        assertThat(Plurals.form(n, Locale.ENGLISH)).isEqualTo(form);
    }
}
