package ua.viche.civic.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;

/** What the advisory bodies' and initiatives' forms share: reading days, choices and a file; wording a refusal. */
final class CivicForms {

    private CivicForms() {}

    /** A refusal's reason as the form's error summary shows it, linked to its field when it has one. */
    record FieldError(String field, String text) {}

    /** Model attributes "errorText" and "errorTexts": a flashed refusal's messages in the reader's language. */
    static void describe(Model model, MessageSource messages, Locale locale) {
        if (model.getAttribute("error") instanceof String key) {
            Object[] args = model.getAttribute("errorArgs") instanceof Object[] a ? a : new Object[0];
            model.addAttribute("errorText", messages.getMessage(key, args, key, locale));
            List<FieldError> texts = new ArrayList<>();
            if (model.getAttribute("errors") instanceof List<?> faults) {
                for (Object f : faults) {
                    if (f instanceof Refusal.Fault fault) {
                        texts.add(new FieldError(fault.field(), messages.getMessage(fault.key(), fault.argumentArray(), fault.key(), locale)));
                    }
                }
            }
            if (texts.isEmpty()) {
                String field = model.getAttribute("errorField") instanceof String f ? f : "";
                texts.add(new FieldError(field, messages.getMessage(key, args, key, locale)));
            }
            model.addAttribute("errorTexts", texts);
        }
    }

    /** A day from a form field: empty is none; anything else that is not a day is refused, naming the field. */
    static @Nullable LocalDate day(Map<String, String> form, String field) {
        String text = form.getOrDefault(field, "").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.field(field, "civic.form.error.day");
        }
    }

    /** One of an enum's values by name; empty or unknown is none (the domain names the missing choice). */
    static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A number from a form field; empty is none; anything else refused. */
    static @Nullable Long number(Map<String, String> form, String field) {
        String text = form.getOrDefault(field, "").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Refusal.field(field, "civic.form.error.number");
        }
    }

    static FileStore.@Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
        List<FileStore.Upload> uploads = FileStore.uploads(file == null ? null : List.of(file));
        return uploads.isEmpty() ? null : uploads.get(0);
    }
}
