package ua.viche.budget.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Sums in kopecks as templates show them: «1 250 000,00 грн» / "UAH 1,250,000.00". */
@Component("budgetMoney")
public class Money {

    public String uah(long kopecks) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(en ? Locale.UK : Locale.forLanguageTag("uk"));
        if (!en) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
        }
        String amount = new DecimalFormat("#,##0.00", symbols).format(BigDecimal.valueOf(kopecks).movePointLeft(2));
        return en ? "UAH " + amount : amount + "\u00a0грн";
    }

    /** A price per supporter (kopecks, maybe fractional). */
    public String uah(BigDecimal kopecks) {
        return uah(kopecks.setScale(0, java.math.RoundingMode.HALF_UP).longValue());
    }
}
