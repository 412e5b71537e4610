package ua.viche.budget.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import ua.viche.platform.Refusal;

/**
 * What the person typed into a form before it was refused, for the page that comes back to put it in
 * again (decision 0033: the advice flashes a refused form's single values). A page with several forms
 * gives each a hidden {@value #FORM} field naming it, so that text goes back only into the form it was
 * typed in.
 */
public final class RefusedInput {

    /** The hidden field that names the form on a page with several. */
    static final String FORM = "form";

    private final Model model;

    RefusedInput(Model model) {
        this.model = model;
    }

    /** Whether the form named {@code form} was the one refused. */
    public boolean in(String form) {
        return form.equals(Refusal.typed(model, FORM));
    }

    /** What was typed into {@code field} of the form named {@code form} before it was refused, else nothing. */
    public @Nullable String value(String form, String field) {
        return in(form) ? Refusal.typed(model, field) : null;
    }

    /** What was typed into {@code field} of the page's only form before it was refused, else nothing. */
    public @Nullable String value(String field) {
        return Refusal.typed(model, field);
    }

    /** Whether {@code value} was the one chosen in {@code field} (a radio button, an option, a checkbox) of the refused form. */
    public boolean chose(String form, String field, Object value) {
        return Objects.equals(value(form, field), String.valueOf(value));
    }

    /** The same for the page's only form. */
    public boolean chose(String field, Object value) {
        return Objects.equals(value(field), String.valueOf(value));
    }
}
