package ua.viche.geo.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** The map's objects in the community's search while their layer is public. */
@Component
class MapObjectSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("geo_object");
    }
}
