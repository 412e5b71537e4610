package ua.viche.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import ua.viche.platform.Community;

/** Asks every provider and merges their hits by score. */
@Service
public class SiteSearch {

    public static final int MAX_QUERY = 200;
    private final List<SearchProvider> providers;

    SiteSearch(List<SearchProvider> providers) {
        this.providers = providers;
    }

    /** Whether any module indexes content yet. */
    public boolean hasProviders() {
        return !providers.isEmpty();
    }

    public List<Result> search(Community community, String query, Locale locale, int limit) {
        String q = query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        List<Result> results = new ArrayList<>();
        for (SearchProvider p : providers) {
            for (SearchHit hit : p.search(community, q, locale, limit)) {
                results.add(new Result(p.titleKey(), hit));
            }
        }
        results.sort(Comparator.comparingDouble((Result r) -> r.hit().score()).reversed());
        return results.size() > limit ? results.subList(0, limit) : results;
    }

    /** A hit with the module it came from. */
    public record Result(String moduleKey, SearchHit hit) {}
}
