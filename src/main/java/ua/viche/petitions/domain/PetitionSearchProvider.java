package ua.viche.petitions.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.platform.Community;
import ua.viche.search.SearchHit;
import ua.viche.search.SearchProvider;

/** Petitions in the site-wide search. */
@Component
class PetitionSearchProvider implements SearchProvider {

    private final PetitionSearch search;

    PetitionSearchProvider(PetitionSearch search) {
        this.search = search;
    }

    @Override
    public String titleKey() {
        return "module.petitions.title";
    }

    @Override
    public List<SearchHit> search(Community community, String query, Locale locale, int limit) {
        return search.search(query, 0, limit).getContent().stream()
                .map(h -> new SearchHit(h.petition().getTitle(), h.snippet(), PetitionService.url(h.petition()), h.score()))
                .toList();
    }
}
