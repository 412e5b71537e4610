package ua.viche.monitoring.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** The programme's indicators and tasks in the community's search. */
@Component
class ProgrammeSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("programme_indicator", "programme_task");
    }
}
