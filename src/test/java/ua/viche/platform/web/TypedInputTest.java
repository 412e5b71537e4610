package ua.viche.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import ua.viche.platform.Refusal;

/**
 * What a refused form sent, given back to the page's fields: the typed value over the stored one,
 * checkboxes, radio buttons and options as sent, each form of a page only its own input; and what
 * the advice keeps of a request (never a password, a token or a marker).
 */
class TypedInputTest {

    private static final String AT = "/kropyvnytskyi/appeals/officer/7/answer";

    private static TypedInput refused(Map<String, ?> sent) {
        return TypedInput.of(AT, sent);
    }

    @Test
    void theTypedValueOverTheStoredOneOnlyWhenAFormWasRefused() {
        TypedInput typed = refused(Map.of("title", "Нова назва", "text", ""));
        assertThat(typed.refused()).isTrue();
        assertThat(typed.field("title", "Стара назва")).isEqualTo("Нова назва");
        assertThat(typed.field("text", "чернетка")).as("a field cleared stays cleared").isEqualTo("");
        assertThat(typed.field("other", 100)).as("a field the form did not send").isEqualTo(100);
        assertThat(typed.field("other")).isEmpty();

        TypedInput none = TypedInput.none();
        assertThat(none.refused()).isFalse();
        assertThat(none.field("title", "Стара назва")).isEqualTo("Стара назва");
        assertThat(none.field("title", null)).isNull();
        assertThat(none.checked("active", "true", true)).isTrue();
        assertThat(TypedInput.of(null, null)).isSameAs(TypedInput.none());
    }

    @Test
    void checkboxesRadioButtonsAndOptionsAsSent() {
        TypedInput typed = refused(Map.of("kind", "COMPLAINT", "days", List.of("MONDAY", "FRIDAY"), "department", "12"));
        assertThat(typed.checked("kind", "COMPLAINT", false)).isTrue();
        assertThat(typed.checked("kind", "PROPOSAL", true)).isFalse();
        assertThat(typed.checked("active", "true", true)).as("an unchecked box is not sent").isFalse();
        assertThat(typed.checked("days", "FRIDAY", false)).isTrue();
        assertThat(typed.checked("days", "SUNDAY", true)).isFalse();
        assertThat(typed.values("days")).containsExactly("MONDAY", "FRIDAY");
        assertThat(typed.selected("department", 12L, false)).as("compared as text").isTrue();
        assertThat(typed.selected("department", 13L, true)).isFalse();
        assertThat(typed.selected("role", "CLERK", true)).as("a select the form did not send keeps its choice").isTrue();
        assertThat(typed.field("days", 1, "09:00")).isEqualTo("FRIDAY");
        assertThat(typed.field("days", 2, "09:00")).isEqualTo("09:00");
    }

    @Test
    void eachFormOfAPageOnlyItsOwnInput() {
        TypedInput typed = refused(Map.of("text", "Відповідь", "id", "5"));
        assertThat(typed.at("/answer").field("text", "")).isEqualTo("Відповідь");
        assertThat(typed.at(AT).field("text", "")).isEqualTo("Відповідь");
        assertThat(typed.at("/note").field("text", "")).isEqualTo("");
        assertThat(typed.at("/note").checked("urgent", "true", true)).as("another form keeps its stored state").isTrue();
        assertThat(typed.at("/wer").refused()).as("whole path segments only").isFalse();
        assertThat(typed.at("/answer", "id", 5).refused()).isTrue();
        assertThat(typed.at("/answer", "id", 6).refused()).isFalse();
        assertThat(typed.at("/answer", "id", null).refused()).as("the form that adds a row sends no id").isFalse();
        assertThat(refused(Map.of("text", "x")).at("/answer", "id", null).refused()).isTrue();
        assertThat(TypedInput.of("/kropyvnytskyi/cnap/console/offices/15", Map.of()).at("/cnap/console/offices/5").refused()).isFalse();
    }

    @Test
    void readFromTheFlashOfTheRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/kropyvnytskyi/appeals/officer/7");
        assertThat(TypedInput.of(request).refused()).isFalse();
        FlashMap flash = new FlashMap();
        flash.put(Refusal.TYPED, Map.of("text", "Відповідь"));
        flash.put(Refusal.TYPED_AT, AT);
        request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
        TypedInput typed = TypedInput.of(request);
        assertThat(typed.at("/answer").field("text", "")).isEqualTo("Відповідь");
    }

    @Test
    void theAdviceKeepsNoPasswordTokenOrMarkerAndEveryValueOfAGroup() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", AT);
        request.addParameter("_csrf", "abc");
        request.addParameter("_active", "on");
        request.addParameter("password", "secret-1");
        request.addParameter("currentPassword", "secret-2");
        request.addParameter("token", "KIOSK-TOKEN");
        request.addParameter("text", "Відповідь");
        request.addParameter("reason", "");
        request.addParameter("opens", "09:00", "", "10:00");
        request.addParameter("huge", "x".repeat(20_001));
        Map<String, Object> kept = Refusals.input(request);
        assertThat(kept).containsOnlyKeys("text", "reason", "opens");
        assertThat(kept).containsEntry("text", "Відповідь").containsEntry("reason", "");
        assertThat(kept.get("opens")).isEqualTo(List.of("09:00", "", "10:00"));
    }

    @Test
    void aTemplateScopesItsFormsAndGetsTheTypedValues() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        String template = """
                <form th:with="typed=${typed.at('/answer')}"><textarea name="text" th:text="${typed.field('text', stored)}"></textarea>
                  <input type="checkbox" name="final" value="true" th:checked="${typed.checked('final', 'true', true)}">
                  <select name="executor"><option th:each="p : ${people}" th:value="${p}" th:selected="${typed.selected('executor', p, p == 1)}" th:text="${p}"></option></select></form>
                <form th:with="typed=${typed.at('/note')}"><textarea name="text" th:text="${typed.field('text')}"></textarea></form>""";
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("stored", "Чернетка");
        context.setVariable("people", List.of(1, 2, 3));
        context.setVariable("typed", refused(Map.of("text", "Відповідь <b>", "executor", "3")));
        String page = engine.process(template, context);
        assertThat(page).contains("<textarea name=\"text\">Відповідь &lt;b&gt;</textarea>")
                .contains("<input type=\"checkbox\" name=\"final\" value=\"true\">")
                .contains("<option value=\"1\">1</option>").contains("<option value=\"3\" selected=\"selected\">3</option>")
                .contains("<textarea name=\"text\"></textarea>");
        context.setVariable("typed", TypedInput.none());
        assertThat(engine.process(template, context)).contains("<textarea name=\"text\">Чернетка</textarea>")
                .contains("value=\"true\" checked=\"checked\"").contains("<option value=\"1\" selected=\"selected\">1</option>");
    }
}
