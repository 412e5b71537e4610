package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.viche.monitoring.domain.Dynamics;
import ua.viche.monitoring.domain.Formula;
import ua.viche.platform.Refusal;

class FormulaTest {

    @Test
    void evaluatesInDecimalsWithCyrillicLettersReadAsLatin() {
        Formula f = Formula.parse("(А/(А+В))*100", Map.of("А", "1.5", "В", "1.6"));
        assertThat(f.letters()).containsOnly(Map.entry("A", "1.5"), Map.entry("B", "1.6"));
        Formula.Result r = f.evaluate(Map.of("1.5", new BigDecimal("46435"), "1.6", new BigDecimal("24182")));
        assertThat(r.defined()).isTrue();
        assertThat(r.value().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("65.756121");
        assertThat(Formula.parse("A/B", Map.of("A", "x", "B", "y")).evaluate(Map.of("x", BigDecimal.ONE, "y", new BigDecimal("3")))
                .value().toPlainString()).startsWith("0.33333333333333333333333333333333");
    }

    @Test
    void refusesAnythingButArithmeticOverGivenLetters() {
        for (String bad : List.of("A//B", "A B", "System.exit(0)", "A; B", "'A'", "A = 1", "", "2A", "A1")) {
            assertThatThrownBy(() -> Formula.parse(bad, Map.of("A", "1.1", "B", "1.2"))).as(bad)
                    .isInstanceOf(Refusal.class).hasMessage("monitoring.error.formulaSyntax");
        }
        assertThatThrownBy(() -> Formula.parse("(A/C)*100", Map.of("A", "1.1", "B", "1.2")))
                .isInstanceOf(Refusal.class).hasMessage("monitoring.error.formulaLetter");
    }

    @Test
    void findsTheFiguresAtWhoseZeroItDividesByZero() {
        Formula share = Formula.parse("(A/(A+B))*100", Map.of("A", "1.5", "B", "1.6"));
        assertThat(share.zeroDivisors(Set.of())).containsExactly("1.5", "1.6");
        assertThat(share.zeroDivisors(Set.of("1.6"))).isEmpty();
        Formula ratio = Formula.parse("(A/B)*100", Map.of("A", "1.1", "B", "1.2"));
        assertThat(ratio.zeroDivisors(Set.of())).containsExactly("1.2");
        assertThat(ratio.zeroDivisors(Set.of("1.2"))).isEmpty();
        assertThat(Formula.parse("A-B", Map.of("A", "1.1", "B", "1.2")).zeroDivisors(Set.of())).isEmpty();
        assertThat(ratio.evaluate(Map.of("1.1", BigDecimal.ONE, "1.2", BigDecimal.ZERO)).defined()).isFalse();
    }

    @Test
    void dynamicsFollowTheProgrammesConventions() {
        List<Integer> years = List.of(2024, 2025, 2026, 2027);
        assertThat(Dynamics.ofNumbers(years, nums("1", "2", "3", "4")).percent()).isEqualByComparingTo("61.11");
        assertThat(Dynamics.ofNumbers(years, nums("0", "0", "0", "0")).percent()).isEqualByComparingTo("0");
        assertThat(Dynamics.ofNumbers(years, nums("0", "0", "50", "100"))).isEqualTo(Dynamics.reached(2027));
        assertThat(Dynamics.ofYesNo(years, List.of(false, true, true, true))).isEqualTo(Dynamics.reached(2025));
        assertThat(Dynamics.ofYesNo(years, List.of(true, true, false, false))).isEqualTo(Dynamics.lost(2026));
        assertThat(Dynamics.ofYesNo(years, List.of(true, true, true, true)).percent()).isEqualByComparingTo("0");
        assertThat(Dynamics.parse("Досягнення максимального значення у 2026 році, надалі 0***")).isEqualTo(Dynamics.reached(2026));
        assertThat(Dynamics.parse("-18,81").percent()).isEqualByComparingTo("-18.81");
        assertThat(Dynamics.parse("0***").agreesWith(Dynamics.percent(BigDecimal.ZERO))).isTrue();
        assertThat(Dynamics.parse("щось")).isNull();
    }

    private static List<BigDecimal> nums(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
