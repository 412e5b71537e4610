package ua.viche.civic.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** Verified organisations, published events, advisory bodies, published initiatives and course programmes in the community's search. */
@Component
class CivicSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("civic_organisation", "civic_event", "civic_body", "civic_initiative", "civic_course");
    }
}
