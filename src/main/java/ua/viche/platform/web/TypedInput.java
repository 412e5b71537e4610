package ua.viche.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.RequestContextUtils;
import ua.viche.platform.Refusal;

/**
 * What a person typed into a form that was refused, for the page they are sent back to: every page
 * has it as the model attribute {@code typed}. A template asks for a field's value with the stored
 * one as the default, and gets what was typed when the form came back refused, else the stored value:
 * {@code th:value="${typed.field('title', appeal.title)}"}; a checkbox, radio button or option is
 * {@code th:checked="${typed.checked('kind', k, form.kind == k)}"} ({@link #selected} for options).
 *
 * <p>A page with several forms scopes each one by the path it posts to, so that what was typed into
 * one is not put into another with fields of the same name: {@code th:with="typed=${typed.at('/answer')}"}
 * on the form matches a refused action whose path ends so; {@code at(path, field, value)} also
 * requires a sent field to have had that value (forms posting to one path for different rows).
 *
 * <p>It is read from the flash attributes that {@link Refusals} sets ({@link Refusal#TYPED},
 * {@link Refusal#TYPED_AT}): they live in the person's own session and are read once, so what one
 * person typed is never shown to another or on a later visit. Passwords and files are never kept.
 * Decision 0033.
 */
public final class TypedInput {

    /** The model attribute templates read it as. */
    public static final String ATTRIBUTE = "typed";

    private static final TypedInput NONE = new TypedInput(null, Map.of());

    private final @Nullable String at;
    private final Map<String, List<String>> values;

    private TypedInput(@Nullable String at, Map<String, List<String>> values) {
        this.at = at;
        this.values = values;
    }

    /** Nothing refused: every question gets the stored value. */
    public static TypedInput none() {
        return NONE;
    }

    /** What a refused form posted to {@code at} sent: a value is a text or a list of texts (a field sent more than once). */
    public static TypedInput of(@Nullable String at, @Nullable Map<?, ?> sent) {
        if (at == null && (sent == null || sent.isEmpty())) {
            return NONE;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (sent != null) {
            sent.forEach((name, value) -> {
                if (value instanceof String text) {
                    values.put(String.valueOf(name), List.of(text));
                } else if (value instanceof Collection<?> texts) {
                    values.put(String.valueOf(name), texts.stream().map(String::valueOf).toList());
                }
            });
        }
        return new TypedInput(at == null ? "" : at, Map.copyOf(values));
    }

    /** What the request's flash brings from a refused form, if anything. */
    static TypedInput of(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash == null) {
            return NONE;
        }
        return of(flash.get(Refusal.TYPED_AT) instanceof String path ? path : null,
                flash.get(Refusal.TYPED) instanceof Map<?, ?> sent ? sent : null);
    }

    /** Whether a refused form's input came back to this page. */
    public boolean refused() {
        return at != null;
    }

    /**
     * Only the form that posts to {@code action}: the refused request's path is it or ends with it
     * (give it from its first slash, {@code '/admin/problems/categories'} or {@code '/answer'}).
     */
    public TypedInput at(String action) {
        return at != null && !action.isEmpty() && (at.equals(action) || at.endsWith(action.startsWith("/") ? action : "/" + action))
                ? this : NONE;
    }

    /**
     * Only the form that posts to {@code action} with {@code field} sent as {@code value} (one row's form
     * among several posting to one path); a null {@code value}: with {@code field} not sent (the form
     * that adds a row, next to those that change one).
     */
    public TypedInput at(String action, String field, @Nullable Object value) {
        TypedInput scoped = at(action);
        List<String> sent = scoped.values(field);
        return scoped.refused() && (value == null ? sent.isEmpty() : sent.equals(List.of(String.valueOf(value)))) ? scoped : NONE;
    }

    /**
     * Only the form that names itself {@code name} in a hidden field {@code form}: for a page whose
     * forms post to addresses that a path ending does not tell apart.
     */
    public TypedInput form(String name) {
        return values("form").equals(List.of(name)) ? this : NONE;
    }

    /** The text typed into {@code name} when the form came back refused and sent it, else {@code stored}. */
    public @Nullable Object field(String name, @Nullable Object stored) {
        List<String> sent = values.get(name);
        return refused() && sent != null && !sent.isEmpty() ? sent.get(0) : stored;
    }

    /** The {@code index}th text typed into {@code name}, a field the form has several times (a day's opening hour), else {@code stored}. */
    public @Nullable Object field(String name, int index, @Nullable Object stored) {
        List<String> sent = values.get(name);
        return refused() && sent != null && index >= 0 && index < sent.size() ? sent.get(index) : stored;
    }

    /** The text typed into {@code name}, or empty (a form with nothing stored). */
    public String field(String name) {
        return String.valueOf(Objects.requireNonNullElse(field(name, ""), ""));
    }

    /**
     * Whether the checkbox or radio button {@code name} with {@code value} is checked: as sent when the
     * form came back refused (an unchecked box is not sent), else {@code stored}.
     */
    public boolean checked(String name, @Nullable Object value, boolean stored) {
        return refused() ? value != null && values(name).contains(String.valueOf(value)) : stored;
    }

    /** Whether the option {@code value} of the select {@code name} is selected: as sent when refused, else {@code stored}. */
    public boolean selected(String name, @Nullable Object value, boolean stored) {
        return refused() && values.containsKey(name) ? value != null && values(name).contains(String.valueOf(value)) : stored;
    }

    /** Every value sent for {@code name} (several for a group of checkboxes), empty when none. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }
}
