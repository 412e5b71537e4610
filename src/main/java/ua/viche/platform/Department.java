package ua.viche.platform;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A department (структурний підрозділ) of a community's council. */
public record Department(long id, long communityId, String nameUk, String nameEn,
                         @Nullable String email, @Nullable String phone) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }
}
