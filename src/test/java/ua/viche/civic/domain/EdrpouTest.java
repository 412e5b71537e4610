package ua.viche.civic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ЄДРПОУ check digit on known codes and on codes worked by hand for each branch of the rule:
 * weights 1…7 below 30000000 and above 60000000, 7, 1…6 between; the second pass with weights
 * raised by 2 when the first remainder is 10; 0 when the second is 10 too.
 */
class EdrpouTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "00032129", // АТ «Ощадбанк»: 0·1+0·2+0·3+3·4+2·5+1·6+2·7 = 42, 42 mod 11 = 9
        "14360570", // АТ КБ «ПриватБанк»: 1+8+9+24+0+30+49 = 121, mod 11 = 0
        "21673832", // ПрАТ «Київстар»: 2+2+18+28+15+48+21 = 134, mod 11 = 2
        "31316718", // ТОВ «Нова пошта» (30…60 million, weights 7,1,…,6): 21+1+6+3+24+35+6 = 96, mod 11 = 8
        "40075815", // АТ «Укрзалізниця» (weights 7,1,…,6): 28+0+0+21+20+40+6 = 115, mod 11 = 5
    })
    void knownCodesAreValid(String code) {
        assertThat(Edrpou.valid(code)).isTrue();
    }

    @Test
    void theSecondPassWithWeightsRaisedByTwo() {
        // 0100009: 0+2+0+0+0+0+63 = 65, mod 11 = 10 → weights 3…9: 0+4+0+0+0+0+81 = 85, mod 11 = 8
        assertThat(Edrpou.valid("01000098")).isTrue();
        assertThat(Edrpou.valid("01000090")).as("the first remainder, 10, is never the check digit").isFalse();
        // 3500001 (weights 7,1,…,6): 21+5+0+0+0+0+6 = 32, mod 11 = 10 → 9,3,…,8: 27+15+0+0+0+0+8 = 50, mod 11 = 6
        assertThat(Edrpou.valid("35000016")).isTrue();
        // 7000002 (above 60 million, weights 1…7): 7+0+0+0+0+0+14 = 21, mod 11 = 10 → 3…9: 21+0+0+0+0+0+18 = 39, mod 11 = 6
        assertThat(Edrpou.valid("70000026")).isTrue();
        assertThat(Edrpou.valid("70000020")).isFalse();
    }

    @Test
    void whenTheSecondRemainderIsTenTooTheCheckDigitIsZero() {
        // 0000281: 2·5+8·6+1·7 = 65, mod 11 = 10 → 2·7+8·8+1·9 = 87, mod 11 = 10 → 0
        assertThat(Edrpou.valid("00002810")).isTrue();
        // 3500012 (weights 7,1,…,6): 21+5+0+0+0+5+12 = 43, mod 11 = 10 → 9,3,…,8: 27+15+0+0+0+7+16 = 65, mod 11 = 10 → 0
        assertThat(Edrpou.valid("35000120")).isTrue();
    }

    @Test
    void theRangeDecidesTheWeights() {
        // the same first seven digits weighted both ways give different check digits: 3131671 is in the 30…60 million range
        assertThat(Edrpou.valid("31316718")).isTrue();
        assertThat(Edrpou.checkDigit("31316710")).isEqualTo(8);
        // 29999999 is below the range (weights 1…7): 2+18+27+36+45+54+63 = 245, mod 11 = 3
        assertThat(Edrpou.valid("29999993")).isTrue();
        // 60000000 itself fails either way (1…7: 6 → 6; 7,1,…,6: 42 → 9), so where the bound falls does not matter for it
        assertThat(Edrpou.valid("60000000")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00032128", "14360571", "31316717", "40075814", "1436057", "143605700", "1436057O", "", "        ",
        "-1436057", "１４３６０５７０"})
    void wrongCodesAreRefused(String code) {
        assertThat(Edrpou.valid(code)).isFalse();
    }

    @Test
    void completeMakesAValidCode() {
        for (int i = 0; i < 10_000; i += 7) {
            assertThat(Edrpou.valid(Edrpou.complete(String.format("%07d", i * 997 % 10_000_000)))).isTrue();
        }
    }
}
