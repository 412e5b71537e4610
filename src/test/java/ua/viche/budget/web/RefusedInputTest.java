package ua.viche.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import ua.viche.platform.Refusal;

class RefusedInputTest {

    @Test
    void theTextGoesBackOnlyIntoTheFormItWasTypedIn() {
        Model model = new ExtendedModelMap().addAttribute(Refusal.TYPED,
                Map.of("form", "update", "text", "Роботи завершено", "state", "DONE", "department", "7"));
        RefusedInput typed = new RefusedInput(model);
        assertThat(typed.in("update")).isTrue();
        assertThat(typed.value("update", "text")).isEqualTo("Роботи завершено");
        assertThat(typed.value("decision", "text")).isNull();
        assertThat(typed.value("update", "spent")).isNull();
        assertThat(typed.chose("update", "state", "DONE")).isTrue();
        assertThat(typed.chose("update", "state", "IN_PROGRESS")).isFalse();
        assertThat(typed.chose("assign", "department", 7L)).as("another form").isFalse();
        assertThat(typed.chose("department", 7L)).as("the page's only form").isTrue();
    }

    @Test
    void nothingGoesBackWithoutARefusal() {
        RefusedInput typed = new RefusedInput(new ExtendedModelMap());
        assertThat(typed.in("review")).isFalse();
        assertThat(typed.value("taxNumber")).isNull();
        assertThat(typed.chose("residenceSeen", "true")).isFalse();
    }
}
