package ua.viche.monitoring.domain;

import java.util.Locale;

/**
 * Something of a programme with a Ukrainian name and, where the programme gives it, an English one:
 * which of them a reader gets.
 */
public interface Named {

    String getNameUk();

    String getNameEn();

    /** The English name for an English reader when there is one; the Ukrainian otherwise. */
    default String name(Locale locale) {
        return ukrainianOnly(locale) || !"en".equals(locale.getLanguage()) ? getNameUk() : getNameEn();
    }

    /** Whether an English reader gets the Ukrainian name (the page then marks it {@code lang="uk"}). */
    default boolean ukrainianOnly(Locale locale) {
        return "en".equals(locale.getLanguage()) && getNameEn().isBlank();
    }
}
