package ua.viche.petitions.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** Petitions in the community's search: public ones, with their answers. */
@Component
class PetitionSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("petition");
    }
}
