package ua.viche.problems.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** Problem reports in the community's search (the reporter's name and contacts are not indexed). */
@Component
class ProblemSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("problem");
    }
}
