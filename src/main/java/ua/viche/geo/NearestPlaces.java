package ua.viche.geo;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.geo.domain.GeoService;
import ua.viche.platform.CurrentCommunity;

/** The published places of a layer of the current community nearest to a point (for other modules: the messenger bot). */
@Service
public class NearestPlaces {

    /** A place: its names, address, distance in metres from the point, and its page. */
    public record Place(String nameUk, String nameEn, @Nullable String address, double metres, String path) {
        public String name(Locale l) { return "en".equals(l.getLanguage()) ? nameEn : nameUk; }
    }

    private final GeoService geo;

    NearestPlaces(GeoService geo) {
        this.geo = geo;
    }

    /** Up to {@code count} places of the public layer (e.g. {@code shelters}) nearest to the point; none when there is no such layer. */
    @Transactional(readOnly = true)
    public List<Place> nearest(String layerSlug, double lat, double lon, int count) {
        return geo.layer(layerSlug).filter(l -> l.isPublished()).map(l -> geo.find(new GeoService.Query(List.of(l.getId()), List.of(), "",
                        new GeoService.Point(lat, lon), null, true), 0, count).rows().stream()
                .map(r -> new Place(r.nameUk(), r.nameEn(), r.address(), r.distance() == null ? 0 : r.distance(),
                        "/" + CurrentCommunity.require().slug() + "/" + r.path())).toList())
                .orElse(List.of());
    }
}
