package ua.viche.geo.web;

import java.util.List;

/** GPX 1.1 (topografix.com/GPX/1/1): waypoints and one track, as a walker's navigation app reads them. */
final class Gpx {

    /** A named position. */
    record Point(double lat, double lon, String name) {}

    private Gpx() {}

    static String of(String name, List<Point> waypoints, List<Point> track) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gpx version=\"1.1\" creator=\"Viche\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n")
                .append("  <metadata><name>").append(xml(name)).append("</name></metadata>\n");
        for (Point p : waypoints) {
            s.append("  <wpt lat=\"").append(p.lat()).append("\" lon=\"").append(p.lon()).append("\"><name>").append(xml(p.name()))
                    .append("</name></wpt>\n");
        }
        if (!track.isEmpty()) {
            s.append("  <trk><name>").append(xml(name)).append("</name><trkseg>\n");
            for (Point p : track) {
                s.append("    <trkpt lat=\"").append(p.lat()).append("\" lon=\"").append(p.lon()).append("\"/>\n");
            }
            s.append("  </trkseg></trk>\n");
        }
        return s.append("</gpx>\n").toString();
    }

    /**
     * Text as XML character data: only the five markup characters are escaped. (HTML escaping would
     * write entities such as {@code &rsquo;} for the Ukrainian apostrophe, which XML does not define.)
     */
    static String xml(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        s.append(c); // other control characters are not allowed in XML 1.0 and are left out
                    }
                }
            }
        }
        return s.toString();
    }
}
