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

    /** Setting key of the community's area: "minLat,minLon,maxLat,maxLon" in WGS 84 degrees. */
    public static final String AREA = "platform.area";

    /**
     * The rectangle that contains the community's territory (places outside it are refused by the
     * modules that take a point on the map); empty when not set or not readable.
     */
    public java.util.Optional<Area> area() {
        String[] parts = setting(AREA, "").split(",");
        if (parts.length != 4) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Area(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** A latitude/longitude rectangle. */
    public record Area(double minLat, double minLon, double maxLat, double maxLon) {

        /** Roughly the whole of Ukraine: for a community that has not set its own area. */
        public static final Area UKRAINE = new Area(44.3, 22.1, 52.4, 40.3);

        public boolean contains(double lat, double lon) {
            return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
        }

        public double centerLat() { return (minLat + maxLat) / 2; }

        public double centerLon() { return (minLon + maxLon) / 2; }
    }

    /** A per-community setting, or the given default (the module descriptor's default). */
    public String setting(String key, String defaultValue) {
        return settings.getOrDefault(key, defaultValue);
    }
}
