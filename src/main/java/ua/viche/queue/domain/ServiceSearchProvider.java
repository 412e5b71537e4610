package ua.viche.queue.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** The CNAP's administrative services and its offices in the community's search. */
@Component
class ServiceSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("cnap_service", "cnap_office");
    }
}
