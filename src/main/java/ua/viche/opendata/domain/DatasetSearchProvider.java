package ua.viche.opendata.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** Published datasets in the community's search. */
@Component
class DatasetSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("opendata_dataset");
    }
}
