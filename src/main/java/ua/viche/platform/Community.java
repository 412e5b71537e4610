package ua.viche.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The community's area: "minLat,minLon,maxLat,maxLon" in WGS 84 degrees, the rectangle that
     * contains its territory (places outside it are refused by the modules that take a point on the
     * map); empty when not set.
     */
    public static final Setting<Optional<Area>> AREA = Setting.of("platform.area", Optional.empty(),
            Area::parse, a -> a.map(Area::toString).orElse(""), 200);

    /** The rectangle that contains the community's territory; empty when not set (or not readable). */
    public Optional<Area> area() {
        return AREA.value(this);
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

        /** Four numbers, "minLat,minLon,maxLat,maxLon", each minimum below its maximum; empty text is no area. */
        static Optional<Area> parse(String text) {
            if (text.isBlank()) {
                return Optional.empty();
            }
            String[] parts = text.split(",");
            if (parts.length != 4) {
                throw new Setting.Invalid("setting.error.area");
            }
            double[] v = new double[4];
            try {
                for (int i = 0; i < 4; i++) {
                    v[i] = Double.parseDouble(parts[i].strip());
                }
            } catch (NumberFormatException e) {
                throw new Setting.Invalid("setting.error.area");
            }
            if (!(v[0] >= -90 && v[0] < v[2] && v[2] <= 90 && v[1] >= -180 && v[1] < v[3] && v[3] <= 180)) {
                throw new Setting.Invalid("setting.error.area");
            }
            return Optional.of(new Area(v[0], v[1], v[2], v[3]));
        }

        @Override
        public String toString() {
            return minLat + "," + minLon + "," + maxLat + "," + maxLon;
        }
    }

    /** A per-community setting's value, or its default (declared once, with the setting). */
    public <T> T setting(Setting<T> setting) {
        return setting.value(this);
    }
}
