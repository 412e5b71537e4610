package ua.viche.budget.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** Participatory-budget projects in the community's search, once submitted (drafts are not). */
@Component
class ProjectSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("budget_project");
    }
}
