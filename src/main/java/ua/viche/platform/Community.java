package ua.viche.platform;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A territorial community (tenant), as other modules see it. */
public record Community(long id, String slug, String nameUk, String nameEn, Kind kind, int population,
                        @Nullable String regionUk, @Nullable String regionEn, @Nullable String email,
                        @Nullable String phone, @Nullable String addressUk, @Nullable String addressEn,
                        @Nullable String website, @Nullable String host, Map<String, String> settings) {

    public enum Kind { CITY, VILLAGE, SETTLEMENT }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }

    public @Nullable String region(Locale locale) {
        return "en".equals(locale.getLanguage()) ? regionEn : regionUk;
    }

    public @Nullable String address(Locale locale) {
        return "en".equals(locale.getLanguage()) ? addressEn : addressUk;
    }

    /** A per-community setting, or the given default (the module descriptor's default). */
    public String setting(String key, String defaultValue) {
        return settings.getOrDefault(key, defaultValue);
    }
}
