package ua.viche.appeals.problems.domain;

/**
 * The rectangle of latitudes and longitudes a community accepts reports in (setting
 * {@code problems.area} = "minLat,minLon,maxLat,maxLon"). A rectangle, not the community's exact
 * boundary: enough to catch a point put in the wrong town or a swapped latitude and longitude.
 */
public record Area(double minLat, double minLon, double maxLat, double maxLon) {

    /** Roughly the whole of Ukraine: the default for a community that has not set its own. */
    public static final String UKRAINE = "44.3,22.1,52.4,40.3";

    public static Area parse(String value) {
        try {
            String[] p = value.split(",");
            Area a = new Area(Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()),
                    Double.parseDouble(p[2].strip()), Double.parseDouble(p[3].strip()));
            if (p.length == 4 && a.minLat < a.maxLat && a.minLon < a.maxLon) {
                return a;
            }
        } catch (RuntimeException e) {
            // fall through to the default
        }
        return parse(UKRAINE);
    }

    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }

    public double centreLat() { return (minLat + maxLat) / 2; }

    public double centreLon() { return (minLon + maxLon) / 2; }
}
