package ua.viche.opendata.domain;

import java.util.Locale;
import java.util.Optional;

/** A resource's format: its name in CKAN, its media type and its URI in the EU file-type vocabulary. */
public enum Format {
    CSV("text/csv", "CSV"), JSON("application/json", "JSON"), XML("application/xml", "XML"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    GEOJSON("application/geo+json", "GEOJSON"), PDF("application/pdf", "PDF");

    private final String mediaType;
    private final String euCode;

    Format(String mediaType, String euCode) {
        this.mediaType = mediaType;
        this.euCode = euCode;
    }

    public String mediaType() { return mediaType; }

    public String uri() {
        return "http://publications.europa.eu/resource/authority/file-type/" + euCode;
    }

    public String mediaTypeUri() {
        return "https://www.iana.org/assignments/media-types/" + mediaType;
    }

    /** The format a file or an address ends in ({@code .csv}, {@code .geojson}…), if it is one of these. */
    public static Optional<Format> ofName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int q = n.indexOf('?');
        if (q >= 0) {
            n = n.substring(0, q);
        }
        int dot = n.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = n.substring(dot + 1);
        for (Format f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
