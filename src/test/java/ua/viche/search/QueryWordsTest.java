package ua.viche.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a typed query is read: words, phrases, exclusions, other readings, typo distance. */
class QueryWordsTest {

    @Test
    void wordsPhrasesAndExclusions() {
        QueryText q = QueryText.parse("ремонт «даху школи» -гімназії \"м’який дах\" будинок-музей, «одне»");
        assertThat(q.words()).containsExactly("ремонт", "будинок-музей", "одне");
        assertThat(q.phrases()).containsExactly("даху школи", "м’який дах");
        assertThat(q.excluded()).containsExactly("гімназії");
        assertThat(QueryText.parse("  ,;: — ").isEmpty()).isTrue();
        assertThat(QueryText.parse("\"незакрита фраза").phrases()).containsExactly("незакрита фраза");
        assertThat(QueryText.parse("-").isEmpty()).isTrue();
    }

    @Test
    void latinIsReadAsUkrainian() {
        assertThat(Variants.of("remont")).containsExactly("remont", "ремонт");
        assertThat(Variants.reading("dakhu")).isEqualTo("даху");
        assertThat(Variants.reading("shchedryk")).isEqualTo("щедрик");
        assertThat(Variants.reading("vulytsia")).isEqualTo("вулиця");
        assertThat(Variants.reading("Kropyvnytskyi")).isEqualTo("кропивницкий");
        assertThat(Variants.reading("yizhak")).isEqualTo("їжак");
        assertThat(Variants.reading("zhytlo")).isEqualTo("житло");
    }

    @Test
    void lookAlikesAndRussianLettersInACyrillicWord() {
        assertThat(Variants.reading("гiмназiя")).isEqualTo("гімназія"); // Latin i
        assertThat(Variants.reading("шкoла")).isEqualTo("школа"); // Latin o
        assertThat(Variants.reading("улыца")).isEqualTo("улица");
        assertThat(Variants.of("школа")).containsExactly("школа");
        assertThat(Variants.of("Киів")).containsExactly("киів", "київ");
        assertThat(Variants.of("мое")).containsExactly("мое", "моє");
    }

    @Test
    void typoDistanceCountsASwapAsOne() {
        assertThat(Variants.distance("ремонт", "ремнот", 3)).isEqualTo(1);
        assertThat(Variants.distance("ремонт", "ремнтт", 3)).isEqualTo(2);
        assertThat(Variants.distance("дах", "шахи", 3)).isEqualTo(2);
        assertThat(Variants.distance("а", "абвгд", 3)).isEqualTo(3);
        assertThat(Variants.distance("школа", "школа", 3)).isZero();
    }

    @Test
    void theSimpleQueryHasEveryReadingAndTypoForms() {
        String q = SiteSearch.simpleQuery(QueryText.parse("remont дах \"нова зупинка\" -ринок"), true);
        assertThat(q).isEqualTo("(remont | remont~1 | ремонт | ремонт~1) (дах) (\"нова зупинка\") -ринок");
        assertThat(SiteSearch.simpleQuery(QueryText.parse("гімназії"), true)).isEqualTo("(гімназії | гімназії~2)");
        assertThat(SiteSearch.simpleQuery(QueryText.parse("будинок-музей"), true)).isEqualTo("(будинок\\-музей)");
        // a stop word is no clause at all; without typos no fuzzy forms
        assertThat(SiteSearch.simpleQuery(QueryText.parse("дорога після зими"), true)).isEqualTo("(дорога | дорога~1) (зими)");
        assertThat(SiteSearch.simpleQuery(QueryText.parse("дорога після зими"), false)).isEqualTo("(дорога) (зими)");
        assertThat(SiteSearch.typos(QueryText.parse("після дах"))).isFalse();
        assertThat(SiteSearch.simpleQuery(QueryText.parse("\"нічого аж\" сміття"), false)).isEqualTo("(сміття)");
        assertThat(SiteSearch.typos(QueryText.parse("ремнот"))).isTrue();
    }
}
