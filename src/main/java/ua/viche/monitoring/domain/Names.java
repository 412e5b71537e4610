package ua.viche.monitoring.domain;

import java.util.Locale;

/** A programme's names are Ukrainian, with English where the programme gives it: which one a reader gets. */
final class Names {

    private Names() {}

    /** The English name for an English reader when there is one; the Ukrainian otherwise. */
    static String in(Locale locale, String uk, String en) {
        return ukrainianOnly(locale, en) || !"en".equals(locale.getLanguage()) ? uk : en;
    }

    /** Whether an English reader gets the Ukrainian name (the page then marks it {@code lang="uk"}). */
    static boolean ukrainianOnly(Locale locale, String en) {
        return "en".equals(locale.getLanguage()) && en.isBlank();
    }
}
