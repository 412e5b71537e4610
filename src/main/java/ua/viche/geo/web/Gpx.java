package ua.viche.geo.web;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

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

    private static String xml(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
