package ua.viche.platform;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Counted nouns by the language's plural rules: Ukrainian has one (1, 21, 31…), few (2–4, 22–24…)
 * and many (0, 5–20, 25–30…) forms; English has one and other. Message keys end in
 * {@code .one}, {@code .few}, {@code .many} and take the number as {@code {0}}. In templates:
 * {@code ${@plurals.count(5, 'unit.signature')}} gives «5 підписів».
 */
@Component("plurals")
public class Plurals {

    private final MessageSource messages;

    Plurals(MessageSource messages) {
        this.messages = messages;
    }

    public static String form(long n, Locale locale) {
        long abs = Math.abs(n);
        if (!"uk".equals(locale.getLanguage())) {
            return abs == 1 ? "one" : "many";
        }
        long mod10 = abs % 10;
        long mod100 = abs % 100;
        if (mod10 == 1 && mod100 != 11) {
            return "one";
        }
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
            return "few";
        }
        return "many";
    }

    public String count(long n, String key) {
        Locale locale = Numbers.locale();
        String formatted = NumberFormat.getIntegerInstance(locale).format(n);
        return messages.getMessage(key + "." + form(n, locale), new Object[] {formatted}, locale);
    }
}
