package ua.viche.platform;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers as the page's language writes them: Ukrainian «1 234,5» (a no-break space groups thousands,
 * a comma before decimals), English «1,234.5». Years and identifiers are not quantities and are never
 * grouped: {@code ${@numbers.year(2026)}} is «2026» in both languages. Outside a request (mail, jobs)
 * Ukrainian. In templates: {@code ${@numbers.integer(n)}}, {@code ${@numbers.decimal(x, 1)}}.
 */
@Component("numbers")
public class Numbers {

    /** The language of the current request, Ukrainian outside one. */
    public static Locale locale() {
        return LocaleContextHolder.getLocaleContext() == null ? Locale.forLanguageTag("uk") : LocaleContextHolder.getLocale();
    }

    public String integer(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** A number with exactly this many decimal places. */
    public String decimal(double x, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(x);
    }

    /** A year (or any number that is a name, not a quantity): digits only. */
    public String year(long year) {
        return Long.toString(year);
    }
}
