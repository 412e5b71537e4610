package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Безкоштовний Wi-Fi у парку «Ковалівський»|bezkoshtovnyi-wi-fi-u-parku-kovalivskyi",
            "Єнакієве|yenakiieve", "Їжакевич|yizhakevych", "Юрій Яготин|yurii-yahotyn", "Згорани|zghorany",
            "Знам’янка|znamianka", "Щастя, 2026!|shchastia-2026", "—!?|''"})
    void transliteratesByTheOfficialTable(String text, String slug) {
        assertThat(Slugs.of(text, 60)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({"Дуже довга назва петиції про все на світі,12"})
    void cutsAtTheLimitWithoutTrailingHyphen(String text, int max) {
        assertThat(Slugs.of(text, max)).hasSizeLessThanOrEqualTo(max).doesNotEndWith("-");
    }
}
