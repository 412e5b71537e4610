package ua.viche.archive.reading;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.archive.search.ArchiveSearch;
import ua.viche.platform.Community;
import ua.viche.search.SearchHit;
import ua.viche.search.SearchProvider;

/** The archive in the site-wide search: the first hits of the archive's own search, same access rules. */
@Component
class ArchiveSearchProvider implements SearchProvider {

    private final PublicArchive archive;

    ArchiveSearchProvider(PublicArchive archive) {
        this.archive = archive;
    }

    @Override
    public String titleKey() {
        return "module.archive.title";
    }

    @Override
    public List<SearchHit> search(Community community, String query, Locale locale, int limit) {
        if (query.isBlank() || query.length() > ArchiveSearch.MAX_QUERY) {
            return List.of();
        }
        return archive.search(ArchiveSearch.Query.of(query), community.slug()).hits().stream().limit(limit)
                .map(h -> new SearchHit(h.cipher() + " — " + h.title(), h.snippet(), h.url(), h.score()))
                .toList();
    }
}
