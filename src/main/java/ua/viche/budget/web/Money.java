package ua.viche.budget.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Sums in kopecks as templates show them, in the page's language: «1 250 000,00 грн» / "UAH 1,250,000.00". */
@Component("budgetMoney")
public class Money {

    private final MessageSource messages;

    Money(MessageSource messages) {
        this.messages = messages;
    }

    public String uah(long kopecks) {
        Locale locale = LocaleContextHolder.getLocale();
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if (!"en".equals(locale.getLanguage())) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
        }
        String amount = new DecimalFormat("#,##0.00", symbols).format(BigDecimal.valueOf(kopecks).movePointLeft(2));
        return messages.getMessage("budget.money", new Object[] {amount}, locale);
    }

    /** A price per supporter (kopecks, maybe fractional). */
    public String uah(BigDecimal kopecks) {
        return uah(kopecks.setScale(0, RoundingMode.HALF_UP).longValue());
    }
}
